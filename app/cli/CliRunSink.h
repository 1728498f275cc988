#pragma once

#include "core/engine/RunSink.h"
#include "core/report/RequestLog.h"

#include <mutex>
#include <optional>

namespace stampede {

// Receives a run's results on engine-io for the terminal: keeps the latest snapshot for the
// progress line, the final report, and streams requests.csv when asked to. The main thread
// reads what it keeps under the mutex; the request log is only touched by engine-io until
// the run has ended.
class CliRunSink : public RunSink {
public:
    explicit CliRunSink(RequestLog* requestLog)
        : requestLog_(requestLog) {}

    void onSnapshot(RunSnapshot snapshot) override;
    void onFinished(RunReport report) override;
    bool wantsRequests() const override { return requestLog_ != nullptr; }
    void onRequest(const RequestRecord& record) override { requestLog_->append(record); }

    // The latest snapshot's progress, and how many requests it counted.
    std::optional<RunSnapshot> latest() const;
    std::optional<RunReport> report() const;

private:
    RequestLog* requestLog_;
    mutable std::mutex mutex_;
    std::optional<RunSnapshot> latest_;
    std::optional<RunReport> report_;
};

} // namespace stampede
