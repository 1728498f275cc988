// `stampede demo async` as a terminal or CI runs it: a real process with its own target, the
// same seed giving the same delays and the same results taken, each mode alone, the text's
// asyncio names, and exit code 2 naming the option on bad arguments.
#include "tests/common/StampedeProcess.h"
#include "tests/common/TraceCheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

ProcessResult runAsync(const QStringList& args) {
    return runStampede(QStringList{"demo", "async"} + args, 90000);
}

QList<int> numbers(const QJsonValue& array) {
    QList<int> out;
    for (const QJsonValue& value : array.toArray())
        out << value.toInt();
    return out;
}

} // namespace

class TestAsyncDemoCommand : public QObject {
    Q_OBJECT
private slots:
    void jsonHasEveryRoundInTurn() {
        // Seed 42 draws 390, 338, 388 and 111 ms from 50-500: #4 is first, and alone by T.
        const ProcessResult r = runAsync({"-n", "4", "--latency", "uniform:50-500", "--seed", "42",
                                          "--timeout-ms", "200", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j["requests"].toInt(), 4);
        QCOMPARE(numbers(j["delays_ms"]), (QList<int>{390, 338, 388, 111}));
        QVERIFY(!j["stopped"].toBool());
        const QJsonArray rounds = j["rounds"].toArray();
        QCOMPARE(rounds.size(), 4);

        const QJsonObject gather = rounds[0].toObject();
        QCOMPARE(gather["mode"].toString(), QString("gather"));
        QCOMPARE(numbers(gather["taken"]), (QList<int>{1, 2, 3, 4}));
        QCOMPARE(gather["cancelled"].toInt(), 0);

        const QJsonObject asCompleted = rounds[1].toObject();
        QCOMPARE(asCompleted["mode"].toString(), QString("as-completed"));
        QCOMPARE(numbers(asCompleted["taken"]), numbers(asCompleted["completion_order"]));
        QCOMPARE(numbers(asCompleted["taken"]).size(), 4);
        QCOMPARE(numbers(asCompleted["taken"]).first(), 4);

        const QJsonObject first = rounds[2].toObject();
        QCOMPARE(first["mode"].toString(), QString("first"));
        QCOMPARE(numbers(first["taken"]), QList<int>{4});
        QCOMPARE(first["cancelled"].toInt(), 3);
        QVERIFY(first["cancelled_at_ms"].toDouble() >= 111);
        int cancelledStates = 0;
        for (const QJsonValue& request : first["requests"].toArray())
            if (request["state"].toString() == "cancelled") {
                ++cancelledStates;
                QCOMPARE(request["end_ms"].toDouble(), first["cancelled_at_ms"].toDouble());
            }
        QCOMPARE(cancelledStates, 3);

        const QJsonObject timeout = rounds[3].toObject();
        QCOMPARE(timeout["mode"].toString(), QString("timeout"));
        QCOMPARE(timeout["timeout_ms"].toDouble(), 200.0);
        QCOMPARE(numbers(timeout["taken"]), QList<int>{4});
        QCOMPARE(timeout["cancelled"].toInt() + timeout["completed"].toInt(), 4);
        QVERIFY(timeout["cancelled_at_ms"].toDouble() >= 200);
    }

    void oneModeAloneAndItsText() {
        const ProcessResult r =
            runAsync({"-n", "3", "--mode", "first", "--latency", "uniform:50-500", "--seed", "42"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("asyncio.wait(tasks, return_when=FIRST_COMPLETED)"),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains("asyncio.gather"));
        QVERIFY2(r.out.contains("2 cancelled"), qPrintable(r.out));
        QVERIFY2(r.out.contains("really cancelled"), qPrintable(r.out));
    }

    void theTraceHasACancelledSpanForEachCancel() {
        QTemporaryDir dir;
        const QString path = dir.filePath("async.json");
        const ProcessResult r = runAsync({"-n", "4", "--latency", "uniform:50-500", "--seed", "42",
                                          "--timeout-ms", "200", "--json", "--trace", path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        int cancelled = 0;
        for (const QJsonValue& round : r.json()["rounds"].toArray())
            cancelled += round["cancelled"].toInt();
        QVERIFY(cancelled >= 3 + 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReadTrace read = readTrace(file.readAll());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.spansByCategory.value("cancelled"), cancelled);
        QCOMPARE(read.spansByCategory.value("work"), 4 * 4 - cancelled);
    }

    void badArgumentsExitTwoNamingTheOption_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("mode") << QStringList{"--mode", "sometimes"} << "--mode";
        QTest::newRow("latency") << QStringList{"--latency", "slow"} << "--latency";
        QTest::newRow("latency range") << QStringList{"--latency", "uniform:9-1"} << "A <= B";
        QTest::newRow("no requests") << QStringList{"-n", "0"} << "--requests";
        QTest::newRow("too many") << QStringList{"-n", "201"} << "1 to 200";
        QTest::newRow("timeout") << QStringList{"--timeout-ms", "0"} << "--timeout-ms";
        QTest::newRow("seed") << QStringList{"--seed", "-1"} << "--seed";
        QTest::newRow("unknown") << QStringList{"--fast"} << "fast";
    }
    void badArgumentsExitTwoNamingTheOption() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ProcessResult r = runAsync(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAsyncDemoCommand)
#include "tst_asyncdemocommand.moc"
