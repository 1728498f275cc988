#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace stampede {

// The threads of one demo: started together, sharing one stop request, counted as they end,
// so wait() has one meaning everywhere: every thread has returned. A thread the system
// refuses to create (out of threads) counts as ended, so a wait never hangs on it.
class DemoThreads {
public:
    using Body = std::function<void(std::stop_token stop, int index)>;

    DemoThreads() = default;
    ~DemoThreads(); // asks every thread to stop, then joins them

    DemoThreads(const DemoThreads&) = delete;
    DemoThreads& operator=(const DemoThreads&) = delete;

    // Runs body(stop, i) for i in [0, count) on threads of their own; once only. Returns how
    // many threads the system gave.
    int start(int count, Body body);
    // Starts `count` more threads on the same body, numbered on from the last, while the
    // demo runs: not before start(), after every thread has ended or once a stop is asked.
    // Returns how many the system gave. Call it from the thread that started them.
    int add(int count);
    void requestStop() { stop_.request_stop(); }
    bool stopRequested() const { return stop_.stop_requested(); }
    // True once started and every thread has ended, within `timeout`.
    bool wait(std::chrono::milliseconds timeout) const;
    bool started() const;
    bool ended() const;

private:
    void threadEnded();
    int launch(int first, int count);

    std::stop_source stop_;
    Body body_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    int count_ = 0;
    int ended_ = 0;
    std::vector<std::jthread> threads_; // last: joined before the rest goes away
};

} // namespace stampede
