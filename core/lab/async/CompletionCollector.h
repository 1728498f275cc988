#pragma once

#include "core/engine/RunSink.h"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace stampede {

// A RunSink that keeps every finished request in the order the engine finished them (one call
// per request on engine-io, not the 100 ms snapshots), so a waiter learns of the first
// completion at once. The hand-off is a std::mutex and a condition variable: plain C++ that
// ThreadSanitizer sees, never a Qt queue.
class CompletionCollector : public RunSink {
public:
    bool wantsRequests() const override { return true; }
    void onRequest(const RequestRecord& record) override;
    void onSnapshot(RunSnapshot) override {}
    void onFinished(RunReport report) override;

    // Blocks until `count` requests have finished, the run has ended, or a stop is asked;
    // true when the count was reached.
    bool waitForCompletions(std::size_t count, std::stop_token stop) const;

    std::vector<RequestRecord> completions() const;
    // The final snapshot, once the run has ended (without its timeline sample).
    std::optional<RunSnapshot> final() const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable_any changed_;
    std::vector<RequestRecord> completions_;
    std::optional<RunSnapshot> final_;
};

} // namespace stampede
