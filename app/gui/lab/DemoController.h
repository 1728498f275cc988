#pragma once

#include "app/gui/lab/DemoPoller.h"
#include "app/gui/lab/LatestTrace.h"
#include "core/lab/LabDemo.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace stampede {

// Runs one demo for its page: the page asks for a run, the controller makes the demo from
// the page's options, starts it on its own threads, shows copies of its progress ten times a
// second (short locks or atomics, never a wait), and shows the end. Stop asks the demo to
// stop; Reset clears the page at once and retires the demo, which the poll lets go once its
// threads have ended, so the GUI thread never joins a running thread. Destroying the
// controller (closing the window) stops and joins whatever still runs.
template <LabDemo Demo, typename Page> class DemoController : public DemoPoller {
public:
    using Options = typename Demo::Options;
    using Progress = typename Demo::Progress;

    // How a page asks for this demo and shows it. Every page offers the defaults; a page with
    // a second demo (π's sweep) names its own members for it.
    struct Binding {
        void (Page::*startRequested)() = &Page::startRequested;
        Options (Page::*options)() const = &Page::options;
        void (Page::*runStarted)() = &Page::runStarted;
        void (Page::*showProgress)(const Progress&) = &Page::showProgress;
        void (Page::*runEnded)(const Progress&) = &Page::runEnded;
    };
    // What the page cannot know, such as the embedded target's URL.
    using Complete = std::function<void(Options&)>;

    // `trace`: shared with the page's other controllers (π's run and sweep), which connect it
    // to the page themselves; without one, the controller keeps its own and connects it.
    explicit DemoController(Page* page, QObject* parent = nullptr, Binding binding = {},
                            Complete complete = {}, LatestTrace* trace = nullptr)
        : DemoPoller(parent)
        , page_(page)
        , binding_(binding)
        , complete_(std::move(complete))
        , trace_(trace ? trace : new LatestTrace(this)) {
        if (!trace)
            connect(page_, &Page::traceRequested, trace_, [this] { trace_->save(page_); });
        connect(page_, binding_.startRequested, this, [this] { start(); });
        if constexpr (requires { &Page::stopRequested; })
            connect(page_, &Page::stopRequested, this, [this] {
                if (demo_)
                    demo_->requestStop();
            });
        connect(page_, &Page::resetRequested, this, [this] { reset(); });
        // A page whose settings a running demo can take (the queue's P, C and K) says when
        // they change; the demo gets the page's options whole.
        if constexpr (requires { &Page::settingsChanged; })
            connect(page_, &Page::settingsChanged, this, [this] {
                if (demo_)
                    demo_->change((page_->*binding_.options)());
            });
    }

    bool running() const { return demo_ != nullptr; }
    // No thread of this controller's demos is left, not even of one reset while it ran.
    bool idle() const { return !demo_ && retired_.empty(); }
    LatestTrace* latestTrace() const { return trace_; }

private:
    void start() {
        if (demo_)
            return;
        Options options = (page_->*binding_.options)();
        if (complete_)
            complete_(options);
        if constexpr (requires { options.problem(); })
            if (const auto problem = options.problem()) {
                page_->showProblem(QString::fromStdString(*problem));
                return;
            }
        demo_ = std::make_unique<Demo>(options);
        options_ = options;
        trace_->clear();
        (page_->*binding_.runStarted)();
        demo_->start();
        startPolling();
    }

    void reset() {
        if (demo_) {
            demo_->requestStop();
            retired_.push_back(std::move(demo_));
            startPolling();
        }
        trace_->clear();
        page_->reset();
    }

    void poll() override {
        std::erase_if(retired_,
                      [](const auto& demo) { return demo->wait(std::chrono::milliseconds(0)); });
        if (demo_) {
            const Progress progress = demo_->progress();
            if (!progress.ended()) {
                (page_->*binding_.showProgress)(progress);
                return;
            }
            demo_.reset(); // every thread has ended: the join returns at once
            trace_->set([options = options_, progress] { return demoTrace(options, progress); },
                        traceFileName());
            (page_->*binding_.runEnded)(progress);
        }
        if (retired_.empty())
            stopPolling();
    }

    // "semaphore-trace.json" for the page named "semaphorePage".
    QString traceFileName() const {
        QString name = page_->objectName();
        name.chop(name.endsWith(QStringLiteral("Page")) ? 4 : 0);
        return (name.isEmpty() ? QStringLiteral("demo") : name) + QStringLiteral("-trace.json");
    }

    Page* page_;
    const Binding binding_;
    const Complete complete_;
    LatestTrace* trace_;
    Options options_; // of the running (or last) demo
    std::unique_ptr<Demo> demo_;
    std::vector<std::unique_ptr<Demo>> retired_; // reset while running: ending, not shown
};

} // namespace stampede
