// `stampede demo race` as a real process: its JSON for every mode, the sweep and the wallet.
#include "tests/common/StampedeProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

ProcessResult runRace(const QStringList& args) {
    return runStampede(QStringList{"demo", "race"} + args, 120000);
}

} // namespace

class TestRaceDemoCommand : public QObject {
    Q_OBJECT
private slots:
    void jsonHasEveryModeSweepAndWallet() {
        const ProcessResult r =
            runRace({"--threads", "2", "--increments", "200000", "--sweep", "--wallet", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["threads"].toInt(), 2);
        const QJsonArray modes = j["modes"].toArray();
        QCOMPARE(modes.size(), 4);
        const QStringList names{"unsync", "mutex", "atomic", "local"};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject m = modes[i].toObject();
            QCOMPARE(m["mode"].toString(), names[i]);
            QCOMPARE(m["expected"].toInteger(), 400'000);
            QCOMPARE(m["lost"].toInteger(), m["expected"].toInteger() - m["actual"].toInteger());
            QVERIFY(m["actual"].toInteger() <= 400'000);
            if (i > 0)
                QCOMPARE(m["lost"].toInteger(), 0);
        }
        const QJsonArray sweep = j["sweep"].toArray();
        QCOMPARE(sweep.size(), 7);
        QCOMPARE(sweep[6].toObject()["increments"].toInteger(), 1'000'000);
        const QJsonArray wallet = j["wallet"].toArray();
        QCOMPARE(wallet.size(), 2);
        QVERIFY(wallet[1].toObject()["locked"].toBool());
        QCOMPARE(wallet[1].toObject()["difference"].toInteger(), 0);
    }
    void oneModeOnly() {
        const ProcessResult r = runRace({"--mode", "atomic", "-t", "3", "-n", "1000", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()["modes"].toArray().size(), 1);
        QCOMPARE(r.json()["modes"][0]["actual"].toInteger(), 3000);
        QVERIFY(!r.json().contains("sweep"));
    }
    void humanOutputIsATable() {
        const ProcessResult r = runRace({"-n", "1000", "--wallet"});
        QCOMPARE(r.exitCode, 0);
        for (const char* text : {"expected", "actual", "lost", "mutex", "local", "Wallet"})
            QVERIFY2(r.out.contains(text), qPrintable(r.out));
    }
    void badArgumentsExit2() {
        QCOMPARE(runRace({"--mode", "fast"}).exitCode, 2);
        QVERIFY(runRace({"--mode", "fast"}).err.contains("--mode"));
        QCOMPARE(runRace({"--threads", "0"}).exitCode, 2);
        const ProcessResult tooMany = runRace({"--increments", "2e9"});
        QCOMPARE(tooMany.exitCode, 2);
        QVERIFY2(tooMany.err.contains("--increments needs a whole number from 1 to 1e9 (e.g. 1e8)"),
                 qPrintable(tooMany.err));
    }
};

QTEST_GUILESS_MAIN(TestRaceDemoCommand)
#include "tst_racedemocommand.moc"
