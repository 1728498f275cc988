#include "core/engine/TimelineRing.h"

#include <algorithm>

namespace stampede {

TimelineRing::TimelineRing(std::size_t capacity)
    : capacity_(std::max<std::size_t>(capacity, 1)) {
    records_.reserve(capacity_);
}

void TimelineRing::push(const RequestRecord& record) {
    if (records_.size() < capacity_)
        records_.push_back(record);
    else
        records_[next_] = record;
    next_ = (next_ + 1) % capacity_;
}

std::vector<RequestRecord> TimelineRing::take() {
    if (records_.size() == capacity_)
        std::rotate(records_.begin(), records_.begin() + static_cast<std::ptrdiff_t>(next_),
                    records_.end());
    std::vector<RequestRecord> taken = std::move(records_);
    records_.clear();
    records_.reserve(capacity_);
    next_ = 0;
    return taken;
}

} // namespace stampede
