#include "core/lab/async/AsyncDemo.h"

#include "core/server/LatencySpec.h"
#include "core/sys/ThreadName.h"

#include <QDir>
#include <QTemporaryFile>

#include <algorithm>
#include <cmath>
#include <random>

namespace stampede {

using namespace std::chrono_literals;

std::optional<std::string> AsyncOptions::latencyProblem() const {
    const auto parsed = LatencySpec::parse(latency);
    if (parsed.ok())
        return std::nullopt;
    return parsed.error();
}

std::vector<int> AsyncOptions::plannedDelays() const {
    const auto parsed = LatencySpec::parse(latency);
    if (!parsed.ok())
        return {};
    std::mt19937_64 random(seed);
    std::vector<int> delays;
    for (int i = 0; i < requests; ++i) {
        const auto sample = parsed.spec().sample(random);
        delays.push_back(static_cast<int>(std::lround(double(sample.count()) / 1000.0)));
    }
    return delays;
}

AsyncDemo::AsyncDemo(AsyncOptions options)
    : options_(std::move(options))
    , planned_(options_.plannedDelays()) {
    for (const AsyncMode mode : options_.modes) {
        Round round;
        round.mode = mode;
        rounds_.push_back(std::move(round));
    }
}

void AsyncDemo::start() {
    if (runner_.started())
        return;
    setPhase(AsyncProgress::Phase::Running);
    runner_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

AsyncProgress AsyncDemo::progress() const {
    AsyncProgress progress;
    progress.requests = options_.requests;
    const auto now = Clock::now();
    const std::lock_guard lock(mutex_);
    progress.phase = phase_;
    progress.failure = failure_;
    for (const Round& round : rounds_) {
        AsyncRound out;
        out.mode = round.mode;
        out.started = round.started;
        out.ended = round.ended;
        out.stoppedByUser = round.stoppedByUser;
        out.timeoutMs = double(options_.timeout.count());
        out.plannedMs = planned_;
        out.cancelledAtMs = round.cancelledAtMs;
        out.completions = round.sink->completions();
        out.nowMs = round.ended ? out.endMs()
                    : round.started
                        ? std::chrono::duration<double, std::milli>(now - round.startedAt).count()
                        : 0;
        progress.rounds.push_back(std::move(out));
    }
    return progress;
}

void AsyncDemo::run(std::stop_token stop) {
    setCurrentThreadName("async-demo");
    if (const auto problem = options_.latencyProblem())
        return setPhase(AsyncProgress::Phase::Failed, "bad latency: " + *problem);
    for (Round& round : rounds_) {
        if (stop.stop_requested())
            break;
        if (!runRound(stop, round))
            return;
    }
    setPhase(stop.stop_requested() ? AsyncProgress::Phase::Stopped : AsyncProgress::Phase::Done);
}

bool AsyncDemo::runRound(std::stop_token stop, Round& round) {
    // Request i asks for its own delay: each virtual user takes the data file's next row, in
    // the order the closed loop starts them, so request i is row i whatever the timing.
    QTemporaryFile delays(QDir::temp().filePath(QStringLiteral("stampede-async-XXXXXX.csv")));
    QByteArray rows = "delay_ms\n";
    for (const int ms : planned_)
        rows += QByteArray::number(ms) + '\n';
    if (!delays.open() || delays.write(rows) != rows.size() || !delays.flush()) {
        setPhase(AsyncProgress::Phase::Failed, "could not write the delays to a temporary file: " +
                                                   delays.errorString().toStdString());
        return false;
    }
    Plan plan;
    plan.steps.front().url = "/delay/{{delay_ms}}";
    plan.data.file = delays.fileName().toStdString();
    plan.load.model = LoadShape::Model::Closed;
    plan.load.users = options_.requests;
    plan.requestLimit = static_cast<std::uint64_t>(options_.requests);
    plan.duration.reset(); // the request count ends the run, or the demo's cancel does
    const int longest = planned_.empty() ? 0 : *std::max_element(planned_.begin(), planned_.end());
    plan.timeout = std::max<std::chrono::milliseconds>(plan.timeout, 1ms * longest + 10s);
    {
        const std::lock_guard lock(mutex_);
        round.started = true;
        round.startedAt = Clock::now();
    }
    if (const auto error = engine_.start(plan, options_.targetUrl, round.sink)) {
        setPhase(AsyncProgress::Phase::Failed, *error);
        return false;
    }
    // The engine's clock starts inside start(): a deadline from here is never early.
    const auto sent = Clock::now();
    bool cancelled = false; // by the demo itself, as the mode says
    if (round.mode == AsyncMode::FirstCompleted) {
        if (round.sink->waitForCompletions(1, stop)) {
            engine_.requestStop();
            cancelled = true;
        }
    } else if (round.mode == AsyncMode::Timeout) {
        const auto deadline = sent + options_.timeout;
        while (!stop.stop_requested() && Clock::now() < deadline &&
               !engine_.wait(std::min<std::chrono::milliseconds>(
                   50ms, std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()))))
            ;
        if (!stop.stop_requested() && engine_.running()) {
            engine_.requestStop();
            cancelled = true;
        }
    }
    while (!engine_.wait(50ms))
        if (stop.stop_requested())
            engine_.requestStop();

    const auto final = round.sink->final();
    if (final && final->phase == RunSnapshot::Phase::Failed) {
        setPhase(AsyncProgress::Phase::Failed, final->failure);
        return false;
    }
    const std::lock_guard lock(mutex_);
    round.ended = true;
    if (final && final->phase == RunSnapshot::Phase::Stopped) {
        // The engine names its stop in whole milliseconds; every answer it recorded came
        // before the stop on the same thread, so the cancel is no earlier than the last one.
        double at = double(final->elapsed.count());
        for (const RequestRecord& r : round.sink->completions())
            at = std::max(at, r.doneMs);
        round.cancelledAtMs = at;
        round.stoppedByUser = !cancelled;
    }
    return true;
}

void AsyncDemo::setPhase(AsyncProgress::Phase phase, std::string failure) {
    const std::lock_guard lock(mutex_);
    phase_ = phase;
    failure_ = std::move(failure);
}

} // namespace stampede
