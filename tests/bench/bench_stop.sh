#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# How fast `stampede run` stops with 10,000 requests in flight: a separate `stampede serve`
# (loopback) holds every request to /stall unanswered; once its own /stats counts all 10,000
# /stall requests, the run gets SIGINT, and the time from the signal to the run's exit is
# taken (pidfd, monotonic clock). Repeated, alternating the transports; median and max.
# Target: < 100 ms.
# Usage: tests/bench/bench_stop.sh [--users N] [--repetitions R] [--engines "native curl"]
#                                  [--trace]
# --trace: one more stop per transport with strace on the run's main thread (only
# rt_sigtimedwait and exit_group): when it noticed the signal, and when it exited; and each
# thread's CPU time and wait for a CPU meanwhile (schedstat). The engine threads stay untraced.
# Environment: STAMPEDE (the binary). See tests/bench/README.md.
set -euo pipefail

bench_name=bench_stop
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

users=10000
repetitions=5
engines="native curl"
trace=0
ramp_timeout=60 # seconds for all users to get their request to the server
exit_timeout=10 # seconds a stopping run may take before it is called stuck (and killed)

while [ $# -gt 0 ]; do
    case $1 in
        --users) users=${2:?--users needs a number}; shift 2 ;;
        --repetitions) repetitions=${2:?--repetitions needs a number}; shift 2 ;;
        --engines) engines=${2:?--engines needs a list like \"native curl\"}; shift 2 ;;
        --trace) trace=1; shift ;;
        -h|--help) bench_usage; exit 0 ;;
        *) bench_usage >&2; die "unknown option '$1'" ;;
    esac
done
[[ $users =~ ^[1-9][0-9]*$ ]] || die "--users must be a positive integer, not '$users'"
[[ $repetitions =~ ^[1-9][0-9]*$ ]] || die "--repetitions must be a positive integer"
[ -n "${engines// /}" ] || die "--engines is empty"
for engine in $engines; do
    [[ $engine == native || $engine == curl ]] || die "engine '$engine' is neither native nor curl"
done

bench_require python3:python3
[ "$trace" -eq 0 ] || bench_require strace:strace
bench_check_stampede

# Each process holds one socket per user, plus Qt's and libcurl's own: raise the limit.
need=$((users + 1000))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$need" ]; then
    ulimit -Hn "$need" 2>/dev/null || die "the fd hard limit is $(ulimit -Hn) < $need and cannot be raised"
fi
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge "$need" ] || die "cannot raise the fd limit to $need"

# helper ACTION ARGS: the parts that want a monotonic clock, JSON and pidfds.
helper() {
    python3 - "$@" <<'PY'
import json, os, re, select, signal, sys, time, urllib.request
signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C: end quietly, the script cleans up

def stalls(url):
    with urllib.request.urlopen(url + "/stats", timeout=5) as reply:
        stats = json.load(reply)
    stall = stats.get("endpoints", {}).get("/stall", {}).get("requests", 0)
    return stall, stats["connections"]["open"]

action = sys.argv[1]
if action == "stalls":  # URL: the server's /stall count so far
    print(stalls(sys.argv[2])[0])
elif action == "wait-stalls":  # URL PID BASE N TIMEOUT STARTED: until N more /stall requests
    url, pid, base, n, limit = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
    started, start = float(sys.argv[7]), time.monotonic()  # STARTED: wall time of the run's start
    while True:
        count = stalls(url)[0] - base
        if count >= n:
            print(f"{time.time() - started:.2f}")  # seconds from the run's start
            break
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(f"the run exited with {count} of {n} requests in flight")
        if time.monotonic() - start > limit:
            sys.exit(f"only {count} of {n} requests in flight after {limit:g} s")
        time.sleep(0.05)
elif action == "wait-idle":  # URL TIMEOUT: until the server has no connection but ours
    url, limit = sys.argv[2], float(sys.argv[3])
    start = time.monotonic()
    while stalls(url)[1] > 1:
        if time.monotonic() - start > limit:
            sys.exit(f"the server still has {stalls(url)[1] - 1} connections open after {limit:g} s")
        time.sleep(0.05)
elif action == "stop":  # PID TIMEOUT [sample]: SIGINT, then ms until the process exits
    # Prints "ms wall_time_of_the_signal"; with sample, then one line per thread: its CPU time
    # and its time waiting for a CPU from the signal to the exit (/proc/PID/task/*/schedstat,
    # read every 5 ms; a thread that ended before the process keeps its last reading).
    pid, limit, sample = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:] == ["sample"]
    def schedstat():
        found = {}
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    comm = f.read().strip()
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    on_cpu, waiting = map(int, f.read().split()[:2])
            except OSError:
                continue
            found[tid] = (comm, on_cpu, waiting)
        return found
    fd = os.pidfd_open(pid)
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    before = schedstat() if sample else {}
    last = dict(before)
    wall, start = time.time(), time.monotonic()
    os.kill(pid, signal.SIGINT)
    while not poller.poll(5 if sample else limit * 1000):
        if time.monotonic() - start > limit:
            sys.exit(f"no exit within {limit:g} s of SIGINT")
        try:
            last.update(schedstat())
        except OSError:
            pass  # exiting
    print(f"{(time.monotonic() - start) * 1000:.1f} {wall:.6f}")
    threads = {}
    for tid, (comm, on_cpu, waiting) in last.items():
        _, cpu0, wait0 = before.get(tid, (comm, 0, 0))
        total = threads.setdefault(comm, [0, 0])
        total[0] += (on_cpu - cpu0) / 1e6
        total[1] += (waiting - wait0) / 1e6
    for comm, (on_cpu, waiting) in sorted(threads.items()):
        if on_cpu >= 0.5 or waiting >= 0.5:
            print(f"{comm}: {on_cpu:.1f} ms on a CPU, {waiting:.1f} ms waiting for one")
elif action == "trace":  # FILE SIGNAL_WALL: when the run noticed SIGINT, and when it exited
    path, signalled = sys.argv[2], float(sys.argv[3])
    noticed = exited = None
    lines = [m.groups() for m in (re.match(r"^(?:\d+\s+)?(\d+\.\d+)\s+(.*)$", l) for l in open(path)) if m]
    for t, call in lines:
        t = float(t)
        if noticed is None and call.startswith("rt_sigtimedwait") and "= 2" in call and t >= signalled:
            noticed = t  # returned SIGINT (2)
        if call.startswith("exit_group"):
            exited = t
    if noticed is None or exited is None:
        sys.exit("the trace has no rt_sigtimedwait returning SIGINT, or no exit_group")
    polls = [float(t) for t, call in lines if call.startswith("rt_sigtimedwait(")]
    gaps = sorted(b - a for a, b in zip(polls, polls[1:]))
    print(f"signal -> the run noticed it (rt_sigtimedwait returned SIGINT): {(noticed - signalled) * 1000:.1f} ms")
    print(f"noticed -> exit_group: {(exited - noticed) * 1000:.1f} ms")
    if gaps:
        print(f"the run polled for signals {len(polls)} times, every {gaps[len(gaps) // 2] * 1000:.0f} ms (median)")
PY
}

bench_machine_header
echo "stampede: $("$STAMPEDE" --version 2>&1 | head -1) ($STAMPEDE); fd limit $(ulimit -n); not pinned"

# The server: its own process, so the run's exit is not slowed by the server's teardown.
"$STAMPEDE" serve --duration 3600 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
bench_track "$serve_pid"
url=""
for _ in $(seq 100); do
    url=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
    [ -z "$url" ] || break
    bench_running "$serve_pid" || die "stampede serve exited: $(cat "$work/serve.err")"
    sleep 0.05
done
[ -n "$url" ] || die "stampede serve printed no URL: $(cat "$work/serve.out" "$work/serve.err")"
echo "server: stampede serve, pid $serve_pid, at $url; the run: $users users on GET $url/stall"

# one_stop ENGINE NAME [trace]: starts a run, waits for all users in flight, stops it; sets
# ramp_s, stop_ms, signal_wall, run_rc and outcome. Returns non-zero when that failed.
# trace: once all are in flight, strace attaches to the run's main thread alone (NAME.strace;
# the engine threads stay untraced), and each thread's schedstat is sampled until the exit
# (sets threads).
one_stop() {
    local engine=$1 name=$2 mode=${3:-plain} base started pid stopped watchers=() job
    threads=""
    helper wait-idle "$url" 30 || return 1
    base=$(helper stalls "$url")
    started=$EPOCHREALTIME
    # Bounded by itself (-d) and by the cleanup; --timeout keeps every request in flight.
    "$STAMPEDE" run --url "$url/stall" -c "$users" -d 120 --timeout 120000 \
        --engine "$engine" --json >"$work/$name.out" 2>"$work/$name.err" &
    pid=$!
    bench_track "$pid"
    if ! ramp_s=$(helper wait-stalls "$url" "$pid" "$base" "$users" "$ramp_timeout" "$started"); then
        bench_stop "$pid"
        return 1
    fi
    if [ "$mode" = trace ]; then # ends when the run does
        strace -ttt -e trace=rt_sigtimedwait,exit_group -e signal=none -o "$work/$name.strace" -p "$pid" 2>/dev/null &
        watchers+=($!)
        for job in "${watchers[@]}"; do bench_track "$job"; done
        sleep 0.3 # attached; the run is idle meanwhile (every request stalls)
    fi
    if ! stopped=$(helper stop "$pid" "$exit_timeout" "$([ "$mode" = trace ] && echo sample)"); then
        bench_stop "$pid" KILL
        return 1
    fi
    read -r stop_ms signal_wall <<<"$(head -1 <<<"$stopped")"
    threads=$(tail -n +2 <<<"$stopped")
    run_rc=0
    wait "$pid" || run_rc=$?
    bench_forget "$pid"
    for job in "${watchers[@]}"; do
        wait "$job" || true
        bench_forget "$job"
    done
    outcome=$(json_get "$work/$name.out" outcome 2>/dev/null || echo "no JSON")
}

echo
echo "== SIGINT with $users requests in flight, then the time to exit"
echo "rep  engine   ramp s   stop ms   exit  outcome   (ramp: from the start of the run to all in flight)"
failed=0
declare -A stops=()
for rep in $(seq "$repetitions"); do
    for engine in $engines; do
        if ! one_stop "$engine" "stop-$engine-$rep"; then
            echo "$rep    $engine: failed ($(tail -2 "$work/stop-$engine-$rep.err" 2>/dev/null | tr '\n' ' '))"
            failed=1
            continue
        fi
        printf '%-4s %-8s %6s %9s %6s  %s\n' "$rep" "$engine" "$ramp_s" "$stop_ms" "$run_rc" "$outcome"
        stops[$engine]+="$stop_ms "
        if [ "$run_rc" -ne 0 ] || [ "$outcome" != stopped ]; then failed=1; fi
    done
done

if [ "$trace" -eq 1 ]; then
    echo
    echo "== where the time goes: one more stop per transport, its main thread under strace -e"
    echo "   trace=rt_sigtimedwait,exit_group (it polls for SIGINT between its waits for the"
    echo "   engine); each thread's CPU time and run-queue wait from /proc/PID/task/*/schedstat"
    for engine in $engines; do
        name="trace-$engine"
        if one_stop "$engine" "$name" trace; then
            echo "$engine: stop took $stop_ms ms (traced)"
            helper trace "$work/$name.strace" "$signal_wall" | sed 's/^/   /' || failed=1
            echo "   from the signal to the exit, per thread (schedstat):"
            while IFS= read -r line; do echo "     $line"; done <<<"$threads"
        else
            echo "$engine: the traced run failed"
            failed=1
        fi
    done
fi

echo
echo "== summary: time from SIGINT to exit with $users requests in flight (target < 100 ms)"
for engine in $engines; do
    [ -n "${stops[$engine]:-}" ] || { echo "$engine: no successful repetition"; continue; }
    # shellcheck disable=SC2086 # one value per word
    printf '%s\n' ${stops[$engine]} | sort -g | awk -v e="$engine" '{ v[NR] = $1 }
        END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "%s: median %.1f ms, max %.1f ms, min %.1f ms over %d repetitions\n", e, m, v[NR], v[1], NR }'
done
echo "load average at the end: $(bench_loadavg); $(bench_busy)"
exit "$failed"
