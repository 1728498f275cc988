#!/usr/bin/env bash
# Client CPU per request: `stampede run` on its native and its libcurl transport against wrk,
# all pinned to core 0 in interleaved rounds, hitting a
# private one-worker nginx pinned to core 1 over loopback keep-alive. Also checks that
# stampede's peak RSS stays flat between 100k and 1M requests.
# Usage: tests/bench/bench_vs_wrk.sh [--rounds N] [--duration S] [--sizes "1k 64k"]
#                                    [--skip-stampede] [--skip-memory] [--syscalls]
# --syscalls: also counts each client's system calls per request once, under strace -f -c.
# Environment: STAMPEDE (the binary), CLIENT_CPU (default 0), SERVER_CPU (default 1).
# See tests/bench/README.md. Runs as root to install missing Debian packages.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
STAMPEDE=${STAMPEDE:-"$script_dir/../../build/release/app/stampede"}
CLIENT_CPU=${CLIENT_CPU:-0}
SERVER_CPU=${SERVER_CPU:-1}
rounds=3
duration=10
sizes="1k 64k"
skip_stampede=0
skip_memory=0
syscalls=0
connections=64
client_timeout=120

usage() { sed -n '2,8s/^# \{0,1\}//p' "$0"; }
die() { echo "bench: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
        --sizes) sizes=${2:?--sizes needs a list like \"1k 64k\"}; shift 2 ;;
        --skip-stampede) skip_stampede=1; shift ;;
        --skip-memory) skip_memory=1; shift ;;
        --syscalls) syscalls=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option '$1'" ;;
    esac
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer, not '$rounds'"
[[ $duration =~ ^[1-9][0-9]*$ ]] || die "--duration must be whole seconds > 0, not '$duration'"
[ "$duration" -lt "$client_timeout" ] || die "--duration must be below $client_timeout s"
for size in $sizes; do
    [[ $size =~ ^[1-9][0-9]*[kKmM]?$ ]] || die "size '$size' is not like 512, 1k or 1m"
done
[ -n "${sizes// /}" ] || die "--sizes is empty"

# --- packages ---------------------------------------------------------------------------
install_missing() {
    local missing=()
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    command -v wrk >/dev/null || missing+=(wrk)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v taskset >/dev/null || missing+=(util-linux)
    command -v ss >/dev/null || missing+=(iproute2)
    [ "$syscalls" -eq 0 ] || command -v strace >/dev/null || missing+=(strace)
    [ ${#missing[@]} -gt 0 ] || return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run as root or install them"
    echo "bench: installing ${missing[*]}"
    # Debian starts a freshly installed nginx on 0.0.0.0:80; forbid that (policy-rc.d
    # exit 101 = "action forbidden") unless the machine already has a policy.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    local rc=0
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } || rc=$?
    [ "$created_policy" -eq 0 ] || rm -f "$policy"
    [ "$rc" -eq 0 ] || die "apt-get failed ($rc)"
}
install_missing
export PATH="$PATH:/usr/sbin:/sbin"
nginx_bin=$(command -v nginx)

cpus=$(nproc)
if [ "$cpus" -lt 2 ] && [ "$CLIENT_CPU" = 0 ] && [ "$SERVER_CPU" = 1 ]; then
    echo "bench: WARNING only $cpus CPU: client and server share core 0" >&2
    SERVER_CPU=0
fi

if [ "$skip_stampede" -eq 0 ]; then
    [ -x "$STAMPEDE" ] || die "no stampede binary at $STAMPEDE (build it, set STAMPEDE, or --skip-stampede)"
    "$STAMPEDE" run --help >/dev/null 2>&1 ||
        die "$STAMPEDE has no working 'run' command (use --skip-stampede for the wrk half)"
fi

# --- cleanup ----------------------------------------------------------------------------
work=$(mktemp -d /tmp/stampede-bench.XXXXXX)
nginx_pid=""
client_pid=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$client_pid" ]; then
        kill -TERM "$client_pid" 2>/dev/null || true
        wait "$client_pid" 2>/dev/null || true
    fi
    if [ -n "$nginx_pid" ]; then
        local pid=$nginx_pid
        [ -s "$work/nginx.pid" ] && pid=$(<"$work/nginx.pid")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- machine ----------------------------------------------------------------------------
echo "== machine"
echo "cpus: $cpus; model: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (anything well above 0 makes numbers noisy)"
echo "client pinned to core $CLIENT_CPU, nginx to core $SERVER_CPU, $connections connections"
echo "wrk: $( (wrk -v 2>&1 || true) | head -1)"
echo "nginx: $("$nginx_bin" -v 2>&1 | head -1)"
if [ "$skip_stampede" -eq 0 ]; then
    echo "stampede: $("$STAMPEDE" --version 2>&1 | head -1) ($STAMPEDE)"
fi

# --- private nginx ----------------------------------------------------------------------
to_bytes() {
    local n=${1%[kKmM]}
    case $1 in
        *[kK]) echo $((n * 1024)) ;;
        *[mM]) echo $((n * 1024 * 1024)) ;;
        *) echo "$n" ;;
    esac
}
mkdir -p "$work/www" "$work/tmp"
for size in $sizes 1k; do
    head -c "$(to_bytes "$size")" /dev/urandom >"$work/www/$size.bin"
done
# Workers drop to an unprivileged user when started as root; let them read the files.
chmod 755 "$work" "$work/www"
chmod 644 "$work/www/"*.bin

port=""
for candidate in $(seq 18080 18180); do
    if ! ss -Hltn "sport = :$candidate" | grep -q .; then port=$candidate; break; fi
done
[ -n "$port" ] || die "no free port in 18080..18180"

temp_paths=""
for module in proxy fastcgi uwsgi scgi; do
    "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_${module}_module" ||
        temp_paths+="    ${module}_temp_path $work/tmp/$module;"$'\n'
done
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
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
EOF

"$nginx_bin" -t -q -p "$work" -e "$work/error.log" -c "$work/nginx.conf" ||
    die "nginx rejects its config: $(cat "$work/error.log" 2>/dev/null)"
taskset -c "$SERVER_CPU" "$nginx_bin" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" &
nginx_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
    kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited: $(cat "$work/error.log" 2>/dev/null)"
    ss -Hltn "sport = :$port" | grep -q . && break
    sleep 0.05
done
ss -Hltn "sport = :$port" | grep -q . || die "nginx does not listen on $port"
# Confirm the files are served whole (wrk itself would only count non-2xx).
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'HEAD /1k.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
head -1 <&3 | grep -q ' 200 ' || die "nginx does not serve /1k.bin: $(cat "$work/error.log")"
exec 3<&- 3>&-
echo "nginx: pid $nginx_pid, one worker, serving $(cd "$work/www" && echo *.bin) at $base/"

# --- measuring --------------------------------------------------------------------------
# measure NAME CMD...: runs CMD pinned to the client core under GNU time and a timeout;
# leaves NAME.out (stdout), NAME.err, NAME.time ("user sys maxrss_kib" on its last line).
measure() {
    local name=$1; shift
    local rc=0
    # In the background so that a signal reaches our trap at once; timeout leads its own
    # process group and passes a TERM from cleanup on to the client.
    timeout "$client_timeout" taskset -c "$CLIENT_CPU" \
        /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" \
        >"$work/$name.out" 2>"$work/$name.err" &
    client_pid=$!
    wait "$client_pid" || rc=$?
    client_pid=""
    if [ "$rc" -ne 0 ]; then
        echo "bench: '$*' failed (exit $rc$([ "$rc" -eq 124 ] && echo ", timed out after ${client_timeout}s"))" >&2
        tail -5 "$work/$name.err" >&2 || true
        exit 1
    fi
}
time_field() { tail -1 "$work/$1.time" | awk -v f="$2" '{ print $f }'; }
# json_field NAME KEY...: the first of the keys present in NAME.out's JSON object.
json_field() {
    local name=$1; shift
    python3 - "$work/$name.out" "$@" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    text = f.read()
start = text.find("{")
obj = json.JSONDecoder().raw_decode(text[start:])[0] if start >= 0 else {}
for key in sys.argv[2:]:
    if key in obj:
        print(obj[key])
        break
else:
    sys.exit(f"none of {sys.argv[2:]} in the JSON: {text[:200]!r}")
PY
}
# row TOOL ROUND REQUESTS RPS NAME -> appends "tool round rps us_per_req rss_mib" to results
row() {
    local user sys rss
    user=$(time_field "$5" 1); sys=$(time_field "$5" 2); rss=$(time_field "$5" 3)
    [ "$3" -gt 0 ] || die "$1 round $2 made no requests"
    awk -v t="$1" -v r="$2" -v n="$3" -v rps="$4" -v u="$user" -v s="$sys" -v m="$rss" \
        'BEGIN { printf "%-9s %5s %10.0f %10.2f %9.1f %9d\n", t, r, rps, (u + s) / n * 1e6, m / 1024, n }' |
        tee -a "$results"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

summary=()
for size in $sizes; do
    url="$base/$size.bin"
    results="$work/results-$size.txt"
    : >"$results"
    echo
    echo "== $size: GET $url, $connections connections, ${duration}s, $rounds round(s)"
    echo "tool      round      req/s     µs/req   RSS MiB  requests"
    # Interleaved rounds: wrk, then each stampede transport, so a noisy moment hits all.
    for round in $(seq "$rounds"); do
        name="wrk-$size-$round"
        measure "$name" wrk -t1 -c"$connections" -d"${duration}s" --latency "$url"
        requests=$(sed -n 's/^[[:space:]]*\([0-9]\+\) requests in.*/\1/p' "$work/$name.out")
        rps=$(sed -n 's/^Requests\/sec:[[:space:]]*//p' "$work/$name.out")
        [[ -n $requests && -n $rps ]] || die "cannot parse wrk output: $(cat "$work/$name.out")"
        row wrk "$round" "$requests" "$rps" "$name"
        grep -E 'Non-2xx|Socket errors' "$work/$name.out" | sed 's/^ */          wrk: /' || true
        [ "$skip_stampede" -eq 0 ] || continue
        for engine in native curl; do
            name="stampede-$engine-$size-$round"
            measure "$name" "$STAMPEDE" run --url "$url" -c "$connections" -d "$duration" \
                --engine "$engine" --json
            requests=$(json_field "$name" requests completed)
            rps=$(json_field "$name" rps)
            errors=$(json_field "$name" errors 2>/dev/null || echo 0)
            row "$engine" "$round" "$requests" "$rps" "$name"
            [ "$errors" = 0 ] || echo "          stampede $engine: $errors errors"
        done
    done
    wrk_us=$(awk '$1 == "wrk" { print $4 }' "$results" | median)
    wrk_rps=$(awk '$1 == "wrk" { print $3 }' "$results" | median)
    line=$(printf '%s: wrk %.1f µs/req' "$size" "$wrk_us")
    echo "median    wrk      $(printf '%.0f req/s, %.2f µs/req' "$wrk_rps" "$wrk_us")"
    if [ "$skip_stampede" -eq 0 ]; then
        for engine in native curl; do
            st_us=$(awk -v e="$engine" '$1 == e { print $4 }' "$results" | median)
            st_rps=$(awk -v e="$engine" '$1 == e { print $3 }' "$results" | median)
            printf 'median    %-8s %.0f req/s, %.2f µs/req\n' "$engine" "$st_rps" "$st_us"
            line+=$(awk -v e="$engine" -v w="$wrk_us" -v t="$st_us" \
                'BEGIN { printf ", stampede %s %.1f µs/req (%.2f× wrk)", e, t, t / w }')
        done
    else
        line+=" (stampede skipped)"
    fi
    summary+=("$line")
done

# --- memory flatness --------------------------------------------------------------------
memory_line=""
if [ "$skip_stampede" -eq 0 ] && [ "$skip_memory" -eq 0 ]; then
    echo
    echo "== memory: stampede run -n 100000 and -n 1000000 on $base/1k.bin"
    for n in 100000 1000000; do
        name="stampede-mem-$n"
        measure "$name" "$STAMPEDE" run --url "$base/1k.bin" -c "$connections" -n "$n" --json
        done_requests=$(json_field "$name" requests completed)
        echo "-n $n: $done_requests requests, $(json_field "$name" errors 2>/dev/null || echo '?') errors, peak RSS $(awk '{ printf "%.1f", $1 / 1024 }' <<<"$(time_field "$name" 3)") MiB"
        [ "$done_requests" -ge "$n" ] || echo "bench: WARNING stampede made $done_requests of the $n requests asked for" >&2
    done
    memory_line=$(awk -v a="$(time_field stampede-mem-100000 3)" -v b="$(time_field stampede-mem-1000000 3)" \
        'BEGIN { d = (b - a) / 1024; if (d > -0.05 && d < 0.05) d = 0
                 printf "RSS after 1M requests vs 100k: %.1f MiB vs %.1f MiB (%+.1f MiB)", b / 1024, a / 1024, d }')
fi

# --- system calls per request -----------------------------------------------------------
syscall_lines=()
if [ "$syscalls" -eq 0 ]; then :; else
    echo
    echo "== system calls per request (strace -f -c, 3 s each, on $base/1k.bin; strace slows"
    echo "   every client, so these runs count calls, not speed)"
    count_calls() { # NAME REQUESTS: calls per request from NAME.strace's total line
        awk -v n="$2" '$NF == "total" { printf "%.2f", $4 / n }' "$work/$1.strace"
    }
    measure syscalls-wrk strace -f -c -o "$work/syscalls-wrk.strace" \
        wrk -t1 -c"$connections" -d3s "$base/1k.bin"
    requests=$(sed -n 's/^[[:space:]]*\([0-9]\+\) requests in.*/\1/p' "$work/syscalls-wrk.out")
    syscall_lines+=("wrk: $(count_calls syscalls-wrk "$requests") calls/request")
    if [ "$skip_stampede" -eq 0 ]; then
        for engine in native curl; do
            name="syscalls-$engine"
            measure "$name" strace -f -c -o "$work/$name.strace" "$STAMPEDE" run \
                --url "$base/1k.bin" -c "$connections" -d 3 --engine "$engine" --json
            requests=$(json_field "$name" requests completed)
            syscall_lines+=("stampede $engine: $(count_calls "$name" "$requests") calls/request")
        done
    fi
    printf '%s\n' "${syscall_lines[@]}"
    for name in wrk native curl; do
        [ -f "$work/syscalls-$name.strace" ] || continue
        echo "-- $name, the five most frequent calls:"
        sed -n '3,$p' "$work/syscalls-$name.strace" | grep -v -- '----' | grep -v total |
            sort -k4 -n -r | head -5 | awk '{ print "   " $NF, $4 }'
    done
fi

echo
echo "== summary (client CPU per request = (user + sys) / requests; medians of $rounds round(s);"
echo "   targets: native ≤ 1.1× wrk at 1 KiB, ≤ 1.0× at 64 KiB)"
printf '%s\n' "${summary[@]}"
[ -z "$memory_line" ] || echo "$memory_line"
[ ${#syscall_lines[@]} -eq 0 ] || printf 'system calls: %s\n' "${syscall_lines[@]}"
