// `stampede demo deadlock|semaphore|requests` as a terminal or CI runs them: real processes,
// their JSON figures, their text, and exit code 2 with a message on bad arguments; and every
// demo's one way to end on Ctrl+C: at once, with what it had.
#include "tests/common/BuildFlavour.h"
#include "tests/common/StampedeProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <csignal>

namespace {

ProcessResult runDemo(const QStringList& args, int timeoutMs = 60000) {
    return runStampede(QStringList{"demo"} + args, timeoutMs);
}

} // namespace

class TestSyncDemoCli : public QObject {
    Q_OBJECT
private slots:
    void deadlockJsonHasTheCycleAndTheFixes() {
        const ProcessResult r = runDemo({"deadlock", "--threads", "3", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["threads"].toInt(), 3);
        QVERIFY(j["detected"].toBool());
        QVERIFY(j["all_threads_ended"].toBool());
        const QJsonArray cycle = j["cycle"].toArray();
        QCOMPARE(cycle.size(), 6);
        QCOMPARE(cycle[0].toString(), QString("T1"));
        QCOMPARE(cycle[1].toString(), QString("L2"));
        QVERIFY(j["detection_ms"].toInt() >= 300);
        const QJsonArray fixes = j["fixes"].toArray();
        QCOMPARE(fixes.size(), 3);
        QStringList names;
        for (const QJsonValue& fix : fixes) {
            names << fix["name"].toString();
            QVERIFY(fix["finished"].toBool());
            QCOMPARE(fix["rounds"].toInt(), 3 * 20);
            QVERIFY(fix["time_ms"].toInt() > 0);
            QVERIFY(fix.toObject().contains("backoffs"));
        }
        QCOMPARE(names, (QStringList{"global-order", "scoped-lock", "timeout-backoff"}));
    }
    void deadlockTextNamesTheCycle() {
        const ProcessResult r = runDemo({"deadlock"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("T1 -> L2 -> T2 -> L1 -> T1"), qPrintable(r.out));
        QVERIFY(r.out.contains("One global lock order"));
    }
    void semaphoreJsonStaysWithinTheLimit() {
        const ProcessResult r =
            runDemo({"semaphore", "--jobs", "9", "--limit", "3", "--job-ms", "40", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["jobs"].toInt(), 9);
        QCOMPARE(j["limit"].toInt(), 3);
        QCOMPARE(j["max_active"].toInt(), 3);
        QCOMPARE(j["finished_jobs"].toInt(), 9);
        QVERIFY(j["total_ms"].toDouble() >= 9 * 20 / 3.0);
        QVERIFY(j["mean_wait_ms"].toDouble() > 0);
        QVERIFY(j["mean_run_ms"].toDouble() >= 20);
        QCOMPARE(j["timeline"].toArray().size(), 9);
    }
    void requestsJsonComparesBothWays() {
        const ProcessResult r = runDemo({"requests", "-n", "4", "--delay-ms", "100", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["requests"].toInt(), 4);
        QCOMPARE(j["sequential_recorded"].toInt(), 4);
        QCOMPARE(j["concurrent_recorded"].toInt(), 4);
        QCOMPARE(j["errors"].toInt(), 0);
        QVERIFY(j["sequential_s"].toDouble() >= 0.4);
        QVERIFY(j["concurrent_s"].toDouble() >= 0.1);
        QVERIFY(j["speedup"].toDouble() > 1);
    }
    void badArgumentsExitTwoWithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("one thread") << QStringList{"deadlock", "--threads", "1"} << "--threads";
        QTest::newRow("nine threads") << QStringList{"deadlock", "--threads", "9"} << "2 to 8";
        QTest::newRow("limit zero") << QStringList{"semaphore", "--limit", "0"} << "--limit";
        QTest::newRow("jobs text") << QStringList{"semaphore", "--jobs", "many"} << "--jobs";
        QTest::newRow("jobs are not a count")
            << QStringList{"semaphore", "--jobs", "1e2"}
            << "--jobs needs a whole number from 1 to 200, not '1e2'";
        QTest::newRow("too many requests") << QStringList{"requests", "-n", "500"} << "at most 200";
        QTest::newRow("unknown option") << QStringList{"requests", "--fast"} << "fast";
    }
    void badArgumentsExitTwoWithAMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ProcessResult r = runDemo(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
    void interruptEndsEveryDemoWithWhatItHad_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("stoppedKey"); // where the JSON says the run was cut short
        QTest::newRow("pi") << QStringList{"pi", "-n", "1e12"} << "stopped";
        QTest::newRow("race") << QStringList{"race", "-n", "1e9", "--mode", "mutex"} << "modes";
        QTest::newRow("deadlock") << QStringList{"deadlock", "--stall-ms", "10000"} << "stopped";
        QTest::newRow("semaphore") << QStringList{"semaphore", "--job-ms", "60000"} << "stopped";
        QTest::newRow("requests") << QStringList{"requests", "--delay-ms", "10000"} << "stopped";
        QTest::newRow("async") << QStringList{"async", "--latency", "fixed:10000"} << "stopped";
    }
    void interruptEndsEveryDemoWithWhatItHad() {
        QFETCH(QStringList, args);
        QFETCH(QString, stoppedKey);
        QProcess process;
        process.start(STAMPEDE_BINARY, QStringList{"demo"} + args + QStringList{"--json"});
        QVERIFY(process.waitForStarted());
        // Long enough for the signals to be blocked and the demo's threads to be busy.
        QTest::qWait(int(500 * kTimingSlack));
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(int(5000 * kTimingSlack)));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains("Stopping: the results so far follow."));
        const QJsonObject j = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        const QJsonValue stopped = stoppedKey == "modes"
                                       ? j["modes"].toArray().first().toObject()["stopped"]
                                       : j[stoppedKey];
        QVERIFY2(stopped.toBool(), qPrintable(QJsonDocument(j).toJson()));
    }
    void helpListsTheOptions() {
        const ProcessResult r = runDemo({"requests", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--delay-ms"));
    }
};

QTEST_GUILESS_MAIN(TestSyncDemoCli)
#include "tst_syncdemocli.moc"
