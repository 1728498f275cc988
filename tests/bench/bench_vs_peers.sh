#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Client CPU per request of stampede's two transports beside the load generators people use:
# wrk, h2load --h1, ab -k, hey, autocannon, stampede native and stampede curl take turns
# (interleaved rounds), each pinned to core 0, loading a private one-worker nginx pinned to
# core 1 over loopback keep-alive, 64 connections, bounded by duration. Prints each round, then
# one table of medians and the system calls per request (strace -f -c) of wrk and both
# stampede transports.
# Usage: tests/bench/bench_vs_peers.sh [--rounds N] [--duration S] [--sizes "1k 64k"]
#                                      [--tools "wrk h2load ab hey autocannon native curl"]
#                                      [--skip-syscalls]
# Environment: STAMPEDE (the binary), CLIENT_CPU (0), SERVER_CPU (1), AUTOCANNON_PREFIX.
# See tests/bench/README.md. Runs as root to install missing Debian packages.
set -euo pipefail

bench_name=bench_vs_peers
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

all_tools="wrk h2load ab hey autocannon native curl"
rounds=3
duration=10
sizes="1k 64k"
tools=$all_tools
syscalls=1
connections=64
autocannon_version=9.0.0
AUTOCANNON_PREFIX=${AUTOCANNON_PREFIX:-"$bench_repo/build/bench-tools/autocannon-$autocannon_version"}

while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
        --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
        --sizes) sizes=${2:?--sizes needs a list like \"1k 64k\"}; shift 2 ;;
        --tools) tools=${2:?--tools needs a list like \"wrk native\"}; shift 2 ;;
        --skip-syscalls) syscalls=0; shift ;;
        -h|--help) bench_usage; exit 0 ;;
        *) bench_usage >&2; die "unknown option '$1'" ;;
    esac
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer, not '$rounds'"
[[ $duration =~ ^[1-9][0-9]*$ ]] || die "--duration must be whole seconds > 0, not '$duration'"
[ "$duration" -lt "$bench_timeout" ] || die "--duration must be below $bench_timeout s"
[ -n "${sizes// /}" ] || die "--sizes is empty"
[ -n "${tools// /}" ] || die "--tools is empty"
for tool in $tools; do
    [[ " $all_tools " == *" $tool "* ]] || die "unknown tool '$tool' (known: $all_tools)"
done
wants() { [[ " $tools " == *" $1 "* ]]; }

# --- tools ------------------------------------------------------------------------------
# wrk is the yardstick and nginx the server: without them there is nothing to compare, so a
# failed install of either is fatal. A peer that does not install gets a row that says so.
bench_require taskset:util-linux python3:python3
[ -x /usr/bin/time ] || bench_apt_install time || die "could not install GNU time"
if wants wrk; then bench_require wrk:wrk; fi
[ "$syscalls" -eq 0 ] || bench_require strace:strace
# shellcheck source=lib/nginx.sh
source "$bench_dir/lib/nginx.sh"
bench_check_cpus

declare -A label=([wrk]="wrk" [h2load]="h2load --h1" [ab]="ab -k" [hey]="hey"
                  [autocannon]="autocannon" [native]="stampede native" [curl]="stampede curl")
declare -A missing_why=() # tool -> why it has no figures
declare -A version=()
optional_package() { # TOOL COMMAND PACKAGE
    wants "$1" || return 0
    command -v "$2" >/dev/null && return 0
    bench_apt_install "$3" && command -v "$2" >/dev/null && return 0
    missing_why[$1]="not installed (apt-get install $3 failed)"
}
optional_package h2load h2load nghttp2-client
optional_package ab ab apache2-utils
optional_package hey hey hey
autocannon_bin="$AUTOCANNON_PREFIX/node_modules/.bin/autocannon"
if wants autocannon && [ ! -x "$autocannon_bin" ]; then
    if ! command -v npm >/dev/null; then bench_apt_install nodejs npm || true; fi
    if ! command -v npm >/dev/null; then
        missing_why[autocannon]="not installed (no npm, and apt-get install nodejs npm failed)"
    else
        echo "$bench_name: npm install autocannon@$autocannon_version into $AUTOCANNON_PREFIX"
        if ! timeout 300 npm install --prefix "$AUTOCANNON_PREFIX" --no-audit --no-fund \
                --loglevel=error "autocannon@$autocannon_version" >"$work/npm.log" 2>&1 ||
                [ ! -x "$autocannon_bin" ]; then
            rm -rf "$AUTOCANNON_PREFIX"
            missing_why[autocannon]="not installed (npm install failed: $(grep -m1 -i 'err' "$work/npm.log" || tail -1 "$work/npm.log"))"
        fi
    fi
fi
if wants autocannon && [ -z "${missing_why[autocannon]:-}" ] &&
        ! "$autocannon_bin" --version >/dev/null 2>&1; then
    missing_why[autocannon]="installed in $AUTOCANNON_PREFIX but does not start: $("$autocannon_bin" --version 2>&1 | tail -1)"
fi
if wants native || wants curl || [ "$syscalls" -eq 1 ]; then bench_check_stampede; fi

first_line() { "$@" 2>&1 | grep -m1 . || true; }
wants wrk && version[wrk]=$(first_line wrk -v)
[ -n "${missing_why[h2load]:-}" ] || ! wants h2load || version[h2load]=$(first_line h2load --version)
[ -n "${missing_why[ab]:-}" ] || ! wants ab ||
    version[ab]="$(first_line ab -V) (Debian $(dpkg-query -W -f='${Version}' apache2-utils 2>/dev/null || echo '?'))"
[ -n "${missing_why[hey]:-}" ] || ! wants hey ||
    version[hey]="hey (Debian $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'))"
[ -n "${missing_why[autocannon]:-}" ] || ! wants autocannon ||
    version[autocannon]="autocannon $("$autocannon_bin" --version 2>&1 | tr '\n' ' ')"
if wants native || wants curl; then
    version[native]="$(first_line "$STAMPEDE" --version) ($STAMPEDE)"
    version[curl]=${version[native]}
fi

# --- the machine, the server ------------------------------------------------------------
bench_machine_header
echo "client pinned to core $CLIENT_CPU, server to core $SERVER_CPU"
echo "$connections connections, keep-alive GET, ${duration}s per run, $rounds round(s), sizes: $sizes"
for tool in $tools; do
    printf '%-16s %s\n' "${label[$tool]}:" "${missing_why[$tool]:-${version[$tool]}}"
done
for size in $sizes; do check_size "$size"; done
# shellcheck disable=SC2086 # one argument per size
nginx_start $sizes
echo "$nginx_version"

# --- one client run ---------------------------------------------------------------------
# run_tool TOOL NAME URL [SECONDS]: runs the tool for SECONDS (default: --duration) its own way,
# each bounded by its duration flag and by timeout. Returns non-zero if the run failed.
run_tool() {
    local tool=$1 name=$2 url=$3 seconds=${4:-$duration}
    case $tool in
        wrk) bench_measure "$name" wrk -t1 -c"$connections" -d"${seconds}s" "$url" ;;
        h2load) bench_measure "$name" h2load --h1 -t1 -c"$connections" -D "$seconds" "$url" ;;
        # -t alone caps ab at 50,000 requests; -n after it lifts that (ab sizes an array by it).
        ab) bench_measure "$name" ab -k -c "$connections" -t "$seconds" -n 100000000 "$url" ;;
        hey) bench_measure "$name" hey -c "$connections" -z "${seconds}s" "$url" ;;
        autocannon) bench_measure "$name" "$autocannon_bin" -c "$connections" -d "$seconds" --json "$url" ;;
        native|curl) bench_measure "$name" "$STAMPEDE" run --url "$url" -c "$connections" \
            -d "$seconds" --engine "$tool" --json ;;
    esac
}

# parse TOOL NAME: from the tool's own output, three lines: the requests it completed, the
# req/s it reports, and its problems (errors, non-2xx, timeouts; empty when none).
parse() {
    python3 - "$1" "$work/$2.out" <<'PY'
import json, re, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C: end quietly
tool, path = sys.argv[1], sys.argv[2]
text = open(path, errors="replace").read()

def num(pattern, default=None):
    m = re.search(pattern, text, re.M)
    if m is None:
        if default is None:
            sys.exit(f"{tool}: no /{pattern}/ in its output: {text[:300]!r}")
        return default
    return float(m.group(1))

def first_json():
    start = text.find("{")
    if start < 0:
        sys.exit(f"{tool}: no JSON in its output: {text[:300]!r}")
    return json.JSONDecoder().raw_decode(text[start:])[0]

problems = []
def problem(count, what):
    if count:
        problems.append(f"{count:g} {what}")

if tool == "wrk":
    requests = num(r"^\s*(\d+) requests in")
    rps = num(r"^Requests/sec:\s*([\d.]+)")
    problem(num(r"^\s*Non-2xx or 3xx responses:\s*(\d+)", 0), "non-2xx/3xx")
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        for value, what in zip(m.groups(), ("connect", "read", "write", "timeout")):
            problem(float(value), f"{what} errors")
elif tool == "h2load":
    requests = num(r"^requests: .*?(\d+) done")
    rps = num(r"^finished in [\d.]+\w*, ([\d.]+) req/s")
    problem(num(r"^requests: .*?(\d+) failed", 0), "failed")
    problem(num(r"^requests: .*?(\d+) errored", 0), "errored")
    problem(num(r"^requests: .*?(\d+) timeout", 0), "timeout")
    problem(sum(num(rf"^status codes: .*?(\d+) {c}xx", 0) for c in "345"), "non-2xx")
elif tool == "ab":
    requests = num(r"^Complete requests:\s*(\d+)")
    rps = num(r"^Requests per second:\s*([\d.]+)")
    problem(num(r"^Failed requests:\s*(\d+)", 0), "failed")
    problem(num(r"^Non-2xx responses:\s*(\d+)", 0), "non-2xx")
    kept = num(r"^Keep-Alive requests:\s*(\d+)", 0)
    if kept < requests:
        problems.append(f"only {kept:g} of {requests:g} kept alive")
elif tool == "hey":
    rps = num(r"^\s*Requests/sec:\s*([\d.]+)")
    codes = re.findall(r"^\s*\[(\d+)\]\s+(\d+) responses", text, re.M)
    requests = float(sum(int(n) for _, n in codes))
    problem(sum(int(n) for c, n in codes if not c.startswith("2")), "non-2xx")
    errors = text.split("Error distribution:", 1)
    if len(errors) == 2:
        lines = re.findall(r"^\s*\[(\d+)\]\s+(.*)$", errors[1], re.M)
        problem(sum(int(n) for n, _ in lines), "errors" + (f" ({lines[0][1][:80]})" if lines else ""))
elif tool == "autocannon":
    obj = first_json()
    requests = float(obj["requests"]["total"])
    rps = float(obj["requests"]["average"])
    for key in ("non2xx", "errors", "timeouts", "mismatches", "resets"):
        problem(float(obj.get(key, 0)), key)
else:  # stampede native / curl
    obj = first_json()
    requests = float(obj["requests"])
    rps = float(obj["rps"])
    problem(float(obj.get("errors", 0)), "errors " + json.dumps(obj.get("errors_by_class", {})))
    problem(sum(n for code, n in obj.get("status", {}).items() if not code.startswith("2")), "non-2xx")
print(f"{requests:.0f}")
print(f"{rps:.1f}")
print("; ".join(problems))
PY
}

# --- interleaved rounds -----------------------------------------------------------------
results="$work/results.txt" # tool size round rps us_per_req rss_mib requests problems(0/1)
: >"$results"
notes=()
failed=0
for size in $sizes; do
    url="$nginx_base/$size.bin"
    echo
    echo "== $size: GET $url"
    echo "tool             round      req/s     µs/req   RSS MiB   requests"
    for round in $(seq "$rounds"); do
        for tool in $tools; do
            [ -z "${missing_why[$tool]:-}" ] || continue
            name="$tool-$size-$round"
            if ! run_tool "$tool" "$name" "$url"; then
                notes+=("${label[$tool]} $size round $round: the run failed")
                failed=1
                continue
            fi
            if ! parsed=$(parse "$tool" "$name"); then
                notes+=("${label[$tool]} $size round $round: its output could not be read")
                failed=1
                continue
            fi
            mapfile -t fields <<<"$parsed"
            requests=${fields[0]} rps=${fields[1]} problems=${fields[2]:-}
            us=$(cpu_us "$name" "$requests")
            rss=$(rss_mib "$name")
            printf '%-16s %5s %10.0f %10.2f %9.1f %10d\n' "${label[$tool]}" "$round" "$rps" "$us" "$rss" "$requests"
            echo "$tool $size $round $rps $us $rss $requests $([ -z "$problems" ] && echo 0 || echo 1)" >>"$results"
            if [ -n "$problems" ]; then
                echo "                 ^ $problems (a round with errors does not measure the same work)"
                notes+=("${label[$tool]} $size round $round: $problems")
            fi
        done
    done
done

# --- system calls per request -----------------------------------------------------------
syscall_lines=()
if [ "$syscalls" -eq 1 ]; then
    read -r syscall_size _ <<<"$sizes" # the first size given
    echo
    echo "== system calls per request: strace -f -c, 3 s each, on $nginx_base/$syscall_size.bin (strace slows"
    echo "   every client, so these runs count calls, not speed)"
    for tool in wrk native curl; do
        name="syscalls-$tool"
        case $tool in
            wrk) cmd=(wrk -t1 -c"$connections" -d3s "$nginx_base/$syscall_size.bin") ;;
            *) cmd=("$STAMPEDE" run --url "$nginx_base/$syscall_size.bin" -c "$connections" -d 3 --engine "$tool" --json) ;;
        esac
        if ! bench_measure "$name" strace -f -c -o "$work/$name.strace" "${cmd[@]}" ||
                ! parsed=$(parse "$tool" "$name"); then
            notes+=("${label[$tool]}: the strace run failed")
            failed=1
            continue
        fi
        requests=$(head -1 <<<"$parsed")
        top=$(sed -n '3,$p' "$work/$name.strace" | grep -v -e '----' -e 'total$' |
            awk -v n="$requests" '{ printf "%.2f %s\n", $4 / n, $NF }' | sort -g -r | head -5 |
            awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')
        line=$(awk -v n="$requests" -v t="${label[$tool]}" '$NF == "total" { printf "%-16s %5.2f calls/request", t, $4 / n }' "$work/$name.strace")
        syscall_lines+=("$line   ($top)")
    done
    printf '%s\n' "${syscall_lines[@]}"
fi

# --- the table --------------------------------------------------------------------------
echo
echo "== client CPU per request, medians of $rounds round(s) × ${duration}s ($(date -u '+%Y-%m-%d'), load average now $(bench_loadavg))"
echo "   µs/req = (user + sys) / requests, each client under GNU time; ×wrk = µs/req ÷ wrk's;"
echo "   req/s as the client reports it (nginx on one core saturates first); RSS = the largest peak"
header1=$(printf '%-16s' "")
header2=$(printf '%-16s' "tool")
for size in $sizes; do
    header1+=$(printf ' | %-36s' "$size")
    header2+=" |  µs/req   ×wrk      req/s  RSS MiB"
done
echo "$header1"
echo "$header2"
for tool in $tools; do
    line=$(printf '%-16s' "${label[$tool]}")
    if [ -n "${missing_why[$tool]:-}" ]; then
        echo "$line | ${missing_why[$tool]}"
        continue
    fi
    for size in $sizes; do
        line+=$(awk -v t="$tool" -v s="$size" '
            $2 == s && $1 == "wrk" { w[++nw] = $5 }
            $2 == s && $1 == t { us[++n] = $5; rps[n] = $4; if ($6 > rss) rss = $6; bad += $8 }
            function med(a, k,    i, j, x) {
                for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
                return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
            }
            END {
                if (n == 0) { printf " | %-36s", "no run succeeded"; exit }
                u = med(us, n); r = med(rps, n)
                ratio = nw ? sprintf("%.2f", u / med(w, nw)) : "-"
                printf " | %7.2f %6s %10.0f %7.1f%s", u, ratio, r, rss, (bad ? "!" : " ")
            }' "$results")
    done
    echo "$line"
done
if [ ${#notes[@]} -eq 0 ]; then
    echo "   every round ran without errors or non-2xx responses"
else
    echo "   ! = a round with errors or non-2xx responses; all problems:"
    printf '   %s\n' "${notes[@]}"
fi
[ ${#syscall_lines[@]} -eq 0 ] || { echo "system calls per request ($syscall_size):"; printf '   %s\n' "${syscall_lines[@]}"; }
echo "load average at the end: $(bench_loadavg); $(bench_busy)"
exit "$failed"
