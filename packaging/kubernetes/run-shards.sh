#!/usr/bin/env bash
# Runs a plan as N shards on a Kubernetes cluster and merges their results:
#   packaging/kubernetes/run-shards.sh PLAN.json N IMAGE [OUT.json]
# It creates the ConfigMap (the plan and shard-pod.sh) and the Indexed Job (shard-job.yaml)
# with one start time a little ahead (START_DELAY seconds, default 30, time for the pods to be
# scheduled and pull the image), waits for the Job, collects each pod's result from its log,
# and writes the merged result (default total.json) with `stampede merge`, printing its
# summary. Needs kubectl with a current context, and stampede on this machine for the merge.
# Environment: NAME (the Job and ConfigMap, default stampede-shards), NAMESPACE, STAMPEDE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The result file pod `index` printed into its log, between shard-pod.sh's markers.
extract_result() {
    local index=$1
    sed -n "/^----- stampede result shard $index begin -----\$/,/^----- stampede result shard $index end -----\$/p" |
        sed '1d;$d'
}

# The Job manifest for N shards starting at START_AT, from the template.
job_manifest() {
    local name=$1 shards=$2 start_at=$3 image=$4
    sed -e "s|@NAME@|$name|g" -e "s|@SHARDS@|$shards|g" -e "s|@START_AT@|$start_at|g" \
        -e "s|@IMAGE@|$image|g" "$here/shard-job.yaml"
}

main() {
    [ $# -ge 3 ] || { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
    local plan=$1 shards=$2 image=$3 out=${4:-total.json}
    local name=${NAME:-stampede-shards} stampede=${STAMPEDE:-stampede}
    local kubectl=(kubectl)
    [ -z "${NAMESPACE:-}" ] || kubectl+=(--namespace "$NAMESPACE")
    [[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "run-shards: N must be a whole number, not '$shards'" >&2; exit 2; }
    [ -r "$plan" ] || { echo "run-shards: cannot read the plan $plan" >&2; exit 2; }
    local start_at
    start_at=$(date -u -d "+${START_DELAY:-30} seconds" +%Y-%m-%dT%H:%M:%SZ)

    "${kubectl[@]}" delete job "$name" --ignore-not-found --wait=true >/dev/null
    "${kubectl[@]}" create configmap "$name" --from-file=plan.json="$plan" \
        --from-file=shard-pod.sh="$here/shard-pod.sh" --dry-run=client -o yaml |
        "${kubectl[@]}" apply -f - >/dev/null
    job_manifest "$name" "$shards" "$start_at" "$image" | "${kubectl[@]}" apply -f -
    echo "run-shards: $shards shards start at $start_at"
    "${kubectl[@]}" wait --for=condition=complete --timeout=24h "job/$name" ||
        echo "run-shards: the Job did not complete; merging the shards that did" >&2

    # Every pod's log at once: each result sits between markers that name its shard.
    local work logs files=()
    work=$(mktemp -d)
    logs=$work/logs.txt
    "${kubectl[@]}" logs -l "job-name=$name" --tail=-1 --max-log-requests="$shards" >"$logs"
    for ((k = 0; k < shards; k++)); do
        extract_result "$k" <"$logs" >"$work/shard-$k.json"
        if [ -s "$work/shard-$k.json" ]; then
            files+=("$work/shard-$k.json")
        else
            echo "run-shards: shard $((k + 1)) (pod index $k) left no result in its log" >&2
        fi
    done
    [ ${#files[@]} -gt 0 ] || { echo "run-shards: no shard left a result" >&2; exit 1; }
    "$stampede" merge "${files[@]}" -o "$out"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
