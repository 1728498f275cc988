#!/usr/bin/env bash
# What each pod of the Indexed Job runs: its shard of the plan (stampede takes the part from
# JOB_COMPLETION_INDEX and STAMPEDE_SHARDS), then its result file printed between two marker
# lines, so that `kubectl logs` carries it out of the pod without a shared volume. If RESULTS
# names a writable directory (a ReadWriteMany volume), the file is also left there.
# Environment: PLAN (the plan file), START_AT (UTC, shared by every shard), STAMPEDE (the
# binary, default stampede), RESULTS (optional).
set -uo pipefail
stampede=${STAMPEDE:-stampede}
index=${JOB_COMPLETION_INDEX:?JOB_COMPLETION_INDEX is unset: not a pod of an Indexed Job}
result=$(mktemp -d)/shard-$index.json

"$stampede" run --plan "${PLAN:?PLAN names the plan file}" --start-at "${START_AT:?START_AT is unset}" \
    --out "$result" >&2
status=$?
# 3 is a breached threshold: the shard's figures are still a part of the run, and the merge
# judges the whole. Anything else means there is no result to hand on.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "shard $index: stampede run exited $status" >&2
    exit "$status"
fi
echo "----- stampede result shard $index begin -----"
cat "$result"
echo "----- stampede result shard $index end -----"
if [ -n "${RESULTS:-}" ]; then
    cp "$result" "$RESULTS/" || echo "shard $index: cannot copy the result into $RESULTS" >&2
fi
