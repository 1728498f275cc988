// `stampede demo queue` and `stampede demo barrier` as a terminal or CI runs them: real
// processes, their JSON figures and text, exit code 2 with a message on bad arguments, and
// Ctrl+C ending a run at once, while producers block or threads wait at the barrier, with
// what it had.
#include "tests/common/BuildFlavour.h"
#include "tests/common/StampedeProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <csignal>

namespace {

ProcessResult runDemo(const QStringList& args) {
    return runStampede(QStringList{"demo"} + args, 60000);
}

} // namespace

class TestQueueBarrierCommands : public QObject {
    Q_OBJECT
private slots:
    void queueJsonDeliversEveryItemOnce() {
        const ProcessResult r =
            runDemo({"queue", "--producers", "3", "--consumers", "2", "--capacity", "4", "--items",
                     "80", "--produce-ms", "0", "--consume-ms", "5", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["producers"].toInt(), 3);
        QCOMPARE(j["consumers"].toInt(), 2);
        QCOMPARE(j["capacity"].toInt(), 4);
        QCOMPARE(j["items"].toInt(), 80);
        QCOMPARE(j["produced"].toInt(), 80);
        QCOMPARE(j["consumed"].toInt(), 80);
        QCOMPARE(j["duplicates"].toInt(), 0);
        QCOMPARE(j["missing"].toInt(), 0);
        QCOMPARE(j["left_in_queue"].toInt(), 0);
        QCOMPARE(j["overfilled"].toInt(), 0);
        QCOMPARE(j["max_depth"].toInt(), 4); // producers with no work fill it
        QCOMPARE(j["threads"].toInt(), 5);
        QVERIFY(j["producers_blocked_ms"].toDouble() > 0);
        QVERIFY(j["consumed_per_s"].toDouble() > 0);
        QVERIFY(!j["stopped"].toBool());
    }
    void queueTextNamesEachFigure() {
        const ProcessResult r =
            runDemo({"queue", "--items", "20", "--produce-ms", "1", "--consume-ms", "1"});
        QCOMPARE(r.exitCode, 0);
        for (const char* figure :
             {"deepest queue", "taken twice", "lost", "producers blocked", "consumers waiting"})
            QVERIFY2(r.out.contains(figure), qPrintable(r.out));
    }
    void barrierJsonReleasesEveryPhaseAfterTheLastArrival() {
        const ProcessResult r =
            runDemo({"barrier", "--threads", "3", "--phases", "4", "--work-ms", "10", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["threads"].toInt(), 3);
        QCOMPARE(j["phases"].toInt(), 4);
        QCOMPARE(j["phases_released"].toInt(), 4);
        QCOMPARE(j["early_releases"].toInt(), 0);
        QVERIFY(!j["stopped"].toBool());
        const QJsonArray phases = j["per_phase"].toArray();
        QCOMPARE(phases.size(), 4);
        for (const QJsonValue& phase : phases) {
            QVERIFY(phase["released_ms"].toDouble() >= phase["last_arrival_ms"].toDouble());
            QVERIFY(phase["slowest_thread"].toInt() >= 1 && phase["slowest_thread"].toInt() <= 3);
        }
        const QJsonArray timeline = j["timeline"].toArray();
        QCOMPARE(timeline.size(), 3);
        for (const QJsonValue& thread : timeline)
            QCOMPARE(thread["phases"].toArray().size(), 4);
    }
    void barrierTextNamesTheSlowest() {
        const ProcessResult r = runDemo({"barrier", "--phases", "2", "--work-ms", "5"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("phase 2") && r.out.contains("slowest barrier-"),
                 qPrintable(r.out));
    }
    void badArgumentsExitTwoWithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no producers") << QStringList{"queue", "--producers", "0"}
                                      << "--producers needs a whole number from 1 to 16, not '0'";
        QTest::newRow("capacity too big")
            << QStringList{"queue", "--capacity", "101"} << "--capacity";
        QTest::newRow("items text") << QStringList{"queue", "--items", "lots"} << "--items";
        QTest::newRow("negative work")
            << QStringList{"queue", "--consume-ms", "-5"} << "--consume-ms";
        QTest::newRow("17 threads") << QStringList{"barrier", "--threads", "17"} << "1 to 16";
        QTest::newRow("no phases") << QStringList{"barrier", "--phases", "0"} << "--phases";
        QTest::newRow("unknown option") << QStringList{"barrier", "--fast"} << "fast";
    }
    void badArgumentsExitTwoWithAMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ProcessResult r = runDemo(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
    void interruptEndsTheRunWithWhatItHad_data() {
        QTest::addColumn<QStringList>("args");
        // Producers with no work fill the queue and block behind one very slow consumer.
        QTest::newRow("queue, producers blocked")
            << QStringList{"queue", "--produce-ms", "0", "--consume-ms", "10000"};
        // Consumers wait on an empty queue behind one very slow producer.
        QTest::newRow("queue, consumers waiting")
            << QStringList{"queue", "--producers", "1", "--produce-ms", "10000"};
        // Uneven long work: the quick ones wait at the barrier for the slow ones.
        QTest::newRow("barrier") << QStringList{"barrier", "--work-ms", "3000"};
    }
    void interruptEndsTheRunWithWhatItHad() {
        QFETCH(QStringList, args);
        QProcess process;
        process.start(STAMPEDE_BINARY, QStringList{"demo"} + args + QStringList{"--json"});
        QVERIFY(process.waitForStarted());
        QTest::qWait(int(700 * kTimingSlack));
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(int(5000 * kTimingSlack)));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains("Stopping: the results so far follow."));
        const QJsonObject j = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY2(j["stopped"].toBool(), qPrintable(QJsonDocument(j).toJson()));
        if (args.first() == "queue") {
            QCOMPARE(j["duplicates"].toInt(), 0);
            QCOMPARE(j["missing"].toInt(), 0);
            QCOMPARE(j["overfilled"].toInt(), 0);
        } else {
            QCOMPARE(j["early_releases"].toInt(), 0);
        }
    }
    void theDemoListNamesBoth() {
        const ProcessResult r = runStampede({"demo", "--help"}, 10000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("queue") && r.out.contains("barrier"), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestQueueBarrierCommands)
#include "tst_queuebarriercommands.moc"
