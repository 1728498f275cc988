// The result file of a real run: written and read back, every figure is the same and every
// percentile identical (the full histograms travel); a file that is not one, truncated, of a
// newer version or inconsistent is refused naming the field.
#include "core/engine/LoadEngine.h"
#include "core/plan/PlanJson.h"
#include "core/report/ResultFile.h"
#include "core/server/TargetServer.h"
#include "tests/common/SameHistogram.h"
#include "tests/integration/CollectingSink.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

RunReport realRun() {
    TargetServer target;
    auto plan = PlanJson::readFile(":/examples/course-flow.json");
    Plan flow = std::get<Plan>(plan);
    flow.load.rate = 400;
    flow.load.threads = 2;
    flow.duration = 1500ms;
    LoadEngine engine;
    auto sink = std::make_shared<CollectingSink>();
    if (engine.start(flow, target.url(), sink) || !engine.wait(30s))
        qFatal("the run did not start or end");
    return sink->report().value();
}

// A result file with one member changed.
QByteArray edited(const QByteArray& json, const std::function<void(QJsonObject&)>& change) {
    QJsonObject root = QJsonDocument::fromJson(json).object();
    change(root);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestResultFile : public QObject {
    Q_OBJECT

    RunReport run;
    QByteArray written;

private slots:
    void initTestCase() {
        run = realRun();
        written = ResultFile::write(run);
        QVERIFY(run.final.requests > 500);
    }

    void aRunReadsBackWithTheSameFiguresAndPercentiles() {
        auto read = ResultFile::read(written);
        QVERIFY2(std::holds_alternative<RunReport>(read),
                 std::get_if<PlanError>(&read) ? std::get<PlanError>(read).text().c_str() : "");
        const RunReport& back = std::get<RunReport>(read);
        const RunSnapshot& a = run.final;
        const RunSnapshot& b = back.final;
        QVERIFY(back.plan == run.plan);
        QCOMPARE(back.url, run.url);
        QCOMPARE(back.engine, run.engine);
        QCOMPARE(back.threads, 2);
        QCOMPARE(back.host, run.host);
        QVERIFY(!back.host.empty());
        QCOMPARE(
            std::chrono::duration_cast<std::chrono::milliseconds>(back.startedUtc - run.startedUtc)
                .count(),
            0);
        QVERIFY(back.endedUtc > back.startedUtc);
        QCOMPARE(b.phase, a.phase);
        QCOMPARE(b.requests, a.requests);
        QCOMPARE(b.completed, a.completed);
        QCOMPARE(b.errors, a.errors);
        QCOMPARE(b.bytes, a.bytes);
        QCOMPARE(b.statusCounts, a.statusCounts);
        QVERIFY(sameHistogram(b.latency, a.latency));
        QVERIFY(sameHistogram(b.latencyUncorrected, a.latencyUncorrected));
        for (double q : {0.5, 0.9, 0.99, 0.999, 0.9999, 1.0})
            QCOMPARE(b.latency.quantile(q), a.latency.quantile(q));
        QCOMPARE(b.steps.size(), a.steps.size());
        for (std::size_t i = 0; i < a.steps.size(); ++i) {
            QCOMPARE(b.steps[i].requests, a.steps[i].requests);
            QCOMPARE(b.steps[i].statusCounts, a.steps[i].statusCounts);
            QVERIFY(sameHistogram(b.steps[i].latency, a.steps[i].latency));
        }
        QCOMPARE(b.iterations.completed, a.iterations.completed);
        QVERIFY(sameHistogram(b.iterations.duration, a.iterations.duration));
        QCOMPARE(back.timeSeries.size(), run.timeSeries.size());
        QCOMPARE(back.timeSeriesLatency.size(), run.timeSeries.size());
        for (std::size_t i = 0; i < run.timeSeries.size(); ++i) {
            QCOMPARE(back.timeSeries[i].second, run.timeSeries[i].second);
            QCOMPARE(back.timeSeries[i].completed, run.timeSeries[i].completed);
            QCOMPARE(back.timeSeries[i].p99Ms, run.timeSeries[i].p99Ms);
            QCOMPARE(back.timeSeries[i].steps.size(), run.timeSeries[i].steps.size());
            QCOMPARE(back.timeSeriesLatency[i].buckets, run.timeSeriesLatency[i].buckets);
        }
        // The flow's steps, second by second, with their histograms (what merging needs).
        QCOMPARE(run.timeSeriesStepLatency.size(), run.timeSeries.size());
        QCOMPARE(back.timeSeriesStepLatency.size(), run.timeSeries.size());
        std::uint64_t stepped = 0;
        for (std::size_t i = 0; i < run.timeSeries.size(); ++i) {
            QCOMPARE(run.timeSeriesStepLatency[i].size(), run.plan.steps.size());
            for (std::size_t s = 0; s < run.plan.steps.size(); ++s) {
                QCOMPARE(back.timeSeriesStepLatency[i][s].buckets,
                         run.timeSeriesStepLatency[i][s].buckets);
                stepped += run.timeSeriesStepLatency[i][s].count;
            }
        }
        QVERIFY(stepped > 0);
        // Written again, the same bytes: nothing is lost or made up on the way.
        QCOMPARE(ResultFile::write(back), written);
    }

    void writeFileIsAtomicAndSaysWhyItCannot() {
        QTemporaryDir dir;
        const QString path = dir.filePath("result.json");
        QVERIFY(!ResultFile::writeFile(run, path));
        QVERIFY(std::holds_alternative<RunReport>(ResultFile::readFile(path)));
        const auto error = ResultFile::writeFile(run, dir.filePath("missing/result.json"));
        QVERIFY(error && error->find("missing/result.json") != std::string::npos);
        const auto folder = ResultFile::readFile(dir.path());
        QVERIFY(std::get<std::string>(folder).find("is a directory") != std::string::npos);
    }

    void whatIsNotAResultIsRefusedNamingTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << written.left(written.size() / 2) << ""
                                   << "truncated?";
        QTest::newRow("a plan") << PlanJson::write(Plan{}) << "stampede_result"
                                << "not a Stampede result file";
        QTest::newRow("newer") << edited(written, [](QJsonObject& r) { r["stampede_result"] = 2; })
                               << "stampede_result"
                               << "version 2 is newer";
        QTest::newRow("bucket counts")
            << edited(written,
                      [](QJsonObject& r) {
                          QJsonObject latency = r["latency"].toObject();
                          QJsonObject corrected = latency["corrected"].toObject();
                          corrected["count"] = corrected["count"].toInt() + 1;
                          latency["corrected"] = corrected;
                          r["latency"] = latency;
                      })
            << "latency.corrected"
            << "an inconsistent histogram";
        QTest::newRow("steps") << edited(written,
                                         [](QJsonObject& r) {
                                             QJsonObject totals = r["totals"].toObject();
                                             totals["requests"] = totals["requests"].toInt() + 1;
                                             r["totals"] = totals;
                                         })
                               << "steps"
                               << "add up to";
        QTest::newRow("time") << edited(written, [](QJsonObject& r) { r["started_utc"] = "soon"; })
                              << "started_utc"
                              << "must be a UTC time";
        QTest::newRow("unknown key")
            << edited(written, [](QJsonObject& r) { r["requestz"] = 1; }) << "requestz"
            << "unknown key";
    }
    void whatIsNotAResultIsRefusedNamingTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto read = ResultFile::read(json);
        QVERIFY(std::holds_alternative<PlanError>(read));
        const PlanError& error = std::get<PlanError>(read);
        QCOMPARE(QString::fromStdString(error.field), field);
        QVERIFY2(QString::fromStdString(error.message).contains(message), error.text().c_str());
    }
};

QTEST_GUILESS_MAIN(TestResultFile)
#include "tst_resultfile.moc"
