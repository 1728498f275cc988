// The shares of a run on several engine threads merge into exactly the run one engine would
// have counted: the same totals, statuses, error classes, histograms bucket for bucket, and
// the same rows second by second, percentiles included. Each share reports from its own
// thread, as engine-io-K does.
#include "core/engine/RunAccumulator.h"
#include "core/engine/RunMerger.h"
#include "tests/common/SameHistogram.h"

#include <QTest>

#include <algorithm>
#include <mutex>
#include <random>
#include <thread>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

using Clock = RunAccumulator::Clock;
using Phase = RunSnapshot::Phase;

const Clock::time_point kStart = Clock::time_point{} + 987654us;
constexpr auto kTick = 100ms;
constexpr auto kEnd = 4350ms;     // a part of a last second, as real runs end
constexpr std::size_t kSteps = 3; // a flow: each outcome belongs to one of three steps

// The step an outcome belongs to, and whether an iteration ends with it: a function of the
// outcome, so the shares and the whole agree without carrying more.
int stepOf(const RequestOutcome& o) {
    return static_cast<int>(o.bytes % kSteps);
}

// A whole run's worth of finished requests, in the order they finished.
std::vector<RequestOutcome> outcomes(std::uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> latencyUs(50, 400'000);
    std::uniform_int_distribution<int> kind(0, 19);
    std::vector<RequestOutcome> all;
    for (std::chrono::microseconds done = 1ms; done < kEnd;
         done += std::chrono::microseconds(300 + random() % 400)) {
        RequestOutcome o;
        o.done = kStart + done;
        o.started = o.done - std::chrono::microseconds(latencyUs(random));
        o.intended = o.started - std::chrono::microseconds(random() % 2000);
        o.firstByte = o.done;
        const int k = kind(random);
        if (k == 0) {
            o.error = ErrorClass::ConnectionRefused;
            o.errorMessage = "Connection refused";
        } else {
            o.status = k == 1 ? 503 : k == 2 ? 404 : 200;
            if (o.status == 503)
                o.error = ErrorClass::Http5xx;
            if (o.status == 404)
                o.error = ErrorClass::Http4xx;
            o.bytes = 100 + static_cast<std::uint64_t>(k);
        }
        all.push_back(o);
    }
    return all;
}

// Feeds `mine` to an accumulator as engine-io does: each tick records what finished before
// it and hands on a snapshot; at the end, the report. Gauges: `inFlight` at every moment.
void runShare(const std::vector<RequestOutcome>& mine, std::uint64_t inFlight, Phase ending,
              RunSink& sink) {
    RunAccumulator accumulator(kStart, LoadShape::Model::Open, kSteps);
    const RunAccumulator::Gauges gauges{inFlight, 0, 0, 10};
    const auto record = [&](const RequestOutcome& o) {
        accumulator.record(o, gauges, stepOf(o));
        if (o.error)
            accumulator.recordIteration(o.done - o.intended, stepOf(o), "failed");
        else if (stepOf(o) + 1 == int(kSteps))
            accumulator.recordIteration(o.done - o.intended);
    };
    auto next = mine.begin();
    for (auto t = kTick; t < kEnd; t += kTick) {
        for (; next != mine.end() && next->done < kStart + t; ++next)
            record(*next);
        sink.onSnapshot(accumulator.snapshot(Phase::Running, kStart + t, gauges));
    }
    for (; next != mine.end(); ++next)
        record(*next);
    RunReport report;
    report.final = accumulator.snapshot(ending, kStart + kEnd, gauges);
    report.timeSeries = accumulator.rows();
    report.engine = "native";
    report.httpVersion = inFlight % 2 ? "1.1" : "2"; // as if the shares met different servers
    sink.onFinished(std::move(report));
}

class Collected : public RunSink {
public:
    void onSnapshot(RunSnapshot snapshot) override {
        const std::lock_guard lock(mutex);
        ++snapshots;
        rowsSeen += snapshot.newRows.size();
        requestsSeen.push_back(snapshot.requests);
    }
    void onFinished(RunReport r) override {
        const std::lock_guard lock(mutex);
        rowsSeen += r.final.newRows.size();
        report = std::move(r);
    }
    std::mutex mutex;
    int snapshots = 0;
    std::size_t rowsSeen = 0;
    std::vector<std::uint64_t> requestsSeen;
    std::optional<RunReport> report;
};

} // namespace

class TestRunMerger : public QObject {
    Q_OBJECT

    // Splits the outcomes between `count` shares (by `pick`), runs each on its own thread
    // into one merger, and runs them all through one accumulator too.
    static std::pair<RunReport, RunReport> mergedAndWhole(int count, Phase lastShareEnds,
                                                          std::shared_ptr<Collected> into) {
        const auto all = outcomes(20261201);
        std::vector<std::vector<RequestOutcome>> parts(static_cast<std::size_t>(count));
        std::mt19937 pick(7);
        for (const RequestOutcome& o : all)
            parts[pick() % parts.size()].push_back(o);

        Plan plan;
        plan.load.model = LoadShape::Model::Open;
        auto merger = RunMerger::make(parts.size(), plan, into);
        {
            std::vector<std::jthread> threads;
            for (std::size_t k = 0; k < parts.size(); ++k)
                threads.emplace_back([&, k, sink = merger->shareSink(k)] {
                    runShare(parts[k], k + 1,
                             k + 1 == parts.size() ? lastShareEnds : Phase::Finished, *sink);
                });
        }
        Collected whole;
        std::uint64_t inFlight = 0;
        for (int k = 1; k <= count; ++k)
            inFlight += static_cast<std::uint64_t>(k);
        runShare(all, inFlight, Phase::Finished, whole);
        return {into->report.value(), whole.report.value()};
    }

private slots:
    void sharesMergeIntoTheWholeRunExactly_data() {
        QTest::addColumn<int>("shares");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("8") << 8;
    }
    void sharesMergeIntoTheWholeRunExactly() {
        QFETCH(int, shares);
        auto collected = std::make_shared<Collected>();
        const auto [merged, whole] = mergedAndWhole(shares, Phase::Finished, collected);
        const RunSnapshot& m = merged.final;
        const RunSnapshot& w = whole.final;
        QVERIFY(w.requests > 5'000);
        QCOMPARE(m.phase, Phase::Finished);
        QCOMPARE(m.requests, w.requests);
        QCOMPARE(m.completed, w.completed);
        QCOMPARE(m.errors, w.errors);
        QCOMPARE(m.bytes, w.bytes);
        QCOMPARE(m.statusCounts, w.statusCounts);
        QCOMPARE(m.elapsed, w.elapsed);
        for (std::size_t i = 0; i < kErrorClassCount; ++i)
            QCOMPARE(m.errorsByClass[i].count, w.errorsByClass[i].count);
        QCOMPARE(m.errorsByClass[std::size_t(ErrorClass::ConnectionRefused)].firstMessage,
                 std::string("Connection refused"));
        QVERIFY(sameHistogram(m.latency, w.latency));
        QVERIFY(sameHistogram(m.latencyUncorrected, w.latencyUncorrected));
        QCOMPARE(m.inFlight, w.inFlight);
        QCOMPARE(merged.threads, shares);
        QCOMPARE(merged.httpVersion, std::string("1.1+2"));

        // Second by second, the same rows: counts add, percentiles come from the merged
        // histograms, and the last part-second lasts as long as the longest share's.
        QCOMPARE(merged.timeSeries.size(), whole.timeSeries.size());
        for (std::size_t i = 0; i < whole.timeSeries.size(); ++i) {
            const TimeSeriesRow& a = merged.timeSeries[i];
            const TimeSeriesRow& b = whole.timeSeries[i];
            QCOMPARE(a.second, b.second);
            QCOMPARE(a.durationS, b.durationS);
            QCOMPARE(a.completed, b.completed);
            QCOMPARE(a.errors, b.errors);
            QCOMPARE(a.errorsByClass, b.errorsByClass);
            QCOMPARE(a.bytes, b.bytes);
            QCOMPARE(a.p50Ms, b.p50Ms);
            QCOMPARE(a.p90Ms, b.p90Ms);
            QCOMPARE(a.p99Ms, b.p99Ms);
            QVERIFY(std::abs(a.meanMs - b.meanMs) < 1e-9 * std::max(1.0, b.meanMs));
            QCOMPARE(a.inFlight, b.inFlight);
            QCOMPARE(a.targetRate, 10.0 * shares);
            QCOMPARE(a.steps.size(), kSteps);
            for (std::size_t k = 0; k < kSteps; ++k) {
                QCOMPARE(a.steps[k].completed, b.steps[k].completed);
                QCOMPARE(a.steps[k].errors, b.steps[k].errors);
                QCOMPARE(a.steps[k].p50Ms, b.steps[k].p50Ms);
                QCOMPARE(a.steps[k].p99Ms, b.steps[k].p99Ms);
            }
        }
        // Each step's figures and the iterations add up as the totals do.
        QCOMPARE(m.steps.size(), kSteps);
        for (std::size_t k = 0; k < kSteps; ++k) {
            QCOMPARE(m.steps[k].requests, w.steps[k].requests);
            QCOMPARE(m.steps[k].errors, w.steps[k].errors);
            QCOMPARE(m.steps[k].skipped, w.steps[k].skipped);
            QCOMPARE(m.steps[k].statusCounts, w.steps[k].statusCounts);
            QVERIFY(sameHistogram(m.steps[k].latency, w.steps[k].latency));
        }
        QVERIFY(w.steps[2].skipped > 0);
        QCOMPARE(m.iterations.completed, w.iterations.completed);
        QCOMPARE(m.iterations.failed, w.iterations.failed);
        QCOMPARE(m.iterations.firstFailure, std::string("failed"));
        QVERIFY(sameHistogram(m.iterations.duration, w.iterations.duration));
        // Every row reached the sink once, in the snapshots or at the end; the snapshots came
        // one per tick in which every share had reported, and never went backwards.
        const std::lock_guard lock(collected->mutex);
        QCOMPARE(collected->rowsSeen, whole.timeSeries.size());
        QCOMPARE(collected->snapshots, int(kEnd / kTick));
        QVERIFY(std::is_sorted(collected->requestsSeen.begin(), collected->requestsSeen.end()));
    }
    void aShareStoppedMakesTheRunStopped() {
        const auto [merged, whole] =
            mergedAndWhole(2, Phase::Stopped, std::make_shared<Collected>());
        QCOMPARE(merged.final.phase, Phase::Stopped);
        QCOMPARE(merged.final.requests, whole.final.requests);
    }
    void requestsAreRenumberedApart() {
        struct Log : RunSink {
            void onSnapshot(RunSnapshot) override {}
            void onFinished(RunReport) override {}
            bool wantsRequests() const override { return true; }
            void onRequest(const RequestRecord& r) override { seen.push_back(r); }
            std::vector<RequestRecord> seen;
        };
        auto log = std::make_shared<Log>();
        auto merger = RunMerger::make(3, Plan{}, log);
        for (std::size_t k = 0; k < 3; ++k) {
            auto sink = merger->shareSink(k);
            QVERIFY(sink->wantsRequests());
            for (std::uint64_t id = 0; id < 4; ++id) {
                RequestRecord r;
                r.id = id;
                r.lane = int(id % 2);
                sink->onRequest(r);
            }
        }
        std::vector<std::uint64_t> ids;
        for (const RequestRecord& r : log->seen)
            ids.push_back(r.id);
        std::sort(ids.begin(), ids.end());
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end()); // no id twice
        QCOMPARE(ids.back(), 11u);
        QCOMPARE(log->seen[5].lane, 1 * 3 + 1); // share 1's lane 1
    }
};

QTEST_GUILESS_MAIN(TestRunMerger)
#include "tst_runmerger.moc"
