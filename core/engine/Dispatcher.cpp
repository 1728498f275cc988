#include "core/engine/Dispatcher.h"

#include <algorithm>

namespace stampede {

int Dispatcher::openSlot() {
    const int slot = walker_.openSlot();
    slots_.resize(std::max(slots_.size(), static_cast<std::size_t>(slot) + 1));
    return slot;
}

void Dispatcher::send(int index, Clock::time_point intended) {
    Slot& slot = slots_[static_cast<std::size_t>(index)];
    ++issued_;
    ++inFlight_;
    slot.busy = true;
    slot.id = nextId_++;
    slot.started = Clock::now();
    slot.intended = std::min(intended, slot.started);
    walker_.start(index);
}

const Dispatcher::Slot& Dispatcher::complete(int index) {
    Slot& slot = slots_[static_cast<std::size_t>(index)];
    slot.busy = false;
    --inFlight_;
    return slot;
}

void Dispatcher::abandonAll() {
    walker_.abandonAll();
    for (Slot& slot : slots_)
        slot.busy = false;
    inFlight_ = 0;
}

} // namespace stampede
