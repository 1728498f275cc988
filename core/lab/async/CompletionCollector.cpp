#include "core/lab/async/CompletionCollector.h"

namespace stampede {

void CompletionCollector::onRequest(const RequestRecord& record) {
    {
        const std::lock_guard lock(mutex_);
        completions_.push_back(record);
    }
    changed_.notify_all();
}

void CompletionCollector::onFinished(RunReport report) {
    {
        const std::lock_guard lock(mutex_);
        report.final.timelineSample.clear(); // every request came through onRequest already
        final_ = std::move(report.final);
    }
    changed_.notify_all();
}

bool CompletionCollector::waitForCompletions(std::size_t count, std::stop_token stop) const {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, stop, [&] { return completions_.size() >= count || final_.has_value(); });
    return completions_.size() >= count;
}

std::vector<RequestRecord> CompletionCollector::completions() const {
    const std::lock_guard lock(mutex_);
    return completions_;
}

std::optional<RunSnapshot> CompletionCollector::final() const {
    const std::lock_guard lock(mutex_);
    return final_;
}

} // namespace stampede
