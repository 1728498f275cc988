// The load engine against the real embedded target: accounting, latency, error classes,
// the open model's schedule, coordinated omission, and a prompt stop. Every test runs on both
// transports (the global data), and one compares them, request for request.
#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/server/TargetServer.h"
#include "core/stats/LatencyPercentiles.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/ThreadNames.h"
#include "tests/common/UnusedPort.h"
#include "tests/integration/CollectingSink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <future>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

int openFileDescriptors() {
    return int(QDir("/proc/self/fd")
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                   .size());
}

Plan closedPlan(int users, std::optional<std::uint64_t> requests,
                std::optional<std::chrono::milliseconds> duration = std::nullopt) {
    Plan plan;
    plan.load.model = LoadShape::Model::Closed;
    plan.load.users = users;
    plan.requestLimit = requests;
    plan.duration = duration;
    return plan;
}

} // namespace

class TestLoadEngine : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;
    std::unique_ptr<LoadEngine> engine;

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(target->port()) + path;
    }
    // The transport of this row of the global data.
    static Engine transport() {
        QFETCH_GLOBAL(int, engineRow);
        return Engine(engineRow);
    }
    std::optional<std::string> startRun(Plan plan, const std::string& to,
                                        std::shared_ptr<RunSink> sink) {
        if (plan.engine == Engine::Auto)
            plan.engine = transport();
        return engine->start(plan, to, std::move(sink));
    }
    RunReport runToEnd(const Plan& plan, const std::string& path,
                       std::chrono::milliseconds limit = 20s) {
        auto sink = std::make_shared<CollectingSink>();
        const auto error = startRun(plan, url(path), sink);
        if (error)
            qFatal("start failed: %s", error->c_str());
        if (!engine->wait(limit))
            qFatal("the run did not end within its limit");
        return sink->report().value();
    }

private slots:
    void initTestCase_data() {
        QTest::addColumn<int>("engineRow");
        QTest::newRow("native") << int(Engine::Native);
        QTest::newRow("curl") << int(Engine::Curl);
    }
    void init() {
        target = std::make_unique<TargetServer>();
        engine = std::make_unique<LoadEngine>();
    }
    void cleanup() {
        engine.reset();
        target.reset();
    }

    void exactAccounting() {
        const RunReport report = runToEnd(closedPlan(8, 2000), "/");
        const RunSnapshot& f = report.final;
        QCOMPARE(f.phase, RunSnapshot::Phase::Finished);
        QCOMPARE(f.requests, 2000u);
        QCOMPARE(f.completed, 2000u);
        QCOMPARE(f.errors, 0u);
        QCOMPARE(f.statusCounts.at(200), 2000u);
        QCOMPARE(f.latency.count(), 2000u);
        QCOMPARE(f.bytes, 2000u * 32u); // "Hello from the Stampede target.\n"
        // The server saw exactly what we counted: nothing lost, nothing doubled.
        QCOMPARE(target->stats().count(Endpoint::Root, 200), 2000u);
        // Keep-alive: eight users, eight connections.
        QCOMPARE(target->stats().connectionsAccepted, 8u);
        std::uint64_t rowTotal = 0;
        for (const auto& row : report.timeSeries)
            rowTotal += row.completed;
        QCOMPARE(rowTotal, 2000u);
        QVERIFY(report.cpuUserSeconds + report.cpuSystemSeconds > 0);
    }
    void keepAliveOffOpensAConnectionPerRequest() {
        Plan plan = closedPlan(2, 50);
        plan.keepAlive = false;
        const RunReport report = runToEnd(plan, "/");
        QCOMPARE(report.final.requests, 50u);
        QCOMPARE(target->stats().connectionsAccepted, 50u);
    }
    void delayedResponsesHaveTheirLatency() {
        const RunReport report = runToEnd(closedPlan(10, 100), "/delay/50");
        const auto p = LatencyPercentiles::from(report.final.latency);
        const double upper = 50.0 + 3.0 * kTimingSlack;
        QVERIFY2(p.p50 >= 50.0 && p.p50 <= upper, qPrintable(QString("p50 = %1 ms").arg(p.p50)));
        QVERIFY(p.max < 200.0);
    }
    void serverErrorsAreCountedByStatusAndClass() {
        const RunReport report = runToEnd(closedPlan(2, 40), "/status/503");
        QCOMPARE(report.final.statusCounts.at(503), 40u);
        QCOMPARE(report.final.completed, 40u);
        QCOMPARE(report.final.errors, 40u);
        QCOMPARE(report.final.errorsByClass[size_t(ErrorClass::Http5xx)].count, 40u);
        const RunReport notFound = runToEnd(closedPlan(1, 5), "/status/404");
        QCOMPARE(notFound.final.errorsByClass[size_t(ErrorClass::Http4xx)].count, 5u);
    }
    void http2FallsBackToHttp11WhereTheServerHasNoHttp2() {
        Plan plan = closedPlan(2, 20);
        plan.httpVersion = HttpVersion::Http2;
        if (transport() == Engine::Native) {
            // HTTP/2 is libcurl's: asking the native transport for it is refused, by name.
            plan.engine = Engine::Native;
            const auto error = engine->start(plan, url("/"), std::make_shared<CollectingSink>());
            QVERIFY(error && error->find("request.engine") != std::string::npos);
            QVERIFY(!engine->running());
            return;
        }
        const RunReport report = runToEnd(plan, "/");
        QCOMPARE(report.final.statusCounts.at(200), 20u);
        QCOMPARE(report.final.errors, 0u);
    }
    void postSendsTheBody() {
        Plan plan = closedPlan(2, 20);
        plan.steps.front().method = HttpMethod::Post;
        plan.steps.front().body = R"({"a":1})";
        plan.steps.front().contentType = "application/json";
        const RunReport report = runToEnd(plan, "/echo");
        QCOMPARE(report.final.statusCounts.at(200), 20u);
        QCOMPARE(report.final.bytes, 20u * 7u); // echoed back
        QCOMPARE(target->stats().count(Endpoint::Echo, 200), 20u);
    }
    void errorClasses_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("errorClass");
        QTest::newRow("reset") << "/reset" << int(ErrorClass::ConnectionReset);
        QTest::newRow("close midway") << "/close" << int(ErrorClass::ConnectionReset);
        QTest::newRow("garbage") << "/garbage" << int(ErrorClass::Other);
        QTest::newRow("stall with timeout") << "/stall" << int(ErrorClass::Timeout);
    }
    void errorClasses() {
        QFETCH(QString, path);
        QFETCH(int, errorClass);
        Plan plan = closedPlan(2, 4);
        plan.timeout = 300ms;
        const RunReport report = runToEnd(plan, path.toStdString());
        QCOMPARE(report.final.requests, 4u);
        QCOMPARE(report.final.errors, 4u);
        const ErrorSummary& summary = report.final.errorsByClass[size_t(errorClass)];
        QVERIFY2(summary.count == 4u,
                 qPrintable(QString("class %1 counted %2").arg(errorClass).arg(summary.count)));
        QVERIFY(!summary.firstMessage.empty());
        qInfo("%s -> %s: %s", qPrintable(path),
              std::string(errorClassName(ErrorClass(errorClass))).c_str(),
              summary.firstMessage.c_str());
    }
    void namesAreResolved() {
        // localhost, from /etc/hosts: the resolver runs, and nothing leaves the machine. It
        // may name ::1 first, where nobody listens: the next address is tried.
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(closedPlan(3, 30),
                          "http://localhost:" + std::to_string(target->port()) + "/", sink));
        QVERIFY(engine->wait(20s));
        const RunReport named = sink->report().value();
        QCOMPARE(named.final.requests, 30u);
        QCOMPARE(named.final.errors, 0u);
        QCOMPARE(named.final.statusCounts.at(200), 30u);
    }
    void refusedConnection() {
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(closedPlan(2, 6),
                          "http://127.0.0.1:" + std::to_string(unusedPort()) + "/", sink));
        QVERIFY(engine->wait(10s));
        const RunReport report = sink->report().value();
        QCOMPARE(report.final.errors, 6u);
        QCOMPARE(report.final.errorsByClass[size_t(ErrorClass::ConnectionRefused)].count, 6u);
        QCOMPARE(report.final.completed, 0u);
        QCOMPARE(report.final.latency.count(), 0u);
    }

    void openModelKeepsItsRate() {
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 200;
        plan.duration = 5s;
        const RunReport report = runToEnd(plan, "/");
        const auto n = double(report.final.requests);
        // A ThreadSanitizer build on a busy machine may fall behind: what it owed and did not
        // send is its backlog, and sent plus owed is still the rate. Release keeps up.
        const auto owed = kSanitizedBuild ? double(report.final.backlog) : 0.0;
        QVERIFY2(n + owed >= 980 && n + owed <= 1020,
                 qPrintable(QString("%1 requests, %2 owed").arg(n).arg(owed)));
        QCOMPARE(report.final.errors, 0u);
        if (!kSanitizedBuild)
            QCOMPARE(report.final.backlogMax, 0u);
        QCOMPARE(report.final.latencyUncorrected.count(), report.final.latency.count());
        QVERIFY(report.timeSeries.size() >= 5);
        QCOMPARE(report.timeSeries.front().targetRate, 200.0);
        // Whole seconds, then the part of a second the run lasted: a rate, not a cliff.
        for (std::size_t i = 0; i + 1 < report.timeSeries.size(); ++i)
            QCOMPARE(report.timeSeries[i].durationS, 1.0);
        QVERIFY(report.timeSeries.back().durationS > 0 && report.timeSeries.back().durationS <= 1);
    }
    void openModelWithARequestLimit() {
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 500;
        plan.duration.reset();
        plan.requestLimit = 300;
        const RunReport report = runToEnd(plan, "/");
        QCOMPARE(report.final.requests, 300u);
        QVERIFY(report.final.elapsed >= 550ms); // 300 at 500/s: the last leaves at ~0.6 s
    }
    void coordinatedOmissionIsMadeVisible() {
        // One connection at 100 req/s; one second into the run the whole server freezes for
        // a second. Requests due during the freeze queue as backlog: measured from when they
        // were due, they are slow; measured from when they were sent, they look fast.
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 100;
        plan.load.maxInFlight = 1;
        plan.duration = 5s;
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(plan, url("/"), sink));
        QTest::qWait(1000);
        auto freeze = std::async(std::launch::async, [this] {
            return HttpProbe(target->host(), target->port()).get("/freeze/1000").status;
        });
        QCOMPARE(freeze.get(), 200);
        QVERIFY(engine->wait(20s));
        const RunReport report = sink->report().value();
        const auto corrected = LatencyPercentiles::from(report.final.latency);
        const auto uncorrected = LatencyPercentiles::from(report.final.latencyUncorrected);
        qInfo("corrected p99 %.1f ms, uncorrected p99 %.1f ms, backlog max %llu", corrected.p99,
              uncorrected.p99, static_cast<unsigned long long>(report.final.backlogMax));
        QVERIFY2(corrected.p99 >= 500, qPrintable(QString::number(corrected.p99)));
        QVERIFY2(uncorrected.p99 < 100 * kTimingSlack,
                 qPrintable(QString::number(uncorrected.p99)));
        QVERIFY(report.final.backlogMax >= 50);
    }

    void stagesRampTheUsers() {
        Plan plan = closedPlan(1, std::nullopt, std::nullopt);
        plan.load.stages = {{1000ms, 10}, {1000ms, 10}, {1000ms, 2}};
        const RunReport report = runToEnd(plan, "/delay/20");
        QCOMPARE(report.final.phase, RunSnapshot::Phase::Finished);
        QVERIFY(report.final.elapsed >= 3000ms && report.final.elapsed < 3500ms);
        QVERIFY(report.timeSeries.size() >= 3);
        QVERIFY2(report.timeSeries[1].activeUsers == 10,
                 qPrintable(QString::number(report.timeSeries[1].activeUsers)));
        QVERIFY(report.timeSeries.back().activeUsers <= 3);
    }
    void thinkTimeSlowsEachUser() {
        Plan plan = closedPlan(2, std::nullopt, 1000ms);
        plan.load.thinkTime = 100ms;
        const RunReport report = runToEnd(plan, "/");
        // Each user: one request, then 100 ms of thought: about 10 per user per second.
        QVERIFY2(report.final.requests >= 14 && report.final.requests <= 22,
                 qPrintable(QString::number(report.final.requests)));
    }
    void snapshotsArriveWhileRunning() {
        auto sink = std::make_shared<CollectingSink>(true);
        QVERIFY(!startRun(closedPlan(4, std::nullopt, 1000ms), url("/"), sink));
        QVERIFY(engine->wait(10s));
        QVERIFY2(sink->snapshots() >= 8, qPrintable(QString::number(sink->snapshots())));
        // The timeline gets a bounded sample of real requests, with stamps in order: the
        // newest of each interval, so it shows an unbroken stretch of the run.
        QVERIFY(sink->timelineRecords() > 0);
        // Bounded, and full whenever more finished in an interval than it holds (how many did
        // depends on the machine: a sanitized libcurl may not fill it).
        QCOMPARE(sink->maxTimelineSample(),
                 std::min(sink->mostBetweenSnapshots(), RunSnapshot::kTimelineSampleSize));
        QVERIFY(sink->timelineOrdered());
        QVERIFY(sink->sampleIsNewest());
    }

    void stopIsPromptWithAThousandStalledRequests() {
        runToEnd(closedPlan(1, 1), "/"); // Asio makes its epoll, eventfd and timerfd lazily
        // The target (in this process) closes its side of that connection when it sees ours go.
        QTRY_COMPARE_WITH_TIMEOUT(target->stats().connectionsOpen, 0u, 5000);
        const int fdsBefore = openFileDescriptors();
        Plan plan = closedPlan(1000, std::nullopt, 60s);
        plan.timeout = 60s;
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(plan, url("/stall"), sink));
        QTRY_COMPARE_WITH_TIMEOUT(target->stats().count(Endpoint::Stall), 1000u, 15000);
        QElapsedTimer clock;
        clock.start();
        engine->stop();
        const qint64 ms = clock.elapsed();
        qInfo("stop with 1000 requests in flight took %lld ms", ms);
        QVERIFY2(ms < 200 * kTimingSlack, qPrintable(QString("%1 ms").arg(ms)));
        QVERIFY(!engine->running());
        const RunReport report = sink->report().value();
        QCOMPARE(report.final.phase, RunSnapshot::Phase::Stopped);
        QCOMPARE(report.final.requests, 0u); // abandoned requests are not counted
        // Every socket of ours is closed: the server sees them go, our fd count is back.
        QTRY_COMPARE_WITH_TIMEOUT(target->stats().connectionsOpen, 0u, 5000);
        QCOMPARE(openFileDescriptors(), fdsBefore);
    }
    void aSecondRunWhileOneGoesIsRefused() {
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(closedPlan(1, std::nullopt, 5s), url("/"), sink));
        const auto error = startRun(closedPlan(1, 1), url("/"), sink);
        QVERIFY(error && error->find("already") != std::string::npos);
        engine->stop();
    }
    void bothTransportsCountTheSame_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("method");
        QTest::newRow("text") << "/" << int(HttpMethod::Get);
        QTest::newRow("64 KiB") << "/bytes/65536" << int(HttpMethod::Get);
        QTest::newRow("1 MiB") << "/bytes/1048576" << int(HttpMethod::Get);
        QTest::newRow("HEAD") << "/bytes/1000" << int(HttpMethod::Head);
        QTest::newRow("POST echo") << "/echo" << int(HttpMethod::Post);
        QTest::newRow("503") << "/status/503" << int(HttpMethod::Get);
        QTest::newRow("404") << "/nowhere" << int(HttpMethod::Get);
        QTest::newRow("204") << "/status/204" << int(HttpMethod::Get);
        QTest::newRow("drip") << "/drip?bytes=300&ms=50" << int(HttpMethod::Get);
        QTest::newRow("close midway") << "/close" << int(HttpMethod::Get);
        QTest::newRow("reset") << "/reset" << int(HttpMethod::Get);
        QTest::newRow("garbage") << "/garbage" << int(HttpMethod::Get);
    }
    void bothTransportsCountTheSame() {
        if (transport() != Engine::Native)
            QSKIP("compares both transports in one go: runs in the native row");
        QFETCH(QString, path);
        QFETCH(int, method);
        Plan plan = closedPlan(3, 30);
        plan.steps.front().method = HttpMethod(method);
        if (plan.steps.front().method == HttpMethod::Post) {
            plan.steps.front().body = "0123456789";
            plan.steps.front().contentType = "text/plain";
        }
        plan.engine = Engine::Native;
        const RunSnapshot native = runToEnd(plan, path.toStdString()).final;
        plan.engine = Engine::Curl;
        const RunSnapshot curl = runToEnd(plan, path.toStdString()).final;
        QCOMPARE(native.requests, curl.requests);
        QCOMPARE(native.completed, curl.completed);
        QCOMPARE(native.errors, curl.errors);
        QCOMPARE(native.bytes, curl.bytes);
        QCOMPARE(native.statusCounts, curl.statusCounts);
        for (std::size_t i = 0; i < kErrorClassCount; ++i)
            QVERIFY2(native.errorsByClass[i].count == curl.errorsByClass[i].count,
                     qPrintable(QString("%1: native %2, curl %3")
                                    .arg(errorClassName(ErrorClass(i)).data())
                                    .arg(native.errorsByClass[i].count)
                                    .arg(curl.errorsByClass[i].count)));
        QCOMPARE(native.latency.count(), curl.latency.count());
    }
    // Several engine threads: each its own share of users and connections, the counts adding
    // up exactly to what the server saw, and each thread named for the Threads & CPU view.
    void severalEngineThreadsAddUpExactly() {
        Plan plan = closedPlan(8, 3001);
        plan.load.threads = 3;
        auto sink = std::make_shared<CollectingSink>();
        QVERIFY(!startRun(plan, url("/delay/1"), sink));
        QVERIFY(engine->wait(30s));
        // The threads outlive the run, named, until a run needs fewer.
        const QStringList names = threadNames();
        for (const char* name : {"engine-io-1", "engine-io-2", "engine-io-3"})
            QVERIFY2(names.contains(name), qPrintable(names.join(", ")));
        const RunReport report = sink->report().value();
        const RunSnapshot& f = report.final;
        QCOMPARE(report.threads, 3);
        QCOMPARE(f.phase, RunSnapshot::Phase::Finished);
        QCOMPARE(f.requests, 3001u);
        QCOMPARE(f.completed, 3001u);
        QCOMPARE(f.errors, 0u);
        QCOMPARE(f.latency.count(), 3001u);
        QCOMPARE(target->stats().count(Endpoint::Delay, 200), 3001u);
        QCOMPARE(target->stats().connectionsAccepted, 8u); // 3 + 3 + 2 users, one each
        std::uint64_t rowTotal = 0;
        for (const auto& row : report.timeSeries)
            rowTotal += row.completed;
        QCOMPARE(rowTotal, 3001u);
        QVERIFY(sink->snapshots() > 0);
    }
    // The open model on several threads keeps one schedule: the shares take turns, so the
    // intended send times are those of one engine, a millisecond apart at 1000 req/s.
    void severalEngineThreadsKeepOneSchedule() {
        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        plan.load.rate = 1000;
        plan.load.threads = 2;
        plan.duration.reset();
        plan.requestLimit = 301;
        auto sink = std::make_shared<CollectingSink>(true);
        QVERIFY(!startRun(plan, url("/"), sink));
        QVERIFY(engine->wait(20s));
        const RunReport report = sink->report().value();
        QCOMPARE(report.final.requests, 301u);
        QCOMPARE(report.final.errors, 0u);
        std::vector<double> intended = sink->intendedTimes();
        QCOMPARE(intended.size(), std::size_t(301));
        std::sort(intended.begin(), intended.end());
        for (std::size_t i = 0; i < intended.size(); ++i)
            QVERIFY2(std::abs(intended[i] - double(i)) < 0.01,
                     qPrintable(QString("request %1 intended at %2 ms").arg(i).arg(intended[i])));
    }
    void unreadableBodyFileIsRefusedAtStart() {
        Plan plan = closedPlan(1, 1);
        plan.steps.front().method = HttpMethod::Post;
        plan.steps.front().bodyFile = "/nonexistent/body.json";
        const auto error = startRun(plan, url("/echo"), std::make_shared<CollectingSink>());
        QVERIFY(error && error->find("/nonexistent/body.json") != std::string::npos);
        QVERIFY(!engine->running());
    }
};

QTEST_GUILESS_MAIN(TestLoadEngine)
#include "tst_loadengine.moc"
