#pragma once

#include "core/plan/PlanShare.h"

#include <QProcessEnvironment>
#include <QString>

#include <string>
#include <variant>

namespace stampede {

// Which part of a run this process carries when several machines share it.
struct ShardChoice {
    RunShare share;     // index 0-based; count 1 for the whole run
    std::string source; // where it came from, for the log: "--shard 2/4", "SLURM_PROCID=1, …"
};

// From `--shard K/N` (K from 1 to N, as a person counts) when given; otherwise from the
// engine that started the process: Slurm's SLURM_PROCID and SLURM_NTASKS (srun -n N), or a
// Kubernetes Indexed Job's JOB_COMPLETION_INDEX with the count in STAMPEDE_SHARDS (a pod
// knows its index, not the Job's completions). Neither: the whole run. Malformed, or an
// index without a count: why.
std::variant<ShardChoice, std::string> chooseShard(const QString& flag,
                                                   const QProcessEnvironment& environment);

} // namespace stampede
