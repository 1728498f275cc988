// `stampede demo pi` as a real process: its JSON, its repeatability, the sweep and bad input.
#include "tests/common/StampedeProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <numbers>

namespace {

ProcessResult runPi(const QStringList& args) {
    return runStampede(QStringList{"demo", "pi"} + args, 60000);
}

} // namespace

class TestPiDemoCommand : public QObject {
    Q_OBJECT
private slots:
    void jsonCarriesTheFiguresAndRepeats() {
        const QStringList args{"--threads", "2", "--samples", "2e7", "--seed", "5", "--json"};
        const ProcessResult r = runPi(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["threads"].toInt(), 2);
        QCOMPARE(j["samples"].toInteger(), 20'000'000);
        const double sigma = j["standard_error"].toDouble();
        QVERIFY(sigma > 0);
        QVERIFY(std::abs(j["estimate"].toDouble() - std::numbers::pi) < 4 * sigma);
        QCOMPARE(j["error"].toDouble(), j["estimate"].toDouble() - std::numbers::pi);
        QVERIFY(j["seconds"].toDouble() > 0);
        QVERIFY(j["samples_per_second"].toDouble() > 0);
        const QJsonArray lanes = j["per_thread"].toArray();
        QCOMPARE(lanes.size(), 2);
        QCOMPARE(lanes[0].toObject()["samples"].toInteger() +
                     lanes[1].toObject()["samples"].toInteger(),
                 20'000'000);
        QVERIFY(!j["stopped"].toBool());
        QCOMPARE(runPi(args).json()["hits"].toInteger(), j["hits"].toInteger());
    }
    void accuracyStopsAtTheTarget() {
        const ProcessResult r = runPi({"--accuracy", "1e-3", "--chunk", "100000", "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json()["target_reached"].toBool());
        QVERIFY(r.json()["standard_error"].toDouble() < 1e-3);
        QVERIFY(r.json()["samples"].toInteger() < 10'000'000);
    }
    void sweepPrintsOneRowPerThreadCount() {
        const ProcessResult r = runPi({"--sweep", "--threads", "3", "--samples", "6e6", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = r.json()["sweep"].toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].toObject()["speedup"].toDouble(), 1.0);
        QCOMPARE(rows[2].toObject()["threads"].toInt(), 3);
        QVERIFY(r.json().contains("serial_fraction"));
        const ProcessResult text = runPi({"--sweep", "--threads", "2", "--samples", "4e6"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("speed-up") && text.out.contains("Amdahl serial fraction"),
                 qPrintable(text.out));
    }
    void humanOutputNamesEachFigure() {
        const ProcessResult r = runPi({"-t", "1", "-n", "1000000"});
        QCOMPARE(r.exitCode, 0);
        for (const char* text : {"estimate", "error vs π", "standard error", "samples/s", "pi-1"})
            QVERIFY2(r.out.contains(QString::fromUtf8(text)), qPrintable(r.out));
    }
    void badArgumentsExit2WithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("threads 0") << QStringList{"--threads", "0"} << "--threads";
        QTest::newRow("samples text") << QStringList{"--samples", "lots"} << "--samples";
        QTest::newRow("fractional samples") << QStringList{"--samples", "1.5"} << "whole number";
        QTest::newRow("chunk too big") << QStringList{"--chunk", "1e9"} << "--chunk";
        QTest::newRow("accuracy 0") << QStringList{"--accuracy", "0"} << "accuracy";
        QTest::newRow("unknown option") << QStringList{"--fast"} << "Unknown option";
    }
    void countsMayBeWrittenLike1e9OtherNumbersNot() {
        const ProcessResult samples = runPi({"--samples", "1.5"});
        QCOMPARE(samples.exitCode, 2);
        QVERIFY2(samples.err.contains(
                     "--samples needs a whole number from 1 to 1e12 (e.g. 1e9), not '1.5'"),
                 qPrintable(samples.err));
        const ProcessResult chunk = runPi({"--chunk", "2e7"});
        QVERIFY2(chunk.err.contains("--chunk needs a whole number from 1 to 1e7 (e.g. 1e6)"),
                 qPrintable(chunk.err));
        // Threads and seeds are plain numbers: no notation hint.
        const ProcessResult threads = runPi({"--threads", "2e0"});
        QCOMPARE(threads.exitCode, 2);
        QVERIFY2(threads.err.contains("--threads needs a whole number from 1 to 64, not '2e0'"),
                 qPrintable(threads.err));
        QVERIFY(!runPi({"--seed", "1e3"}).err.contains("e.g."));
    }
    void badArgumentsExit2WithAMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ProcessResult r = runPi(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestPiDemoCommand)
#include "tst_pidemocommand.moc"
