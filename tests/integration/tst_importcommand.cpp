// `stampede import` as a person or CI uses it: a HAR file and a file of curl commands become
// a plan file that `stampede run` accepts; what is neither exits 2 naming the culprit.
#include "core/plan/PlanJson.h"
#include "core/server/TargetServer.h"
#include "tests/common/StampedeProcess.h"
#include "tests/common/WrittenFile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

namespace {

Plan planOf(const QString& json) {
    auto plan = PlanJson::read(json.toUtf8());
    if (auto* error = std::get_if<PlanError>(&plan))
        qFatal("not a plan: %s", error->text().c_str());
    return std::get<Plan>(std::move(plan));
}

} // namespace

class TestImportCommand : public QObject {
    Q_OBJECT

private slots:
    void aHarFileBecomesAPlanOfItsPagesRequests() {
        const ProcessResult r =
            runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har")}, 30000);
        QCOMPARE(r.exitCode, 0);
        const Plan plan = planOf(r.out);
        QCOMPARE(plan.url, std::string("https://shop.example.com"));
        QCOMPARE(plan.steps.size(), std::size_t(2)); // no static assets, no other hosts
        QVERIFY2(r.err.contains("2 steps from 2 of the"), qPrintable(r.err));
        const ProcessResult everything =
            runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har"), "--all"}, 30000);
        QCOMPARE(everything.exitCode, 0);
        QVERIFY(planOf(everything.out).steps.size() > plan.steps.size());
    }

    void curlCommandsBecomeStepsThatRun() {
        TargetServer target;
        const QString base = QString::fromStdString(target.url());
        QTemporaryDir dir;
        const QString script = writtenFile(
            dir, "flow.sh",
            QString("curl -X POST %1items -H 'Content-Type: application/json' -d '{\"a\":1}'\n"
                    "curl %1items\n")
                .arg(base)
                .toUtf8());
        const QString planPath = dir.filePath("plan.json");
        const ProcessResult r = runStampede({"import", script, "-o", planPath}, 30000);
        QCOMPARE(r.exitCode, 0);
        QFile file(planPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Plan plan = planOf(QString::fromUtf8(file.readAll()));
        QCOMPARE(plan.steps.size(), std::size_t(2));
        QCOMPARE(plan.steps[0].method, HttpMethod::Post);
        QCOMPARE(plan.steps[1].url, std::string("/items"));
        // The plan made runs as it is.
        const ProcessResult run =
            runStampede({"run", "--plan", planPath, "-n", "5", "-c", "1"}, 30000);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(target.stats().count(Endpoint::Items, 201), 5u);
        QCOMPARE(target.stats().count(Endpoint::Items, 200), 5u);
    }

    void whatIsNotHarIsRefusedNamingTheFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("a plan, not a HAR")
            << QByteArray("{\"stampede_plan\": 2}") << "no log.entries";
        QTest::newRow("truncated JSON") << QByteArray("{\"log\": {\"entries\": [") << "not JSON";
        QTest::newRow("not curl") << QByteArray("wget http://127.0.0.1/\n") << "curl";
        QTest::newRow("empty") << QByteArray("\n") << "";
    }
    void whatIsNotHarIsRefusedNamingTheFile() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writtenFile(dir, "input.har", content);
        const ProcessResult r = runStampede({"import", path}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path) && r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void aMissingFileAndAnUnwritableOutputAreRefused() {
        ProcessResult r = runStampede({"import", "/nonexistent/x.har"}, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot read /nonexistent/x.har"), qPrintable(r.err));
        r = runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har"), "-o",
                         "/nonexistent/dir/plan.json"},
                        30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/nonexistent/dir/plan.json"), qPrintable(r.err));
        r = runStampede({"import"}, 30000);
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
