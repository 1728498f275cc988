#include "core/engine/LoadRun.h"

#include "core/engine/ErrorClassifier.h"

#include <boost/asio/post.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>

namespace stampede {
namespace asio = boost::asio;

namespace {

constexpr auto kTick = std::chrono::milliseconds(100);

std::array<double, 2> processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

} // namespace

struct LoadRun::Lane {
    Lane(asio::io_context& io, int index)
        : index(index)
        , thinkTimer(io) {}

    int index;
    CurlEasy easy{curl_easy_init()};
    asio::steady_timer thinkTimer;
    std::array<char, CURL_ERROR_SIZE> error{};
    Clock::time_point intended{};
    Clock::time_point started{};
    std::optional<Clock::time_point> firstByte;
    std::uint64_t bytes = 0;
    std::uint64_t id = 0;
    bool busy = false;     // a transfer of ours is inside libcurl
    bool retiring = false; // closed model ramp-down: stop after the current request
};

LoadRun::LoadRun(asio::io_context& io, Plan plan, std::string url, std::string body,
                 std::shared_ptr<RunSink> sink, std::function<void()> onEnded)
    : io_(io)
    , plan_(std::move(plan))
    , request_(plan_, std::move(url), std::move(body))
    , sink_(std::move(sink))
    , onEnded_(std::move(onEnded))
    , profile_(plan_.load.model == LoadShape::Model::Closed ? double(plan_.load.users)
                                                            : plan_.load.rate,
               plan_.load.stages)
    , driver_(io, [this](CURL* easy, CURLcode result) { onDone(easy, result); })
    , tickTimer_(io)
    , deadlineTimer_(io)
    , scheduleTimer_(io) {}

LoadRun::~LoadRun() {
    // Every easy handle must leave the multi handle before either is cleaned up.
    for (const auto& lane : lanes_)
        if (lane->busy)
            driver_.remove(lane->easy.get());
}

void LoadRun::configure(Lane& lane) {
    CURL* easy = lane.easy.get();
    driver_.adopt(easy);
    request_.apply(easy);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &lane);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, lane.error.data());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &LoadRun::onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &lane);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &LoadRun::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &lane);
}

LoadRun::Lane& LoadRun::newLane() {
    lanes_.push_back(std::make_unique<Lane>(io_, static_cast<int>(lanes_.size())));
    configure(*lanes_.back());
    return *lanes_.back();
}

double LoadRun::secondsSinceStart(Clock::time_point t) const {
    return std::chrono::duration<double>(t - start_).count();
}

RunAccumulator::Gauges LoadRun::gauges(Clock::time_point now) const {
    const bool closed = plan_.load.model == LoadShape::Model::Closed;
    return {inFlight_, backlog_.size(), closed ? double(activeUsers_) : 0.0,
            closed ? 0.0 : profile_.valueAt(secondsSinceStart(now))};
}

bool LoadRun::limitReached() const {
    return plan_.requestLimit && issued_ >= *plan_.requestLimit;
}

void LoadRun::start() {
    const auto cpu = processCpuSeconds();
    cpuAtStart_[0] = cpu[0];
    cpuAtStart_[1] = cpu[1];
    start_ = Clock::now();
    accumulator_.emplace(start_, plan_.load.model);
    if (const auto planned = plan_.plannedDuration()) {
        deadline_ = start_ + *planned;
        deadlineTimer_.expires_at(*deadline_);
        deadlineTimer_.async_wait([this](boost::system::error_code ec) {
            if (!ec)
                finish(RunSnapshot::Phase::Finished);
        });
    }
    if (plan_.load.model == LoadShape::Model::Closed)
        adjustUsers(start_);
    else
        scheduleOpen();
    tickTimer_.expires_at(start_ + kTick);
    tickTimer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            tick();
    });
}

void LoadRun::send(Lane& lane, Clock::time_point intended) {
    ++issued_;
    ++inFlight_;
    lane.busy = true;
    lane.id = nextId_++;
    lane.bytes = 0;
    lane.firstByte.reset();
    lane.error[0] = '\0';
    lane.started = Clock::now();
    lane.intended = std::min(intended, lane.started);
    driver_.add(lane.easy.get());
}

std::size_t LoadRun::onBody(char* /*data*/, std::size_t size, std::size_t count, void* lane) {
    auto* self = static_cast<Lane*>(lane);
    if (!self->firstByte)
        self->firstByte = Clock::now();
    self->bytes += size * count;
    return size * count;
}

std::size_t LoadRun::onHeader(char* /*data*/, std::size_t size, std::size_t count, void* lane) {
    auto* self = static_cast<Lane*>(lane);
    if (!self->firstByte)
        self->firstByte = Clock::now();
    return size * count;
}

void LoadRun::onDone(CURL* easy, CURLcode result) {
    if (ended_)
        return;
    void* privateData = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &privateData);
    Lane& lane = *static_cast<Lane*>(privateData);
    lane.busy = false;
    --inFlight_;

    RequestOutcome outcome;
    outcome.done = Clock::now();
    outcome.intended = lane.intended;
    outcome.started = lane.started;
    outcome.firstByte = lane.firstByte;
    outcome.bytes = lane.bytes;
    long status = 0;
    if (result == CURLE_OK)
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    outcome.status = static_cast<int>(status);
    curl_off_t connectTime = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectTime);
    outcome.error = classifyTransfer(result, connectTime > 0 || lane.firstByte.has_value(), status);
    if (outcome.error)
        outcome.errorMessage = lane.error[0] ? lane.error.data() : curl_easy_strerror(result);
    if (outcome.error == ErrorClass::Http4xx || outcome.error == ErrorClass::Http5xx)
        outcome.errorMessage = "HTTP status";
    accumulator_->record(outcome, gauges(outcome.done));

    const auto ms = [this](Clock::time_point t) { return secondsSinceStart(t) * 1000.0; };
    const RequestRecord record{lane.id,
                               lane.index,
                               ms(lane.intended),
                               ms(lane.started),
                               lane.firstByte ? ms(*lane.firstByte) : -1.0,
                               ms(outcome.done),
                               outcome.status,
                               outcome.error,
                               outcome.bytes};
    // A ring of the newest: the timeline then shows an unbroken stretch of the run.
    if (timelineSample_.size() < RunSnapshot::kTimelineSampleSize)
        timelineSample_.push_back(record);
    else
        timelineSample_[timelineNext_] = record;
    timelineNext_ = (timelineNext_ + 1) % RunSnapshot::kTimelineSampleSize;
    if (sink_->wantsRequests())
        sink_->onRequest(record);
    afterRequest(lane);
}

void LoadRun::afterRequest(Lane& lane) {
    if (limitReached() && plan_.load.model == LoadShape::Model::Closed) {
        if (inFlight_ == 0)
            finish(RunSnapshot::Phase::Finished);
        return;
    }
    if (plan_.load.model == LoadShape::Model::Open) {
        if (!backlog_.empty()) {
            const auto intended = backlog_.front();
            backlog_.pop_front();
            --issued_; // it was counted when it joined the backlog
            return send(lane, intended);
        }
        idle_.push_back(&lane);
        if (limitReached() && inFlight_ == 0)
            finish(RunSnapshot::Phase::Finished);
        return;
    }
    if (lane.retiring)
        return;
    if (plan_.load.thinkTime.count() > 0) {
        lane.thinkTimer.expires_after(plan_.load.thinkTime);
        lane.thinkTimer.async_wait([this, &lane](boost::system::error_code ec) {
            if (!ec && !ended_ && !lane.retiring && !limitReached())
                send(lane, Clock::now());
        });
        return;
    }
    send(lane, Clock::now());
}

void LoadRun::adjustUsers(Clock::time_point now) {
    const int target = static_cast<int>(std::lround(profile_.valueAt(secondsSinceStart(now))));
    // Ramp up: bring back retiring lanes first, then open new ones.
    for (auto& lane : lanes_) {
        if (activeUsers_ >= target)
            break;
        if (lane->retiring) {
            lane->retiring = false;
            ++activeUsers_;
            if (!lane->busy && !limitReached())
                send(*lane, now);
        }
    }
    while (activeUsers_ < target && !limitReached()) {
        ++activeUsers_;
        send(newLane(), now);
    }
    // Ramp down: a user leaves after its current request, never mid-flight.
    for (auto it = lanes_.rbegin(); it != lanes_.rend() && activeUsers_ > target; ++it) {
        if (!(*it)->retiring) {
            (*it)->retiring = true;
            (*it)->thinkTimer.cancel();
            --activeUsers_;
        }
    }
}

void LoadRun::scheduleOpen() {
    if (ended_)
        return;
    const auto now = Clock::now();
    const auto maxInFlight = static_cast<std::uint64_t>(plan_.load.maxInFlight);
    for (;;) {
        if (limitReached())
            return;
        const double due = profile_.timeOfCount(static_cast<double>(scheduled_));
        if (!std::isfinite(due))
            return; // the rate stays at zero from here on
        const auto intended = start_ + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(due));
        if (deadline_ && intended >= *deadline_)
            return;
        if (intended > now) {
            scheduleTimer_.expires_at(intended);
            scheduleTimer_.async_wait([this](boost::system::error_code ec) {
                if (!ec)
                    scheduleOpen();
            });
            return;
        }
        ++scheduled_;
        if (!idle_.empty()) {
            Lane* lane = idle_.back();
            idle_.pop_back();
            send(*lane, intended);
        } else if (inFlight_ < maxInFlight) {
            send(newLane(), intended);
        } else {
            // At the cap: the request waits, and the wait counts against its latency.
            ++issued_;
            backlog_.push_back(intended);
            accumulator_->noteBacklog(backlog_.size());
        }
    }
}

void LoadRun::tick() {
    if (ended_)
        return;
    const auto now = Clock::now();
    if (plan_.load.model == LoadShape::Model::Closed && !plan_.load.stages.empty())
        adjustUsers(now);
    sink_->onSnapshot(snapshot(RunSnapshot::Phase::Running, now));
    tickTimer_.expires_at(tickTimer_.expiry() + kTick);
    tickTimer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            tick();
    });
}

RunSnapshot LoadRun::snapshot(RunSnapshot::Phase phase, Clock::time_point now) {
    RunSnapshot snap = accumulator_->snapshot(phase, now, gauges(now));
    snap.plannedDuration = plan_.plannedDuration();
    snap.requestLimit = plan_.requestLimit;
    if (timelineSample_.size() == RunSnapshot::kTimelineSampleSize) // oldest first
        std::rotate(timelineSample_.begin(),
                    timelineSample_.begin() + static_cast<std::ptrdiff_t>(timelineNext_),
                    timelineSample_.end());
    snap.timelineSample = std::move(timelineSample_);
    timelineSample_.clear();
    timelineNext_ = 0;
    timelineSample_.reserve(RunSnapshot::kTimelineSampleSize);
    return snap;
}

void LoadRun::stop() {
    finish(RunSnapshot::Phase::Stopped);
}

void LoadRun::finish(RunSnapshot::Phase phase) {
    if (ended_)
        return;
    ended_ = true;
    const auto now = Clock::now();
    tickTimer_.cancel();
    deadlineTimer_.cancel();
    scheduleTimer_.cancel();
    // Abandon what is still in flight: it did not finish within the run, so it is not counted.
    for (const auto& lane : lanes_) {
        lane->thinkTimer.cancel();
        if (lane->busy) {
            driver_.remove(lane->easy.get());
            lane->busy = false;
        }
    }
    inFlight_ = 0;
    backlog_.clear();
    driver_.shutdown(); // closes every pooled connection now, not at destruction

    RunReport report;
    report.final = snapshot(phase, now);
    report.timeSeries = accumulator_->rows();
    const auto cpu = processCpuSeconds();
    report.cpuUserSeconds = cpu[0] - cpuAtStart_[0];
    report.cpuSystemSeconds = cpu[1] - cpuAtStart_[1];
    report.url = request_.url();
    report.plan = plan_;
    sink_->onFinished(std::move(report));
    // The owner destroys us; never from inside our own handler.
    asio::post(io_, onEnded_);
}

} // namespace stampede
