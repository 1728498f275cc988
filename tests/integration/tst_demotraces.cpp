// `stampede demo NAME --trace FILE` for every demo: the file is a trace Perfetto opens (every
// span closed, every lane named), its lanes are the demo's named threads, and it holds what
// the lesson is about. Under the global lock, no two π workers ever draw at the same moment,
// read back from the file itself. An unwritable trace path is refused before the run.
#include "tests/common/StampedeProcess.h"
#include "tests/common/TraceCheck.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <utility>
#include <vector>

namespace {

struct TracedRun {
    ProcessResult process;
    QByteArray trace;
};

TracedRun runTraced(const QStringList& args) {
    QTemporaryDir dir;
    const QString path = dir.filePath("trace.json");
    TracedRun run{runStampede(QStringList{"demo"} + args + QStringList{"--trace", path}, 90000),
                  {}};
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        run.trace = file.readAll();
    return run;
}

// The drawing spans ("work") of every lane, as (start, end) in microseconds.
std::vector<std::pair<double, double>> workSpans(const QByteArray& json) {
    std::vector<std::pair<double, double>> spans;
    for (const auto& value : QJsonDocument::fromJson(json).object()["traceEvents"].toArray()) {
        const QJsonObject e = value.toObject();
        if (e["ph"].toString() == "X" && e["cat"].toString() == "work")
            spans.emplace_back(e["ts"].toDouble(), e["ts"].toDouble() + e["dur"].toDouble());
    }
    std::sort(spans.begin(), spans.end());
    return spans;
}

} // namespace

class TestDemoTraces : public QObject {
    Q_OBJECT
private slots:
    void everyDemoWritesASoundTrace_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("lanes");
        QTest::addColumn<QString>("counter");
        QTest::newRow("pi") << QStringList{"pi", "-t", "2", "-n", "2e7"}
                            << QStringList{"pi-1", "pi-2"} << "threads drawing";
        QTest::newRow("pi sweep") << QStringList{"pi", "--sweep", "-t", "2", "-n", "4e6", "--gil"}
                                  << QStringList{"pi-sweep"} << "speed-up";
        QTest::newRow("race") << QStringList{"race", "--threads", "2", "--increments", "100000"}
                              << QStringList{"race-1", "race-2"} << "lost updates";
        QTest::newRow("deadlock") << QStringList{"deadlock", "--threads", "3"}
                                  << QStringList{"lock-watchdog", "deadlock-1", "deadlock-3"}
                                  << QString();
        QTest::newRow("semaphore")
            << QStringList{"semaphore", "--jobs", "6", "--limit", "2", "--job-ms", "20"}
            << QStringList{"job-1", "job-6"} << "running";
        QTest::newRow("stepper deadlock") << QStringList{"stepper", "--program", "deadlock"}
                                          << QStringList{"step-1", "step-2"} << "counter";
        QTest::newRow("stepper race3")
            << QStringList{"stepper", "--program", "race3", "--schedule", "1 2 3 1 2 3 1 2 3"}
            << QStringList{"step-1", "step-3"} << "counter";
        QTest::newRow("queue") << QStringList{"queue", "--items",      "40", "--produce-ms",
                                              "1",     "--consume-ms", "2"}
                               << QStringList{"producer-1", "consumer-1"} << "queue depth";
        QTest::newRow("barrier") << QStringList{"barrier", "--threads", "3", "--phases",
                                                "2",       "--work-ms", "10"}
                                 << QStringList{"barrier-1", "barrier-3"}
                                 << "waiting at the barrier";
        QTest::newRow("servers") << QStringList{"servers", "--seconds",  "1",
                                                "--users", "8",          "--workers",
                                                "2",       "--delay-ms", "20"}
                                 << QStringList{"sync: user 1", "async: user 8"}
                                 << "sync: in flight";
        QTest::newRow("frozen") << QStringList{"frozen", "-n", "2", "--delay-ms", "150"}
                                << QStringList{"frozen-loop"} << "loop lag (ms)";
        QTest::newRow("requests") << QStringList{"requests", "-n", "3", "--delay-ms", "50"}
                                  << QStringList{"one at a time", "all at once #3"} << "in flight";
        QTest::newRow("async") << QStringList{"async",          "-n",           "3",  "--latency",
                                              "uniform:20-200", "--timeout-ms", "100"}
                               << QStringList{"gather: #1", "as-completed: #2", "first: #3",
                                              "timeout: #3"}
                               << "in flight";
        QTest::newRow("async first") << QStringList{"async", "--mode", "first", "-n", "5"}
                                     << QStringList{"first: #5"} << "in flight";
    }
    void everyDemoWritesASoundTrace() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, lanes);
        QFETCH(QString, counter);
        const TracedRun run = runTraced(args);
        QVERIFY2(run.process.exitCode == 0, qPrintable(run.process.err));
        const ReadTrace read = readTrace(run.trace);
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QVERIFY(!read.spanNames.isEmpty());
        const QStringList names = read.laneNames.values();
        for (const QString& lane : lanes)
            QVERIFY2(names.contains(lane), qPrintable(lane + " not in " + names.join(", ")));
        if (!counter.isEmpty())
            QVERIFY2(read.counterNames.contains(counter), qPrintable(read.counterNames.join(", ")));
    }

    void underTheLockNoTwoWorkersDrawAtOnce() {
        const TracedRun locked = runTraced({"pi", "-t", "2", "-n", "4e7", "--gil", "--json"});
        QCOMPARE(locked.process.exitCode, 0);
        QVERIFY(locked.process.json()["gil"].toBool());
        const ReadTrace read = readTrace(locked.trace);
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QVERIFY(read.spansByCategory.value("wait") > 0);
        const auto spans = workSpans(locked.trace);
        QCOMPARE(spans.size(), std::size_t{40}); // 4e7 samples in chunks of 1e6
        for (std::size_t i = 1; i < spans.size(); ++i)
            QVERIFY2(spans[i].first >= spans[i - 1].second,
                     qPrintable(QString("chunk %1 starts at %2 us, before the one before it ends "
                                        "at %3 us")
                                    .arg(i)
                                    .arg(spans[i].first)
                                    .arg(spans[i - 1].second)));
        // Same seed, same samples: the lock changes the timing, never the estimate.
        const ProcessResult free =
            runStampede({"demo", "pi", "-t", "2", "-n", "4e7", "--json"}, 60000);
        QCOMPARE(free.json()["hits"].toInteger(), locked.process.json()["hits"].toInteger());
        QCOMPARE(free.json()["gil"].toBool(), false);
    }

    void anUnwritableTraceIsRefusedBeforeTheRun() {
        const ProcessResult r =
            runStampede({"demo", "semaphore", "--trace", "/nonexistent/dir/t.json"}, 10000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/nonexistent/dir/t.json"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty()); // refused, not run
    }
};

QTEST_GUILESS_MAIN(TestDemoTraces)
#include "tst_demotraces.moc"
