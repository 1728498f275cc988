#include "core/engine/CurrentRate.h"

#include "core/engine/RunSnapshot.h"

namespace stampede {

double CurrentRate::next(const RunSnapshot& snapshot) {
    if (snapshot.elapsed <= lastElapsed_)
        return rate_;
    const double interval = std::chrono::duration<double>(snapshot.elapsed - lastElapsed_).count();
    rate_ = double(snapshot.requests - lastRequests_) / interval;
    lastRequests_ = snapshot.requests;
    lastElapsed_ = snapshot.elapsed;
    return rate_;
}

} // namespace stampede
