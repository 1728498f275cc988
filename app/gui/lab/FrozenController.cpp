#include "app/gui/lab/FrozenController.h"

#include "core/engine/QueuedRunSink.h"
#include "core/lab/frozen/FrozenTrace.h"
#include "ui/lab/frozen/FrozenPage.h"

namespace stampede {

using namespace std::chrono_literals;

namespace {

constexpr auto kCalm = 300ms;
constexpr int kTicksPerRedraw = 10; // the chart at 10 frames a second, not 100

} // namespace

FrozenController::FrozenController(FrozenPage* page, std::string targetUrl, QObject* parent)
    : QObject(parent)
    , page_(page)
    , targetUrl_(std::move(targetUrl))
    , trace_(new LatestTrace(this)) {
    ticker_.setTimerType(Qt::PreciseTimer);
    ticker_.setInterval(int(FrozenDemo::kTick.count()));
    connect(&ticker_, &QTimer::timeout, this, &FrozenController::tick);
    ticker_.start();
    meter_.reset();
    connect(page_, &FrozenPage::blockRequested, this, [this] { start(true); });
    connect(page_, &FrozenPage::engineRequested, this, [this] { start(false); });
    connect(page_, &FrozenPage::traceRequested, this, [this] { trace_->save(page_); });
}

void FrozenController::start(bool onTheWindow) {
    if (busy())
        return;
    options_ = page_->options();
    options_.targetUrl = targetUrl_;
    if (const auto problem = options_.problem()) {
        page_->showProblem(QString::fromStdString(*problem));
        return;
    }
    onTheWindow_ = onTheWindow;
    run_ = {};
    page_->setBusy(true);
    meter_.reset();
    phase_ = Phase::CalmBefore;
    phaseEnds_ = LoopLagMeter::Clock::now() + kCalm;
}

void FrozenController::tick() {
    const auto now = LoopLagMeter::Clock::now();
    meter_.tick(now);
    if (++ticksSinceShown_ >= kTicksPerRedraw || meter_.lastLagMs() > 100) {
        ticksSinceShown_ = 0;
        page_->showLags(meter_.recent(), meter_.lastLagMs());
    }
    if (phase_ == Phase::CalmBefore && now >= phaseEnds_) {
        phase_ = Phase::Sending;
        sendBegan_ = now;
        if (onTheWindow_) {
            // After this tick returns, so the freeze starts from a loop that was running.
            QTimer::singleShot(0, this, &FrozenController::sendOnTheWindow);
        } else {
            Plan plan;
            plan.load.users = 1;
            plan.requestLimit = std::uint64_t(options_.requests);
            plan.duration.reset();
            auto sink = std::make_shared<QueuedRunSink>(
                this, [](const RunSnapshot&) {},
                [this](const RunReport& report) {
                    countAnswers(report, run_);
                    run_.seconds =
                        std::chrono::duration<double>(LoopLagMeter::Clock::now() - sendBegan_)
                            .count();
                    phase_ = Phase::CalmAfter;
                    phaseEnds_ = LoopLagMeter::Clock::now() + kCalm;
                });
            if (!engine_)
                engine_ = std::make_unique<LoadEngine>();
            if (const auto error = engine_->start(plan, options_.delayUrl(), sink)) {
                page_->showProblem(QString::fromStdString(*error));
                phase_ = Phase::Idle;
                page_->setBusy(false);
            }
        }
    } else if (phase_ == Phase::CalmAfter && now >= phaseEnds_) {
        finish();
    }
}

void FrozenController::sendOnTheWindow() {
    sendOneByOne(options_, run_);
    run_.seconds = std::chrono::duration<double>(LoopLagMeter::Clock::now() - sendBegan_).count();
    phase_ = Phase::CalmAfter;
    phaseEnds_ = LoopLagMeter::Clock::now() + kCalm;
}

void FrozenController::finish() {
    phase_ = Phase::Idle;
    run_.done = true;
    run_.maxLagMs = meter_.maxLagMs();
    run_.ticks = meter_.ticks();
    run_.frozenTicks = meter_.frozenTicks();
    run_.lags = meter_.recent();
    (onTheWindow_ ? shown_.onTheLoop : shown_.onTheEngine) = run_;
    shown_.phase = FrozenProgress::Phase::Done;
    page_->showResult(onTheWindow_, run_);
    page_->showLags(meter_.recent(), meter_.lastLagMs());
    page_->setBusy(false);
    trace_->set([options = options_, progress = shown_] { return demoTrace(options, progress); },
                QStringLiteral("frozen-trace.json"));
    page_->setTraceAvailable(true);
}

} // namespace stampede
