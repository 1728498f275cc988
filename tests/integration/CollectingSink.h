#pragma once

#include "core/engine/RunSink.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

// A RunSink for tests: keeps the final report and counts snapshots. Called on engine-io,
// read by the test thread after LoadEngine::wait/stop (which synchronise with the end).
class CollectingSink : public stampede::RunSink {
public:
    // With `watchRequests`, every finished request also arrives here, so the test can check
    // that each snapshot's timeline sample is exactly the newest of them.
    explicit CollectingSink(bool watchRequests = false)
        : watchRequests_(watchRequests) {}

    bool wantsRequests() const override { return watchRequests_; }
    void onRequest(const stampede::RequestRecord& record) override {
        const std::lock_guard lock(mutex_);
        sinceSnapshot_.push_back(record);
        intended_.push_back(record.intendedMs);
        steps_.push_back(record.step);
    }
    // The scenario step of each request watched, in the order they finished.
    std::vector<int> stepsOfRequests() const {
        const std::lock_guard lock(mutex_);
        return steps_;
    }
    // When each request watched was meant to leave, in ms since the run's start.
    std::vector<double> intendedTimes() const {
        const std::lock_guard lock(mutex_);
        return intended_;
    }

    void onSnapshot(stampede::RunSnapshot snapshot) override {
        const std::lock_guard lock(mutex_);
        ++snapshots_;
        if (watchRequests_) {
            const auto& sample = snapshot.timelineSample;
            const std::size_t expected =
                std::min(sinceSnapshot_.size(), stampede::RunSnapshot::kTimelineSampleSize);
            sampleIsNewest_ &= sample.size() == expected &&
                               std::equal(sample.begin(), sample.end(),
                                          sinceSnapshot_.end() - std::ptrdiff_t(expected),
                                          [](const auto& a, const auto& b) {
                                              return a.id == b.id && a.doneMs == b.doneMs;
                                          });
            mostBetweenSnapshots_ = std::max(mostBetweenSnapshots_, sinceSnapshot_.size());
            sinceSnapshot_.clear();
        }
        rows_ += snapshot.newRows.size();
        timelineRecords_ += snapshot.timelineSample.size();
        maxTimelineSample_ = std::max(maxTimelineSample_, snapshot.timelineSample.size());
        for (const auto& record : snapshot.timelineSample)
            timelineOrdered_ &=
                record.intendedMs <= record.startedMs && record.startedMs <= record.doneMs &&
                (record.firstByteMs < 0 ||
                 (record.startedMs <= record.firstByteMs && record.firstByteMs <= record.doneMs));
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
    std::size_t timelineRecords() const {
        const std::lock_guard lock(mutex_);
        return timelineRecords_;
    }
    std::size_t maxTimelineSample() const {
        const std::lock_guard lock(mutex_);
        return maxTimelineSample_;
    }
    bool timelineOrdered() const {
        const std::lock_guard lock(mutex_);
        return timelineOrdered_;
    }
    // The most requests that finished between two snapshots (watching requests only).
    std::size_t mostBetweenSnapshots() const {
        const std::lock_guard lock(mutex_);
        return mostBetweenSnapshots_;
    }
    bool sampleIsNewest() const {
        const std::lock_guard lock(mutex_);
        return sampleIsNewest_;
    }
    std::uint64_t lastRequests() const {
        const std::lock_guard lock(mutex_);
        return lastRequests_;
    }

private:
    const bool watchRequests_;
    mutable std::mutex mutex_;
    std::vector<stampede::RequestRecord> sinceSnapshot_;
    std::vector<double> intended_;
    std::vector<int> steps_;
    bool sampleIsNewest_ = true;
    std::size_t mostBetweenSnapshots_ = 0;
    std::optional<stampede::RunReport> report_;
    int snapshots_ = 0;
    std::size_t rows_ = 0;
    std::uint64_t lastRequests_ = 0;
    std::size_t timelineRecords_ = 0;
    std::size_t maxTimelineSample_ = 0;
    bool timelineOrdered_ = true;
};
