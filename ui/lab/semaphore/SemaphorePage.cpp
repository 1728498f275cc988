#include "ui/lab/semaphore/SemaphorePage.h"

#include "core/lab/semaphore/SemaphoreDemo.h"
#include "ui/lab/ActiveCountChart.h"
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
    "SemaphorePage",
    "<b>What you see.</b> Every job is a thread, and all of them are ready at once. A "
    "<b>counting semaphore</b> holds K permits: a job takes one before it runs and gives it "
    "back when it is done. Jobs without a permit wait (light bars); at most K run at any "
    "moment (strong bars), so the green line touches the red limit and never crosses it."
    "<br><br><b>Why limit at all?</b> A database with 10 connections, an API that allows 5 "
    "calls at a time, a machine with 2 cores: more at once only queues inside the resource, "
    "or breaks it. The semaphore makes the queue visible and keeps it on our side."
    "<br><br><b>Try:</b> K = 1 runs the jobs one after the other; K ≥ J runs all at once. In "
    "between, the total is about (sum of the job times) ÷ K. The order in which waiting jobs "
    "get a permit is up to the scheduler: a semaphore is not a first-come, first-served "
    "queue.");

} // namespace

SemaphorePage::SemaphorePage(QWidget* parent)
    : DemoPage(parent)
    , jobs_(spinBox(1, SemaphoreOptions::kMaxJobs, SemaphoreOptions{}.jobs, {}, this))
    , limit_(spinBox(1, SemaphoreOptions::kMaxLimit, SemaphoreOptions{}.limit, {}, this))
    , jobMs_(spinBox(10, 5000, int(SemaphoreOptions{}.jobTime.count()), tr(" ms"), this))
    , summary_(new QLabel(this))
    , gantt_(new GanttChart(tr("Jobs"), tr("job"), QColor(0x1f, 0x77, 0xb4), this))
    , active_(new ActiveCountChart(this)) {
    setObjectName("semaphorePage");
    jobs_->setObjectName("jobs");
    limit_->setObjectName("limit");
    jobMs_->setObjectName("jobMs");
    gantt_->setObjectName("gantt");
    active_->setObjectName("activeChart");
    jobMs_->setSingleStep(50);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Jobs:"), this));
    controls->addWidget(jobs_);
    controls->addWidget(new QLabel(tr("At most at once (K):"), this));
    controls->addWidget(limit_);
    controls->addWidget(new QLabel(tr("Job length about:"), this));
    controls->addWidget(jobMs_);
    controls->addWidget(buttons());
    controls->addStretch(1);
    summary_->setObjectName("summary");

    // The same left margin on both charts lines their time axes up, one above the other.
    for (LiveChart* chart : {static_cast<LiveChart*>(gantt_), static_cast<LiveChart*>(active_)})
        chart->plot()->axisRect()->setMinimumMargins(QMargins(64, 10, 10, 10));
    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(summary_);
    left->addWidget(gantt_, 3);
    left->addWidget(active_, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(new ExplanationPanel(tr(kExplanation), this), 1);

    lockWhileRunning({jobs_, limit_, jobMs_});
    reset();
}

SemaphoreOptions SemaphorePage::options() const {
    SemaphoreOptions options;
    options.jobs = jobs_->value();
    options.limit = limit_->value();
    options.jobTime = std::chrono::milliseconds(jobMs_->value());
    return options;
}

void SemaphorePage::runEnded(const SemaphoreProgress& progress) {
    showProgress(progress);
    runFinished();
}

void SemaphorePage::clear() {
    gantt_->reset();
    active_->reset();
    summary_->setText(tr("Press Start: all jobs queue at once, at most K run at a time."));
}

void SemaphorePage::showProgress(const SemaphoreProgress& progress) {
    std::vector<GanttChart::Bar> bars;
    for (const JobTiming& job : progress.jobs)
        bars.push_back(
            {std::max(job.queuedMs, 0.0) / 1000, job.startedMs / 1000, job.finishedMs / 1000});
    const double now = progress.elapsedMs / 1000;
    gantt_->setBars(bars, now);
    active_->setSamples(progress.active, progress.limit, progress.elapsedMs);
    summary_->setText(
        tr("%1 of %2 jobs done%3 · total %4 ms · most running at once %5 (limit %6) · "
           "mean wait %7 ms · mean run %8 ms")
            .arg(progress.finishedJobs())
            .arg(progress.jobs.size())
            .arg(progress.stopped ? tr(" (stopped)") : QString())
            .arg(progress.totalMs(), 0, 'f', 0)
            .arg(progress.maxActive)
            .arg(progress.limit)
            .arg(progress.meanWaitMs(), 0, 'f', 0)
            .arg(progress.meanRunMs(), 0, 'f', 0));
}

} // namespace stampede
