#pragma once

#include "engine/RunSink.h"

#include <mutex>
#include <optional>

// A RunSink for tests: keeps the final report and counts snapshots. Called on engine-io,
// read by the test thread after LoadEngine::wait/stop (which synchronise with the end).
class CollectingSink : public stampede::RunSink {
public:
    void onSnapshot(stampede::RunSnapshot snapshot) override {
        const std::lock_guard lock(mutex_);
        ++snapshots_;
        rows_ += snapshot.newRows.size();
        lastRequests_ = snapshot.requests;
    }
    void onFinished(stampede::RunReport report) override {
        const std::lock_guard lock(mutex_);
        report_ = std::move(report);
    }
    std::optional<stampede::RunReport> report() const {
        const std::lock_guard lock(mutex_);
        return report_;
    }
    int snapshots() const {
        const std::lock_guard lock(mutex_);
        return snapshots_;
    }
    std::uint64_t lastRequests() const {
        const std::lock_guard lock(mutex_);
        return lastRequests_;
    }

private:
    mutable std::mutex mutex_;
    std::optional<stampede::RunReport> report_;
    int snapshots_ = 0;
    std::size_t rows_ = 0;
    std::uint64_t lastRequests_ = 0;
};
