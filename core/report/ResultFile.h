#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/plan/PlanError.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <variant>

namespace stampede {

// A finished run as one versioned JSON file ("stampede_result": 1): the plan as run, the
// transport, when and where it ran, the totals, status codes and error classes with their
// first messages, the per-second series, the figures of every step and of the iterations, and
// the full latency histograms (sparse buckets with their exact extremes), so that every
// percentile read back is the live run's and runs merge exactly. Reading is strict: a file
// that is not one, truncated, of a newer version or with histograms that do not add up is
// refused with the field named (PlanError's path, e.g. "latency.corrected.buckets[3]").
class ResultFile {
public:
    static constexpr int kVersion = 1;

    static QByteArray write(const RunReport& report);
    static std::variant<RunReport, PlanError> read(const QByteArray& json);
    // Written aside and renamed into place. The error names the path and the reason.
    static std::optional<std::string> writeFile(const RunReport& report, const QString& path);
    // The error as a dialog, the history or a command says it: the path, then the field
    // ("PATH: latency.corrected.buckets[3]: …").
    static std::variant<RunReport, std::string> readFile(const QString& path);
};

} // namespace stampede
