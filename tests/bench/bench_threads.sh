#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# How `stampede run --threads K` scales: the same closed-model load (64 users, keep-alive GET of
# 1 KiB, native transport) from K engine threads against a private nginx, for each K; prints
# req/s, client CPU per request and the speed-up over the first K. The client gets the cores in
# CLIENT_CPU, nginx those in SERVER_CPU with NGINX_WORKERS workers, so on a machine with more
# cores, e.g. CLIENT_CPU=0-3 SERVER_CPU=4-7 NGINX_WORKERS=4, the scaling shows; on 2 cores
# (one each) threads beyond the first only take turns, and the script says so.
# Usage: tests/bench/bench_threads.sh [--threads "1 2 4"] [--duration S] [--users N]
# Environment: STAMPEDE (the binary), CLIENT_CPU (0), SERVER_CPU (1), NGINX_WORKERS (1).
# See tests/bench/README.md. Runs as root to install missing Debian packages.
set -euo pipefail

bench_name=bench_threads
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

duration=5
users=64
threads=""

while [ $# -gt 0 ]; do
    case $1 in
        --threads) threads=${2:?--threads needs a list like \"1 2 4\"}; shift 2 ;;
        --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
        --users) users=${2:?--users needs a number}; shift 2 ;;
        -h|--help) bench_usage; exit 0 ;;
        *) bench_usage >&2; die "unknown option '$1'" ;;
    esac
done
[[ $duration =~ ^[1-9][0-9]*$ ]] || die "--duration must be whole seconds > 0, not '$duration'"
[[ $users =~ ^[1-9][0-9]*$ ]] || die "--users must be a positive integer, not '$users'"

bench_require taskset:util-linux python3:python3
[ -x /usr/bin/time ] || bench_apt_install time || die "could not install GNU time"
# shellcheck source=lib/nginx.sh
source "$bench_dir/lib/nginx.sh"
bench_check_cpus
bench_check_stampede

client_cores=$(taskset -c "$CLIENT_CPU" nproc)
if [ -z "$threads" ]; then
    threads=$(seq -s ' ' 1 "$((client_cores > 1 ? client_cores : 2))")
fi
for k in $threads; do
    [[ $k =~ ^[1-9][0-9]*$ ]] || die "thread count '$k' is not a positive integer"
done

bench_machine_header
echo "client on core(s) $CLIENT_CPU ($client_cores), server on core(s) $SERVER_CPU"
echo "stampede: $("$STAMPEDE" --version 2>&1 | head -1) ($STAMPEDE)"
nginx_start 1k
url="$nginx_base/1k.bin"

echo
echo "== stampede run --url $url -c $users -d $duration --engine native --threads K"
echo "threads      req/s     µs/req   speed-up   errors"
failed=0
first_rps=""
for k in $threads; do
    name="threads-$k"
    bench_timeout=$((duration + 60))
    if ! bench_measure "$name" "$STAMPEDE" run --url "$url" -c "$users" -d "$duration" \
            --engine native --threads "$k" --json; then
        failed=1
        continue
    fi
    requests=$(json_get "$work/$name.out" requests)
    rps=$(json_get "$work/$name.out" rps)
    errors=$(json_get "$work/$name.out" errors)
    ran=$(json_get "$work/$name.out" threads)
    [ -n "$first_rps" ] || first_rps=$rps
    printf '%7d %10.0f %10s %9.2fx %8d%s\n' "$k" "$rps" "$(cpu_us "$name" "$requests")" \
        "$(awk -v a="$rps" -v b="$first_rps" 'BEGIN { print a / b }')" "$errors" \
        "$([ "$ran" = "$k" ] || echo "   (ran on $ran threads)")"
done
echo
if [ "$client_cores" -lt "$(echo "$threads" | tr ' ' '\n' | sort -n | tail -1)" ]; then
    echo "note: the client has $client_cores core(s), so threads beyond $client_cores take turns on"
    echo "them: the figures show what the extra threads cost, not how they scale. Run on a machine"
    echo "with more cores (CLIENT_CPU, SERVER_CPU, NGINX_WORKERS) to see the scaling."
fi
echo "load average at the end: $(bench_loadavg); $(bench_busy)"
exit "$failed"
