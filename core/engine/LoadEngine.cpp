#include "core/engine/LoadEngine.h"

#include "core/engine/CurlHandles.h"
#include "core/engine/LoadRun.h"
#include "core/engine/RunMerger.h"
#include "core/engine/TransportChoice.h"
#include "core/plan/PlanShare.h"
#include "core/sys/FileLimit.h"
#include "core/sys/IoThread.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace stampede {
namespace asio = boost::asio;

// One engine-io-K thread: its event loop and the share of a run living on it.
struct EngineThread {
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    std::unique_ptr<LoadRun> run; // this thread only
    std::jthread thread;

    EngineThread(int number, ThreadPriority priority) {
        // Nothing of ours throws through libcurl's C frames; the catch there is a last resort.
        thread = std::jthread([this, name = "engine-io-" + std::to_string(number), priority] {
            runIoThread(io, name.c_str(), priority, "stampede engine");
        });
    }
    ~EngineThread() {
        work.reset();
        io.stop();
        thread.join();
    }
    EngineThread(const EngineThread&) = delete;
    EngineThread& operator=(const EngineThread&) = delete;
};

struct LoadEngine::Impl {
    const ThreadPriority priority;

    mutable std::mutex mutex;
    std::condition_variable ended;
    // Guarded by mutex: the threads change only while no run is going.
    std::vector<std::unique_ptr<EngineThread>> threads;
    std::size_t sharesGoing = 0; // guarded by mutex: shares started and not yet destroyed

    explicit Impl(ThreadPriority p)
        : priority(p) {}

    void shareEnded() {
        bool last = false;
        {
            const std::lock_guard lock(mutex);
            last = --sharesGoing == 0;
        }
        if (last)
            ended.notify_all();
    }
};

namespace {

// When the data file's rows run out and the plan says stop, each share ends after its own
// rows (k, k+N, k+2N, …): the iteration limit is their number.
void limitToRows(Plan& share, const Scenario& scenario, RunShare at) {
    if (share.data.atEnd != DataSource::AtEnd::Stop || !scenario.data())
        return;
    const std::uint64_t rows = scenario.data()->rows();
    const auto index = static_cast<std::uint64_t>(at.index);
    const auto count = static_cast<std::uint64_t>(at.count);
    const std::uint64_t mine = rows > index ? (rows - index + count - 1) / count : 0;
    share.requestLimit = std::min(share.requestLimit.value_or(mine), mine);
}

} // namespace

LoadEngine::LoadEngine(ThreadPriority priority)
    : impl_(std::make_unique<Impl>(priority)) {
    ensureCurlGlobalInit();
    impl_->threads.push_back(std::make_unique<EngineThread>(1, priority));
}

LoadEngine::~LoadEngine() {
    stop();
}

std::optional<std::string> LoadEngine::start(const Plan& plan, const std::string& url,
                                             std::shared_ptr<RunSink> sink, RunShare machine) {
    // This machine's part of the run (all of it unless sharded), then one share of that per
    // engine thread, over its own transport, with its own compiled scenario: nothing of a run
    // is shared between engine threads. Thread t of shard K of N takes the whole run's
    // intended sends and data rows K+N·t, K+N·t+N·T, …: shares of shares interleave exactly.
    Plan mine = planShare(plan, machine);
    mine.load.threads = plan.load.threads;
    const int shares = shareCount(mine, mine.load.threads);
    std::vector<Plan> plans;
    std::vector<Scenario> scenarios;
    std::vector<PreparedTransport> transports;
    std::vector<RunShare> placed;
    for (int index = 0; index < shares; ++index) {
        plans.push_back(planShare(mine, {index, shares}));
        placed.push_back({machine.index + machine.count * index, machine.count * shares});
        auto compiled = Scenario::compile(plans.back(), url, true);
        if (auto* error = std::get_if<PlanError>(&compiled))
            return error->text();
        scenarios.push_back(std::get<Scenario>(std::move(compiled)));
        limitToRows(plans.back(), scenarios.back(), placed.back());
        if (plans.back().requestLimit == 0u)
            return "scenario.data_file: " + std::to_string(scenarios.back().data()->rows()) +
                   " rows cannot be shared by " + std::to_string(placed.back().count) +
                   (machine.whole() ? " engine threads" : " engine threads of all shards") +
                   " that stop at the last row: take fewer threads" +
                   (machine.whole() ? "" : " or shards");
        auto prepared = prepareTransport(plans.back(), url, scenarios.back());
        if (auto* error = std::get_if<std::string>(&prepared))
            return std::move(*error);
        transports.push_back(std::get<PreparedTransport>(std::move(prepared)));
    }
    const unsigned long connections = mine.load.model == LoadShape::Model::Closed
                                          ? static_cast<unsigned long>(mine.load.users)
                                          : static_cast<unsigned long>(mine.load.maxInFlight);
    unsigned long peak = connections;
    for (const Stage& stage : mine.load.stages)
        if (mine.load.model == LoadShape::Model::Closed)
            peak = std::max(peak, static_cast<unsigned long>(stage.target));
    if (auto error = ensureOpenFileLimit(peak + 64))
        return error;
    std::vector<std::unique_ptr<EngineThread>> retired;
    {
        const std::lock_guard lock(impl_->mutex);
        if (impl_->sharesGoing > 0)
            return std::string("a run is already going; stop it first");
        auto& threads = impl_->threads;
        while (threads.size() > static_cast<std::size_t>(shares)) {
            retired.push_back(std::move(threads.back()));
            threads.pop_back();
        }
        while (threads.size() < static_cast<std::size_t>(shares))
            threads.push_back(
                std::make_unique<EngineThread>(int(threads.size()) + 1, impl_->priority));
        impl_->sharesGoing = static_cast<std::size_t>(shares);
    }
    retired.clear(); // joined outside the lock: nothing runs on them

    // One merged run for the sink when the run is divided; the sink itself when it is not.
    std::shared_ptr<RunMerger> merger;
    if (shares > 1)
        merger = RunMerger::make(static_cast<std::size_t>(shares), mine, sink);
    const auto zero = LoadRun::Clock::now();
    const std::lock_guard lock(impl_->mutex);
    for (int index = 0; index < shares; ++index) {
        EngineThread* thread = impl_->threads[static_cast<std::size_t>(index)].get();
        auto shareSink = merger ? merger->shareSink(static_cast<std::size_t>(index)) : sink;
        asio::post(thread->io, [impl = impl_.get(), thread, zero,
                                share = placed[static_cast<std::size_t>(index)],
                                plan = std::move(plans[static_cast<std::size_t>(index)]), url,
                                scenario = std::move(scenarios[static_cast<std::size_t>(index)]),
                                transport = std::move(transports[static_cast<std::size_t>(index)]),
                                sink = std::move(shareSink)]() mutable {
            thread->run = std::make_unique<LoadRun>(
                thread->io, std::move(plan), share, std::move(url), std::move(scenario),
                std::move(transport), std::move(sink), [impl, thread] {
                    thread->run.reset();
                    impl->shareEnded();
                });
            thread->run->start(zero);
        });
    }
    return std::nullopt;
}

void LoadEngine::requestStop() {
    const std::lock_guard lock(impl_->mutex);
    for (const auto& thread : impl_->threads)
        asio::post(thread->io, [thread = thread.get()] {
            if (thread->run)
                thread->run->stop();
        });
}

void LoadEngine::stop() {
    requestStop();
    std::unique_lock lock(impl_->mutex);
    impl_->ended.wait(lock, [this] { return impl_->sharesGoing == 0; });
}

bool LoadEngine::wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    return impl_->ended.wait_for(lock, timeout, [this] { return impl_->sharesGoing == 0; });
}

bool LoadEngine::running() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->sharesGoing > 0;
}

} // namespace stampede
