#include "core/lab/async/AsyncProgress.h"

#include <algorithm>

namespace stampede {

std::vector<int> AsyncRound::taken() const {
    std::vector<int> result;
    switch (mode) {
    case AsyncMode::Gather:
        // gather hands over nothing until the last one is in, then all in the order sent.
        if (ended && !stoppedByUser && int(completions.size()) == requestCount())
            for (int i = 0; i < requestCount(); ++i)
                result.push_back(i);
        break;
    case AsyncMode::AsCompleted:
        for (const RequestRecord& r : completions)
            result.push_back(r.lane);
        break;
    case AsyncMode::FirstCompleted:
        if (!completions.empty())
            result.push_back(completions.front().lane);
        break;
    case AsyncMode::Timeout:
        for (const RequestRecord& r : completions)
            if (r.doneMs <= timeoutMs)
                result.push_back(r.lane);
        break;
    }
    return result;
}

std::vector<AsyncRequest> AsyncRound::requests() const {
    std::vector<AsyncRequest> result(plannedMs.size());
    for (std::size_t i = 0; i < result.size(); ++i) {
        result[i].index = static_cast<int>(i);
        result[i].plannedMs = plannedMs[i];
        // The closed loop sends all N at the round's start; a request the engine abandoned
        // reports no time of its own, so it is drawn from there.
        result[i].startedMs = 0;
        if (cancelledAtMs) {
            result[i].state = AsyncRequest::State::Cancelled;
            result[i].endMs = *cancelledAtMs;
        }
    }
    for (const RequestRecord& r : completions) {
        if (r.lane < 0 || r.lane >= requestCount())
            continue;
        AsyncRequest& request = result[static_cast<std::size_t>(r.lane)];
        request.state = AsyncRequest::State::Done;
        request.startedMs = r.startedMs;
        request.endMs = r.doneMs;
        request.status = r.status;
        request.failed = r.error.has_value() || r.status >= 400;
    }
    for (const int index : taken())
        result[static_cast<std::size_t>(index)].state = AsyncRequest::State::Taken;
    return result;
}

int AsyncRound::cancelled() const {
    return cancelledAtMs ? requestCount() - static_cast<int>(completions.size()) : 0;
}

int AsyncRound::errors() const {
    return static_cast<int>(std::count_if(completions.begin(), completions.end(), [](auto& r) {
        return r.error.has_value() || r.status >= 400;
    }));
}

double AsyncRound::endMs() const {
    double end = cancelledAtMs.value_or(0);
    for (const RequestRecord& r : completions)
        end = std::max(end, r.doneMs);
    return end;
}

} // namespace stampede
