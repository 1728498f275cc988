// gather, as_completed, first completed and a timeout on the real engine against the real
// embedded target: the order and cancellation invariants of each, never durations.
#include "core/lab/async/AsyncDemo.h"
#include "core/lab/async/AsyncSummary.h"
#include "core/lab/async/AsyncTrace.h"
#include "core/server/TargetServer.h"
#include "tests/common/BuildFlavour.h"
#include "tests/common/TraceCheck.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

AsyncRound runOne(const std::string& url, AsyncMode mode, int n, std::string latency,
                  std::uint64_t seed, std::chrono::milliseconds timeout = 250ms) {
    AsyncOptions options;
    options.requests = n;
    options.modes = {mode};
    options.latency = std::move(latency);
    options.seed = seed;
    options.timeout = timeout;
    options.targetUrl = url;
    AsyncDemo demo(options);
    demo.start();
    if (!demo.wait(slack(60s)))
        return {};
    const AsyncProgress p = demo.progress();
    if (p.phase != AsyncProgress::Phase::Done || p.rounds.size() != 1)
        return {};
    return p.rounds.front();
}

// Every answer the engine recorded came before its stop; nothing completes after a cancel.
bool nothingAfterTheCancel(const AsyncRound& round) {
    if (!round.cancelledAtMs)
        return true;
    return std::all_of(round.completions.begin(), round.completions.end(),
                       [&](const RequestRecord& r) { return r.doneMs <= *round.cancelledAtMs; });
}

// TCP connections to or from `port` the kernel holds as established (both ends are ours on
// loopback), from /proc/net/tcp: a reset connection leaves the table at once.
int establishedConnections(std::uint16_t port) {
    QFile file("/proc/net/tcp");
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QString hexPort = QString("%1").arg(port, 4, 16, QChar('0')).toUpper();
    int count = 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 4 || fields[3] != "01")
            continue;
        if (fields[1].endsWith(":" + hexPort.toLatin1()) ||
            fields[2].endsWith(":" + hexPort.toLatin1()))
            ++count;
    }
    return count;
}

} // namespace

class TestAsyncDemo : public QObject {
    Q_OBJECT

    std::unique_ptr<TargetServer> target;

private slots:
    void init() { target = std::make_unique<TargetServer>(); }
    void cleanup() { target.reset(); }

    void theSameSeedGivesTheSameDelays() {
        AsyncOptions a;
        a.seed = 7;
        AsyncOptions b = a;
        QCOMPARE(a.plannedDelays(), b.plannedDelays());
        QCOMPARE(int(a.plannedDelays().size()), a.requests);
        b.seed = 8;
        QVERIFY(a.plannedDelays() != b.plannedDelays());
        for (const int ms : a.plannedDelays())
            QVERIFY(ms >= 50 && ms <= 500);
        a.latency = "uniform:9-1";
        QVERIFY(a.latencyProblem().has_value());
        QVERIFY(a.plannedDelays().empty());
    }

    void gatherReturnsAllInTheOrderSent() {
        const AsyncRound round = runOne(target->url(), AsyncMode::Gather, 6, "uniform:20-200", 3);
        QVERIFY(round.ended);
        QCOMPARE(round.completions.size(), std::size_t(6));
        QCOMPARE(round.taken(), (std::vector<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(round.cancelled(), 0);
        QVERIFY(!round.cancelledAtMs);
        QCOMPARE(round.errors(), 0);
        for (const AsyncRequest& r : round.requests())
            QCOMPARE(r.state, AsyncRequest::State::Taken);
        QCOMPARE(target->stats().count(Endpoint::Delay, 200), 6u);
    }

    void asCompletedTakesEachInCompletionOrder() {
        const AsyncRound round =
            runOne(target->url(), AsyncMode::AsCompleted, 8, "uniform:20-300", 42);
        QVERIFY(round.ended);
        const auto taken = round.taken();
        QCOMPARE(taken.size(), std::size_t(8));
        QCOMPARE(std::set<int>(taken.begin(), taken.end()).size(), std::size_t(8));
        const auto requests = round.requests();
        for (std::size_t i = 1; i < taken.size(); ++i)
            QVERIFY(requests[std::size_t(taken[i])].endMs >=
                    requests[std::size_t(taken[i - 1])].endMs);
        // Each request asked for its own delay, and waited at least that long.
        for (const AsyncRequest& r : requests)
            QVERIFY(r.endMs - r.startedMs >= r.plannedMs);
        QCOMPARE(round.cancelled(), 0);
    }

    void firstCompletedTakesOneAndCancelsTheRest() {
        // Seed 17 draws 13972, 616, 14064 and 13445 ms: the second is first by far.
        AsyncOptions options;
        options.requests = 4;
        options.latency = "uniform:100-20000";
        options.seed = 17;
        const auto delays = options.plannedDelays();
        QCOMPARE(*std::min_element(delays.begin(), delays.end()), delays[1]);
        QVERIFY(delays[1] < 1000);

        const AsyncRound round =
            runOne(target->url(), AsyncMode::FirstCompleted, 4, options.latency, 17);
        QVERIFY(round.ended);
        QVERIFY(!round.stoppedByUser);
        QCOMPARE(round.taken(), std::vector<int>{1});
        QVERIFY(round.cancelledAtMs.has_value());
        QCOMPARE(round.cancelled(), 3);
        QVERIFY(nothingAfterTheCancel(round));
        const auto requests = round.requests();
        const double first = requests[1].endMs;
        for (const AsyncRequest& r : requests) {
            if (r.index == 1)
                continue;
            QCOMPARE(r.state, AsyncRequest::State::Cancelled);
            QCOMPARE(r.endMs, *round.cancelledAtMs);
            QVERIFY(r.endMs >= first);
        }
        // Really cancelled: the engine reset the connections, so none is established any
        // more, though the server (which does not watch a socket while it delays) still
        // holds three answers due in 13 s.
        QCOMPARE(target->stats().count(Endpoint::Delay, 200), 4u);
        QCOMPARE(establishedConnections(target->port()), 0);
    }

    void aTimeoutTakesWhatIsDoneByTAndCancelsTheRest() {
        // Seed 42: 390 338 388 111 456 92 ms; by T = 300 ms two are done.
        const AsyncRound round =
            runOne(target->url(), AsyncMode::Timeout, 6, "uniform:50-500", 42, 300ms);
        QVERIFY(round.ended);
        QCOMPARE(round.plannedMs, (std::vector<int>{390, 338, 388, 111, 456, 92}));
        QVERIFY(round.cancelledAtMs.has_value());
        QVERIFY(*round.cancelledAtMs >= 300);
        QVERIFY(nothingAfterTheCancel(round));
        std::vector<int> doneByT;
        for (const RequestRecord& r : round.completions)
            if (r.doneMs <= 300)
                doneByT.push_back(r.lane);
        QCOMPARE(round.taken(), doneByT);
        // The two short ones cannot miss T; a loaded machine may let a long one finish
        // between T and the cancel, which is then done but not taken.
        QVERIFY(std::set<int>(doneByT.begin(), doneByT.end()).count(3) == 1);
        QVERIFY(std::set<int>(doneByT.begin(), doneByT.end()).count(5) == 1);
        QCOMPARE(round.cancelled(), 6 - int(round.completions.size()));
        for (const AsyncRequest& r : round.requests()) {
            if (r.state == AsyncRequest::State::Cancelled)
                QCOMPARE(r.endMs, *round.cancelledAtMs);
            else if (r.state == AsyncRequest::State::Done)
                QVERIFY(r.endMs > 300);
            else
                QCOMPARE(r.state, AsyncRequest::State::Taken);
        }
    }

    void allFourRunInTurnAndTraceTheirCancels() {
        AsyncOptions options;
        options.requests = 5;
        options.latency = "uniform:20-400";
        options.timeout = 150ms;
        options.targetUrl = target->url();
        AsyncDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(60s)));
        const AsyncProgress p = demo.progress();
        QCOMPARE(p.phase, AsyncProgress::Phase::Done);
        QCOMPARE(p.rounds.size(), std::size_t(4));
        int cancelled = 0;
        for (const AsyncRound& round : p.rounds) {
            QVERIFY(round.started && round.ended);
            cancelled += round.cancelled();
        }
        QCOMPARE(p.rounds[2].taken().size(), std::size_t(1));
        QVERIFY(succeeded(options, p));

        const ReadTrace read = readTrace(demoTrace(options, p).json());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.spansByCategory.value("cancelled"), cancelled);
        QCOMPARE(read.spansByCategory.value("work"), 4 * 5 - cancelled);
        QVERIFY(read.laneNames.values().contains("first: #5"));
        QVERIFY(read.counterNames.contains("in flight"));

        const QJsonObject json = summaryJson(options, p);
        QCOMPARE(json["rounds"].toArray().size(), 4);
        QCOMPARE(json["rounds"].toArray()[0].toObject()["mode"].toString(), QString("gather"));
        QVERIFY(summaryText(options, p).find("asyncio.gather") != std::string::npos);
    }

    void stopCancelsWhatIsInFlight() {
        AsyncOptions options;
        options.requests = 5;
        options.latency = "fixed:20000";
        options.targetUrl = target->url();
        AsyncDemo demo(options);
        demo.start();
        QTRY_COMPARE_WITH_TIMEOUT(target->stats().connectionsOpen, 5u, 10000);
        QCOMPARE(establishedConnections(target->port()), 2 * 5); // both ends of each
        demo.requestStop();
        QVERIFY(demo.wait(slack(5s)));
        QCOMPARE(establishedConnections(target->port()), 0);
        const AsyncProgress p = demo.progress();
        QCOMPARE(p.phase, AsyncProgress::Phase::Stopped);
        QVERIFY(p.rounds[0].stoppedByUser);
        QCOMPARE(p.rounds[0].cancelled(), 5);
        QVERIFY(p.rounds[0].taken().empty()); // gather was cut short: no results at all
        QVERIFY(!p.rounds[1].started);
        QVERIFY(!succeeded(options, p));
    }

    void aBadLatencyFailsTheRun() {
        AsyncOptions options;
        options.latency = "sometimes";
        options.targetUrl = target->url();
        AsyncDemo demo(options);
        demo.start();
        QVERIFY(demo.wait(slack(5s)));
        QVERIFY(demo.progress().failed());
        QVERIFY(demo.progress().failure.find("latency") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAsyncDemo)
#include "tst_asyncdemo.moc"
