#include "core/engine/LoadEngine.h"

#include "core/engine/CurlHandles.h"
#include "core/engine/LoadRun.h"
#include "core/engine/TransportChoice.h"
#include "core/sys/FileLimit.h"
#include "core/sys/IoThread.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace stampede {
namespace asio = boost::asio;

struct LoadEngine::Impl {
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    std::unique_ptr<LoadRun> run; // engine-io only

    mutable std::mutex mutex;
    std::condition_variable ended;
    bool running = false; // guarded by mutex: a run was started and has not been destroyed

    std::jthread thread;

    void markEnded() {
        {
            const std::lock_guard lock(mutex);
            running = false;
        }
        ended.notify_all();
    }
};

namespace {

std::optional<std::string> readBody(const Plan& plan, std::string& body) {
    if (plan.bodyFile.empty()) {
        body = plan.body;
        return std::nullopt;
    }
    std::ifstream file(plan.bodyFile, std::ios::binary);
    if (!file)
        return "cannot read the body file " + plan.bodyFile;
    std::ostringstream content;
    content << file.rdbuf();
    body = content.str();
    return std::nullopt;
}

} // namespace

LoadEngine::LoadEngine(ThreadPriority priority)
    : impl_(std::make_unique<Impl>()) {
    ensureCurlGlobalInit();
    // Nothing of ours throws through libcurl's C frames; the catch there is a last resort.
    impl_->thread = std::jthread([impl = impl_.get(), priority] {
        runIoThread(impl->io, "engine-io", priority, "stampede engine");
    });
}

LoadEngine::~LoadEngine() {
    stop();
    impl_->work.reset();
    impl_->io.stop();
    impl_->thread.join();
}

std::optional<std::string> LoadEngine::start(const Plan& plan, const std::string& url,
                                             std::shared_ptr<RunSink> sink) {
    std::string body;
    if (auto error = readBody(plan, body))
        return error;
    auto prepared = prepareTransport(plan, url, body);
    if (auto* error = std::get_if<std::string>(&prepared))
        return std::move(*error);
    const unsigned long connections = plan.load.model == LoadShape::Model::Closed
                                          ? static_cast<unsigned long>(plan.load.users)
                                          : static_cast<unsigned long>(plan.load.maxInFlight);
    unsigned long peak = connections;
    for (const Stage& stage : plan.load.stages)
        if (plan.load.model == LoadShape::Model::Closed)
            peak = std::max(peak, static_cast<unsigned long>(stage.target));
    if (auto error = ensureOpenFileLimit(peak + 64))
        return error;
    {
        const std::lock_guard lock(impl_->mutex);
        if (impl_->running)
            return std::string("a run is already going; stop it first");
        impl_->running = true;
    }
    asio::post(impl_->io, [impl = impl_.get(), plan, url, body = std::move(body),
                           transport = std::get<PreparedTransport>(std::move(prepared)),
                           sink = std::move(sink)]() mutable {
        impl->run =
            std::make_unique<LoadRun>(impl->io, std::move(plan), std::move(url), std::move(body),
                                      std::move(transport), std::move(sink), [impl] {
                                          impl->run.reset();
                                          impl->markEnded();
                                      });
        impl->run->start();
    });
    return std::nullopt;
}

void LoadEngine::requestStop() {
    asio::post(impl_->io, [impl = impl_.get()] {
        if (impl->run)
            impl->run->stop();
    });
}

void LoadEngine::stop() {
    requestStop();
    std::unique_lock lock(impl_->mutex);
    impl_->ended.wait(lock, [this] { return !impl_->running; });
}

bool LoadEngine::wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    return impl_->ended.wait_for(lock, timeout, [this] { return !impl_->running; });
}

bool LoadEngine::running() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->running;
}

} // namespace stampede
