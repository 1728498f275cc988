#include "core/lab/frozen/FrozenDemo.h"

#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/plan/BaseUrl.h"
#include "core/sys/ThreadName.h"

#include <QUrl>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>

namespace stampede {

using namespace std::chrono_literals;

namespace {

// Ticks before and after each way of sending: the calm the freeze stands out against.
constexpr auto kCalm = 300ms;

// Tells the loop, by a post onto it, that the engine's run is over.
class PostedFinish : public RunSink {
public:
    PostedFinish(boost::asio::io_context& loop, std::function<void(RunReport)> done)
        : loop_(loop)
        , done_(std::move(done)) {}
    void onSnapshot(RunSnapshot) override {}
    void onFinished(RunReport report) override {
        boost::asio::post(loop_, [done = done_, report = std::move(report)] { done(report); });
    }

private:
    boost::asio::io_context& loop_;
    std::function<void(RunReport)> done_;
};

void take(FrozenRun& run, const LoopLagMeter& meter, double seconds) {
    run.done = true;
    run.seconds = seconds;
    run.maxLagMs = meter.maxLagMs();
    run.ticks = meter.ticks();
    run.frozenTicks = meter.frozenTicks();
    run.lags = meter.recent();
}

} // namespace

std::string FrozenOptions::delayPath() const {
    return "/delay/" + std::to_string(delay.count());
}

std::string FrozenOptions::delayUrl() const {
    return urlOnBase(targetUrl, delayPath());
}

std::optional<std::string> FrozenOptions::problem() const {
    if (requests < 1 || requests > 100)
        return "requests must be between 1 and 100";
    if (delay < 0ms || delay > kMaxBlocking)
        return "delay must be between 0 and 5000 ms";
    if (requests * delay > kMaxBlocking)
        return "requests × delay is " + std::to_string(requests * delay.count()) +
               " ms: at most 5000 ms, so the window is never frozen for longer";
    const QUrl url(QString::fromStdString(targetUrl));
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0)
        return "target URL '" + targetUrl + "' has no host and port";
    return std::nullopt;
}

void sendOneByOne(const FrozenOptions& options, FrozenRun& run) {
    const QUrl url(QString::fromStdString(options.targetUrl));
    const HttpProbe probe(url.host().toStdString(), std::uint16_t(url.port()));
    for (int i = 0; i < options.requests; ++i) {
        ProbeRequest request{.target = options.delayPath()};
        request.timeout = options.delay + 5s;
        const ProbeResponse response = probe.send(request);
        if (response.ok() && response.status < 400) {
            ++run.answered;
        } else {
            ++run.failed;
            if (run.firstError.empty())
                run.firstError = response.ok() ? "status " + std::to_string(response.status)
                                               : response.error.message();
        }
    }
}

void countAnswers(const RunReport& report, FrozenRun& run) {
    run.answered = int(report.final.requests - report.final.errors);
    run.failed = int(report.final.errors);
    for (const ErrorSummary& e : report.final.errorsByClass)
        if (e.count > 0 && run.firstError.empty())
            run.firstError = e.firstMessage;
}

FrozenDemo::FrozenDemo(FrozenOptions options)
    : options_(std::move(options)) {}

void FrozenDemo::start() {
    thread_.start(1, [this](std::stop_token stop, int) { run(stop); });
}

FrozenProgress FrozenDemo::progress() const {
    const std::lock_guard lock(mutex_);
    return progress_;
}

void FrozenDemo::publish(FrozenProgress::Phase phase, const FrozenRun* loop,
                         const FrozenRun* engine, std::string failure) {
    const std::lock_guard lock(mutex_);
    progress_.phase = phase;
    if (loop)
        progress_.onTheLoop = *loop;
    if (engine)
        progress_.onTheEngine = *engine;
    if (!failure.empty())
        progress_.failure = std::move(failure);
}

void FrozenDemo::run(std::stop_token stop) {
    using Phase = FrozenProgress::Phase;
    using Clock = LoopLagMeter::Clock;
    setCurrentThreadName("frozen-loop");

    boost::asio::io_context loop;
    boost::asio::steady_timer timer(loop);
    LoopLagMeter meter(kTick);
    std::function<void()> arm = [&] {
        timer.expires_after(kTick);
        timer.async_wait([&](const boost::system::error_code& error) {
            if (error)
                return;
            meter.tick(Clock::now());
            arm();
        });
    };
    // Runs the loop for `calm`, then `begin`s and runs it until `done` (or a stop), then for
    // `calm` again.
    const auto runUntil = [&](const std::function<void()>& begin,
                              const std::function<bool()>& done) {
        const auto until = [&](const std::function<bool()>& finished) {
            while (!finished() && !stop.stop_requested())
                loop.run_for(20ms);
        };
        const auto calmUntil = [&] {
            const auto end = Clock::now() + kCalm;
            until([end] { return Clock::now() >= end; });
        };
        calmUntil();
        begin();
        until(done);
        calmUntil();
    };
    arm();

    // 1. On the loop's own thread: one blocking request after the other.
    publish(Phase::OnTheLoop, nullptr, nullptr);
    FrozenRun onLoop;
    bool loopDone = false;
    Clock::time_point began{};
    const auto sendOnTheLoop = [&] {
        began = Clock::now();
        sendOneByOne(options_, onLoop);
        take(onLoop, meter, std::chrono::duration<double>(Clock::now() - began).count());
        loopDone = true;
    };
    meter.reset();
    runUntil([&] { boost::asio::post(loop, sendOnTheLoop); }, [&] { return loopDone; });
    // The calm after counts: the late tick comes only once the loop is free again.
    take(onLoop, meter, onLoop.seconds);
    if (stop.stop_requested())
        return publish(Phase::Stopped, &onLoop, nullptr);

    // 2. The same requests on the engine's thread; the loop only hears when they are done.
    publish(Phase::OnTheEngine, &onLoop, nullptr);
    FrozenRun onEngine;
    std::optional<RunReport> report;
    LoadEngine engine;
    Plan plan;
    plan.load.users = 1;
    plan.requestLimit = std::uint64_t(options_.requests);
    plan.duration.reset();
    meter.reset();
    const auto sink = std::make_shared<PostedFinish>(loop, [&](RunReport r) {
        take(onEngine, meter, std::chrono::duration<double>(Clock::now() - began).count());
        report = std::move(r);
    });
    std::optional<std::string> startError;
    runUntil(
        [&] {
            began = Clock::now();
            startError = engine.start(plan, options_.delayUrl(), sink);
        },
        [&] { return startError || report.has_value(); });
    if (startError)
        return publish(Phase::Failed, &onLoop, nullptr, *startError);
    if (!report) {
        engine.requestStop();
        engine.wait(5s);
        return publish(Phase::Stopped, &onLoop, &onEngine);
    }
    countAnswers(*report, onEngine);
    take(onEngine, meter, onEngine.seconds);
    publish(stop.stop_requested() ? Phase::Stopped : Phase::Done, &onLoop, &onEngine);
}

} // namespace stampede
