// `stampede compare` as CI uses it: result files of real runs side by side, --fail-if gates
// that exit 3 on a regression, --json for scripts, --junit for CI's test view, and exit 2
// naming the file and field for what is not a result file.
#include "core/server/TargetServer.h"
#include "tests/common/StampedeProcess.h"
#include "tests/common/WrittenFile.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace stampede;

class TestCompareCommand : public QObject {
    Q_OBJECT

    TargetServer target_;
    QTemporaryDir dir_;
    QString fast_; // the target's / answered at once
    QString slow_; // /delay/20: every request 20 ms or more

    QString resultOf(const QString& name, const QString& path) {
        const QString out = dir_.filePath(name);
        const ProcessResult r =
            runStampede({"run", "--url", QString::fromStdString(target_.url()) + path, "-c", "2",
                         "-n", "100", "-d", "20", "--out", out},
                        60000);
        if (r.exitCode != 0)
            qFatal("the run for %s failed: %s", qPrintable(name), qPrintable(r.err));
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        fast_ = resultOf("fast.json", "");
        slow_ = resultOf("slow.json", "delay/20");
    }

    void aRunAgainstItselfPassesEveryGate() {
        const ProcessResult r = runStampede(
            {"compare", fast_, fast_, "--fail-if", "p99>+1%", "--fail-if", "rps<-1%", "--json"},
            30000);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = r.json();
        QVERIFY(json["passed"].toBool());
        for (const QJsonValue figure : json["figures"].toArray()) {
            QCOMPARE(figure["absolute"].toArray()[1].toDouble(), 0.0);
            QCOMPARE(figure["verdicts"].toArray()[1].toString(), "same");
        }
        QCOMPARE(json["gates"].toArray().size(), 2);
    }

    void aSlowerRunFailsTheLatencyGateWithExit3() {
        const ProcessResult r =
            runStampede({"compare", fast_, slow_, "--fail-if", "p99>+10%"}, 30000);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("p99 latency"), qPrintable(r.out));
        QVERIFY2(r.out.contains("worse"), qPrintable(r.out));
        QVERIFY2(r.out.contains("p99>+10%: slow.json"), qPrintable(r.out));
        QVERIFY2(r.out.contains("FAILED"), qPrintable(r.out));
        // The other way round the slow run is the baseline, and the fast one is better.
        const ProcessResult back =
            runStampede({"compare", slow_, fast_, "--fail-if", "p99>+10%"}, 30000);
        QCOMPARE(back.exitCode, 0);
        QVERIFY2(back.out.contains("better"), qPrintable(back.out));
    }

    void junitHoldsEachGateOnEachRun() {
        const QString xml = dir_.filePath("gates.xml");
        const ProcessResult r =
            runStampede({"compare", fast_, slow_, fast_, "--fail-if", "p99>+10%", "--fail-if",
                         "errors>+0.5pp", "--junit", xml},
                        30000);
        QCOMPARE(r.exitCode, 3);
        QFile file(xml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(&file);
        int cases = 0, failures = 0;
        while (!reader.atEnd())
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                cases += reader.name() == u"testcase";
                failures += reader.name() == u"failure";
            }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(cases, 4);    // two gates on two later runs
        QCOMPARE(failures, 1); // p99 of the slow run
    }

    void whatIsNotAResultFileExits2NamingIt_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("said");
        QFile fast(fast_);
        if (!fast.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(fast_));
        const QByteArray whole = fast.readAll();
        QTest::newRow("plan") << QByteArray("{\"version\": 2}")
                              << "stampede_result: missing: this is not a Stampede result file";
        QTest::newRow("truncated") << whole.left(whole.size() / 2) << "not valid JSON";
        QJsonObject root = QJsonDocument::fromJson(whole).object();
        root["stampede_result"] = 7;
        QTest::newRow("future") << QJsonDocument(root).toJson()
                                << "stampede_result: version 7 is newer";
        root["stampede_result"] = 1;
        // One more request counted than the buckets hold: histograms that do not add up.
        QJsonObject latency = root["latency"].toObject();
        QJsonObject corrected = latency["corrected"].toObject();
        corrected["count"] = corrected["count"].toInteger() + 1;
        latency["corrected"] = corrected;
        root["latency"] = latency;
        QTest::newRow("inconsistent histogram")
            << QJsonDocument(root).toJson() << "latency.corrected: an inconsistent histogram";
        root.insert("x", 1);
        QTest::newRow("unknown key") << QJsonDocument(root).toJson() << "x: unknown key";
    }
    void whatIsNotAResultFileExits2NamingIt() {
        QFETCH(QByteArray, content);
        QFETCH(QString, said);
        const QString bad = writtenFile(dir_, "bad.json", content);
        const ProcessResult r = runStampede({"compare", fast_, bad}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(bad + ": "), qPrintable(r.err));
        QVERIFY2(r.err.contains(said), qPrintable(r.err));
    }

    void badArgumentsExit2BeforeReading() {
        ProcessResult r = runStampede({"compare", fast_}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("two or more result files"));
        r = runStampede({"compare", fast_, slow_, "--fail-if", "p99>ten"}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--fail-if: expected a signed change"), qPrintable(r.err));
        r = runStampede({"compare", fast_, slow_, "--junit", "/proc/no/such/gates.xml"}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--junit: ") && r.err.contains("/proc/no/such"), qPrintable(r.err));
        r = runStampede({"compare", fast_, dir_.filePath("missing.json")}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("missing.json"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCompareCommand)
#include "tst_comparecommand.moc"
