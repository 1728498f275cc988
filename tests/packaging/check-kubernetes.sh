#!/usr/bin/env bash
# What can be checked of the Kubernetes packaging without a cluster: the Job manifest that
# run-shards.sh makes is an Indexed Job of N pods that each get the shard count and the start
# time, and three pods' worth of shard-pod.sh — run here as the pods would run it, against one
# `stampede serve` on loopback — leave results in their "logs" that run-shards.sh's collection
# merges into the whole run.
# Usage: check-kubernetes.sh STAMPEDE_BINARY SOURCE_DIR
set -euo pipefail
stampede=$1
source_dir=$2
work=$(mktemp -d)
serve_pid=
cleanup() {
    [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-kubernetes: $*" >&2; exit 1; }

# shellcheck source=packaging/kubernetes/run-shards.sh
source "$source_dir/packaging/kubernetes/run-shards.sh"

# --- the manifest -------------------------------------------------------------------------
job_manifest stampede-test 3 2026-12-01T18:00:00Z registry.example/stampede:1 >"$work/job.yaml"
python3 - "$work/job.yaml" <<'PY' || fail "the Job manifest is not what the shards need"
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
spec = job["spec"]
pod = spec["template"]["spec"]
container = pod["containers"][0]
env = {e["name"]: e["value"] for e in container["env"]}
checks = {
    "kind is Job": job["kind"] == "Job",
    "completionMode is Indexed": spec["completionMode"] == "Indexed",
    "3 completions": spec["completions"] == 3,
    "3 at once": spec["parallelism"] == 3,
    "no retries": spec["backoffLimit"] == 0,
    "pods never restart": pod["restartPolicy"] == "Never",
    "STAMPEDE_SHARDS is 3": env["STAMPEDE_SHARDS"] == "3",
    "START_AT is set": env["START_AT"] == "2026-12-01T18:00:00Z",
    "the plan from the ConfigMap": env["PLAN"] == "/config/plan.json"
        and pod["volumes"][0]["configMap"]["name"] == "stampede-test",
    "shard-pod.sh runs": container["command"][-1] == "/config/shard-pod.sh",
    "the image": container["image"] == "registry.example/stampede:1",
    "nothing left to fill in": "@" not in open(sys.argv[1]).read().replace("@SHARDS@", ""),
}
failed = [name for name, ok in checks.items() if not ok]
print("manifest:", "ok" if not failed else "FAILED: " + ", ".join(failed))
sys.exit(1 if failed else 0)
PY

# --- three pods, here --------------------------------------------------------------------
"$stampede" serve --duration 60 >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do
    grep -q "listening on" "$work/serve.log" && break
    sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1)
[ -n "$url" ] || fail "stampede serve did not say where it listens: $(cat "$work/serve.log")"
cat >"$work/plan.json" <<JSON
{"stampede_plan": 2, "name": "shards on Kubernetes", "request": {"url": "$url"},
 "load": {"model": "closed", "users": 6}, "stop": {"requests": 600, "duration_s": 20}}
JSON
start_at=$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%S.%3NZ)
pids=()
for k in 0 1 2; do
    JOB_COMPLETION_INDEX=$k STAMPEDE_SHARDS=3 START_AT=$start_at PLAN=$work/plan.json \
        STAMPEDE=$stampede timeout 60 bash "$source_dir/packaging/kubernetes/shard-pod.sh" \
        >"$work/pod-$k.log" 2>"$work/pod-$k.err" &
    pids+=($!)
done
for k in 0 1 2; do
    wait "${pids[$k]}" || fail "pod $k failed: $(cat "$work/pod-$k.err")"
done
# kubectl logs -l job-name=… concatenates the pods' logs in no particular order.
cat "$work/pod-2.log" "$work/pod-0.log" "$work/pod-1.log" >"$work/logs.txt"
files=()
for k in 0 1 2; do
    extract_result "$k" <"$work/logs.txt" >"$work/shard-$k.json"
    [ -s "$work/shard-$k.json" ] || fail "no result of shard $k in the logs"
    files+=("$work/shard-$k.json")
done
"$stampede" merge "${files[@]}" -o "$work/total.json" >"$work/merge.txt" ||
    fail "merge failed: $(cat "$work/merge.txt")"
grep -q "Requests     600 " "$work/merge.txt" || fail "the merged run is not 600 requests: $(cat "$work/merge.txt")"
grep -q "3 of 3 shards merged" "$work/merge.txt" || fail "not 3 of 3 shards: $(cat "$work/merge.txt")"
echo "pods: 3 shards of 600 requests merged to $(grep -o 'Requests     [0-9]*' "$work/merge.txt")"
echo "kubernetes packaging OK"
