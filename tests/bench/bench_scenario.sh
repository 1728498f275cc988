#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# What a scenario costs the client per request, side by side in one run against one
# `stampede serve` on its own core: a one-step GET plan (what every plan was before
# scenarios), and the 3-step flow POST /items (capture $.id) → GET /items/{{id}} → DELETE
# /items/{{id}}, each with a few users on the native transport, interleaved over ROUNDS rounds
# (median). Prints µs of client CPU per request, the flow's ratio to the one-step plan (target
# ≤ 1.3×), and peak RSS at two run lengths (flat: only what captures need of a body is kept).
# With BASELINE=/path/to/an/older/stampede, the one-step plan runs on it too, beside ours: the
# ratio says what the scenario machinery costs a plan that does not use it.
# Usage: tests/bench/bench_scenario.sh [--requests N] [--rounds R] [--users N]
# Environment: STAMPEDE (the binary), BASELINE (optional), CLIENT_CPU (0), SERVER_CPU (1).
set -euo pipefail

bench_name=bench_scenario
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

requests=60000
rounds=3
users=8
while [ $# -gt 0 ]; do
    case $1 in
        --requests) requests=${2:?--requests needs a number}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --users) users=${2:?--users needs a number}; shift 2 ;;
        -h|--help) bench_usage; exit 0 ;;
        *) bench_usage >&2; die "unknown option '$1'" ;;
    esac
done
for v in "$requests" "$rounds" "$users"; do
    [[ $v =~ ^[1-9][0-9]*$ ]] || die "'$v' is not a positive whole number"
done

bench_require taskset:util-linux python3:python3
[ -x /usr/bin/time ] || bench_apt_install time || die "could not install GNU time"
bench_check_cpus
bench_check_stampede
if [ -n "${BASELINE:-}" ]; then
    [ -x "$BASELINE" ] || die "BASELINE=$BASELINE is not an executable"
fi

bench_machine_header
echo "client pinned to core $CLIENT_CPU, server to core $SERVER_CPU"
echo "stampede: $("$STAMPEDE" --version 2>&1 | head -1) ($STAMPEDE)"
[ -z "${BASELINE:-}" ] || echo "baseline: $("$BASELINE" --version 2>&1 | head -1) ($BASELINE)"

# One server for every run, on its own core: its CPU is not the client's.
taskset -c "$SERVER_CPU" "$STAMPEDE" serve >"$work/serve.out" 2>"$work/serve.err" &
bench_track $!
for _ in $(seq 50); do grep -q '^http' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -m1 -o 'http://[^ ]*' "$work/serve.out") || die "stampede serve printed no URL: $(cat "$work/serve.err")"
base=${base%/}

cat >"$work/flow.json" <<JSON
{
    "stampede_plan": 2,
    "request": {"url": "$base", "engine": "native"},
    "scenario": {"steps": [
        {"name": "create", "method": "POST", "url": "/items", "json": {"name": "n{{user}}"},
         "expect_status": "201", "captures": [{"json": "\$.id", "as": "id"}]},
        {"name": "read", "url": "/items/{{id}}", "expect_status": "200"},
        {"name": "delete", "method": "DELETE", "url": "/items/{{id}}", "expect_status": "204"}
    ]},
    "load": {"model": "closed", "users": $users},
    "stop": {"duration_s": 300}
}
JSON

# run NAME BINARY ARGS...: one measured run; echoes "µs/req requests errors rss".
run() {
    local name=$1
    shift
    bench_measure "$name" "$@" --json || return 1
    local finished errors
    finished=$(json_get "$work/$name.out" requests)
    errors=$(json_get "$work/$name.out" errors)
    echo "$(cpu_us "$name" "$finished") $finished $errors $(rss_mib "$name")"
}

declare -A us=() errs=()
kinds="one-step flow"
[ -z "${BASELINE:-}" ] || kinds="one-step baseline flow"
echo
echo "== $rounds rounds, interleaved: $requests requests each ($users users, native transport)"
echo "round  plan        µs/req   requests   errors   peak RSS MiB"
for round in $(seq "$rounds"); do
    for kind in $kinds; do
        case $kind in
            one-step) cmd=("$STAMPEDE" run --url "$base/" -c "$users" -n "$requests" --engine native) ;;
            baseline) cmd=("$BASELINE" run --url "$base/" -c "$users" -n "$requests" --engine native) ;;
            flow) cmd=("$STAMPEDE" run --plan "$work/flow.json" -n $((requests / 3))) ;;
        esac
        read -r cpu finished errors rss < <(run "$kind-$round" "${cmd[@]}") ||
            die "the $kind run failed"
        printf '%5d  %-9s %8s %10d %8d %14s\n' "$round" "$kind" "$cpu" "$finished" "$errors" "$rss"
        us[$kind]+="$cpu "
        errs[$kind]=$(( ${errs[$kind]:-0} + errors ))
    done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
one=$(med "${us[one-step]}")
flow=$(med "${us[flow]}")
echo
echo "== medians"
printf 'one-step plan   %8.2f µs/req\n' "$one"
printf '3-step flow     %8.2f µs/req   %.2f× the one-step plan (target ≤ 1.3×)\n' "$flow" \
    "$(awk -v a="$flow" -v b="$one" 'BEGIN { print a / b }')"
if [ -n "${BASELINE:-}" ]; then
    old=$(med "${us[baseline]}")
    printf 'baseline        %8.2f µs/req   ours is %.2f× the baseline\n' "$old" \
        "$(awk -v a="$one" -v b="$old" 'BEGIN { print a / b }')"
fi
for kind in $kinds; do
    [ "${errs[$kind]}" = 0 ] || warn "$kind: ${errs[$kind]} errors in all (see the JSON in $work)"
done

echo
echo "== peak RSS of the flow at two lengths (flat: nothing grows per iteration)"
for n in $((requests / 30)) $((requests * 2 / 3)); do
    read -r _ finished _ rss < <(run "flow-rss-$n" "$STAMPEDE" run --plan "$work/flow.json" -n "$n") ||
        die "the flow run of $n iterations failed"
    printf '%8d iterations (%d requests): %s MiB\n' "$n" "$finished" "$rss"
done
echo "load average at the end: $(bench_loadavg); $(bench_busy)"
