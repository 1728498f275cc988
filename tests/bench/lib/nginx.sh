# shellcheck shell=bash disable=SC2154 # work, die, bench_*: from lib/common.sh
# Sourced after lib/common.sh: a private nginx, NGINX_WORKERS workers (default one) pinned to
# SERVER_CPU (a core, or a taskset list such as 2-3), listening on 127.0.0.1 only (a free port
# in 18080–18180), serving /SIZE.bin files with keep-alive.
# Debian's own nginx service is never started.

bench_require nginx:nginx-light ss:iproute2
export PATH="$PATH:/usr/sbin:/sbin"

to_bytes() {
    local n=${1%[kKmM]}
    case $1 in
        *[kK]) echo $((n * 1024)) ;;
        *[mM]) echo $((n * 1024 * 1024)) ;;
        *) echo "$n" ;;
    esac
}
check_size() { [[ $1 =~ ^[1-9][0-9]*[kKmM]?$ ]] || die "size '$1' is not like 512, 1k or 1m"; }

# nginx_start SIZE...: serves $work/www/SIZE.bin of random bytes for each SIZE; sets nginx_base
# (http://127.0.0.1:PORT) and nginx_version, for the caller.
nginx_start() {
    local nginx_bin size module temp_paths="" port pid
    nginx_bin=$(command -v nginx)
    # shellcheck disable=SC2034 # read by the caller
    nginx_version=$("$nginx_bin" -v 2>&1 | head -1)
    mkdir -p "$work/www" "$work/tmp"
    for size in "$@"; do
        head -c "$(to_bytes "$size")" /dev/urandom >"$work/www/$size.bin"
    done
    # Workers drop to an unprivileged user when started as root; let them read the files.
    chmod 755 "$work" "$work/www"
    chmod 644 "$work/www/"*.bin
    port=$(bench_free_port 18080 18180) || die "no free port in 18080..18180"
    for module in proxy fastcgi uwsgi scgi; do
        "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_${module}_module" ||
            temp_paths+="    ${module}_temp_path $work/tmp/$module;"$'\n'
    done
    cat >"$work/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-1};
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/octet-stream;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 300s;
    keepalive_requests 10000000;
    client_body_temp_path $work/tmp/body;
$temp_paths    server {
        listen 127.0.0.1:$port;
        root $work/www;
        location / { }
    }
}
CONF
    "$nginx_bin" -t -q -p "$work" -e "$work/error.log" -c "$work/nginx.conf" ||
        die "nginx rejects its config: $(cat "$work/error.log" 2>/dev/null)"
    # taskset execs nginx, so $! is the master: TERM to it stops the worker too.
    taskset -c "$SERVER_CPU" "$nginx_bin" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" &
    pid=$!
    bench_track "$pid"
    for _ in $(seq 100); do
        bench_running "$pid" || die "nginx exited: $(cat "$work/error.log" 2>/dev/null)"
        ss -Hltn "sport = :$port" | grep -q . && break
        sleep 0.05
    done
    ss -Hltn "sport = :$port" | grep -q . || die "nginx does not listen on $port"
    # Confirm a file is served whole (some clients only count non-2xx).
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'HEAD /%s.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&3
    head -1 <&3 | grep -q ' 200 ' || die "nginx does not serve /$1.bin: $(cat "$work/error.log")"
    exec 3<&- 3>&-
    nginx_base="http://127.0.0.1:$port"
    echo "nginx: pid $pid, ${NGINX_WORKERS:-1} worker(s) on core(s) $SERVER_CPU, serving $(cd "$work/www" && echo *.bin) at $nginx_base/"
}
