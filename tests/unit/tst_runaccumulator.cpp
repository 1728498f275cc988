#include "core/engine/RunAccumulator.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

using Clock = RunAccumulator::Clock;
using Gauges = RunAccumulator::Gauges;
using Phase = RunSnapshot::Phase;

// A fixed, arbitrary start: nothing may depend on the clock's epoch.
const Clock::time_point kStart = Clock::time_point{} + 12345678us;

Clock::time_point at(std::chrono::microseconds sinceStart) {
    return kStart + sinceStart;
}

// A request sent when intended that got `status` after `latency`, done at `done`.
RequestOutcome response(std::chrono::microseconds done, std::chrono::microseconds latency,
                        int status = 200, std::uint64_t bytes = 100) {
    RequestOutcome o;
    o.done = at(done);
    o.started = o.done - latency;
    o.intended = o.started;
    o.firstByte = o.done;
    o.status = status;
    if (status >= 500)
        o.error = ErrorClass::Http5xx;
    else if (status >= 400)
        o.error = ErrorClass::Http4xx;
    o.bytes = bytes;
    return o;
}

RequestOutcome failure(std::chrono::microseconds done, std::chrono::microseconds took,
                       ErrorClass errorClass, const char* message) {
    RequestOutcome o;
    o.done = at(done);
    o.started = o.done - took;
    o.intended = o.started;
    o.error = errorClass;
    o.errorMessage = message;
    return o;
}

std::size_t idx(ErrorClass c) {
    return static_cast<std::size_t>(c);
}

std::vector<int> secondsOf(const std::vector<TimeSeriesRow>& rows) {
    std::vector<int> out;
    for (const auto& row : rows)
        out.push_back(row.second);
    return out;
}

} // namespace

class TestRunAccumulator : public QObject {
    Q_OBJECT
private slots:
    void countsRequestsStatusesErrorsAndBytes() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(100ms, 10ms, 200, 100), g);
        acc.record(response(150ms, 10ms, 200, 50), g);
        acc.record(response(200ms, 10ms, 404, 10), g);
        acc.record(response(250ms, 10ms, 503, 7), g);
        acc.record(response(260ms, 10ms, 503, 0), g);
        // libcurl's message lives only during the call: the accumulator must copy it.
        char message[64];
        std::strcpy(message, "Failed to connect to 127.0.0.1 port 9: refused");
        acc.record(failure(300ms, 1ms, ErrorClass::ConnectionRefused, message), g);
        std::strcpy(message, "overwritten after the call");
        acc.record(failure(400ms, 1ms, ErrorClass::ConnectionRefused, "a later refusal"), g);
        acc.record(failure(500ms, 2s, ErrorClass::Timeout, "Operation timed out"), g);

        QCOMPARE(acc.requests(), std::uint64_t{8});
        const RunSnapshot s = acc.snapshot(Phase::Running, at(600ms), g);
        QCOMPARE(s.requests, std::uint64_t{8});
        QCOMPARE(s.completed, std::uint64_t{5}); // only those with a status
        QCOMPARE(s.errors, std::uint64_t{6});    // 404, 2 x 503, 2 refused, 1 timeout
        QCOMPARE(s.bytes, std::uint64_t{167});
        const std::map<int, std::uint64_t> statuses{{200, 2}, {404, 1}, {503, 2}};
        QCOMPARE(s.statusCounts, statuses);

        const auto& refused = s.errorsByClass[idx(ErrorClass::ConnectionRefused)];
        QCOMPARE(refused.count, std::uint64_t{2});
        QCOMPARE(refused.firstMessage,
                 std::string("Failed to connect to 127.0.0.1 port 9: refused"));
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Timeout)].count, std::uint64_t{1});
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Timeout)].firstMessage,
                 std::string("Operation timed out"));
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Http4xx)].count, std::uint64_t{1});
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Http5xx)].count, std::uint64_t{2});
        std::uint64_t total = 0;
        for (const auto& e : s.errorsByClass)
            total += e.count;
        QCOMPARE(total, s.errors);
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Dns)].count, std::uint64_t{0});
        QVERIFY(s.errorsByClass[idx(ErrorClass::Dns)].firstMessage.empty());
    }
    void firstMessageSurvivesLaterSnapshots() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(failure(100ms, 1ms, ErrorClass::Dns, "first"), g);
        (void)acc.snapshot(Phase::Running, at(200ms), g);
        acc.record(failure(300ms, 1ms, ErrorClass::Dns, "second"), g);
        const RunSnapshot s = acc.snapshot(Phase::Running, at(400ms), g);
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Dns)].count, std::uint64_t{2});
        QCOMPARE(s.errorsByClass[idx(ErrorClass::Dns)].firstMessage, std::string("first"));
    }
    void latencyOnlyForResponses() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(100ms, 12ms), g);
        acc.record(response(200ms, 30ms, 500), g); // a 5xx is a response: it has a latency
        // 5 s to a refusal or a timeout says nothing about how fast the server answers.
        acc.record(failure(5s, 5s, ErrorClass::Timeout, "timeout"), g);
        acc.record(failure(5s, 4s, ErrorClass::ConnectionRefused, "refused"), g);
        const RunSnapshot s = acc.snapshot(Phase::Finished, at(5s), g);
        QCOMPARE(s.latency.count(), std::uint64_t{2});
        QCOMPARE(s.latency.min(), std::uint64_t{12000});
        QCOMPARE(s.latency.max(), std::uint64_t{30000});
        QCOMPARE(s.requests, std::uint64_t{4});
    }
    void openModelRecordsCorrectedAndUncorrected() {
        RunAccumulator acc(kStart, LoadShape::Model::Open);
        const Gauges g;
        // Due at 0, sent 300 ms late because the client was saturated, answered in 50 ms.
        RequestOutcome late = response(350ms, 50ms);
        late.intended = at(0ms);
        acc.record(late, g);
        // Sent on time, answered in 20 ms.
        RequestOutcome onTime = response(520ms, 20ms);
        QCOMPARE(onTime.intended, onTime.started);
        acc.record(onTime, g);

        const RunSnapshot s = acc.snapshot(Phase::Running, at(600ms), g);
        QCOMPARE(s.model, LoadShape::Model::Open);
        QCOMPARE(s.latency.count(), std::uint64_t{2});
        QCOMPARE(s.latencyUncorrected.count(), std::uint64_t{2});
        // Corrected: from the intended time, so the 300 ms of waiting counts.
        QCOMPARE(s.latency.max(), std::uint64_t{350000});
        QCOMPARE(s.latency.min(), std::uint64_t{20000});
        // Uncorrected: from the actual send only.
        QCOMPARE(s.latencyUncorrected.max(), std::uint64_t{50000});
        QCOMPARE(s.latencyUncorrected.min(), std::uint64_t{20000});
        QCOMPARE(s.latency.mean(), 185000.0);
        QCOMPARE(s.latencyUncorrected.mean(), 35000.0);
    }
    void closedModelLeavesUncorrectedEmpty() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        for (int i = 0; i < 50; ++i)
            acc.record(response(std::chrono::milliseconds(10 * i), std::chrono::milliseconds(i)),
                       g);
        const RunSnapshot s = acc.snapshot(Phase::Finished, at(1s), g);
        QCOMPARE(s.model, LoadShape::Model::Closed);
        QCOMPARE(s.latency.count(), std::uint64_t{50});
        QCOMPARE(s.latency.max(), std::uint64_t{49000});
        QCOMPARE(s.latencyUncorrected.count(), std::uint64_t{0});
    }
    void rowsPerSecondIncludingEmptyOnes() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(200ms, 10ms), g);
        acc.record(response(700ms, 10ms), g);
        QVERIFY(acc.rows().empty());
        acc.record(response(2500ms, 10ms), g);
        // The request at 2.5 s closes second 1 and the empty second 2.
        QCOMPARE(secondsOf(acc.rows()), (std::vector<int>{1, 2}));
        QCOMPARE(acc.rows()[0].completed, std::uint64_t{2});
        QCOMPARE(acc.rows()[1].completed, std::uint64_t{0});

        RunSnapshot s = acc.snapshot(Phase::Running, at(2900ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1, 2}));
        // Second 3 is not over: a running snapshot must not show it half-counted.
        s = acc.snapshot(Phase::Running, at(2999ms), g);
        QVERIFY(s.newRows.empty());
        s = acc.snapshot(Phase::Running, at(3000ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{3}));
        QCOMPARE(s.newRows[0].completed, std::uint64_t{1});
        QCOMPARE(secondsOf(acc.rows()), (std::vector<int>{1, 2, 3}));
    }
    void runningSnapshotShowsOnlyPassedSeconds() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(200ms, 10ms), g);
        acc.record(response(700ms, 10ms), g);
        QVERIFY(acc.snapshot(Phase::Running, at(900ms), g).newRows.empty());
        QVERIFY(acc.snapshot(Phase::Running, at(999ms), g).newRows.empty());
        RunSnapshot s = acc.snapshot(Phase::Running, at(1000ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1}));
        QCOMPARE(s.newRows[0].completed, std::uint64_t{2});
        // advance() closes seconds too, even with no request in them.
        acc.advance(at(3200ms), g);
        QCOMPARE(secondsOf(acc.rows()), (std::vector<int>{1, 2, 3}));
        s = acc.snapshot(Phase::Running, at(3300ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{2, 3}));
    }
    void finishedSnapshotClosesThePartialLastSecond() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(200ms, 10ms), g);
        acc.record(response(700ms, 10ms), g);
        acc.record(response(2500ms, 10ms), g);
        RunSnapshot s = acc.snapshot(Phase::Finished, at(2600ms), g);
        QVERIFY(s.finished());
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1, 2, 3}));
        QCOMPARE(s.newRows[2].completed, std::uint64_t{1});
        QCOMPARE(s.elapsed, 2600ms);
        // Asking again adds nothing: the last second is not closed twice.
        s = acc.snapshot(Phase::Finished, at(2600ms), g);
        QVERIFY(s.newRows.empty());
        QCOMPARE(acc.rows().size(), std::size_t{3});
    }
    void finalSnapshotOnASecondBoundaryAddsNoEmptyRow() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(200ms, 10ms), g);
        RunSnapshot s = acc.snapshot(Phase::Stopped, at(2s), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1, 2}));
    }
    void finalSnapshotClosesAnEmptyPartialSecond() {
        // The run lasted 2.4 s: its third second happened, even if nothing finished in it.
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(200ms, 10ms), g);
        RunSnapshot s = acc.snapshot(Phase::Failed, at(2400ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1, 2, 3}));
        QCOMPARE(s.newRows[2].completed, std::uint64_t{0});
    }
    void newRowsAcrossSnapshotsAddUpToRows() {
        RunAccumulator acc(kStart, LoadShape::Model::Open);
        std::mt19937_64 rng(2024);
        std::exponential_distribution<double> gap(500.0); // ~500 requests a second
        std::uniform_int_distribution<int> latencyMs(1, 300);
        std::vector<TimeSeriesRow> delivered;
        std::uint64_t recorded = 0;
        double t = 0;
        double nextSnapshot = 0.1;
        const Gauges g{3, 0, 0, 500};
        while (t < 20.0) {
            t += gap(rng);
            while (nextSnapshot <= t) {
                const auto now = at(std::chrono::microseconds(std::llround(nextSnapshot * 1e6)));
                auto s = acc.snapshot(Phase::Running, now, g);
                delivered.insert(delivered.end(), s.newRows.begin(), s.newRows.end());
                nextSnapshot += 0.1;
            }
            acc.record(response(std::chrono::microseconds(std::llround(t * 1e6)),
                                std::chrono::milliseconds(latencyMs(rng))),
                       g);
            ++recorded;
        }
        auto s =
            acc.snapshot(Phase::Finished, at(std::chrono::microseconds(std::llround(t * 1e6))), g);
        delivered.insert(delivered.end(), s.newRows.begin(), s.newRows.end());

        const auto& rows = acc.rows();
        QCOMPARE(delivered.size(), rows.size());
        QCOMPARE(rows.size(), std::size_t{21}); // 20 whole seconds and the partial 21st
        std::uint64_t completed = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(delivered[i].second, int(i) + 1); // each second once, in order
            QCOMPARE(rows[i].second, int(i) + 1);
            QCOMPARE(delivered[i].completed, rows[i].completed);
            completed += rows[i].completed;
        }
        QCOMPARE(completed, recorded);
        QCOMPARE(s.requests, recorded);
        // A full second at ~500/s: a gross misattribution would show here.
        QVERIFY2(rows[9].completed > 400 && rows[9].completed < 600,
                 qPrintable(QString::number(rows[9].completed)));
    }
    void rowsCarryErrorsBytesAndLatency() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        for (int i = 0; i < 99; ++i)
            acc.record(response(std::chrono::milliseconds(i), 10ms, 200, 1000), g);
        acc.record(response(500ms, 200ms, 200, 1000), g);
        acc.record(response(600ms, 10ms, 503, 20), g);
        acc.record(failure(700ms, 1ms, ErrorClass::ConnectionReset, "reset"), g);
        // Second 2: a different, faster population that must not mix with second 1.
        acc.record(response(1500ms, 2ms, 200, 5), g);
        const RunSnapshot s = acc.snapshot(Phase::Finished, at(1600ms), g);
        QCOMPARE(s.newRows.size(), std::size_t{2});
        const TimeSeriesRow& r1 = s.newRows[0];
        QCOMPARE(r1.completed, std::uint64_t{102}); // any outcome, the reset one too
        QCOMPARE(r1.errors, std::uint64_t{2});
        QCOMPARE(r1.errorsByClass[idx(ErrorClass::Http5xx)], std::uint64_t{1});
        QCOMPARE(r1.errorsByClass[idx(ErrorClass::ConnectionReset)], std::uint64_t{1});
        QCOMPARE(r1.bytes, std::uint64_t{100020});
        // 100 of 101 latencies are 10 ms; p99 is the 100th, p50 the 51st.
        QVERIFY2(std::abs(r1.p50Ms - 10.0) <= 0.1, qPrintable(QString::number(r1.p50Ms)));
        QVERIFY2(std::abs(r1.p99Ms - 10.0) <= 0.1, qPrintable(QString::number(r1.p99Ms)));
        // The one slow request moves the mean (Little's law's W), not the median.
        QVERIFY2(std::abs(r1.meanMs - 1200.0 / 101) <= 0.12,
                 qPrintable(QString::number(r1.meanMs)));
        const TimeSeriesRow& r2 = s.newRows[1];
        QCOMPARE(r2.completed, std::uint64_t{1});
        QCOMPARE(r2.errors, std::uint64_t{0});
        QCOMPARE(r2.bytes, std::uint64_t{5});
        QCOMPARE(r2.p50Ms, 2.0);
        QCOMPARE(r2.p99Ms, 2.0);
        QVERIFY2(std::abs(r2.meanMs - 2.0) <= 0.02, qPrintable(QString::number(r2.meanMs)));
    }
    void aFlowCountsEachStepAndEachIteration() {
        RunAccumulator acc(kStart, LoadShape::Model::Closed, 2);
        const Gauges g;
        // Ten iterations: step 1 answers in 5 ms, step 2 in 20 ms; the last one fails at step 1.
        for (int i = 0; i < 9; ++i) {
            acc.record(response(std::chrono::milliseconds(10 * i + 5), 5ms, 201), g, 0);
            acc.record(response(std::chrono::milliseconds(10 * i + 25), 20ms, 200), g, 1);
            acc.recordIteration(25ms);
        }
        acc.record(response(1200ms, 5ms, 500), g, 0);
        acc.recordIteration(5ms, 0, "step 1 (create): http_5xx: HTTP status");
        const RunSnapshot s = acc.snapshot(Phase::Finished, at(1500ms), g);
        QCOMPARE(s.requests, std::uint64_t{19});
        QCOMPARE(s.steps.size(), std::size_t{2});
        QCOMPARE(s.steps[0].requests, std::uint64_t{10});
        QCOMPARE(s.steps[0].errors, std::uint64_t{1});
        QCOMPARE(s.steps[0].statusCounts, (std::map<int, std::uint64_t>{{201, 9}, {500, 1}}));
        QCOMPARE(s.steps[0].errorsByClass[idx(ErrorClass::Http5xx)].count, std::uint64_t{1});
        QCOMPARE(s.steps[1].requests, std::uint64_t{9});
        QCOMPARE(s.steps[1].skipped, std::uint64_t{1});
        QCOMPARE(s.steps[1].latency.quantile(0.5), std::uint64_t{20000});
        QCOMPARE(s.iterations.completed, std::uint64_t{9});
        QCOMPARE(s.iterations.failed, std::uint64_t{1});
        QCOMPARE(s.iterations.firstFailure, std::string("step 1 (create): http_5xx: HTTP status"));
        QCOMPARE(s.iterations.duration.count(), std::uint64_t{10});
        // Each second's row says what each step did in it.
        QCOMPARE(s.newRows.size(), std::size_t{2});
        QCOMPARE(s.newRows[0].steps.size(), std::size_t{2});
        QCOMPARE(s.newRows[0].steps[0].completed, std::uint64_t{9});
        QCOMPARE(s.newRows[0].steps[1].completed, std::uint64_t{9});
        QCOMPARE(s.newRows[0].steps[1].p50Ms, 20.0);
        QCOMPARE(s.newRows[1].steps[0].errors, std::uint64_t{1});
        QCOMPARE(s.newRows[1].steps[1].completed, std::uint64_t{0});
        QCOMPARE(s.newRowStepLatency.size(), std::size_t{2});
        // A one-step plan's row is its step: no copy.
        RunAccumulator single(kStart, LoadShape::Model::Closed);
        single.record(response(5ms, 5ms), g);
        QVERIFY(single.snapshot(Phase::Finished, at(900ms), g).newRows.front().steps.empty());
    }

    void gaugesAreStampedIntoRowsAndSnapshots() {
        RunAccumulator acc(kStart, LoadShape::Model::Open);
        const Gauges early{1, 0, 0, 10};
        acc.record(response(500ms, 10ms), early);
        // The gauges in force when a second closes are the ones it reports "at its end".
        const Gauges endOfFirst{7, 3, 12.5, 250};
        acc.advance(at(1000ms), endOfFirst);
        const Gauges endOfSecond{2, 0, 4, 100};
        acc.advance(at(2100ms), endOfSecond);
        const Gauges now{9, 11, 6, 300};
        const RunSnapshot s = acc.snapshot(Phase::Running, at(2200ms), now);
        QCOMPARE(s.newRows.size(), std::size_t{2});
        QCOMPARE(s.newRows[0].inFlight, std::uint64_t{7});
        QCOMPARE(s.newRows[0].backlog, std::uint64_t{3});
        QCOMPARE(s.newRows[0].activeUsers, 12.5);
        QCOMPARE(s.newRows[0].targetRate, 250.0);
        QCOMPARE(s.newRows[1].inFlight, std::uint64_t{2});
        QCOMPARE(s.newRows[1].backlog, std::uint64_t{0});
        QCOMPARE(s.newRows[1].activeUsers, 4.0);
        QCOMPARE(s.newRows[1].targetRate, 100.0);
        QCOMPARE(s.inFlight, std::uint64_t{9});
        QCOMPARE(s.backlog, std::uint64_t{11});
        QCOMPARE(s.activeUsers, 6.0);
        QCOMPARE(s.targetRate, 300.0);
        QCOMPARE(s.elapsed, 2200ms);
        QCOMPARE(s.phase, Phase::Running);
    }
    void backlogMaxFollowsNoteBacklog() {
        RunAccumulator acc(kStart, LoadShape::Model::Open);
        const Gauges g{0, 2, 0, 100};
        QCOMPARE(acc.snapshot(Phase::Running, at(10ms), g).backlogMax, std::uint64_t{0});
        acc.noteBacklog(5);
        acc.noteBacklog(12);
        acc.noteBacklog(3);
        RunSnapshot s = acc.snapshot(Phase::Running, at(20ms), g);
        QCOMPARE(s.backlogMax, std::uint64_t{12});
        QCOMPARE(s.backlog, std::uint64_t{2}); // the current value is the gauge's
        acc.noteBacklog(0);
        QCOMPARE(acc.snapshot(Phase::Running, at(30ms), g).backlogMax, std::uint64_t{12});
        acc.noteBacklog(40);
        QCOMPARE(acc.snapshot(Phase::Finished, at(40ms), g).backlogMax, std::uint64_t{40});
    }
    void outcomeBeforeStartCountsInFirstSecond() {
        // steady_clock stamps taken just before the start must not make a row 0 or -1.
        RunAccumulator acc(kStart, LoadShape::Model::Closed);
        const Gauges g;
        acc.record(response(-5ms, 1ms), g);
        const RunSnapshot s = acc.snapshot(Phase::Finished, at(500ms), g);
        QCOMPARE(secondsOf(s.newRows), (std::vector<int>{1}));
        QCOMPARE(s.newRows[0].completed, std::uint64_t{1});
    }
};

QTEST_APPLESS_MAIN(TestRunAccumulator)
#include "tst_runaccumulator.moc"
