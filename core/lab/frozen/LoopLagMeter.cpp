#include "core/lab/frozen/LoopLagMeter.h"

#include <algorithm>

namespace stampede {

void LoopLagMeter::tick(Clock::time_point now) {
    if (haveLast_) {
        const double lag = std::max(
            0.0, std::chrono::duration<double, std::milli>(now - last_ - interval_).count());
        lastLagMs_ = lag;
        maxLagMs_ = std::max(maxLagMs_, lag);
        frozenTicks_ += lag > 100.0;
        if (recent_.size() == kRecent)
            recent_.erase(recent_.begin());
        recent_.push_back({std::chrono::duration<double, std::milli>(now - began_).count(), lag});
    }
    last_ = now;
    haveLast_ = true;
    ++ticks_;
}

void LoopLagMeter::reset(Clock::time_point now) {
    *this = LoopLagMeter(interval_);
    began_ = now;
    last_ = now;
    haveLast_ = true;
}

} // namespace stampede
