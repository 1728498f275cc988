#include "core/report/RunHistory.h"

#include "core/report/ReportDirectory.h"
#include "core/report/ResultFile.h"
#include "core/sys/ThreadName.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <thread>

namespace stampede {
namespace {

using SysClock = std::chrono::system_clock;

// Bumped when what the cache keeps of a file changes: an older cache is then rebuilt.
constexpr int kIndexVersion = 1;

qint64 msSinceEpoch(SysClock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

HistoryEntry entryOf(const QString& file, const RunReport& report) {
    const RunSnapshot& f = report.final;
    HistoryEntry entry;
    entry.file = file;
    entry.name = defaultRunName(report);
    entry.started = report.startedUtc;
    entry.url = QString::fromStdString(report.url);
    entry.outcome = QString::fromLatin1(phaseName(f.phase));
    entry.seconds = f.seconds();
    entry.requests = f.requests;
    entry.errors = f.errors;
    entry.rps = f.rps();
    entry.p99Ms = double(f.latency.quantile(0.99)) / 1000.0;
    return entry;
}

QJsonObject entryJson(const HistoryEntry& e) {
    return {{"name", e.name},
            {"started_ms", msSinceEpoch(e.started)},
            {"url", e.url},
            {"outcome", e.outcome},
            {"seconds", e.seconds},
            {"requests", qint64(e.requests)},
            {"errors", qint64(e.errors)},
            {"rps", e.rps},
            {"p99_ms", e.p99Ms}};
}

HistoryEntry entryFromJson(const QString& file, const QJsonObject& o) {
    HistoryEntry e;
    e.file = file;
    e.name = o.value("name").toString();
    e.started = SysClock::time_point(std::chrono::milliseconds(o.value("started_ms").toInteger()));
    e.url = o.value("url").toString();
    e.outcome = o.value("outcome").toString();
    e.seconds = o.value("seconds").toDouble();
    e.requests = std::uint64_t(o.value("requests").toInteger());
    e.errors = std::uint64_t(o.value("errors").toInteger());
    e.rps = o.value("rps").toDouble();
    e.p99Ms = o.value("p99_ms").toDouble();
    return e;
}

// What identifies one version of a file: a cached line is good while both match.
QJsonObject stamp(const QFileInfo& info) {
    return {{"size", info.size()}, {"mtime_ms", info.lastModified().toMSecsSinceEpoch()}};
}

bool sameStamp(const QJsonObject& cached, const QFileInfo& info) {
    return cached.value("size").toInteger(-1) == info.size() &&
           cached.value("mtime_ms").toInteger(-1) == info.lastModified().toMSecsSinceEpoch();
}

// What the list keeps of one file, read strictly, added to its stamp: its entry, or why it
// is skipped.
void readLine(const QFileInfo& info, QJsonObject& line) {
    auto read = ResultFile::readFile(info.filePath());
    if (const auto* report = std::get_if<RunReport>(&read))
        line.insert("entry", entryJson(entryOf(info.fileName(), *report)));
    else
        // The reason without the folder: the window says which file, once.
        line.insert(
            "skip",
            QString::fromStdString(std::get<std::string>(read)).mid(info.filePath().size() + 2));
}

// The files not in the cache, read on every core: a long run's file takes a strict reader
// 100 ms and more, and a folder of them copied in (or a lost cache) would take that many
// times as long on one. Each thread fills only the lines it takes; the join publishes them.
// Their stamps are taken before, on the calling thread: a modification time is a local time
// in Qt 6.4, and Qt's conversion of local times (qMkTime) sets the time zone unguarded.
void readLines(const QFileInfoList& infos, const std::vector<std::size_t>& unread,
               std::vector<QJsonObject>& lines) {
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < unread.size();)
            readLine(infos[qsizetype(unread[k])], lines[unread[k]]);
    };
    const std::size_t helpers =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 4) - 1;
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < std::min(helpers, unread.size() / 2); ++t)
        threads.emplace_back([&work] {
            setCurrentThreadName("history-read");
            work();
        });
    work();
}

} // namespace

QString defaultRunName(const RunReport& report) {
    const Plan& plan = report.plan;
    if (!plan.name.empty())
        return QString::fromStdString(plan.name);
    // What tells unnamed runs apart in a list and a legend: what was sent, and how hard (the
    // host is in the URL column, and mostly the same).
    QString what;
    if (plan.steps.size() == 1) {
        const Step& step = plan.steps.front();
        const QUrl url(QString::fromStdString(step.url.empty() ? report.url : step.url));
        const QString path = step.url.empty() || step.url.front() == '/'
                                 ? url.path(QUrl::FullyEncoded) +
                                       (url.hasQuery() ? "?" + url.query(QUrl::FullyEncoded) : "")
                                 : QString::fromStdString(step.url);
        what = QString::fromLatin1(methodName(step.method).data(),
                                   qsizetype(methodName(step.method).size())) +
               " " + (path.isEmpty() ? QStringLiteral("/") : path);
    } else {
        what = QStringLiteral("%1-step flow").arg(plan.steps.size());
    }
    const QString load = report.final.model == LoadShape::Model::Open
                             ? QStringLiteral("%1 req/s").arg(plan.load.rate)
                             : QStringLiteral("%1 users").arg(plan.load.users);
    return what + QStringLiteral(" · ") + load;
}

RunHistory::RunHistory(QString folder)
    : folder_(std::move(folder)) {}

QString RunHistory::path(const QString& file) const {
    return QDir(folder_).filePath(file);
}

QJsonObject RunHistory::readSidecar(const char* name) const {
    QFile file(path(QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object(); // unreadable: as if absent
}

std::optional<std::string> RunHistory::writeSidecar(const char* name,
                                                    const QJsonObject& object) const {
    QSaveFile file(path(QString::fromLatin1(name)));
    if (file.open(QIODevice::WriteOnly) &&
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) >= 0 && file.commit())
        return std::nullopt;
    return cannotWrite(file.fileName(), file.errorString());
}

std::variant<HistoryEntry, std::string> RunHistory::add(const RunReport& report) {
    if (const auto error = ensureReportDirectory(folder_))
        return *error;
    // The start in the name sorts the folder by time for a person looking into it too.
    const QString stem = QStringLiteral("run-") +
                         QDateTime::fromMSecsSinceEpoch(msSinceEpoch(report.startedUtc), Qt::UTC)
                             .toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    QString file = stem + QStringLiteral(".json");
    for (int n = 2; QFileInfo::exists(path(file)); ++n)
        file = stem + QStringLiteral("-%1.json").arg(n);
    if (const auto error = ResultFile::writeFile(report, path(file)))
        return *error;
    HistoryEntry entry = entryOf(file, report);
    QJsonObject index = readSidecar(kIndexFile);
    if (index.value("version").toInt() == kIndexVersion) {
        QJsonObject files = index.value("files").toObject();
        QJsonObject line = stamp(QFileInfo(path(file)));
        line.insert("entry", entryJson(entry));
        files.insert(file, line);
        index.insert("files", files);
        writeSidecar(kIndexFile, index); // a cache: when it cannot be written, list() reads
    }
    return entry;
}

HistoryListing RunHistory::list() {
    HistoryListing out;
    const QDir dir(folder_);
    if (!dir.exists())
        return out;
    QJsonObject index = readSidecar(kIndexFile);
    const QJsonObject cached = index.value("version").toInt() == kIndexVersion
                                   ? index.value("files").toObject()
                                   : QJsonObject();
    const QJsonObject names = readSidecar(kNamesFile);
    // Hidden files (the sidecars) are not listed by QDir::Files.
    const QFileInfoList infos =
        dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    std::vector<QJsonObject> lines(std::size_t(infos.size()));
    std::vector<std::size_t> unread;
    for (qsizetype i = 0; i < infos.size(); ++i) {
        lines[std::size_t(i)] = cached.value(infos[i].fileName()).toObject();
        if (lines[std::size_t(i)].isEmpty() || !sameStamp(lines[std::size_t(i)], infos[i])) {
            lines[std::size_t(i)] = stamp(infos[i]);
            unread.push_back(std::size_t(i));
        }
    }
    readLines(infos, unread, lines);

    QJsonObject files;
    for (qsizetype i = 0; i < infos.size(); ++i) {
        const QString file = infos[i].fileName();
        const QJsonObject& line = lines[std::size_t(i)];
        files.insert(file, line);
        if (line.contains("skip")) {
            out.skipped << file + QStringLiteral(": ") + line.value("skip").toString();
            continue;
        }
        HistoryEntry entry = entryFromJson(file, line.value("entry").toObject());
        if (const QString name = names.value(file).toString(); !name.isEmpty())
            entry.name = name;
        out.runs.push_back(std::move(entry));
    }
    std::sort(out.runs.begin(), out.runs.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
        return a.started != b.started ? a.started > b.started : a.file > b.file;
    });
    if (files != cached)
        writeSidecar(kIndexFile, {{"version", kIndexVersion}, {"files", files}});
    return out;
}

std::variant<RunReport, std::string> RunHistory::open(const QString& file) const {
    return ResultFile::readFile(path(file));
}

std::optional<std::string> RunHistory::rename(const QString& file, const QString& name) {
    if (!QFileInfo::exists(path(file)))
        return path(file).toStdString() + ": no such run";
    QJsonObject names = readSidecar(kNamesFile);
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        names.remove(file); // back to its first name
    else
        names.insert(file, trimmed);
    return writeSidecar(kNamesFile, names);
}

std::optional<std::string> RunHistory::remove(const QString& file) {
    QFile result(path(file));
    if (!result.remove())
        return "cannot delete " + result.fileName().toStdString() + ": " +
               result.errorString().toStdString();
    QJsonObject names = readSidecar(kNamesFile);
    if (names.contains(file)) {
        names.remove(file);
        writeSidecar(kNamesFile, names); // a stale name of a file now gone does no harm
    }
    return std::nullopt;
}

std::optional<std::string> RunHistory::exportTo(const QString& file,
                                                const QString& destination) const {
    QFile source(path(file));
    if (!source.open(QIODevice::ReadOnly))
        return "cannot read " + source.fileName().toStdString() + ": " +
               source.errorString().toStdString();
    const QByteArray bytes = source.readAll();
    QSaveFile out(destination);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
        return std::nullopt;
    return cannotWrite(destination, out.errorString());
}

} // namespace stampede
