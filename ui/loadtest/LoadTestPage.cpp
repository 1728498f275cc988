#include "ui/loadtest/LoadTestPage.h"

#include "core/engine/RunSnapshot.h"
#include "ui/loadtest/StepTitle.h"
#include "ui/loadtest/charts/HistogramChart.h"
#include "ui/loadtest/charts/InFlightChart.h"
#include "ui/loadtest/charts/LatencyChart.h"
#include "ui/loadtest/charts/StatusChart.h"
#include "ui/loadtest/charts/ThroughputChart.h"
#include "ui/loadtest/charts/TimelineChart.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/loadtest/results/ErrorTable.h"
#include "ui/loadtest/results/RunSummaryTable.h"
#include "ui/loadtest/results/StatusCodeTable.h"
#include "ui/loadtest/results/StepTable.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace stampede {

LoadTestPage::LoadTestPage(QWidget* parent)
    : QWidget(parent)
    , form_(new LoadTestForm(this))
    , start_(new QPushButton(tr("Start"), this))
    , stop_(new QPushButton(tr("Stop"), this))
    , progress_(new QProgressBar(this))
    , status_(new QLabel(this))
    , summary_(new RunSummaryTable(this))
    , statusTable_(new StatusCodeTable(this))
    , errorTable_(new ErrorTable(this))
    , stepTable_(new StepTable(this))
    , splitter_(new QSplitter(this))
    , throughput_(new ThroughputChart(this))
    , latency_(new LatencyChart(this))
    , histogram_(new HistogramChart(this))
    , statusCodes_(new StatusChart(this))
    , inFlight_(new InFlightChart(this))
    , timeline_(new TimelineChart(this)) {
    start_->setObjectName("start");
    start_->setShortcut(QKeySequence("Ctrl+R"));
    start_->setToolTip(tr("Start the load test (Ctrl+R)"));
    stop_->setObjectName("stop");
    stop_->setShortcut(QKeySequence(Qt::Key_Escape));
    stop_->setToolTip(tr("Stop now and keep what was measured (Esc)"));
    status_->setObjectName("runStatus");
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText); // it may name a run, which is the user's text
    progress_->setTextVisible(true);
    connect(start_, &QPushButton::clicked, this, &LoadTestPage::startRequested);
    connect(stop_, &QPushButton::clicked, this, &LoadTestPage::stopRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    // A flow's steps make the form tall: it gets more of the column than the summary, which
    // scrolls.
    leftLayout->addWidget(form_, 3);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(progress_);
    leftLayout->addWidget(status_);
    leftLayout->addWidget(summary_, 1);

    // Two tabs of three charts: enough room for each on a laptop screen.
    auto* overview = new QWidget(this);
    auto* overviewGrid = new QGridLayout(overview);
    overviewGrid->addWidget(throughput_, 0, 0);
    overviewGrid->addWidget(latency_, 0, 1);
    overviewGrid->addWidget(histogram_, 1, 0);
    overviewGrid->addWidget(statusCodes_, 1, 1);
    auto* concurrency = new QWidget(this);
    auto* concurrencyLayout = new QVBoxLayout(concurrency);
    concurrencyLayout->addWidget(inFlight_);
    concurrencyLayout->addWidget(timeline_);
    auto* responses = new QWidget(this);
    auto* responsesLayout = new QVBoxLayout(responses);
    responsesLayout->addWidget(new QLabel(tr("<b>Status codes</b>"), responses));
    responsesLayout->addWidget(statusTable_, 1);
    responsesLayout->addWidget(new QLabel(tr("<b>Errors</b>"), responses));
    responsesLayout->addWidget(errorTable_, 2);
    auto* charts = new QTabWidget(this);
    charts->setObjectName("resultTabs");
    charts->addTab(overview, tr("Throughput and latency"));
    charts->addTab(concurrency, tr("Concurrency and timeline"));
    charts->addTab(responses, tr("Status codes and errors"));

    // A flow's steps above the charts, where they are read while the run goes on.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    stepTable_->hide();
    rightLayout->addWidget(stepTable_);
    rightLayout->addWidget(charts, 1);

    splitter_->setObjectName("loadTestSplitter");
    splitter_->addWidget(left);
    splitter_->addWidget(right);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({400, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter_);
    setRunning(false);
}

void LoadTestPage::setStartAllowed(bool allowed) {
    startAllowed_ = allowed;
    start_->setEnabled(allowed && !running_);
}

void LoadTestPage::setRunning(bool running) {
    running_ = running;
    start_->setEnabled(startAllowed_ && !running);
    stop_->setEnabled(running);
    form_->setEnabled(!running);
}

void LoadTestPage::clearFor(const std::vector<Step>& steps) {
    for (LiveChart* chart : charts())
        chart->reset();
    summary_->clearValues();
    statusTable_->clearValues();
    errorTable_->clearValues();
    stepTable_->setSteps(steps);
    stepTable_->setVisible(steps.size() > 1);
    QStringList titles;
    for (const Step& step : steps)
        titles << stepTitle(step);
    latency_->setSteps(steps.size() > 1 ? titles : QStringList());
}

void LoadTestPage::runStarted() {
    clearFor(form_->plan().steps);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    currentRate_ = {};
    status_->setText(tr("Starting…"));
    setRunning(true);
}

void LoadTestPage::showSnapshot(const RunSnapshot& s) {
    throughput_->appendRows(s.newRows);
    latency_->appendRows(s.newRows);
    inFlight_->appendRows(s.newRows);
    timeline_->appendRecords(s.timelineSample);
    histogram_->setHistogram(s.latency);
    statusCodes_->setCounts(s.statusCounts, s.errorsByClass);
    latency_->setOverall(s.latency,
                         s.model == LoadShape::Model::Open ? &s.latencyUncorrected : nullptr);
    summary_->show(s);
    statusTable_->show(s.statusCounts, s.requests);
    errorTable_->show(s.errorsByClass, s.requests);
    if (s.steps.size() > 1) {
        stepTable_->show(s);
        stepTable_->setVisible(true);
        std::vector<std::optional<double>> stepP99;
        for (const StepFigures& step : s.steps)
            stepP99.push_back(step.latency.count() > 0
                                  ? std::optional(double(step.latency.quantile(0.99)) / 1000.0)
                                  : std::nullopt);
        latency_->setStepOverall(stepP99);
    }

    // Progress by time or by count, whichever the run will reach first.
    double done = 0;
    if (s.plannedDuration)
        done = s.seconds() / std::chrono::duration<double>(*s.plannedDuration).count();
    if (s.requestLimit)
        done = std::max(done, double(s.requests) / double(*s.requestLimit));
    progress_->setRange(0, (s.plannedDuration || s.requestLimit) ? 1000 : 0);
    progress_->setValue(static_cast<int>(std::min(done, 1.0) * 1000));

    QString text = tr("%1 s elapsed").arg(s.seconds(), 0, 'f', 1);
    if (s.plannedDuration)
        text += tr(", %1 s left")
                    .arg(std::max(0.0, std::chrono::duration<double>(*s.plannedDuration).count() -
                                           s.seconds()),
                         0, 'f', 1);
    text += tr(" · %1 req/s · %2 % errors")
                .arg(currentRate_.next(s), 0, 'f', 0)
                .arg(s.errorPercent(), 0, 'f', 1);
    status_->setText(text);
    emit statusChanged(text);
}

void LoadTestPage::runEnded(const RunReport& report) {
    summary_->showTransport(QString::fromStdString(report.engine),
                            QString::fromStdString(report.engineWhy), report.threads,
                            QString::fromStdString(report.httpVersion));
    showSnapshot(report.final);
    const QString text = tr("Run %1 after %2 s: %3 requests, %4 errors")
                             .arg(phaseName(report.final.phase))
                             .arg(report.final.seconds(), 0, 'f', 1)
                             .arg(report.final.requests)
                             .arg(report.final.errors);
    status_->setText(text);
    emit statusChanged(text);
    if (report.final.phase == RunSnapshot::Phase::Finished)
        progress_->setValue(progress_->maximum());
    setRunning(false);
}

void LoadTestPage::showReport(const RunReport& report, const QString& title) {
    if (running_)
        return;
    clearFor(report.plan.steps);
    // The whole series at once; the final snapshot's own rows are among them already.
    throughput_->appendRows(report.timeSeries);
    latency_->appendRows(report.timeSeries);
    inFlight_->appendRows(report.timeSeries);
    RunReport ended = report;
    ended.final.newRows.clear();
    ended.final.timelineSample.clear();
    runEnded(ended);
    const QString text = tr("%1 — %2 after %3 s: %4 requests, %5 errors")
                             .arg(title, QString::fromLatin1(phaseName(report.final.phase)))
                             .arg(report.final.seconds(), 0, 'f', 1)
                             .arg(report.final.requests)
                             .arg(report.final.errors);
    status_->setText(text);
    emit statusChanged(text);
}

QString LoadTestPage::statusText() const {
    return status_->text();
}

QList<LiveChart*> LoadTestPage::charts() const {
    return {throughput_, latency_, histogram_, statusCodes_, inFlight_, timeline_};
}

QByteArray LoadTestPage::saveState() const {
    return splitter_->saveState();
}

bool LoadTestPage::restoreState(const QByteArray& state) {
    return splitter_->restoreState(state);
}

} // namespace stampede
