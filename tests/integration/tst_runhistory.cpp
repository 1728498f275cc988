// The run history on real result files of a real run against the embedded target: listed
// newest first with their figures, renamed (surviving a restart), deleted, exported; files
// that are not result files are skipped and said, and a changed file is read again.
#include "core/report/ResultFile.h"
#include "core/report/RunHistory.h"
#include "core/server/TargetServer.h"
#include "tests/common/WrittenFile.h"
#include "tests/integration/RunToEnd.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

RunReport shifted(RunReport report, std::chrono::seconds by) {
    report.startedUtc += by;
    report.endedUtc += by;
    return report;
}

QString added(RunHistory& history, const RunReport& report) {
    auto entry = history.add(report);
    if (const auto* error = std::get_if<std::string>(&entry))
        qFatal("cannot add a run: %s", error->c_str());
    return std::get<HistoryEntry>(entry).file;
}

QByteArray contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT

    RunReport run;

private slots:
    void initTestCase() {
        TargetServer target;
        Plan plan;
        plan.name = "history run";
        plan.load.users = 2;
        plan.duration = 1200ms;
        plan.steps.front().url = "/status/503"; // errors, so the error column means something
        runToEnd(plan, target.url(), run);
        QVERIFY(run.final.requests > 50);
        QCOMPARE(run.final.errors, run.final.requests);
    }

    void listsNewestFirstWithTheRunsFigures() {
        QTemporaryDir dir;
        RunHistory history(dir.filePath("runs")); // made when the first run is kept
        QVERIFY(history.list().runs.empty());
        const QString middle = added(history, run);
        const QString newest = added(history, shifted(run, 3600s));
        const QString oldest = added(history, shifted(run, -3600s));

        const HistoryListing listing = history.list();
        QVERIFY2(listing.skipped.isEmpty(), qPrintable(listing.skipped.join('\n')));
        QCOMPARE(listing.runs.size(), std::size_t(3));
        QCOMPARE(listing.runs[0].file, newest);
        QCOMPARE(listing.runs[1].file, middle);
        QCOMPARE(listing.runs[2].file, oldest);
        const HistoryEntry& e = listing.runs[1];
        QCOMPARE(e.name, QString("history run"));
        QCOMPARE(e.url, QString::fromStdString(run.url));
        QCOMPARE(e.requests, run.final.requests);
        QCOMPARE(e.errors, run.final.errors);
        QCOMPARE(e.rps, run.final.rps());
        QCOMPARE(e.p99Ms, double(run.final.latency.quantile(0.99)) / 1000.0);
        QCOMPARE(e.outcome, QString("finished"));
        QVERIFY(e.started == run.startedUtc || std::chrono::abs(e.started - run.startedUtc) < 1ms);

        // What a second process lists from the cache is what was read from the files.
        RunHistory again(history.folder());
        QVERIFY(QFile::exists(again.path(RunHistory::kIndexFile)));
        QCOMPARE(again.list().runs, listing.runs);

        auto opened = history.open(middle);
        QVERIFY(std::holds_alternative<RunReport>(opened));
        QCOMPARE(std::get<RunReport>(opened).final.requests, run.final.requests);
        QCOMPARE(std::get<RunReport>(opened).final.latency.quantile(0.999),
                 run.final.latency.quantile(0.999));
    }

    void aRenameSurvivesARestartAndAnEmptyNameRestoresTheFirst() {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        const QString file = added(history, run);
        QCOMPARE(history.rename(file, "  async server, 8 users  "), std::nullopt);
        QCOMPARE(history.list().runs.front().name, QString("async server, 8 users"));

        QFile::remove(history.path(RunHistory::kIndexFile)); // the cache may go: names stay
        RunHistory restarted(dir.path());
        QCOMPARE(restarted.list().runs.front().name, QString("async server, 8 users"));
        // The result file itself is untouched by a rename.
        QCOMPARE(contentOf(restarted.path(file)), ResultFile::write(run));

        QCOMPARE(restarted.rename(file, ""), std::nullopt);
        QCOMPARE(restarted.list().runs.front().name, QString("history run"));
        QVERIFY(restarted.rename("run-missing.json", "x").has_value());
    }

    void deleteRemovesTheFileAndExportCopiesIt() {
        QTemporaryDir dir;
        RunHistory history(dir.filePath("runs"));
        const QString keep = added(history, run);
        const QString gone = added(history, shifted(run, 10s));
        QCOMPARE(history.rename(gone, "to delete"), std::nullopt);

        const QString exported = dir.filePath("exported.json");
        writtenFile(dir, "exported.json", "old content, replaced");
        QCOMPARE(history.exportTo(keep, exported), std::nullopt);
        QCOMPARE(contentOf(exported), contentOf(history.path(keep)));
        QVERIFY(std::holds_alternative<RunReport>(ResultFile::readFile(exported)));
        QVERIFY(history.exportTo(keep, dir.filePath("no/such/folder/x.json")).has_value());

        QCOMPARE(history.remove(gone), std::nullopt);
        QVERIFY(!QFile::exists(history.path(gone)));
        const HistoryListing listing = history.list();
        QCOMPARE(listing.runs.size(), std::size_t(1));
        QCOMPARE(listing.runs.front().file, keep);
        QVERIFY(history.remove(gone).has_value()); // already gone: said, not ignored
        QVERIFY(!contentOf(history.path(RunHistory::kNamesFile)).contains(gone.toUtf8()));
    }

    void filesThatAreNotResultFilesAreSkippedAndSaid() {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        const QString good = added(history, run);
        const QByteArray whole = ResultFile::write(run);
        writtenFile(dir, "notes.json", "these are not the results you are looking for");
        writtenFile(dir, "truncated.json", whole.left(whole.size() / 2));
        QJsonObject future = QJsonDocument::fromJson(whole).object();
        future["stampede_result"] = 99;
        writtenFile(dir, "future.json", QJsonDocument(future).toJson());
        writtenFile(dir, "plan.json", "{\"name\": \"a plan, not a result\"}");
        writtenFile(dir, "readme.txt", "not even .json: not looked at");
        QDir(dir.path()).mkdir("folder.json");

        const HistoryListing listing = history.list();
        QCOMPARE(listing.runs.size(), std::size_t(1));
        QCOMPARE(listing.runs.front().file, good);
        QCOMPARE(listing.skipped.size(), 4);
        const QString all = listing.skipped.join('\n');
        QVERIFY2(all.contains("notes.json: not a result file: not valid JSON"), qPrintable(all));
        QVERIFY2(all.contains("truncated.json: not a result file: not valid JSON"),
                 qPrintable(all));
        QVERIFY2(all.contains("future.json: stampede_result: version 99"), qPrintable(all));
        QVERIFY2(all.contains("plan.json: stampede_result: missing"), qPrintable(all));
        QVERIFY(!all.contains(dir.path())); // the file is named once, without the folder

        // Said again from the cache, and a file that changed is read again.
        QCOMPARE(RunHistory(dir.path()).list().skipped, listing.skipped);
        QTest::qWait(20); // a modification time that differs even on coarse clocks
        writtenFile(dir, "truncated.json", whole);
        const HistoryListing fixed = history.list();
        QCOMPARE(fixed.runs.size(), std::size_t(2));
        QCOMPARE(fixed.skipped.size(), 3);
        writtenFile(dir, QFileInfo(history.path(good)).fileName(), whole.left(100));
        QCOMPARE(history.list().runs.size(), std::size_t(1));
        auto open = history.open(good);
        QVERIFY(std::holds_alternative<std::string>(open));
        QVERIFY(std::get<std::string>(open).starts_with(history.path(good).toStdString() + ": "));
    }

    void aDamagedCacheIsRebuilt() {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        added(history, run);
        QCOMPARE(history.list().runs.size(), std::size_t(1));
        writtenFile(dir, RunHistory::kIndexFile, "{\"version\": 1, \"files\": [garbage");
        writtenFile(dir, RunHistory::kNamesFile, "nonsense");
        const HistoryListing listing = history.list();
        QCOMPARE(listing.runs.size(), std::size_t(1));
        QCOMPARE(listing.runs.front().requests, run.final.requests);
        QVERIFY(listing.skipped.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
