#pragma once

#include "core/engine/RequestRecord.h"

#include <cstddef>
#include <vector>

namespace stampede {

// The newest requests since the last snapshot, at most `capacity` of them: a ring, so a fast
// run sends a bounded but unbroken stretch to the request timeline (every request that
// finished after the first one kept).
class TimelineRing {
public:
    explicit TimelineRing(std::size_t capacity);

    void push(const RequestRecord& record);
    // What it holds, oldest first; it starts empty again.
    std::vector<RequestRecord> take();

private:
    std::size_t capacity_;
    std::vector<RequestRecord> records_;
    std::size_t next_ = 0; // where the ring writes next once full
};

} // namespace stampede
