#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Peak RSS of `stampede run -n N` for N = 10⁵, 10⁶ and 10⁷ requests on each transport: a client
# that keeps per-request state grows with N; stampede should stay flat (target ± 5 MiB).
# 64 users, keep-alive GET of 1 KiB from the private one-worker nginx (core 1), stampede on
# core 0 under GNU time. 10⁷ requests take ~2.5 min per transport on an idle machine.
# Usage: tests/bench/bench_memory.sh [--counts "100000 1000000 10000000"] [--engines "native curl"]
# Environment: STAMPEDE (the binary), CLIENT_CPU (0), SERVER_CPU (1).
# See tests/bench/README.md. Runs as root to install missing Debian packages.
set -euo pipefail

bench_name=bench_memory
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

counts="100000 1000000 10000000"
engines="native curl"
users=64
min_rate=10000 # req/s: a run gets N / min_rate + 60 seconds before it is called stuck

while [ $# -gt 0 ]; do
    case $1 in
        --counts) counts=${2:?--counts needs a list like \"100000 1000000\"}; shift 2 ;;
        --engines) engines=${2:?--engines needs a list like \"native curl\"}; shift 2 ;;
        -h|--help) bench_usage; exit 0 ;;
        *) bench_usage >&2; die "unknown option '$1'" ;;
    esac
done
for n in $counts; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "count '$n' is not a positive integer"; done
for engine in $engines; do
    [[ $engine == native || $engine == curl ]] || die "engine '$engine' is neither native nor curl"
done
[ -n "${counts// /}" ] || die "--counts is empty"
[ -n "${engines// /}" ] || die "--engines is empty"

bench_require taskset:util-linux python3:python3
[ -x /usr/bin/time ] || bench_apt_install time || die "could not install GNU time"
# shellcheck source=lib/nginx.sh
source "$bench_dir/lib/nginx.sh"
bench_check_cpus
bench_check_stampede

bench_machine_header
echo "client pinned to core $CLIENT_CPU, server to core $SERVER_CPU"
echo "stampede: $("$STAMPEDE" --version 2>&1 | head -1) ($STAMPEDE)"
nginx_start 1k
url="$nginx_base/1k.bin"

echo
echo "== peak RSS of stampede run -n N --url $url -c $users"
echo "engine      requests asked  requests done   errors   seconds      req/s  peak RSS MiB"
failed=0
declare -A rss=() # "engine n" -> MiB
for engine in $engines; do
    for n in $counts; do
        name="mem-$engine-$n"
        # -n ends the run; -d and the timeout only bound a run that is far too slow.
        bench_timeout=$((n / min_rate + 60))
        if ! bench_measure "$name" "$STAMPEDE" run --url "$url" -c "$users" -n "$n" \
                -d $((bench_timeout - 10)) --engine "$engine" --json; then
            failed=1
            continue
        fi
        done_requests=$(json_get "$work/$name.out" requests)
        errors=$(json_get "$work/$name.out" errors)
        seconds=$(json_get "$work/$name.out" duration_s)
        rps=$(json_get "$work/$name.out" rps)
        rss["$engine $n"]=$(rss_mib "$name")
        printf '%-8s %15d %14d %8d %9.1f %10.0f %13.1f\n' "$engine" "$n" "$done_requests" \
            "$errors" "$seconds" "$rps" "${rss["$engine $n"]}"
        if [ "$done_requests" -lt "$n" ]; then
            warn "$engine made $done_requests of the $n requests asked for (too slow for its $((bench_timeout - 10)) s)"
            failed=1
        fi
        [ "$errors" = 0 ] || echo "         ^ $errors errors: $(json_get "$work/$name.out" errors_by_class)"
    done
done

echo
echo "== summary (target: flat within ± 5 MiB from the smallest to the largest count)"
read -r first _ <<<"$counts"
last=${counts##* }
for engine in $engines; do
    if [ -z "${rss["$engine $first"]:-}" ] || [ -z "${rss["$engine $last"]:-}" ]; then
        echo "$engine: incomplete (a run failed)"
        continue
    fi
    series=""
    for n in $counts; do series+="${series:+ → }${rss["$engine $n"]:-?}"; done
    awk -v e="$engine" -v s="$series" -v a="${rss["$engine $first"]}" -v b="${rss["$engine $last"]}" \
        -v f="$first" -v l="$last" 'BEGIN {
            d = b - a; if (d > -0.05 && d < 0.05) d = 0
            printf "%s: peak RSS %s MiB from %d to %d requests (%+.1f MiB)\n", e, s, f, l, d }'
done
echo "load average at the end: $(bench_loadavg); $(bench_busy)"
exit "$failed"
