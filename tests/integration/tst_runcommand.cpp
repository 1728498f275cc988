// `stampede run` as CI uses it: a real process against the real embedded target, its JSON,
// its CSV reports, its exit codes and its handling of bad input and signals.
#include "core/plan/PlanJson.h"
#include "core/report/ResultFile.h"
#include "core/server/TargetServer.h"
#include "tests/common/UnusedPort.h"
#include "tests/common/WrittenFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <csignal>

using namespace stampede;

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
    const QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Result runStampede(const QStringList& args, int timeoutMs = 30000) {
    QProcess process;
    process.start(STAMPEDE_BINARY, QStringList{"run"} + args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestRunCommand : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;
    QString url(const char* path) const {
        return QString("http://127.0.0.1:%1%2").arg(target->port()).arg(path);
    }

private slots:
    void init() { target = std::make_unique<TargetServer>(); }
    void cleanup() { target.reset(); }

    void jsonCarriesTheContractKeys() {
        const Result r = runStampede({"--url", url("/"), "-c", "4", "-n", "200", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        for (const char* key :
             {"requests", "completed", "errors", "errors_by_class", "status", "duration_s", "rps",
              "bytes", "latency_ms", "cpu_user_s", "cpu_sys_s"})
            QVERIFY2(j.contains(key), key);
        for (const char* key : {"p50", "p75", "p90", "p95", "p99", "p999", "max", "mean"})
            QVERIFY2(j["latency_ms"].toObject().contains(key), key);
        QCOMPARE(j["requests"].toInt(), 200);
        QCOMPARE(j["completed"].toInt(), 200);
        QCOMPARE(j["status"]["200"].toInt(), 200);
        QCOMPARE(target->stats().count(Endpoint::Root, 200), 200u);
        QVERIFY(!j.contains("latency_uncorrected_ms")); // closed model
        // Plain http:// HTTP/1.1: the native transport, and the run says so.
        QCOMPARE(j["engine"].toString(), QString("native"));
        QVERIFY(j["engine_reason"].toString().startsWith("auto"));
        QCOMPARE(j["http_version"].toString(), QString("1.1"));
    }
    void httpsIsVerifiedAgainstTheGivenCaCert() {
        TargetServer tls(TargetServerOptions{.tls = makeSelfSignedIdentity()});
        QTemporaryDir dir;
        QFile pem(dir.filePath("target.pem"));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(QByteArray::fromStdString(tls.certificatePem()));
        pem.close();
        const QString https = QString::fromStdString(tls.url());

        const Result trusted = runStampede(
            {"--url", https, "-c", "2", "-n", "20", "--cacert", pem.fileName(), "--json"});
        QCOMPARE(trusted.exitCode, 0);
        QCOMPARE(trusted.json()["errors"].toInt(), 0);
        QCOMPARE(trusted.json()["engine"].toString(), QString("curl"));
        QCOMPARE(trusted.json()["http_version"].toString(), QString("1.1"));

        const Result unverified = runStampede({"--url", https, "-n", "4", "--json"});
        QCOMPARE(unverified.json()["errors_by_class"]["tls"].toInt(), 4);
        QCOMPARE(unverified.json()["http_version"].toString(), QString());
        const Result text = runStampede({"--url", https, "-n", "4", "--insecure"});
        QVERIFY2(text.out.contains("curl transport (auto: the URL is not plain http://), "
                                   "answered over HTTP/1.1"),
                 qPrintable(text.out));

        const Result missing =
            runStampede({"--url", https, "-n", "1", "--cacert", dir.filePath("none.pem")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.startsWith("stampede run: request.ca_cert_file: no such file: " +
                                        dir.filePath("none.pem") + "\n"),
                 qPrintable(missing.err));
    }
    void theTransportCanBeChosenAndSaysWhy() {
        const Result curl =
            runStampede({"--url", url("/"), "-n", "50", "--engine", "curl", "--json"});
        QCOMPARE(curl.exitCode, 0);
        QCOMPARE(curl.json()["engine"].toString(), QString("curl"));
        QCOMPARE(curl.json()["requests"].toInt(), 50);
        const Result h2 = runStampede({"--url", url("/"), "-n", "20", "--http2", "--json"});
        QCOMPARE(h2.exitCode, 0);
        QCOMPARE(h2.json()["engine"].toString(), QString("curl"));
        QVERIFY2(h2.json()["engine_reason"].toString().contains("HTTP/2"),
                 qPrintable(h2.json()["engine_reason"].toString()));
        const Result text = runStampede({"--url", url("/"), "-n", "20"});
        QVERIFY2(text.out.contains("native transport (auto: plain http:// HTTP/1.1)"),
                 qPrintable(text.out));
    }
    void severalEngineThreadsMakeOneRun() {
        const Result r =
            runStampede({"--url", url("/"), "-c", "6", "-n", "3000", "--threads", "2", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j["threads"].toInt(), 2);
        QCOMPARE(j["requests"].toInt(), 3000);
        QCOMPARE(j["status"]["200"].toInt(), 3000);
        QCOMPARE(target->stats().count(Endpoint::Root, 200), 3000u);
        const Result text = runStampede({"--url", url("/"), "-n", "20", "--threads", "2"});
        QVERIFY2(text.out.contains("on 2 engine threads"), qPrintable(text.out));
        // More threads than users: each thread needs one, so the run takes as many as it can.
        const Result few =
            runStampede({"--url", url("/"), "-c", "1", "-n", "10", "--threads", "4", "--json"});
        QCOMPARE(few.json()["threads"].toInt(), 1);
    }
    void nativeForAPlanItCannotServeIsRefusedNamingTheField() {
        const Result r =
            runStampede({"--url", url("/"), "-n", "5", "--engine", "native", "--http2"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("request.engine") && r.err.contains("HTTP/2"), qPrintable(r.err));
        const Result bad = runStampede({"--url", url("/"), "--engine", "fast"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--engine"), qPrintable(bad.err));
    }
    void openModelJsonAddsUncorrectedLatencyAndBacklog() {
        const Result r = runStampede({"--url", url("/"), "--rate", "200", "-d", "1", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QVERIFY(j.contains("latency_uncorrected_ms"));
        QCOMPARE(j["target_rps"].toDouble(), 200.0);
        QVERIFY(j.contains("backlog_max"));
        QVERIFY2(std::abs(j["requests"].toInt() - 200) <= 4, qPrintable(r.out));
    }
    void serverErrorsAndRefusalsAreClassified() {
        const Result errors = runStampede({"--url", url("/status/503"), "-n", "20", "--json"});
        QCOMPARE(errors.exitCode, 0);
        QCOMPARE(errors.json()["errors_by_class"]["http_5xx"].toInt(), 20);
        QCOMPARE(errors.json()["status"]["503"].toInt(), 20);

        const std::uint16_t port = unusedPort();
        const Result refused =
            runStampede({"--url", QString("http://127.0.0.1:%1/").arg(port), "-n", "5", "--json"});
        QCOMPARE(refused.exitCode, 0);
        QCOMPARE(refused.json()["errors_by_class"]["connection_refused"].toInt(), 5);
    }
    void humanSummaryLooksLikeWrk() {
        const Result r = runStampede({"--url", url("/bytes/1024"), "-n", "100"});
        QCOMPARE(r.exitCode, 0);
        for (const char* text : {"Requests     100", "Transfer", "Latency (ms)", "p99",
                                 "Status codes", "200  100", "CPU"})
            QVERIFY2(r.out.contains(text), qPrintable(text + QString(" in\n") + r.out));
    }
    void thresholdsGateTheExitCode() {
        const Result breached = runStampede({"--url", url("/delay/5"), "-n", "20", "--threshold",
                                             "p99<1ms", "--threshold", "errors<1%"});
        QCOMPARE(breached.exitCode, 3);
        QVERIFY2(breached.out.contains("FAILED"), qPrintable(breached.out));
        const Result met = runStampede({"--url", url("/"), "-n", "20", "--threshold", "errors<1%",
                                        "--threshold", "p99<5s", "--json"});
        QCOMPARE(met.exitCode, 0);
        QCOMPARE(met.json()["thresholds"].toArray().size(), 2);
        QVERIFY(met.json()["thresholds"][0]["passed"].toBool());
    }
    void badArgumentsExit2WithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("users not a number") << QStringList{"-c", "many"} << "not a whole number";
        QTest::newRow("zero users") << QStringList{"-c", "0"} << "load.users";
        QTest::newRow("both models") << QStringList{"-c", "2", "--rate", "5"} << "not both";
        QTest::newRow("bad method") << QStringList{"--method", "FETCH"} << "one of GET";
        QTest::newRow("bad header") << QStringList{"-H", "nocolon"} << "Name: value";
        QTest::newRow("bad threshold")
            << QStringList{"--threshold", "p42<1ms"} << "unknown metric \"p42\"";
        QTest::newRow("bad scheme")
            << QStringList{"--url", "ftp://127.0.0.1/"} << "unsupported scheme";
        QTest::newRow("malformed url") << QStringList{"--url", "http://"} << "request.url";
        QTest::newRow("log without dir") << QStringList{"--log-requests"} << "--report-dir";
        QTest::newRow("missing plan")
            << QStringList{"--plan", "/nonexistent.json"} << "cannot read";
        QTest::newRow("stray argument") << QStringList{"http://127.0.0.1/"} << "--url";
        QTest::newRow("zero threads") << QStringList{"--threads", "0"} << "load.threads";
    }
    void badArgumentsExit2WithAMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = runStampede(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
    void malformedPlanNamesTheField() {
        QTemporaryDir dir;
        QFile plan(dir.filePath("plan.json"));
        QVERIFY(plan.open(QIODevice::WriteOnly));
        plan.write(R"({"stampede_plan": 1, "load": {"users": "abc"}})");
        plan.close();
        const Result r = runStampede({"--plan", plan.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("load.users"), qPrintable(r.err));
    }
    void planFileRunsAndFlagsOverrideIt() {
        QTemporaryDir dir;
        QFile plan(dir.filePath("plan.json"));
        QVERIFY(plan.open(QIODevice::WriteOnly));
        plan.write(QString(R"({"stampede_plan": 1,
            "request": {"url": "%1", "method": "POST", "body": "hi", "content_type": "text/plain"},
            "load": {"model": "closed", "users": 3},
            "stop": {"requests": 30}})")
                       .arg(url("/echo"))
                       .toUtf8());
        plan.close();
        const Result r = runStampede({"--plan", plan.fileName(), "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()["requests"].toInt(), 30);
        QCOMPARE(r.json()["bytes"].toInt(), 60); // "hi" echoed 30 times
        const Result overridden = runStampede({"--plan", plan.fileName(), "-n", "7", "--json"});
        QCOMPARE(overridden.json()["requests"].toInt(), 7);
        QCOMPARE(target->stats().count(Endpoint::Echo, 200), 37u);
    }
    void theCourseFlowRunsAsShipped() {
        QTemporaryDir dir;
        const QString reports = dir.filePath("reports");
        const Result r = runStampede({"--plan", ":/examples/course-flow.json", "--url", url("/"),
                                      "-d", "1", "--json", "--report-dir", reports});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        const int iterations = j["iterations"]["completed"].toInt();
        QVERIFY2(iterations >= 35 && iterations <= 40, qPrintable(r.out)); // 40 flow starts/s
        QCOMPARE(j["iterations"]["failed"].toInt(), 0);
        const QJsonArray steps = j["steps"].toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0]["name"].toString(), QString("create a course"));
        QCOMPARE(steps[0]["status"]["201"].toInt(), iterations);
        QCOMPARE(steps[1]["status"]["200"].toInt(), iterations);
        QCOMPARE(j["requests"].toInt(), 2 * iterations);
        QCOMPARE(target->stats().count(Endpoint::Items, 201), std::uint64_t(iterations));
        const QString csv = readFile(reports + "/steps.csv");
        QVERIFY2(csv.startsWith("step,name,method,url,requests"), qPrintable(csv));
        QCOMPARE(csv.count("\r\n"), 3);
        QVERIFY(csv.contains("1,create a course,POST,/courses,"));
    }
    void theTextSummaryHasARowPerStep() {
        const Result r = runStampede(
            {"--plan", ":/examples/read-back.json", "--url", url("/"), "-c", "2", "-n", "10"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Stampede flow of 4 steps"), qPrintable(r.out));
        QVERIFY(r.out.contains("Iterations   10 whole, 0 failed"));
        for (const char* step : {"create ", "read it back ", "change it ", "delete it "})
            QVERIFY2(r.out.contains(QString("\n  ") + step), step);
    }
    void aFlowRefusesTheOneStepFlags() {
        const Result r = runStampede({"--plan", ":/examples/course-flow.json", "-m", "GET"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--method shapes a one-step plan; this plan has 2 steps"),
                 qPrintable(r.err));
    }
    void anUndefinedVariableExits2NamingTheStep() {
        Plan plan;
        plan.steps = {Step{}, Step{}};
        plan.steps[0].url = "/";
        plan.steps[1].url = "/items/{{item}}";
        QTemporaryDir dir;
        const QString path = dir.filePath("plan.json");
        QVERIFY(!PlanJson::writeFile(plan, path));
        const Result r = runStampede({"--plan", path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("scenario.steps[1].url: {{item}} is not defined"),
                 qPrintable(r.err));
    }
    void aRaggedDataFileExits2NamingItsRow() {
        QTemporaryDir dir;
        Plan plan;
        plan.data.file =
            writtenFile(dir, "users.csv", "name,city\nada,London\nalan\n").toStdString();
        const QString path = dir.filePath("plan.json");
        QVERIFY(!PlanJson::writeFile(plan, path));
        const Result r = runStampede({"--plan", path, "--url", url("/")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("scenario.data_file") && r.err.contains("row 3 has 1 fields"),
                 qPrintable(r.err));
        QCOMPARE(target->stats().requests, 0u); // refused before the first request
    }
    void reportDirectoryGetsEveryCsv() {
        QTemporaryDir dir;
        const QString reports = dir.filePath("reports");
        const Result r = runStampede(
            {"--url", url("/"), "-n", "100", "--report-dir", reports, "--log-requests"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            readFile(reports + "/summary.csv").startsWith("url,method,model,duration_s,requests"));
        QVERIFY(readFile(reports + "/summary.csv").contains("latency_p99_ms"));
        QVERIFY(readFile(reports + "/timeseries.csv").startsWith("second,completed,errors"));
        QVERIFY(readFile(reports + "/status_codes.csv").contains("200,100"));
        QVERIFY(readFile(reports + "/errors.csv").startsWith("class,count,first_message"));
        const QString requests = readFile(reports + "/requests.csv");
        QVERIFY(requests.startsWith("id,lane,step,intended_ms"));
        QCOMPARE(requests.count("\r\n"), 101); // header + one row per request
    }
    void anUnwritableReportDirectoryIsRefusedBeforeTheRun() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString reports = dir.filePath("file/reports");
        const Result r = runStampede({"--url", url("/"), "-n", "10", "--report-dir", reports});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--report-dir") && r.err.contains(reports), qPrintable(r.err));
        QCOMPARE(target->stats().requests, 0u); // not found out after the run
    }
    void outWritesAResultFileThatReadsBack() {
        QTemporaryDir dir;
        const QString out = dir.filePath("result.json");
        const Result r = runStampede({"--url", url("/"), "-n", "300", "--out", out, "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto read = ResultFile::readFile(out);
        QVERIFY2(std::holds_alternative<RunReport>(read),
                 std::get_if<std::string>(&read) ? std::get<std::string>(read).c_str() : "");
        const RunReport& result = std::get<RunReport>(read);
        QCOMPARE(result.final.requests, 300u);
        QCOMPARE(result.final.latency.count(), 300u);
        // The file's percentiles are the ones the run printed.
        QCOMPARE(result.final.latency.quantile(0.99) / 1000.0,
                 r.json()["latency_ms"]["p99"].toDouble());
    }
    void anUnwritableOutIsRefusedBeforeTheRun() {
        const Result r =
            runStampede({"--url", url("/"), "-n", "10", "--out", "/nonexistent/r.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--out") && r.err.contains("/nonexistent/r.json"),
                 qPrintable(r.err));
        QCOMPARE(target->stats().requests, 0u);
    }
    void junitWritesEachThresholdAsATestCase() {
        QTemporaryDir dir;
        const QString xml = dir.filePath("thresholds.xml");
        const Result r = runStampede({"--url", url("/delay/5"), "-n", "20", "--threshold",
                                      "p99<1ms", "--threshold", "errors<1%", "--junit", xml});
        QCOMPARE(r.exitCode, 3);
        QFile file(xml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(&file);
        QStringList cases;
        QString failure;
        while (!reader.atEnd())
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                if (reader.name() == u"testcase")
                    cases << reader.attributes().value("name").toString();
                if (reader.name() == u"failure")
                    failure = reader.attributes().value("message").toString();
            }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(cases, (QStringList{"p99<1ms", "errors<1%"}));
        QVERIFY2(failure.startsWith("p99 = ") && failure.endsWith("FAILED"), qPrintable(failure));
    }
    void anUnwritableJunitIsRefusedBeforeTheRun() {
        const Result r = runStampede({"--url", url("/"), "-n", "10", "--threshold", "p99<1s",
                                      "--junit", "/nonexistent/t.xml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--junit") && r.err.contains("/nonexistent/t.xml"),
                 qPrintable(r.err));
        QCOMPARE(target->stats().requests, 0u);
    }
    void aMissingBodyFileIsRefusedBeforeTheRun() {
        const Result r = runStampede(
            {"--url", url("/echo"), "-m", "POST", "--body-file", "/nonexistent/body.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("body_file: no such file: /nonexistent/body.json"),
                 qPrintable(r.err));
        QCOMPARE(target->stats().requests, 0u);
    }
    void interruptStopsWithTheResultsSoFar() {
        QProcess process;
        process.start(STAMPEDE_BINARY, {"run", "--url", url("/delay/10"), "-d", "60", "--json"});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(target->stats().count(Endpoint::Delay) > 20, 10000);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
        const auto json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(json["outcome"].toString(), QString("stopped"));
        QVERIFY(json["requests"].toInt() > 0);
    }
    void concurrencyAboveTheHardFileLimitIsRefusedClearly() {
        QProcess process;
        process.start("prlimit", {"--nofile=256:256", STAMPEDE_BINARY, "run", "--url", url("/"),
                                  "-c", "1000", "-n", "10"});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains("hard limit is 256"), qPrintable(err));
    }
    void theSoftFileLimitIsRaisedWhenTheHardOneAllows() {
        QProcess process;
        process.start("prlimit", {"--nofile=256:4096", STAMPEDE_BINARY, "run", "--url", url("/"),
                                  "-c", "500", "-n", "1000", "--json"});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const auto json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(json["requests"].toInt(), 1000);
        QCOMPARE(json["errors"].toInt(), 0);
        QCOMPARE(target->stats().connectionsAccepted, 500u); // 500 users really connected
    }
    void withoutADisplayTheProgramRunsALoadTest() {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(name);
        process.setProcessEnvironment(env);
        process.start(STAMPEDE_BINARY, {});
        QVERIFY(process.waitForFinished(30000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
#ifdef STAMPEDE_WITH_GUI
        QVERIFY2(out.startsWith("No display found"), qPrintable(out));
#else
        QVERIFY2(out.startsWith("This stampede was built without a window"), qPrintable(out));
#endif
        QVERIFY2(out.contains("Requests") && out.contains("Status codes"), qPrintable(out));
        QCOMPARE(process.exitCode(), 0);
    }
#ifndef STAMPEDE_WITH_GUI
    void askedForTheWindowAWidgetFreeBuildSaysItHasNone() {
        // A display is there, but this build has no window to open on it.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DISPLAY", ":99");
        process.setProcessEnvironment(env);
        process.start(STAMPEDE_BINARY, {});
        QVERIFY(process.waitForFinished(30000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(
            out.startsWith("This stampede was built without a window (STAMPEDE_BUILD_GUI=OFF)"),
            qPrintable(out));
        QVERIFY2(out.contains("Requests") && out.contains("Status codes"), qPrintable(out));
        QCOMPARE(process.exitCode(), 0);
    }
#endif
};

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
