#include "ui/lab/barrier/BarrierPage.h"

#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/GanttChart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace stampede {

namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "BarrierPage",
    "<b>What you see.</b> N threads share a job cut into phases, and each phase needs every "
    "thread's result from the one before. So after each phase they meet at a "
    "<b><code>std::barrier</code></b>: a thread that arrives waits (light bar) until the "
    "last one has arrived, then all go on together."
    "<br><br><b>The slowest sets the pace.</b> The work is uneven, so in every phase one "
    "thread arrives last and all the others wait for it: the light bars end in one straight "
    "line. The total is the sum of each phase's slowest work, not the average."
    "<br><br><b>Try:</b> more threads make the slowest of each phase slower still, and the "
    "waiting grows. Stop while some wait: a stopped thread leaves the barrier "
    "(<code>arrive_and_drop</code>), so no one is left waiting for it.");

} // namespace

BarrierPage::BarrierPage(QWidget* parent)
    : DemoPage(parent)
    , threads_(spinBox(1, BarrierOptions::kMaxThreads, BarrierOptions{}.threads, {}, this))
    , phases_(spinBox(1, BarrierOptions::kMaxPhases, BarrierOptions{}.phases, {}, this))
    , workMs_(spinBox(10, 5000, int(BarrierOptions{}.workTime.count()), tr(" ms"), this))
    , summary_(new QLabel(this))
    , slowest_(new QLabel(this))
    , gantt_(
          new GanttChart(tr("Threads and phases"), tr("thread"), QColor(0x94, 0x67, 0xbd), this)) {
    setObjectName("barrierPage");
    threads_->setObjectName("threads");
    phases_->setObjectName("phases");
    workMs_->setObjectName("workMs");
    gantt_->setObjectName("gantt");
    summary_->setObjectName("summary");
    slowest_->setObjectName("slowest");
    slowest_->setWordWrap(true);
    workMs_->setSingleStep(50);
    gantt_->setLegendNames(tr("waiting at the barrier"), tr("working"));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Threads (N):"), this));
    controls->addWidget(threads_);
    controls->addWidget(new QLabel(tr("Phases (M):"), this));
    controls->addWidget(phases_);
    controls->addWidget(new QLabel(tr("Work per phase about:"), this));
    controls->addWidget(workMs_);
    controls->addWidget(buttons());
    controls->addStretch(1);

    gantt_->plot()->axisRect()->setMinimumMargins(QMargins(64, 10, 10, 10));
    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(summary_);
    left->addWidget(slowest_);
    left->addWidget(gantt_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(new ExplanationPanel(tr(kExplanation), this), 1);

    lockWhileRunning({threads_, phases_, workMs_});
    reset();
}

BarrierOptions BarrierPage::options() const {
    BarrierOptions options;
    options.threads = threads_->value();
    options.phases = phases_->value();
    options.workTime = std::chrono::milliseconds(workMs_->value());
    return options;
}

void BarrierPage::runEnded(const BarrierProgress& progress) {
    showProgress(progress);
    runFinished();
}

void BarrierPage::clear() {
    gantt_->reset();
    summary_->setText(tr("Press Start: every thread works, then waits at the barrier for the "
                         "slowest."));
    slowest_->clear();
}

void BarrierPage::showProgress(const BarrierProgress& progress) {
    const double now = progress.elapsedMs;
    std::vector<GanttChart::Segment> segments;
    for (std::size_t t = 0; t < progress.timings.size(); ++t) {
        const int row = int(t);
        for (const PhaseTiming& timing : progress.timings[t]) {
            if (timing.workFromMs < 0)
                break;
            // Still open bars run on to now, so the chart grows while they work and wait.
            const double arrived = timing.arrived() ? timing.arrivedMs : now;
            segments.push_back({row, timing.workFromMs / 1000, arrived / 1000, true});
            if (timing.arrived())
                segments.push_back({row, timing.arrivedMs / 1000,
                                    (timing.continued() ? timing.continuedMs : now) / 1000, false});
            if (!timing.continued())
                break;
        }
    }
    gantt_->setSegments(int(progress.timings.size()), segments, now / 1000);
    const int released = std::min(progress.phasesReleased(), progress.phases);
    std::vector<double> releases;
    for (int phase = 0; phase < released; ++phase)
        releases.push_back(progress.releasedMs[std::size_t(phase)] / 1000);
    gantt_->setMarkers(releases, tr("barrier released"));

    summary_->setText(tr("%1 of %2 phases done%3 · %4 ms · the others waited %5 ms in all")
                          .arg(released)
                          .arg(progress.phases)
                          .arg(progress.stopped ? tr(" (stopped)") : QString())
                          .arg(progress.elapsedMs, 0, 'f', 0)
                          .arg(progress.totalWaitedMs(), 0, 'f', 0));
    QStringList slowest;
    for (int phase = 0; phase < released; ++phase)
        slowest << tr("%1: thread %2 (%3 ms waited)")
                       .arg(phase + 1)
                       .arg(progress.slowestThread(phase) + 1)
                       .arg(progress.waitedMs(phase), 0, 'f', 0);
    slowest_->setText(
        slowest.isEmpty() ? QString() : tr("Slowest in each phase — %1").arg(slowest.join(" · ")));
}

} // namespace stampede
