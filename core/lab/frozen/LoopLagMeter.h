#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace stampede {

// One tick: when it ran, in milliseconds since the stretch began, and how late.
struct LagSample {
    double atMs = 0;
    double lagMs = 0;
};

// How late an event loop runs a timer it was asked to run every `interval`: each tick's lag
// is the time since the previous tick minus the interval. A loop blocked for a second shows
// one tick about a second late, which is the freeze a person sees. Fed on the loop's own
// thread; figures are kept per stretch (reset between runs) with the recent lags for a chart.
class LoopLagMeter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kRecent = 1000; // 10 s of 10 ms ticks: a whole stretch of the demo

    explicit LoopLagMeter(std::chrono::milliseconds interval)
        : interval_(interval) {}

    void tick(Clock::time_point now);
    // Starts a new stretch at `now`: the next tick is late against it.
    void reset(Clock::time_point now = Clock::now());

    std::chrono::milliseconds interval() const { return interval_; }
    std::size_t ticks() const { return ticks_; }
    double maxLagMs() const { return maxLagMs_; }
    double lastLagMs() const { return lastLagMs_; }
    // Ticks whose lag is over 100 ms: the ones a person notices as a frozen window.
    std::size_t frozenTicks() const { return frozenTicks_; }
    const std::vector<LagSample>& recent() const { return recent_; }

private:
    std::chrono::milliseconds interval_;
    Clock::time_point began_ = Clock::now();
    Clock::time_point last_{};
    bool haveLast_ = false;
    std::size_t ticks_ = 0;
    double maxLagMs_ = 0;
    double lastLagMs_ = 0;
    std::size_t frozenTicks_ = 0;
    std::vector<LagSample> recent_;
};

} // namespace stampede
