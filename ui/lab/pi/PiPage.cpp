#include "ui/lab/pi/PiPage.h"

#include "core/lab/pi/PiProgress.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/pi/PiConvergenceChart.h"
#include "ui/lab/pi/PiRateChart.h"
#include "ui/lab/pi/SpeedupChart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <numbers>

namespace stampede {
namespace {

const char* const kExplanation = QT_TRANSLATE_NOOP(
    "PiPage",
    "<p>Throw darts at a square at random: the share that lands inside the quarter circle is "
    "π/4. Each thread throws its own darts from its <b>own random stream</b> (seed + thread "
    "number) and shares nothing with the others until the end, so the work is "
    "<b>independent</b> and two cores do it in half the time: watch the per-thread bars stay "
    "equal.</p>"
    "<p>The estimate wobbles, but less and less. Each dart is a coin toss, so the error "
    "shrinks like <b>1/√n</b>: the green funnel is ± two standard errors, "
    "4·√(p(1−p)/n). A hundred times more darts buy one more correct digit.</p>"
    "<p>The <b>speed-up sweep</b> runs the same darts on 1, 2, … threads. <b>Amdahl's "
    "law</b>: if a share f of the work cannot run in parallel, n threads give at most "
    "1/(f + (1−f)/n); the fit tells f for this machine. Beyond the number of cores, extra "
    "threads only take turns.</p>"
    "<p><b>The GIL.</b> CPython lets one thread at a time run Python code: each holds the "
    "<b>global interpreter lock</b> while it runs. Tick the box and every thread must hold one "
    "lock while it draws a chunk: the threads take turns, the total stays at one core's speed "
    "(watch the Threads &amp; CPU dock: total CPU near one core), and the sweep's orange line "
    "stays flat at 1×. Without the lock (Numba's <tt>nogil</tt>, or C++ here) every core "
    "works.</p>");

QString millions(double perSecond) {
    return QString::number(perSecond / 1e6, 'f', 1);
}

} // namespace

PiPage::PiPage(int cores, QWidget* parent)
    : QWidget(parent)
    , cores_(std::max(1, cores))
    , controls_(new PiControls(cores_, this))
    , status_(new QLabel(this))
    , result_(new QLabel(this))
    , sweepResult_(new QLabel(this))
    , convergence_(new PiConvergenceChart(this))
    , rates_(new PiRateChart(this))
    , speedup_(new SpeedupChart(this)) {
    setObjectName("piPage");
    result_->setObjectName("result");
    sweepResult_->setObjectName("sweepResult");
    status_->setObjectName("status");
    convergence_->setObjectName("convergenceChart");
    rates_->setObjectName("rateChart");
    speedup_->setObjectName("speedupChart");
    connect(controls_, &PiControls::startRequested, this, &PiPage::startRequested);
    connect(controls_, &PiControls::stopRequested, this, &PiPage::stopRequested);
    connect(controls_, &PiControls::resetRequested, this, &PiPage::resetRequested);
    connect(controls_, &PiControls::sweepRequested, this, &PiPage::sweepRequested);
    connect(controls_, &PiControls::traceRequested, this, &PiPage::traceRequested);
    // One above the other: side by side, the two small charts' legends make the page wider
    // than a 1400 px window leaves beside the lab list and the Threads & CPU dock.
    auto* charts = new QVBoxLayout;
    charts->addWidget(convergence_, 2);
    charts->addWidget(rates_, 1);
    charts->addWidget(speedup_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildColumn());
    layout->addLayout(charts, 1);
    reset();
}

QWidget* PiPage::buildColumn() {
    auto* panel = new QWidget(this);
    panel->setMaximumWidth(300);
    for (QLabel* label : {status_, result_, sweepResult_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{controls_, status_, result_, sweepResult_})
        column->addWidget(widget);
    column->addWidget(new ExplanationPanel(tr(kExplanation), panel), 1);
    return panel;
}

void PiPage::runStarted() {
    convergence_->reset();
    rates_->reset();
    result_->clear();
    status_->setText(tr("Running…"));
    controls_->setBusy(true);
}

void PiPage::showProgress(const PiProgress& progress) {
    convergence_->addCheckpoints(progress.checkpoints);
    convergence_->addTally(progress.tally);
    rates_->setLanes(progress.lanes);
    const double error = progress.tally.estimate() - std::numbers::pi;
    QStringList perThread, waiting;
    for (std::size_t i = 0; i < progress.lanes.size(); ++i) {
        const PiLaneFigures& lane = progress.lanes[i];
        perThread << tr("pi-%1 %2").arg(i + 1).arg(millions(lane.samplesPerSecond()));
        waiting << tr("pi-%1 %2 %")
                       .arg(i + 1)
                       .arg(lane.seconds > 0 ? 100 * lane.waitSeconds / lane.seconds : 0.0, 0, 'f',
                            0);
    }
    result_->setText(
        tr("π ≈ <b>%1</b><br>error vs π %2, standard error σ %3<br>%L4 samples in %5 s<br>"
           "%6 M samples/s (%7)")
            .arg(progress.tally.estimate(), 0, 'f', 7)
            .arg(error, 0, 'e', 1)
            .arg(progress.tally.standardError(), 0, 'e', 1)
            .arg(progress.tally.samples)
            .arg(progress.seconds, 0, 'f', 2)
            .arg(millions(progress.samplesPerSecond()), perThread.join(QStringLiteral(", "))) +
        (controls_->options().gil
             ? tr("<br>waiting for the lock: %1").arg(waiting.join(QStringLiteral(", ")))
             : QString()));
}

void PiPage::runEnded(const PiProgress& progress) {
    showProgress(progress);
    status_->setText(progress.stopped         ? tr("Stopped.")
                     : progress.targetReached ? tr("Done: the standard error is below the target.")
                     : controls_->options().targetError
                         ? tr("Done: the target was not reached within the samples.")
                         : tr("Done."));
    controls_->setBusy(false);
    controls_->setTraceAvailable(true);
}

void PiPage::sweepStarted() {
    speedup_->reset();
    sweepResult_->clear();
    status_->setText(sweepOptions().run.gil
                         ? tr("Sweeping 1 to %1 threads without the lock, then with it…")
                               .arg(sweepOptions().maxThreads)
                         : tr("Sweeping 1 to %1 threads…").arg(sweepOptions().maxThreads));
    controls_->setBusy(true);
}

void PiPage::showProgress(const PiSweepProgress& sweep) {
    const std::vector<PiSweepRow>& rows = sweep.rows;
    const std::optional<AmdahlFit>& fit = sweep.fit;
    speedup_->showSweep(rows, fit, cores_, sweepOptions().maxThreads);
    QString table =
        tr("<table><tr><th>threads</th><th>&nbsp;seconds</th><th>&nbsp;speed-up</th></tr>");
    for (const PiSweepRow& row : rows)
        table += QStringLiteral("<tr><td align=right>%1%4</td><td align=right>%2</td>"
                                "<td align=right>%3×</td></tr>")
                     .arg(row.threads)
                     .arg(row.seconds, 0, 'f', 3)
                     .arg(row.speedup, 0, 'f', 2)
                     .arg(row.gil ? tr(" GIL") : QString());
    table += QStringLiteral("</table>");
    if (fit)
        table += tr("Amdahl serial fraction: <b>%1 %</b> (fitted up to %2 threads, the cores)")
                     .arg(fit->serialFraction() * 100, 0, 'f', 1)
                     .arg(cores_);
    sweepResult_->setText(table);
}

void PiPage::runEnded(const PiSweepProgress& sweep) {
    showProgress(sweep);
    status_->setText(int(sweep.rows.size()) == sweepOptions().runs() ? tr("Sweep done.")
                                                                     : tr("Sweep stopped."));
    controls_->setBusy(false);
    controls_->setTraceAvailable(true);
}

void PiPage::showProblem(const QString& problem) {
    status_->setText(tr("Cannot start: %1").arg(problem));
}

void PiPage::reset() {
    convergence_->reset();
    rates_->reset();
    speedup_->reset();
    result_->clear();
    sweepResult_->clear();
    status_->setText(tr("Ready."));
    controls_->setBusy(false);
    controls_->setTraceAvailable(false);
}

} // namespace stampede
