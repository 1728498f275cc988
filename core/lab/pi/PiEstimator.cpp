#include "core/lab/pi/PiEstimator.h"

#include "core/lab/pi/PiCheckpoints.h"
#include "core/lab/pi/PiStream.h"
#include "core/lab/pi/SplitMix64.h"
#include "core/sys/ThreadName.h"

#include <algorithm>
#include <limits>
#include <string>

namespace stampede {

PiEstimator::PiEstimator(const PiOptions& settings)
    : settings_(settings)
    , maxRounds_(settings.targetError ? settings.maxRounds() : 0)
    , checkpoints_(PiCheckpoints::perWorker(settings.threads))
    , stopRound_(std::numeric_limits<std::uint64_t>::max())
    , remaining_(settings.threads) {
    for (int i = 0; i < settings_.threads; ++i)
        lanes_.push_back(std::make_unique<PiLane>(maxRounds_));
}

void PiEstimator::start() {
    if (threads_.started())
        return;
    started_ = Clock::now();
    const int started =
        threads_.start(settings_.threads, [this](std::stop_token stop, int i) { work(stop, i); });
    // Workers the system refused never draw: the run cannot be whole, and must still end.
    for (int i = started; i < settings_.threads; ++i) {
        stoppedEarly_.store(true);
        finishWorker();
    }
}

PiProgress PiEstimator::run(const PiOptions& settings, std::stop_token stop) {
    PiEstimator estimator(settings);
    const std::stop_callback onStop(stop, [&estimator] { estimator.requestStop(); });
    estimator.start();
    while (!estimator.wait(std::chrono::milliseconds(100))) {
    }
    return estimator.progress();
}

std::uint64_t PiEstimator::share(int index) const {
    if (settings_.targetError)
        return maxRounds_ * settings_.chunk;
    const std::uint64_t threads = settings_.threads;
    return settings_.samples / threads + (std::uint64_t(index) < settings_.samples % threads);
}

void PiEstimator::work(std::stop_token stop, int index) {
    setCurrentThreadName("pi-" + std::to_string(index + 1));
    PiLane& lane = *lanes_[index];
    const std::uint64_t mine = share(index);
    PiStream stream(SplitMix64::streamOrigin(settings_.seed, std::uint64_t(index)), checkpoints_,
                    lane);
    const PiTally& tally = stream.tally();
    std::uint64_t chunks = 0;
    std::uint64_t checkedRounds = 0;
    Clock::duration waited{};
    while (tally.samples < mine && !stop.stop_requested() && chunks < stopRound_.load()) {
        const Clock::time_point asked = Clock::now();
        if (settings_.gil && !gil_.acquire(stop))
            break;
        const Clock::time_point got = Clock::now();
        stream.draw(std::min(settings_.chunk, mine - tally.samples));
        const Clock::time_point drawn = Clock::now();
        if (settings_.gil) {
            gil_.release();
            waited += got - asked;
            lane.recordSpan({msSinceStart(asked), msSinceStart(got), true});
        }
        lane.recordSpan({msSinceStart(got), msSinceStart(drawn), false});
        ++chunks;
        lane.publish(tally, std::chrono::nanoseconds(drawn - started_).count(),
                     std::chrono::nanoseconds(waited).count());
        if (settings_.targetError) {
            lane.recordChunk(chunks, tally.hits);
            lowerStopRound(checkedRounds);
        }
    }
    if (tally.samples < mine && chunks < stopRound_.load())
        stoppedEarly_.store(true);
    finishWorker();
}

void PiEstimator::lowerStopRound(std::uint64_t& checkedRounds) {
    // Every worker stores its own chunk count and then loads all the others', each access
    // sequentially consistent: of two workers finishing round r at once, at least one sees
    // the other's count, so every round is checked by someone. Which worker finds the round
    // does not matter: the answer depends only on the (deterministic) hits, not on timing.
    std::uint64_t common = std::numeric_limits<std::uint64_t>::max();
    for (const auto& lane : lanes_)
        common = std::min(common, lane->chunks());
    for (std::uint64_t round = checkedRounds + 1; round <= common; ++round) {
        const PiTally tally = tallyOfRound(round);
        if (tally.samples < PiOptions::kMinSamplesForTarget ||
            !(tally.standardError() < *settings_.targetError))
            continue;
        std::uint64_t current = stopRound_.load();
        while (round < current && !stopRound_.compare_exchange_weak(current, round)) {
        }
        break;
    }
    checkedRounds = std::max(checkedRounds, common);
}

PiTally PiEstimator::tallyOfRound(std::uint64_t round) const {
    PiTally tally{round * settings_.chunk * std::uint64_t(settings_.threads), 0};
    for (const auto& lane : lanes_)
        tally.hits += lane->hitsAfterChunk(round);
    return tally;
}

std::vector<PiTally> PiEstimator::checkpointTallies() const {
    // Checkpoint i is comparable across workers only once every one of them has passed it.
    std::size_t common = checkpoints_.size();
    for (const auto& lane : lanes_)
        common = std::min(common, lane->checkpoints());
    std::vector<PiTally> tallies(common);
    for (std::size_t i = 0; i < common; ++i) {
        tallies[i].samples = checkpoints_[i] * std::uint64_t(settings_.threads);
        for (const auto& lane : lanes_)
            tallies[i].hits += lane->hitsAtCheckpoint(i);
    }
    return tallies;
}

double PiEstimator::msSinceStart(Clock::time_point t) const {
    return std::chrono::duration<double, std::milli>(t - started_).count();
}

void PiEstimator::finishWorker() {
    const std::lock_guard lock(doneMutex_);
    if (remaining_.load() == 1)
        finishedNanos_.store(std::chrono::nanoseconds(Clock::now() - started_).count());
    remaining_.fetch_sub(1);
}

PiProgress PiEstimator::progress() const {
    PiProgress progress;
    progress.finished = finished();
    for (const auto& lane : lanes_) {
        progress.lanes.push_back(lane->figures());
        progress.tally += progress.lanes.back().tally;
    }
    progress.checkpoints = checkpointTallies();
    progress.seconds = progress.finished
                           ? double(finishedNanos_.load()) / 1e9
                           : std::chrono::duration<double>(Clock::now() - started_).count();
    if (!progress.finished)
        return progress;
    progress.stopped = stoppedEarly_.load();
    for (const auto& lane : lanes_)
        progress.spans.push_back(lane->spans());
    const std::uint64_t stopRound = stopRound_.load();
    if (settings_.targetError && !progress.stopped && stopRound <= maxRounds_) {
        progress.targetReached = true;
        progress.tally = tallyOfRound(stopRound);
    }
    return progress;
}

} // namespace stampede
