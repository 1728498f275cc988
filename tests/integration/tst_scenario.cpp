// Scenarios against the real embedded target, on both transports: the course's flow, captured
// values reaching the next step, data-file rows in order, each step's verdicts, flow starts
// in the open model, and the per-step figures adding up to the totals.
#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/plan/PlanJson.h"
#include "core/server/TargetServer.h"
#include "tests/integration/CollectingSink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

Plan example(const char* name) {
    auto read = PlanJson::readFile(QString(":/examples/%1.json").arg(name));
    if (auto* error = std::get_if<PlanError>(&read))
        qFatal("example %s: %s", name, error->text().c_str());
    return std::get<Plan>(std::move(read));
}

Step step(HttpMethod method, std::string url, std::string expect = {}) {
    Step s;
    s.method = method;
    s.url = std::move(url);
    s.expectStatus = std::move(expect);
    return s;
}

Plan closedFlow(std::vector<Step> steps, int users, std::uint64_t iterations) {
    Plan plan;
    plan.steps = std::move(steps);
    plan.load.users = users;
    plan.requestLimit = iterations;
    plan.duration = 30s; // a bound, should a run hang
    return plan;
}

std::uint64_t sumOf(const RunSnapshot& f, std::uint64_t StepFigures::*field) {
    std::uint64_t total = 0;
    for (const StepFigures& s : f.steps)
        total += s.*field;
    return total;
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;

    std::string base() const { return target->url(); }
    static Engine transport() {
        QFETCH_GLOBAL(int, engineRow);
        return Engine(engineRow);
    }
    RunReport
    run(Plan plan,
        const std::shared_ptr<CollectingSink>& sink = std::make_shared<CollectingSink>()) {
        plan.engine = transport();
        LoadEngine engine;
        if (const auto error = engine.start(plan, base(), sink))
            qFatal("start failed: %s", error->c_str());
        if (!engine.wait(60s))
            qFatal("the run did not end within a minute");
        RunReport report = sink->report().value();
        // Every request belongs to one step: the steps add up to the totals.
        const RunSnapshot& f = report.final;
        if (sumOf(f, &StepFigures::requests) != f.requests ||
            sumOf(f, &StepFigures::errors) != f.errors ||
            sumOf(f, &StepFigures::completed) != f.completed)
            qFatal("the steps do not add up to the totals");
        return report;
    }
    QJsonArray items(const std::string& resource = "/items") const {
        const auto reply = HttpProbe("127.0.0.1", target->port()).get(resource);
        return QJsonDocument::fromJson(QByteArray::fromStdString(reply.body)).array();
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("engineRow");
        QTest::newRow("native") << int(Engine::Native);
        QTest::newRow("curl") << int(Engine::Curl);
    }
    void init() { target = std::make_unique<TargetServer>(); }
    void cleanup() { target.reset(); }

    void courseFlowCreatesOneCoursePerIteration() {
        Plan plan = example("course-flow");
        plan.load.model = LoadShape::Model::Closed;
        plan.load.users = 4;
        plan.requestLimit = 150;
        const RunReport report = run(plan);
        const RunSnapshot& f = report.final;
        QCOMPARE(f.phase, RunSnapshot::Phase::Finished);
        QCOMPARE(f.iterations.completed, 150u);
        QCOMPARE(f.iterations.failed, 0u);
        QCOMPARE(f.requests, 300u);
        QCOMPARE(f.errors, 0u);
        QCOMPARE(f.steps.size(), std::size_t(2));
        QCOMPARE(f.steps[0].statusCounts.at(201), 150u);
        QCOMPARE(f.steps[1].statusCounts.at(200), 150u);
        // The server's own count agrees: one course per iteration, no more.
        QCOMPARE(target->stats().count(Endpoint::Items, 201), 150u);
        QCOMPARE(items("/courses").size(), qsizetype(150));
        QCOMPARE(f.iterations.duration.count(), 150u);
        QCOMPARE(f.steps[0].latency.count(), 150u);
    }

    void capturedValuesReachTheNextSteps() {
        // create → read by the captured id → change it → delete it: every later step would
        // fail (400 or 404) if the id did not reach its URL.
        Plan plan = example("read-back");
        plan.load.users = 3;
        plan.requestLimit = 60;
        plan.steps.back().thinkTime = 0ms;
        const RunReport report = run(plan);
        const RunSnapshot& f = report.final;
        QCOMPARE(f.iterations.completed, 60u);
        QCOMPARE(f.errors, 0u);
        const auto stats = target->stats();
        QCOMPARE(stats.count(Endpoint::Items, 201), 60u);
        QCOMPARE(stats.count(Endpoint::Items, 200), 120u); // read and change
        QCOMPARE(stats.count(Endpoint::Items, 204), 60u);
        QCOMPARE(stats.count(Endpoint::Items, 404), 0u);
        QCOMPARE(stats.count(Endpoint::Items, 400), 0u);
        QCOMPARE(items().size(), qsizetype(0)); // each deleted what it made
    }

    void regexCaptureFillsTheBody() {
        // The regex capture of "read it back" feeds the body of "change it".
        Plan plan = example("read-back");
        plan.load.users = 1;
        plan.requestLimit = 1;
        plan.steps.pop_back(); // keep the item to look at
        QCOMPARE(run(plan).final.errors, 0u);
        const QJsonArray stored = items();
        QCOMPARE(stored.size(), qsizetype(1));
        QCOMPARE(stored[0].toObject()["name"].toString(), QString("item of user 1, changed"));
        QCOMPARE(stored[0].toObject()["tag"].toString().size(), qsizetype(36)); // a uuid
    }

    void dataRowsGoInOrderAndCycle() {
        QTemporaryDir dir;
        const std::string csv = dir.filePath("people.csv").toStdString();
        std::ofstream(csv)
            << "name,city\nada,London\n\"grace, rear admiral\",Arlington\nalan,Wilmslow\n";
        Step create = step(HttpMethod::Post, "/items", "201");
        create.body = R"({"name":"{{name}}","city":"{{city}}","user":{{user}},"n":{{iteration}}})";
        create.contentType = "application/json";
        Plan plan = closedFlow({create}, 1, 7);
        plan.data.file = csv;
        QCOMPARE(run(plan).final.errors, 0u);
        const QJsonArray stored = items();
        QCOMPARE(stored.size(), qsizetype(7));
        const QStringList expected = {
            "ada", "grace, rear admiral", "alan", "ada", "grace, rear admiral", "alan", "ada"};
        for (qsizetype i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored[i].toObject()["name"].toString(), expected[i]);
            QCOMPARE(stored[i].toObject()["user"].toInt(), 1);
            QCOMPARE(stored[i].toObject()["n"].toInt(), int(i + 1));
        }
    }

    void dataRowsThatStopEndTheRun() {
        QTemporaryDir dir;
        const std::string csv = dir.filePath("three.csv").toStdString();
        std::ofstream(csv) << "name\na\nb\nc\n";
        Step create = step(HttpMethod::Post, "/items", "201");
        create.body = R"({"name":"{{name}}"})";
        Plan plan = closedFlow({create}, 2, 1000);
        plan.data.file = csv;
        plan.data.atEnd = DataSource::AtEnd::Stop;
        const RunReport report = run(plan);
        QCOMPARE(report.final.phase, RunSnapshot::Phase::Finished);
        QCOMPARE(report.final.requests, 3u);
        QCOMPARE(items().size(), qsizetype(3));
    }

    void unexpectedStatusEndsTheIteration() {
        Plan plan = closedFlow(
            {step(HttpMethod::Get, "/status/500", "200"), step(HttpMethod::Get, "/", "2xx")}, 2,
            20);
        plan.steps[0].name = "broken";
        const RunReport report = run(plan);
        const RunSnapshot& f = report.final;
        QCOMPARE(f.iterations.failed, 20u);
        QCOMPARE(f.iterations.completed, 0u);
        const auto& unexpected = f.errorsByClass[std::size_t(ErrorClass::UnexpectedStatus)];
        QCOMPARE(unexpected.count, 20u);
        QCOMPARE(unexpected.firstMessage, std::string("status 500, expected 200"));
        QCOMPARE(f.errorsByClass[std::size_t(ErrorClass::Http5xx)].count, 0u);
        QCOMPARE(f.steps[0].requests, 20u);
        QCOMPARE(f.steps[1].requests, 0u);
        QCOMPARE(f.steps[1].skipped, 20u);
        QCOMPARE(f.iterations.firstFailure,
                 std::string("step 1 (broken): unexpected_status: status 500, expected 200"));
        QCOMPARE(target->stats().count(Endpoint::Root), 0u); // nothing skipped was sent
    }

    void anExpectedErrorStatusIsASuccess() {
        const RunReport report =
            run(closedFlow({step(HttpMethod::Get, "/status/404", "404, 410")}, 1, 10));
        QCOMPARE(report.final.errors, 0u);
        QCOMPARE(report.final.iterations.completed, 10u);
        QCOMPARE(report.final.statusCounts.at(404), 10u);
    }

    void aCaptureThatFindsNothingIsCounted() {
        Step create = step(HttpMethod::Post, "/items", "201");
        create.body = R"({"title":"x"})";
        create.captures = {{Capture::From::Json, "$.missing", "gone"}};
        Step use = step(HttpMethod::Get, "/items/{{gone}}", "200");
        const RunReport report = run(closedFlow({create, use}, 2, 10));
        const RunSnapshot& f = report.final;
        const auto& failed = f.errorsByClass[std::size_t(ErrorClass::CaptureFailed)];
        QCOMPARE(failed.count, 10u);
        QCOMPARE(failed.firstMessage, std::string("captures[0] found no gone in the response"));
        QCOMPARE(f.steps[0].statusCounts.at(201), 10u); // answered, then refused by the step
        QCOMPARE(f.steps[1].skipped, 10u);
        QCOMPARE(f.iterations.failed, 10u);
    }

    void aBodyOverTheCaptureLimitIsAClearFailure() {
        Step big = step(HttpMethod::Get, "/bytes/1500000");
        big.captures = {{Capture::From::Regex, "x", "x"}};
        const RunReport report = run(closedFlow({big}, 1, 3));
        const auto& failed = report.final.errorsByClass[std::size_t(ErrorClass::CaptureFailed)];
        QCOMPARE(failed.count, 3u);
        QVERIFY2(failed.firstMessage.find("over 1 MiB") != std::string::npos,
                 failed.firstMessage.c_str());
        QCOMPARE(report.final.bytes, 3u * 1500000u); // counted whole, kept in part
    }

    void headerCaptureReadsTheResponseHeader() {
        Step create = step(HttpMethod::Post, "/items", "201");
        create.body = R"({"a":1})";
        create.captures = {{Capture::From::Header, "location", "where"}};
        Step read = step(HttpMethod::Get, "{{where}}", "200");
        read.url = "/items/{{id}}";
        create.captures.push_back({Capture::From::Json, "/id", "id"});
        Step check = step(HttpMethod::Get, "/headers", "200");
        check.headers = {{"X-Where", "{{where}}"}};
        check.captures = {{Capture::From::Json, "/headers/X-Where", "echoed"}};
        const RunReport report = run(closedFlow({create, read, check}, 1, 5));
        QCOMPARE(report.final.errors, 0u);
        QCOMPARE(report.final.iterations.completed, 5u);
    }

    void openModelCountsFlowStarts() {
        // 100 flow starts a second for two seconds: 200 iterations of two requests each.
        Plan plan = example("course-flow");
        plan.load.rate = 100;
        plan.duration = 2s;
        const RunReport report = run(plan);
        const RunSnapshot& f = report.final;
        QVERIFY2(f.steps[0].requests >= 195 && f.steps[0].requests <= 200,
                 std::to_string(f.steps[0].requests).c_str());
        QVERIFY(f.iterations.completed >= 195);
        QCOMPARE(f.iterations.failed, 0u);
        QCOMPARE(target->stats().count(Endpoint::Items, 201), f.steps[0].statusCounts.at(201));
    }

    void aFlowOnSeveralEngineThreadsAddsUp() {
        Plan plan = example("course-flow");
        plan.load.model = LoadShape::Model::Closed;
        plan.load.users = 6;
        plan.load.threads = 3;
        plan.requestLimit = 301;
        const RunReport report = run(plan);
        QCOMPARE(report.threads, 3);
        QCOMPARE(report.final.iterations.completed, 301u);
        QCOMPARE(report.final.steps[1].requests, 301u);
        QCOMPARE(target->stats().count(Endpoint::Items, 201), 301u);
    }

    void theRequestTimelineNamesTheStep() {
        auto sink = std::make_shared<CollectingSink>(true);
        Plan plan = example("course-flow");
        plan.load.model = LoadShape::Model::Closed;
        plan.load.users = 1;
        plan.requestLimit = 5;
        run(plan, sink);
        const auto steps = sink->stepsOfRequests();
        QCOMPARE(steps, (std::vector<int>{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
