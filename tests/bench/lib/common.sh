# shellcheck shell=bash
# Sourced by tests/bench/*.sh: messages, Debian installs, pinning, the temporary directory and
# the cleanup of every process a script starts, timed client runs, and small parsers.
# The sourcing script sets `bench_name` first and has `set -euo pipefail`.
: "${bench_name:?set bench_name before sourcing lib/common.sh}"

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_repo=$(cd "$bench_dir/../.." && pwd)
STAMPEDE=${STAMPEDE:-"$bench_repo/build/release/app/stampede"}
CLIENT_CPU=${CLIENT_CPU:-0}
SERVER_CPU=${SERVER_CPU:-1}
bench_timeout=${bench_timeout:-120} # seconds any one client run may take

# bench_usage: the script's opening comment (its usage), without shellcheck directives.
bench_usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/shellcheck/ { sub(/^# ?/, ""); print }' "$0"; }
die() { echo "$bench_name: $*" >&2; exit 1; }
warn() { echo "$bench_name: WARNING $*" >&2; }

# bench_apt_install PKG...: installs Debian packages quietly. Returns apt-get's status, so the
# caller decides whether a missing package is fatal. A freshly installed nginx would start on
# 0.0.0.0:80: policy-rc.d exit 101 ("action forbidden") stops that, unless the machine already
# has a policy.
bench_apt_updated=0
bench_apt_install() {
    [ "$(id -u)" -eq 0 ] || { echo "$bench_name: missing $*; run as root or install them" >&2; return 1; }
    echo "$bench_name: installing $*"
    local policy=/usr/sbin/policy-rc.d created_policy=0 rc=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    if [ "$bench_apt_updated" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || rc=$?
        bench_apt_updated=1
    fi
    [ "$rc" -ne 0 ] || DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null || rc=$?
    [ "$created_policy" -eq 0 ] || rm -f "$policy"
    return "$rc"
}

# bench_require CMD:PKG...: installs the packages whose command is missing, or dies.
bench_require() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || [ -x "/usr/sbin/${pair%%:*}" ] || missing+=("${pair#*:}")
    done
    [ ${#missing[@]} -eq 0 ] || bench_apt_install "${missing[@]}" || die "could not install ${missing[*]}"
}

bench_check_cpus() {
    bench_cpus=$(nproc)
    if [ "$bench_cpus" -lt 2 ] && [ "$CLIENT_CPU" = 0 ] && [ "$SERVER_CPU" = 1 ]; then
        warn "only $bench_cpus CPU: client and server share core 0"
        SERVER_CPU=0
    fi
}

bench_check_stampede() {
    [ -x "$STAMPEDE" ] || die "no stampede binary at $STAMPEDE (build it or set STAMPEDE)"
    "$STAMPEDE" run --help >/dev/null 2>&1 || die "$STAMPEDE has no working 'run' command"
}

# --- processes and cleanup ----------------------------------------------------------------
# Every background process goes through bench_track; on any exit (Ctrl+C included) each one
# still running gets TERM, then KILL after 5 s, and the temporary directory is removed.
work=$(mktemp -d "/tmp/stampede-$bench_name.XXXXXX")
bench_pids=()
bench_track() { bench_pids+=("$1"); }
bench_forget() {
    local kept=() pid
    for pid in "${bench_pids[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
    bench_pids=("${kept[@]}")
}
bench_running() { # PID: alive and not yet a zombie
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ $state != Z* ]]
}
# bench_stop PID: TERM (or the signal given as $2), up to 5 s, then KILL; reaps it.
bench_stop() {
    local pid=$1
    kill "-${2:-TERM}" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do bench_running "$pid" || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    bench_forget "$pid"
}
bench_cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    for ((i = ${#bench_pids[@]} - 1; i >= 0; i--)); do bench_stop "${bench_pids[i]}"; done
    rm -rf "$work"
    exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the machine --------------------------------------------------------------------------
bench_loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
bench_busy() { # what else is compiling now: that makes CPU figures noisy
    local n
    n=$(pgrep -c -x 'cc1plus|cc1|ld|ld.gold|ld.lld|clang|clang\+\+|ninja|make' 2>/dev/null || true)
    echo "${n:-0} compiler/linker processes running"
}
bench_machine_header() {
    echo "== machine"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(hostname)"
    echo "cpus: $(nproc); model: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "load average: $(bench_loadavg); $(bench_busy) (anything well above 0 makes CPU figures noisy)"
}

# --- timed client runs --------------------------------------------------------------------
# bench_measure NAME CMD...: runs CMD pinned to the client core under GNU time and a timeout;
# leaves NAME.out (stdout), NAME.err, NAME.time ("user sys maxrss_kib" on its last line).
# Returns the command's exit status (124: timed out) after saying what failed.
bench_measure() {
    local name=$1 rc=0 pid
    shift
    # In the background so that a signal reaches our trap at once; timeout leads its own
    # process group and passes a TERM from the cleanup on to the client.
    timeout "$bench_timeout" taskset -c "$CLIENT_CPU" \
        /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" \
        >"$work/$name.out" 2>"$work/$name.err" &
    pid=$!
    bench_track "$pid"
    wait "$pid" || rc=$?
    bench_forget "$pid"
    if [ "$rc" -ne 0 ]; then
        echo "$bench_name: '$*' failed (exit $rc$([ "$rc" -ne 124 ] || echo ", timed out after ${bench_timeout}s"))" >&2
        tail -5 "$work/$name.err" >&2 || true
    fi
    return "$rc"
}
time_field() { tail -1 "$work/$1.time" | awk -v f="$2" '{ print $f }'; }
# cpu_us NAME REQUESTS: client CPU per request, (user + sys) / requests × 10⁶.
cpu_us() {
    awk -v u="$(time_field "$1" 1)" -v s="$(time_field "$1" 2)" -v n="$2" \
        'BEGIN { if (n > 0) printf "%.2f", (u + s) / n * 1e6; else print "nan" }'
}
rss_mib() { awk -v k="$(time_field "$1" 3)" 'BEGIN { printf "%.1f", k / 1024 }'; }

# json_get FILE PATH...: the first of the dotted paths ("requests.total") present in the first
# JSON object of FILE; fails when none is.
json_get() {
    python3 - "$@" <<'PY'
import json, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C: end quietly
with open(sys.argv[1]) as f:
    text = f.read()
start = text.find("{")
try:
    obj = json.JSONDecoder().raw_decode(text[start:])[0] if start >= 0 else {}
except ValueError:
    obj = {}
for path in sys.argv[2:]:
    value = obj
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            break
        value = value[key]
    else:
        print(json.dumps(value) if isinstance(value, (dict, list)) else value)
        break
else:
    sys.exit(f"none of {sys.argv[2:]} in the JSON: {text[:200]!r}")
PY
}
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_free_port LOW HIGH: the first port in the range nobody listens on.
bench_free_port() {
    local candidate
    for candidate in $(seq "$1" "$2"); do
        ss -Hltn "sport = :$candidate" | grep -q . || { echo "$candidate"; return 0; }
    done
    return 1
}
