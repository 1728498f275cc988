#include "core/plan/PlanJson.h"
#include "core/plan/PlanValidation.h"
#include "tests/common/UnusualPlan.h"
#include "tests/common/WrittenFile.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

Plan readOk(const QByteArray& json) {
    auto result = PlanJson::read(json);
    if (auto* error = std::get_if<PlanError>(&result))
        qFatal("unexpected plan error: %s\n%s", error->text().c_str(), json.constData());
    return std::get<Plan>(std::move(result));
}

PlanError readError(const QByteArray& json) {
    auto result = PlanJson::read(json);
    if (!std::holds_alternative<PlanError>(result))
        return {"<none>", "the plan was accepted"};
    return std::get<PlanError>(result);
}

// Longer plans, written as plain literals: moc cannot read a raw string over several lines.
const char* const kVersion1Plan =
    "{\"stampede_plan\": 1, \"request\": {\"url\": \"http://h:1/x?y=1\", \"method\": \"POST\", "
    "\"headers\": [{\"name\": \"A\", \"value\": \"b\"}], \"body\": \"hi\", "
    "\"content_type\": \"text/plain\", \"timeout_ms\": 500}}";
const char* const kJsonBodyPlan =
    "{\"stampede_plan\": 2, \"scenario\": {\"steps\": [{\"method\": \"POST\", \"url\": "
    "\"/courses\", "
    "\"json\": {\"title\": \"Parallel Programming\", \"tags\": [\"a\", 1]}}]}}";
const char* const kCapturedTooLate =
    R"({"steps": [{"url": "/x/{{id}}", "captures": [{"json": "/id", "as": "id"}]}]})";

// Version 2 rows of errorsNameTheField, each a "scenario" object, out of the class: moc reads raw
// strings as plain ones, and their braces would unbalance the class it looks for.
struct ScenarioRow {
    const char* name;
    const char* scenario;
    const char* field;
    const char* message;
};
const ScenarioRow kScenarioRows[] = {
    {"no steps", R"({"steps": []})", "scenario.steps", "needs at least one step"},
    {"a flow's step without a url", R"({"steps": [{"url": "/a"}, {"method": "POST"}]})",
     "scenario.steps[1].url", "missing: a path on the base URL"},
    {"undefined variable", R"({"steps": [{"url": "/"}, {"url": "/items/{{id}}"}]})",
     "scenario.steps[1].url", "{{id}} is not defined"},
    {"captured too late", kCapturedTooLate, "scenario.steps[0].url", "{{id}} is not defined"},
    {"undefined in a header", R"({"steps": [{"headers": [{"name": "A", "value": "{{t}}"}]}]})",
     "scenario.steps[0].headers[0].value", "{{t}} is not defined"},
    {"undefined in the body", R"({"steps": [{"method": "POST", "body": "{{b}}"}]})",
     "scenario.steps[0].body", "{{b}} is not defined"},
    {"unclosed slot", R"({"steps": [{"url": "/x/{{id"}]})", "scenario.steps[0].url", "unclosed {{"},
    {"bad json pointer",
     R"({"steps": [{"url": "/"}, {"url": "/", "captures": [{"json": "id", "as": "a"}]}]})",
     "scenario.steps[1].captures[0].json", "must be a JSON pointer"},
    {"bad regex", R"({"steps": [{"captures": [{"regex": "(", "as": "a"}]}]})",
     "scenario.steps[0].captures[0].regex", "not a valid regular expression"},
    {"two sources", R"({"steps": [{"captures": [{"json": "/a", "header": "B", "as": "a"}]}]})",
     "scenario.steps[0].captures[0]", "give exactly one of json, header or regex"},
    {"no name", R"({"steps": [{"captures": [{"json": "/a"}]}]})",
     "scenario.steps[0].captures[0].as", "missing"},
    {"built-in name", R"({"steps": [{"captures": [{"json": "/a", "as": "user"}]}]})",
     "scenario.steps[0].captures[0].as", "is not a variable name"},
    {"relative url", R"({"steps": [{"url": "items"}]})", "scenario.steps[0].url",
     "must be absolute (http://…) or start with /"},
    {"variable host", R"({"steps": [{"url": "http://{{h}}/x"}]})", "scenario.steps[0].url",
     "not in the host"},
    {"bad expected status", R"({"steps": [{"expect_status": "2xy"}]})",
     "scenario.steps[0].expect_status", ""},
    {"missing data file", R"({"data_file": "/nonexistent/d.csv", "steps": [{}]})",
     "scenario.data_file", "/nonexistent/d.csv"},
    {"data end", R"({"data_at_end": "loop", "steps": [{}]})", "scenario.data_at_end",
     R"(must be "cycle" or "stop")"},
    {"json and body", R"({"steps": [{"body": "x", "json": {}}]})", "scenario.steps[0].json",
     "give one of body, body_file or json"},
    {"unknown step key", R"({"steps": [{"capture": []}]})", "scenario.steps[0].capture",
     "unknown key"},
    {"negative think", R"({"steps": [{"think_time_ms": -1}]})", "scenario.steps[0].think_time_ms",
     "not -1"},
};

} // namespace

class TestPlanJson : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEveryField() {
        const Plan plan = unusualPlan();
        QVERIFY(!validatePlan(plan));
        const QByteArray json = PlanJson::write(plan);
        QVERIFY2(readOk(json) == plan, json.constData());
        QCOMPARE(PlanJson::write(readOk(json)), json);
    }
    void roundTripKeepsBodyFileAndClosedModel() {
        QTemporaryDir dir;
        const QString body = writtenFile(dir, "body with spaces.json"); // a body file that exists
        Plan plan = unusualPlan();
        plan.steps.front().body.clear();
        plan.steps.front().bodyFile = body.toStdString();
        plan.load.model = LoadShape::Model::Closed;
        plan.load.stages = {{10s, 50}, {500ms, 0}};
        plan.duration.reset(); // the stages end the run
        plan.requestLimit.reset();
        const QByteArray json = PlanJson::write(plan);
        QVERIFY2(readOk(json) == plan, json.constData());
    }
    void writesIndentedInDocumentedOrder() {
        const QByteArray json = PlanJson::write(Plan{});
        QVERIFY2(json.startsWith("{\n    \"stampede_plan\": 2,\n    \"name\": \"\",\n    "
                                 "\"request\": {\n        \"url\": \"\","),
                 json.constData());
        QVERIFY(json.contains("\n    \"stop\": {\n        \"duration_s\": 10\n    },"));
        QVERIFY(json.endsWith("\"thresholds\": []\n}\n"));
    }
    void httpVersionsAndTheCaFileAreWrittenAsDocumented() {
        Plan plan;
        plan.httpVersion = HttpVersion::Http2PriorKnowledge;
        plan.caCertFile = "/etc/passwd";
        const QByteArray json = PlanJson::write(plan);
        QVERIFY2(json.contains(R"("http_version": "2-prior-knowledge",)"), json.constData());
        QVERIFY2(json.contains(R"("verify_tls": true,)"
                               "\n        "
                               R"("ca_cert_file": "/etc/passwd",)"),
                 json.constData());
        QCOMPARE(readOk(json).httpVersion, HttpVersion::Http2PriorKnowledge);
        QCOMPARE(readOk(R"({"stampede_plan": 1, "request": {"http_version": "2"}})").httpVersion,
                 HttpVersion::Http2);
        QVERIFY(PlanJson::write(Plan{}).contains(R"("ca_cert_file": "",)"));
    }
    void onlyTheVersionIsRequired() { QVERIFY(readOk(R"({"stampede_plan": 1})") == Plan{}); }
    void readmeExampleReads() {
        // moc cannot read a raw string that spans lines, hence one per line.
        const Plan plan =
            readOk(R"({)"
                   R"("stampede_plan": 1,)"
                   R"("name": "checkout smoke",)"
                   R"("request": {)"
                   R"("url": "http://127.0.0.1:8080/",)"
                   R"("method": "get",)"
                   R"("headers": [{"name": "Accept", "value": "application/json"}],)"
                   R"("body": "", "body_file": "", "content_type": "",)"
                   R"("timeout_ms": 30000, "connect_timeout_ms": 10000,)"
                   R"("keep_alive": true, "http_version": "1.1",)"
                   R"("verify_tls": true, "follow_redirects": false, "max_redirects": 10)"
                   R"(},)"
                   R"("load": {)"
                   R"("model": "closed",)"
                   R"("users": 10, "think_time_ms": 0,)"
                   R"("rate": 100, "max_in_flight": 1000,)"
                   R"("stages": [{"duration_s": 10, "target": 50}])"
                   R"(},)"
                   R"("stop": {"duration_s": 10, "requests": 1000},)"
                   R"("thresholds": ["p99<250ms", "errors<1%"])"
                   R"(})");
        QCOMPARE(plan.name, std::string("checkout smoke"));
        QCOMPARE(plan.steps.front().method, HttpMethod::Get);
        QCOMPARE(plan.steps.front().headers.size(), std::size_t(1));
        QCOMPARE(plan.load.stages.size(), std::size_t(1));
        QCOMPARE(plan.load.stages[0].duration, 10'000ms);
        QCOMPARE(plan.duration, std::optional(10'000ms));
        QCOMPARE(plan.requestLimit, std::optional<std::uint64_t>(1000));
    }
    void stopRule() {
        // Without stop.duration_s the clock stops the run only when nothing else would.
        QCOMPARE(readOk(R"({"stampede_plan": 1, "stop": {}})").duration, std::optional(10s));
        QCOMPARE(readOk(R"({"stampede_plan": 1, "stop": {"requests": 5}})").duration, std::nullopt);
        QCOMPARE(
            readOk(R"({"stampede_plan": 1, "load": {"stages": [{"duration_s": 2, "target": 3}]}})")
                .duration,
            std::nullopt);
        QCOMPARE(
            readOk(R"({"stampede_plan": 1, "stop": {"requests": 5, "duration_s": 0.25}})").duration,
            std::optional(250ms));
    }
    void decimalSecondsKeepMilliseconds() {
        const Plan plan = readOk(R"({"stampede_plan": 1, "stop": {"duration_s": 1234.567}})");
        QCOMPARE(plan.duration, std::optional(1'234'567ms));
    }
    // moc misreads // and /* inside raw strings, so a row holding them uses plain quotes.
    void aVersion1PlanReadsAsOneStep() {
        const Plan plan = readOk(kVersion1Plan);
        QCOMPARE(plan.url, std::string("http://h:1/x?y=1"));
        QCOMPARE(plan.timeout, 500ms);
        QCOMPARE(plan.steps.size(), std::size_t(1));
        const Step& step = plan.steps.front();
        QCOMPARE(step.method, HttpMethod::Post);
        QCOMPARE(step.url, std::string()); // the plan's URL itself
        QCOMPARE(step.headers, (std::vector<HttpHeader>{{"A", "b"}}));
        QCOMPARE(step.body, std::string("hi"));
        QCOMPARE(step.contentType, std::string("text/plain"));
        // Written back as version 2, it reads to the same plan.
        const QByteArray written = PlanJson::write(plan);
        QVERIFY(written.contains("\"stampede_plan\": 2,"));
        QVERIFY(readOk(written) == plan);
    }
    void aVersion1PlanHasNoScenario() {
        QCOMPARE(readError(R"({"stampede_plan": 1, "scenario": {"steps": [{}]}})").field,
                 std::string("scenario"));
        // ... and a version 2 request has no method: that belongs to a step.
        QCOMPARE(readError(R"({"stampede_plan": 2, "request": {"method": "GET"}})").field,
                 std::string("request.method"));
    }
    void theDataFileRoundTrips() {
        QTemporaryDir dir;
        const QString csv = writtenFile(dir, "users.csv", "login,password\nada,x\n");
        Plan plan;
        plan.data = {csv.toStdString(), DataSource::AtEnd::Stop};
        plan.steps.front().url = "/login?u={{login}}";
        QVERIFY(!validatePlan(plan));
        QVERIFY(readOk(PlanJson::write(plan)) == plan);
    }
    void aJsonBodyIsSentCompactAsJson() {
        const Plan plan = readOk(kJsonBodyPlan);
        QCOMPARE(plan.steps.front().body,
                 std::string(R"({"tags":["a",1],"title":"Parallel Programming"})"));
        QCOMPARE(plan.steps.front().contentType, std::string("application/json"));
    }
    void theShippedExamplesRead() {
        for (const char* name : {"course-flow", "read-back"}) {
            auto plan = PlanJson::readFile(QString(":/examples/%1.json").arg(name));
            QVERIFY2(std::holds_alternative<Plan>(plan),
                     std::get_if<PlanError>(&plan) ? std::get<PlanError>(plan).text().c_str()
                                                   : name);
        }
    }
    void errorsNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const QByteArray& body, const char* field,
                            const char* message) {
            QTest::newRow(name) << "{\"stampede_plan\": 1, " + body + "}" << field << message;
        };
        row("unknown top key", R"("nmae": "x")", "nmae", "unknown key; did you mean \"name\"?");
        row("unknown nested key", R"("request": {"methd": "GET"})", "request.methd",
            "did you mean \"method\"?");
        row("unknown far key", R"("load": {"stages": [{"duration_s": 1, "target": 1, "x": 2}]})",
            "load.stages[0].x", "unknown key; the keys here are duration_s, target");
        row("users as string", R"("load": {"users": "abc"})", "load.users",
            "must be a whole number from 1 to 100000, not \"abc\"");
        row("users fractional", R"("load": {"users": 2.5})", "load.users", "not 2.5");
        row("users negative", R"("load": {"users": -1})", "load.users", "not -1");
        row("users too many", R"("load": {"users": 100001})", "load.users", "not 100001");
        row("users null", R"("load": {"users": null})", "load.users", "not null");
        row("timeout as string", R"("request": {"timeout_ms": "30000"})", "request.timeout_ms",
            "must be a whole number of milliseconds from 1 to 86400000, not \"30000\"");
        row("keep_alive as string", R"("request": {"keep_alive": "yes"})", "request.keep_alive",
            "must be true or false, not \"yes\"");
        row("url as number", R"("request": {"url": 5})", "request.url", "must be a string, not 5");
        row("method", R"("request": {"method": "FETCH"})", "request.method",
            "must be GET, HEAD, POST, PUT, PATCH or DELETE, not \"FETCH\"");
        row("http version", R"("request": {"http_version": 2})", "request.http_version",
            "must be \"1.1\", \"2\" or \"2-prior-knowledge\", not 2");
        row("http version h2c", R"("request": {"http_version": "h2c"})", "request.http_version",
            "not \"h2c\"");
        row("ca cert missing", R"("request": {"ca_cert_file": "/nonexistent/ca.pem"})",
            "request.ca_cert_file", "no such file: /nonexistent/ca.pem");
        row("ca cert a folder", R"("request": {"ca_cert_file": "/tmp"})", "request.ca_cert_file",
            "/tmp is a directory, not a PEM certificate file");
        row("ca cert not a string", R"("request": {"ca_cert_file": true})", "request.ca_cert_file",
            "must be a string, not true");
        row("model", R"("load": {"model": "poisson"})", "load.model",
            "must be \"closed\" or \"open\", not \"poisson\"");
        row("rate zero", R"("load": {"rate": 0})", "load.rate",
            "must be a number of requests per second above 0 and at most 10000000, not 0");
        row("request not an object", R"("request": [])", "request",
            "must be an object, not an array");
        row("headers not an array", R"("request": {"headers": {"Accept": "text/html"}})",
            "request.headers", "must be an array, not an object");
        row("header without value", R"("request": {"headers": [{"name": "Accept"}]})",
            "request.headers[0].value", "missing");
        row("stage without target", R"("load": {"stages": [{"duration_s": 1}]})",
            "load.stages[0].target", "missing");
        row("stage too long", R"("load": {"stages": [{"duration_s": 1e9, "target": 1}]})",
            "load.stages[0].duration_s", "from 0.001 to 31536000");
        row("closed target above users limit",
            R"("load": {"stages": [{"duration_s": 1, "target": 200000}]})", "load.stages[0].target",
            "must be a number of users from 0 to 100000");
        row("stop duration zero", R"("stop": {"duration_s": 0})", "stop.duration_s",
            "must be a number of seconds from 0.001 to 31536000, not 0");
        row("stop requests zero", R"("stop": {"requests": 0})", "stop.requests", "not 0");
        row("threshold not a string", R"("thresholds": ["p99<1s", 5])", "thresholds[1]",
            "must be a string, not 5");
        row("threshold does not parse", R"("thresholds": ["p98<3"])", "thresholds[0]",
            "unknown metric \"p98\"");
        row("ftp url", "\"request\": {\"url\": \"ftp://example.com/\"}", "request.url",
            "unsupported scheme ftp, use http or https");
        row("body and body_file", R"("request": {"body": "x", "body_file": "y"})",
            "request.body_file", "give body or body_file, not both");
        for (const ScenarioRow& scenario : kScenarioRows)
            QTest::newRow(scenario.name)
                << "{\"stampede_plan\": 2, \"scenario\": " + QByteArray(scenario.scenario) + "}"
                << scenario.field << scenario.message;
    }
    void errorsNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const PlanError error = readError(json);
        QCOMPARE(QString::fromStdString(error.field), field);
        QVERIFY2(QString::fromStdString(error.message).contains(message), error.text().c_str());
    }
    void exactTexts() {
        QCOMPARE(readError(R"({"stampede_plan": 1, "load": {"users": "abc"}})").text(),
                 std::string("load.users: must be a whole number from 1 to 100000, not \"abc\""));
        QCOMPARE(
            readError(R"({"stampede_plan": 3})").text(),
            std::string("stampede_plan: version 3 is newer than this Stampede understands (2)"));
    }
    void versionErrors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray(R"({"name": "x"})")
                                 << "missing; a plan file starts with \"stampede_plan\": 2";
        QTest::newRow("string") << QByteArray(R"({"stampede_plan": "1"})")
                                << "must be 1 or 2, not \"1\"";
        QTest::newRow("zero") << QByteArray(R"({"stampede_plan": 0})") << "must be 1 or 2, not 0";
        QTest::newRow("fraction") << QByteArray(R"({"stampede_plan": 1.5})")
                                  << "must be 1 or 2, not 1.5";
        // A newer file may hold keys this version does not know: the version is the news.
        QTest::newRow("newer with new keys")
            << QByteArray(R"({"stampede_plan": 3, "x": 1})") << "version 3 is newer";
    }
    void versionErrors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const PlanError error = readError(json);
        QCOMPARE(error.field, std::string("stampede_plan"));
        QVERIFY2(QString::fromStdString(error.message).contains(message), error.text().c_str());
    }
    void syntaxErrorGivesOffset() {
        const PlanError error = readError("{\n  \"stampede_plan\": 1,,\n}");
        QCOMPARE(error.field, std::string());
        QVERIFY2(error.message.starts_with("not valid JSON: ") &&
                     error.message.find(" at offset ") != std::string::npos &&
                     error.message.find("(line 2, column ") != std::string::npos,
                 error.message.c_str());
        QCOMPARE(error.text(), error.message);
    }
    void documentMustBeAnObject() {
        for (const char* json : {"[1, 2]", "", " \n"}) {
            const PlanError error = readError(json);
            QCOMPARE(error.field, std::string());
            QVERIFY2(error.message.find("a plan file holds one JSON object") != std::string::npos,
                     error.message.c_str());
        }
    }
    void readFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("plan.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(PlanJson::write(unusualPlan()));
        file.close();
        const auto result = PlanJson::readFile(path);
        QVERIFY(std::holds_alternative<Plan>(result));
        QVERIFY(std::get<Plan>(result) == unusualPlan());
    }
    void writeFileRoundTripsAndSaysWhyItCannot() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("plan.json");
        QVERIFY(!PlanJson::writeFile(unusualPlan(), path));
        const auto result = PlanJson::readFile(path);
        QVERIFY(std::holds_alternative<Plan>(result));
        QVERIFY(std::get<Plan>(result) == unusualPlan());

        // Into a folder that does not exist: refused with the path, and nothing half-written.
        const QString nowhere = dir.filePath("missing/plan.json");
        const auto error = PlanJson::writeFile(unusualPlan(), nowhere);
        QVERIFY(error);
        QVERIFY2(error->starts_with("cannot write plan file " + nowhere.toStdString() + ": "),
                 error->c_str());
        QVERIFY(!QFileInfo::exists(nowhere));
    }
    void readFileErrorsSayWhy() {
        QTemporaryDir dir;
        const QString missing = dir.filePath("nope.json");
        auto result = PlanJson::readFile(missing);
        QVERIFY(std::holds_alternative<PlanError>(result));
        QCOMPARE(std::get<PlanError>(result).text(),
                 "cannot read plan file " + missing.toStdString() + ": No such file or directory");

        result = PlanJson::readFile(dir.path());
        QVERIFY(std::holds_alternative<PlanError>(result));
        QCOMPARE(std::get<PlanError>(result).text(),
                 "cannot read plan file " + dir.path().toStdString() + ": it is a directory");
    }
};

QTEST_APPLESS_MAIN(TestPlanJson)
#include "tst_planjson.moc"
