// `stampede import` as a person or CI uses it: a HAR file and a file of curl commands become
// a plan file that `stampede run` accepts; what is neither exits 2 naming the culprit.
#include "core/plan/PlanJson.h"
#include "core/server/TargetServer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Result runStampede(const QStringList& args) {
    QProcess process;
    process.start(STAMPEDE_BINARY, args);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

QString write(const QTemporaryDir& dir, const char* name, const QByteArray& content) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", name);
    return file.fileName();
}

Plan planOf(const QByteArray& json) {
    auto plan = PlanJson::read(json);
    if (auto* error = std::get_if<PlanError>(&plan))
        qFatal("not a plan: %s", error->text().c_str());
    return std::get<Plan>(std::move(plan));
}

} // namespace

class TestImportCommand : public QObject {
    Q_OBJECT

private slots:
    void aHarFileBecomesAPlanOfItsPagesRequests() {
        const Result r = runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har")});
        QCOMPARE(r.exitCode, 0);
        const Plan plan = planOf(r.out);
        QCOMPARE(plan.url, std::string("https://shop.example.com"));
        QCOMPARE(plan.steps.size(), std::size_t(2)); // no static assets, no other hosts
        QVERIFY2(r.err.contains("2 steps from 2 of the"), qPrintable(r.err));
        const Result everything =
            runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har"), "--all"});
        QCOMPARE(everything.exitCode, 0);
        QVERIFY(planOf(everything.out).steps.size() > plan.steps.size());
    }

    void curlCommandsBecomeStepsThatRun() {
        TargetServer target;
        const QString base = QString::fromStdString(target.url());
        QTemporaryDir dir;
        const QString script = write(
            dir, "flow.sh",
            QString("curl -X POST %1items -H 'Content-Type: application/json' -d '{\"a\":1}'\n"
                    "curl %1items\n")
                .arg(base)
                .toUtf8());
        const QString planPath = dir.filePath("plan.json");
        const Result r = runStampede({"import", script, "-o", planPath});
        QCOMPARE(r.exitCode, 0);
        QFile file(planPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Plan plan = planOf(file.readAll());
        QCOMPARE(plan.steps.size(), std::size_t(2));
        QCOMPARE(plan.steps[0].method, HttpMethod::Post);
        QCOMPARE(plan.steps[1].url, std::string("/items"));
        // The plan made runs as it is.
        const Result run = runStampede({"run", "--plan", planPath, "-n", "5", "-c", "1"});
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
        const QString path = write(dir, "input.har", content);
        const Result r = runStampede({"import", path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path) && r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void aMissingFileAndAnUnwritableOutputAreRefused() {
        Result r = runStampede({"import", "/nonexistent/x.har"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot read /nonexistent/x.har"), qPrintable(r.err));
        r = runStampede({"import", QFINDTESTDATA("../unit/fixtures/shop.har"), "-o",
                         "/nonexistent/dir/plan.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/nonexistent/dir/plan.json"), qPrintable(r.err));
        r = runStampede({"import"});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
