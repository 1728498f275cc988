#!/usr/bin/env bash
# Runs sharded load tests through a real Slurm: a private one-node cluster (munged, slurmctld
# and slurmd started by hand, every file in a temporary directory, every port on loopback) on
# this machine, against one `stampede serve`. First `srun -n 3` runs three shards and
# `stampede merge` must add them up to the whole plan; then packaging/slurm's sbatch script
# must do the same by itself through `sbatch --wait`. Tears every daemon down on exit.
#
#   tests/packaging/check-slurm.sh [STAMPEDE]     (or STAMPEDE=… in the environment)
#
# Needs root: slurmd launches tasks as the submitting user, which only root can do.
set -euo pipefail

failure=""
fail() {
    failure=$*
    echo "check-slurm: FAIL: $failure" >&2
    exit 1
}

stampede=${1:-${STAMPEDE:-}}
[ -n "$stampede" ] || fail "usage: $0 STAMPEDE-BINARY (or STAMPEDE=…)"
[ -x "$stampede" ] || fail "$stampede is not an executable"
stampede=$(cd "$(dirname "$stampede")" && pwd)/$(basename "$stampede")
here=$(cd "$(dirname "$0")" && pwd)
sbatch_script=$here/../../packaging/slurm/stampede-shards.sbatch
[ -r "$sbatch_script" ] || fail "no $sbatch_script"

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: needs root (slurmd launches tasks as their user)"
    exit 0
fi
for tool in munged mungekey slurmctld slurmd srun sbatch sinfo squeue scancel; do
    command -v "$tool" >/dev/null ||
        fail "no $tool: install munge slurmctld slurmd slurm-client (packaging/install-deps.sh)"
done

SECONDS=0
work=$(mktemp -d /tmp/stampede-slurm.XXXXXX)
# munged refuses a socket that other users cannot reach through its directories.
chmod 755 "$work"
mkdir -p "$work"/{munge,state,spool,log,srun,batch}
pids=()
cleanup() {
    status=$?
    if [ -f "$work/slurm.conf" ] && [ ${#pids[@]} -gt 1 ]; then
        # No job of this private cluster may outlive it (a slurmstepd would stay behind).
        read -r -a jobs <<<"$(SLURM_CONF=$work/slurm.conf timeout 5 squeue -h -o %A 2>/dev/null | tr '\n' ' ')"
        [ ${#jobs[@]} -eq 0 ] || SLURM_CONF=$work/slurm.conf timeout 5 scancel "${jobs[@]}" 2>/dev/null || true
    fi
    # Newest first: the server, slurmd, slurmctld, and munged, which they all use, last.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null || continue
        timeout 10 tail --pid="${pids[i]}" -f /dev/null || kill -9 "${pids[i]}" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        for log in "$work"/log/*.log "$work"/srun/*.log "$work"/batch/*.log "$work"/breach/*.log "$work"/*.out; do
            [ -s "$log" ] || continue
            echo "--- $log (last lines)"
            tail -n 15 "$log"
        done
    fi
    rm -rf "$work"
    # Said again after the logs, so that the last line tells what failed.
    [ -z "$failure" ] || echo "check-slurm: FAIL: $failure" >&2
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local deadline=$(($(date +%s) + $1))
    shift
    until "$@" 2>/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

# A loopback port nobody listens on. Slurm cannot be given port 0, so this is a guess; a taken
# port shows as a daemon that never comes up, with its log printed.
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# munge: its own key, socket, pid, seed and log, so it neither needs nor touches the
# machine's /etc/munge and /run/munge. --force: as root it would refuse otherwise.
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null
munged --foreground --force --socket="$work/munge/socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" \
    --log-file="$work/log/munged.log" >"$work/log/munged.out" 2>&1 &
pids+=($!)
wait_for 10 test -S "$work/munge/socket" || fail "munged did not create its socket"

node=$(hostname -s)
ctld_port=$(free_port)
slurmd_port=$(free_port)
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done
# No systemd, no cgroups, no accounting database: process groups track the tasks, and every
# path is in $work. NoCtldInAddrAny/NoInAddrAny bind the daemons and srun to 127.0.0.1 only.
cat >"$work/slurm.conf" <<EOF
ClusterName=stampede-check
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc)
PartitionName=check Nodes=$node Default=YES MaxTime=UNLIMITED OverSubscribe=YES State=UP
EOF
# Slurm's commands take options from SLURM_*, SBATCH_* and SRUN_* variables too: run inside
# someone's allocation, this would otherwise launch into their job, not the private cluster.
for variable in "${!SLURM_@}" "${!SBATCH_@}" "${!SRUN_@}"; do unset "$variable"; done
export SLURM_CONF=$work/slurm.conf

slurmctld -D -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)
node_idle() { [ "$(sinfo -h -n "$node" -o %t)" = idle ]; }
wait_for 20 node_idle || fail "node $node never became idle: $(sinfo -h -o '%t %E' 2>&1)"
echo "check-slurm: private cluster up (slurmctld :$ctld_port, slurmd :$slurmd_port, node $node, $(nproc) CPUs)"

"$stampede" serve -l 127.0.0.1:0 --duration 120 >"$work/serve.out" 2>&1 &
pids+=($!)
wait_for 10 grep -q 'listening on http://' "$work/serve.out" || fail "stampede serve printed no URL"
url=$(grep -o 'http://[^ ]*' "$work/serve.out" | head -n 1)
echo "check-slurm: target $url"

# Each shard must start at START, not whenever srun got to it. Args: START FILE...
check_started_together() {
    local start=$1 file started lag
    shift
    for file in "$@"; do
        started=$(grep -o '"started_utc": *"[^"]*"' "$file" | grep -o '[0-9T:.-]*Z') ||
            fail "$file has no started_utc"
        lag=$(($(date -u -d "$started" +%s%3N) - $(date -u -d "$start" +%s%3N)))
        ((lag >= 0 && lag < 2000)) ||
            fail "$(basename "$file") started at $started, ${lag} ms from --start-at $start"
    done
}

# Args: a merged summary. Whole plan: 600 requests, all answered, from three distinct shards.
check_merged() {
    grep -q '3 of 3 shards merged' <<<"$1" || fail "not 3 of 3 shards merged"
    grep -Eq 'Requests +600 .*600 with a response, 0 errors' <<<"$1" ||
        fail "merged run is not 600 requests all answered: $(grep -E 'Requests' <<<"$1")"
}

# 1. srun: three tasks on this machine's CPUs (--overcommit: more tasks than CPUs), each
# expanding its own SLURM_PROCID; stampede takes its shard from SLURM_PROCID/SLURM_NTASKS.
start=$(date -u -d "@$(($(date +%s) + 4))" +%Y-%m-%dT%H:%M:%SZ)
# shellcheck disable=SC2016 # expanded by each task's own bash
timeout 60 srun -n 3 --overcommit --output="$work/srun/shard-%t.log" bash -c \
    'exec "$0" run --url "$1" -c 6 -n 600 -d 20 --start-at "$2" --out "$3/shard-$SLURM_PROCID.json"' \
    "$stampede" "$url" "$start" "$work/srun" || fail "srun exited $?"
for k in 1 2 3; do
    grep -q "Shard $k of 3 (SLURM_PROCID=$((k - 1)), SLURM_NTASKS=3)" "$work/srun/shard-$((k - 1)).log" ||
        fail "task $((k - 1)) did not run shard $k of 3"
done
check_started_together "$start" "$work"/srun/shard-*.json
merged=$("$stampede" merge "$work"/srun/shard-*.json -o "$work/srun/total.json" 2>&1) ||
    fail "stampede merge exited $?: $merged"
check_merged "$merged"
echo "check-slurm: srun -n 3: $(grep -E -o 'Requests +[0-9]+' <<<"$merged" | tr -s ' '), 3 of 3 shards merged"

# 2. The sbatch script, as a person would submit it, the plan and paths in its environment;
# beside it the same job with a threshold its shards breach: a shard that exits 3 still wrote
# its result file, so the script must still merge all three, and the job must then fail with
# 3. Both at once: sbatch --wait polls after 2, 4, 8… s, which is most of what either takes.
cat >"$work/plan.json" <<EOF
{"stampede_plan": 2, "name": "check-slurm", "request": {"url": "$url"},
 "load": {"users": 6}, "stop": {"duration_s": 20, "requests": 600}}
EOF
submit() { # NAME [STAMPEDE_ARGS]: RESULTS in $work/NAME, the job's output in $work/NAME.out
    (cd "$work" && PLAN=plan.json RESULTS=$work/$1 STAMPEDE=$stampede START_DELAY=3 \
        STAMPEDE_ARGS=${2:-} timeout 90 sbatch --wait --quiet --ntasks=3 --overcommit --time=5 \
        --job-name="$1" --output="$work/$1.out" "$sbatch_script")
}
submit batch &
batch_pid=$!
submit breach "--threshold rps<1" &
breach_pid=$!
batch_status=0
wait "$batch_pid" || batch_status=$?
breach_status=0
wait "$breach_pid" || breach_status=$?

[ "$batch_status" -eq 0 ] || fail "sbatch --wait exited $batch_status (the job failed or timed out)"
job_out=$(cat "$work/batch.out")
check_merged "$job_out"
[ -s "$work/batch/total.json" ] || fail "the sbatch script wrote no total.json"
batch_start=$(grep -o 'start at [0-9T:-]*Z' <<<"$job_out" | cut -d' ' -f3)
check_started_together "$batch_start" "$work"/batch/shard-*.json
echo "check-slurm: sbatch --wait: $(grep -E -o 'Requests +[0-9]+' <<<"$job_out" | tr -s ' '), 3 of 3 shards merged"

[ "$breach_status" -eq 3 ] || fail "sbatch --wait with a breached threshold exited $breach_status, not 3"
job_out=$(cat "$work/breach.out")
check_merged "$job_out"
grep -q 'a shard exited 3' <<<"$job_out" || fail "the sbatch script did not say a shard exited 3"
echo "check-slurm: sbatch --wait, threshold breached: exit 3, still 3 of 3 shards merged"

echo "check-slurm: OK in ${SECONDS} s"
