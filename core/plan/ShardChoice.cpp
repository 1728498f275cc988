#include "core/plan/ShardChoice.h"

#include "core/text/ParseNumber.h"

namespace stampede {
namespace {

constexpr std::int64_t kMostShards = 10000;

std::optional<std::int64_t> count(const QString& text) {
    return parseInteger(text.trimmed().toStdString(), 0, kMostShards);
}

} // namespace

std::variant<ShardChoice, std::string> chooseShard(const QString& flag,
                                                   const QProcessEnvironment& environment) {
    if (!flag.isEmpty()) {
        const auto slash = flag.indexOf('/');
        const auto k = slash > 0 ? count(flag.left(slash)) : std::nullopt;
        const auto n = slash > 0 ? count(flag.mid(slash + 1)) : std::nullopt;
        if (!k || !n || *n < 1 || *k < 1 || *k > *n)
            return "--shard: '" + flag.toStdString() +
                   "' is not K/N with 1 <= K <= N <= " + std::to_string(kMostShards) +
                   ", e.g. 2/4 for the second of four parts";
        return ShardChoice{{int(*k - 1), int(*n)}, "--shard " + flag.toStdString()};
    }
    const auto variable = [&](const char* name) { return environment.value(name); };
    if (environment.contains("SLURM_PROCID") && environment.contains("SLURM_NTASKS")) {
        const auto k = count(variable("SLURM_PROCID"));
        const auto n = count(variable("SLURM_NTASKS"));
        const std::string source = "SLURM_PROCID=" + variable("SLURM_PROCID").toStdString() +
                                   ", SLURM_NTASKS=" + variable("SLURM_NTASKS").toStdString();
        if (!k || !n || *n < 1 || *k >= *n)
            return "the Slurm task (" + source + ") is not a task index below the task count";
        return ShardChoice{{int(*k), int(*n)}, source};
    }
    if (environment.contains("JOB_COMPLETION_INDEX")) {
        const std::string index = variable("JOB_COMPLETION_INDEX").toStdString();
        if (!environment.contains("STAMPEDE_SHARDS"))
            return "JOB_COMPLETION_INDEX=" + index +
                   " (a Kubernetes Indexed Job) says which shard, not how many: set "
                   "STAMPEDE_SHARDS to the Job's completions, or pass --shard K/N";
        const auto k = count(QString::fromStdString(index));
        const auto n = count(variable("STAMPEDE_SHARDS"));
        const std::string source = "JOB_COMPLETION_INDEX=" + index +
                                   ", STAMPEDE_SHARDS=" + variable("STAMPEDE_SHARDS").toStdString();
        if (!k || !n || *n < 1 || *k >= *n)
            return "the Indexed Job's pod (" + source + ") is not an index below the shard count";
        return ShardChoice{{int(*k), int(*n)}, source};
    }
    return ShardChoice{{0, 1}, ""};
}

} // namespace stampede
