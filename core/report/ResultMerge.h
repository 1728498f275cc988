#pragma once

#include "core/engine/RunSnapshot.h"

#include <string>
#include <variant>
#include <vector>

namespace stampede {

struct MergedRun {
    RunReport report;
    std::vector<std::string> notes; // what a person should know, e.g. "shard 3 of 4 is missing"
};

// The result files of the shards of one run (`stampede run --shard K/N` on several machines)
// made into the result of the whole, exactly: counts add, histograms add bucket by bucket, and
// the per-second series line up on the wall clock (each part's seconds shifted by its start
// against the earliest, to the nearest second; --start-at makes that zero). Refused, with the
// files named: fewer than two parts; one shard twice (or one file twice); parts of different
// plans (the first difference named, e.g. "plan.load.users: 40 in a.json, 80 in b.json"),
// shard counts or whole runs among shards — these three unless `force`, which adds them up
// anyway. `names` name the parts in messages (file names).
std::variant<MergedRun, std::string> mergeResults(const std::vector<RunReport>& parts,
                                                  const std::vector<std::string>& names,
                                                  bool force);

} // namespace stampede
