#pragma once

#include "core/engine/RunSnapshot.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stampede {

// One kept run as the history lists it.
struct HistoryEntry {
    QString file; // the result file's name in the history's folder: what the other calls take
    QString name; // the person's name for the run (defaultRunName until renamed)
    std::chrono::system_clock::time_point started{};
    QString url;
    QString outcome; // "finished", "stopped", …
    double seconds = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    double rps = 0;
    double p99Ms = 0; // corrected in the open model, as every p99 Stampede shows

    bool operator==(const HistoryEntry&) const = default;
};

struct HistoryListing {
    std::vector<HistoryEntry> runs; // newest first
    QStringList skipped;            // "file: reason" for each file that is not a result file
};

// The runs the window keeps: one result file per run (ResultFile) in one folder, so a run
// kept is also a file `stampede report` or `compare` reads. Names live in a small sidecar
// (.names.json) beside them, so renaming never rewrites a result file. What the list shows of
// each file is cached in .index.json under the file's name, size and modification time: a
// long run's file holds a histogram per second and takes milliseconds to read strictly, so
// only new and changed files are read again. Either sidecar may be lost: the cache is rebuilt,
// and the runs go back to their first names.
class RunHistory {
public:
    explicit RunHistory(QString folder);

    const QString& folder() const { return folder_; }
    QString path(const QString& file) const;

    // Keeps `report` as a new result file, named after its start, and lists it at once.
    std::variant<HistoryEntry, std::string> add(const RunReport& report);
    // Every result file of the folder, newest first; the others are skipped and said.
    HistoryListing list();
    // The run of `file` read strictly; the error names the file and the field.
    std::variant<RunReport, std::string> open(const QString& file) const;
    std::optional<std::string> rename(const QString& file, const QString& name);
    std::optional<std::string> remove(const QString& file);
    // A copy of the result file at `destination`, replacing what was there.
    std::optional<std::string> exportTo(const QString& file, const QString& destination) const;

    static constexpr const char* kNamesFile = ".names.json";
    static constexpr const char* kIndexFile = ".index.json";

private:
    QJsonObject readSidecar(const char* name) const;
    std::optional<std::string> writeSidecar(const char* name, const QJsonObject& object) const;

    QString folder_;
};

// How a run is called before anyone names it: the plan's name, or what it sent and how hard
// ("GET /delay/20 · 8 users", "3-step flow · 200 req/s").
QString defaultRunName(const RunReport& report);

} // namespace stampede
