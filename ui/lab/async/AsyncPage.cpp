#include "ui/lab/async/AsyncPage.h"

#include "core/lab/async/AsyncSummary.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/GanttChart.h"

#include <qcustomplot.h>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace stampede {

namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "AsyncPage",
    "<b>What you see.</b> N requests leave at once; each asks the server for its own delay, "
    "drawn with the seed, so a seed replays the same run. Four ways to wait, as in asyncio:"
    "<br><br><b>gather</b>: <code>await asyncio.gather(*tasks)</code> gives nothing until the "
    "last is in, then all, in the order sent. A light bar that stopped growing is an answer "
    "it still holds back.<br><br>"
    "<b>as_completed</b>: <code>for t in asyncio.as_completed(tasks)</code> gives each result "
    "as it lands: the list fills out of order.<br><br>"
    "<b>FIRST_COMPLETED</b>: <code>asyncio.wait(tasks, return_when=FIRST_COMPLETED)</code> "
    "returns with the first; <code>task.cancel()</code> ends the rest.<br><br>"
    "<b>timeout</b>: <code>asyncio.wait(tasks, timeout=T)</code> returns at T with what is "
    "done; the pending ones are cancelled.<br><br>"
    "<b>Cancelling is real.</b> The engine resets each connection still waiting: no answer "
    "is read, nothing more arrives. Forgetting a request does not stop it; cancelling does.");

constexpr std::array<QRgb, 4> kColors{0x1f77b4, 0x2ca02c, 0xff7f0e, 0x9467bd};

std::vector<GanttChart::Segment> segments(const AsyncRound& round) {
    std::vector<GanttChart::Segment> out;
    for (const AsyncRequest& r : round.requests()) {
        const double end = (r.endMs >= 0 ? r.endMs : round.nowMs) / 1000;
        GanttChart::Segment segment{r.index, r.startedMs / 1000, end, false, false};
        segment.running = r.state == AsyncRequest::State::Taken;
        segment.cancelled = r.state == AsyncRequest::State::Cancelled;
        out.push_back(segment);
    }
    return out;
}

// The moment the round's lesson turns on: T, the cancel, or gather's return.
std::vector<double> markers(const AsyncRound& round) {
    if (round.mode == AsyncMode::Timeout && round.started)
        return {round.timeoutMs / 1000};
    if (round.mode == AsyncMode::FirstCompleted && round.cancelledAtMs)
        return {*round.cancelledAtMs / 1000};
    if (round.mode == AsyncMode::Gather && !round.taken().empty())
        return {round.endMs() / 1000};
    return {};
}

QString markerName(AsyncMode mode, double timeoutMs) {
    switch (mode) {
    case AsyncMode::Gather:
        return AsyncPage::tr("gather returns");
    case AsyncMode::FirstCompleted:
        return AsyncPage::tr("the rest cancelled");
    case AsyncMode::Timeout:
        return AsyncPage::tr("timeout T = %1 ms").arg(timeoutMs);
    case AsyncMode::AsCompleted:
        break;
    }
    return {};
}

QString chartTitle(AsyncMode mode) {
    switch (mode) {
    case AsyncMode::Gather:
        return AsyncPage::tr("gather: all at the end");
    case AsyncMode::AsCompleted:
        return AsyncPage::tr("as_completed: each as it lands");
    case AsyncMode::FirstCompleted:
        return AsyncPage::tr("wait, FIRST_COMPLETED");
    case AsyncMode::Timeout:
        return AsyncPage::tr("wait, with a timeout T");
    }
    return {};
}

} // namespace

AsyncPage::AsyncPage(QWidget* parent)
    : DemoPage(parent)
    , requests_(spinBox(1, AsyncOptions::kMaxRequests, AsyncOptions{}.requests, {}, this))
    , fastest_(spinBox(0, 10'000, 50, tr(" ms"), this))
    , slowest_(spinBox(0, 10'000, 500, tr(" ms"), this))
    , timeout_(spinBox(1, AsyncOptions::kMaxTimeoutMs, int(AsyncOptions{}.timeout.count()),
                       tr(" ms"), this))
    , seed_(spinBox(0, 1'000'000, int(AsyncOptions{}.seed), {}, this))
    , status_(new QLabel(this)) {
    setObjectName("asyncPage");
    requests_->setObjectName("requests");
    fastest_->setObjectName("fastest");
    slowest_->setObjectName("slowest");
    timeout_->setObjectName("timeout");
    seed_->setObjectName("seed");
    fastest_->setSingleStep(50);
    slowest_->setSingleStep(50);
    timeout_->setSingleStep(50);
    // uniform:A-B needs A <= B: the slowest follows the fastest up.
    connect(fastest_, &QSpinBox::valueChanged, slowest_, &QSpinBox::setMinimum);
    slowest_->setMinimum(fastest_->value());

    auto* form = new QFormLayout;
    form->addRow(tr("Requests (N)"), requests_);
    form->addRow(tr("Fastest delay"), fastest_);
    form->addRow(tr("Slowest delay"), slowest_);
    form->addRow(tr("Timeout (T)"), timeout_);
    form->addRow(tr("Seed"), seed_);
    status_->setObjectName("status");
    status_->setTextFormat(Qt::RichText);
    status_->setWordWrap(true);
    auto* column = new QWidget(this);
    column->setMaximumWidth(300);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addLayout(form);
    columnLayout->addWidget(buttons());
    columnLayout->addWidget(status_);
    columnLayout->addWidget(new ExplanationPanel(tr(kExplanation), column), 1);

    // One above the other on one time axis: where first completed and the timeout stop
    // lines up with gather's long wait, and the page fits beside the lab list and the dock.
    auto* charts = new QVBoxLayout;
    for (const AsyncMode mode : kAsyncModes) {
        const auto i = static_cast<std::size_t>(mode);
        const QString name = QString::fromUtf8(asyncModeName(mode).data());
        auto* chart = new GanttChart(chartTitle(mode), tr("request"), QColor(kColors[i]), this);
        chart->setObjectName(name + "Chart");
        // Four fit a 1000-pixel screen: lower than a chart's usual least height, and the
        // shared time axis named once, under the last.
        chart->setMinimumHeight(150);
        if (mode != AsyncMode::Timeout)
            chart->plot()->xAxis->setLabel({});
        // Every row numbered would overlap at this height; every other one reads.
        if (auto rows = chart->plot()->yAxis->ticker().dynamicCast<QCPAxisTickerFixed>())
            rows->setTickCount(5);
        chart->setLegendNames(tr("in flight / not taken"), tr("taken"));
        if (mode == AsyncMode::FirstCompleted || mode == AsyncMode::Timeout)
            chart->showCancelled(tr("cancelled"));
        auto* summary = new QLabel(this);
        summary->setObjectName(name + "Summary");
        summary->setWordWrap(true);
        charts_[i] = chart;
        summaries_[i] = summary;
        charts->addWidget(chart, 1);
        charts->addWidget(summary);
    }
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(column);
    layout->addLayout(charts, 1);

    lockWhileRunning({requests_, fastest_, slowest_, timeout_, seed_});
    reset();
}

AsyncOptions AsyncPage::options() const {
    AsyncOptions options; // the controller adds the target's URL
    options.requests = requests_->value();
    options.latency =
        "uniform:" + std::to_string(fastest_->value()) + "-" + std::to_string(slowest_->value());
    options.timeout = std::chrono::milliseconds(timeout_->value());
    options.seed = static_cast<std::uint64_t>(seed_->value());
    return options;
}

void AsyncPage::runEnded(const AsyncProgress& progress) {
    showProgress(progress);
    runFinished();
}

void AsyncPage::clear() {
    for (GanttChart* chart : charts_)
        chart->reset();
    for (QLabel* summary : summaries_)
        summary->clear();
    status_->setText(tr("Press Start: N requests at once, waited for four ways, one after the "
                        "other."));
}

void AsyncPage::showProgress(const AsyncProgress& progress) {
    // One time scale for all four, so what first completed and the timeout save is seen.
    double scale = 0;
    for (const AsyncRound& round : progress.rounds)
        scale = std::max({scale, round.endMs(), round.nowMs});
    int current = 0;
    for (const AsyncRound& round : progress.rounds) {
        const auto i = static_cast<std::size_t>(round.mode);
        GanttChart* chart = charts_[i];
        if (round.started) {
            chart->setSegments(round.requestCount(), segments(round), round.nowMs / 1000);
            chart->setMarkers(markers(round), markerName(round.mode, round.timeoutMs));
        }
        chart->setMinimumSeconds(scale / 1000);
        // A round still to come says nothing yet; one a stop kept from running says so.
        QString text = round.started || progress.ended()
                           ? QString::fromStdString(roundSummary(round))
                           : QString();
        if (round.mode == AsyncMode::AsCompleted && !round.completions.empty())
            text += tr("\nIn the order they came: ") + QString::fromStdString(takenList(round));
        summaries_[i]->setText(text);
        current += round.started ? 1 : 0;
    }
    QString text = tr("Round %1 of %2").arg(current).arg(progress.rounds.size());
    if (progress.phase == AsyncProgress::Phase::Done)
        text = tr("All four done. Cancelled requests had their connections reset by the "
                  "engine: nothing more came from them.");
    else if (progress.phase == AsyncProgress::Phase::Stopped)
        text += tr(" &nbsp;·&nbsp; stopped: what was in flight was cancelled");
    else if (progress.phase == AsyncProgress::Phase::Failed)
        text = tr("<span style='color:#d62728'>Could not run: %1</span>")
                   .arg(QString::fromStdString(progress.failure).toHtmlEscaped());
    status_->setText(text);
}

} // namespace stampede
