#include "ui/lab/requests/RequestsPage.h"

#include "core/lab/requests/RequestsDemo.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/GanttChart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace stampede {

namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "RequestsPage",
    "<b>What you see.</b> The same N requests to the embedded server, which takes D "
    "milliseconds to answer each. <b>One at a time</b>, every request waits (light) for all "
    "the ones before it: the total is N × D. <b>All at once</b>, they wait together: the "
    "total is about D.<br><br>"
    "<b>Why.</b> While a request is on its way, the client does nothing but wait: the time "
    "is spent in the network and in the server, not in our CPU. Waiting for many things at "
    "once costs no more than waiting for one, so concurrency hides the latency. This is the "
    "whole idea behind async I/O, connection pools and the load engine itself, which sends "
    "these requests from one thread.<br><br>"
    "<b>The limit.</b> It works while the server can serve them all at once. Against a server "
    "with two workers, all at once would take N ÷ 2 × D: try the semaphore demo.");

// Requests in the order they started, each waiting from the moment all were wanted (0).
std::vector<GanttChart::Bar> bars(std::vector<RequestRecord> records) {
    std::sort(records.begin(), records.end(), [](const RequestRecord& a, const RequestRecord& b) {
        return a.startedMs < b.startedMs;
    });
    std::vector<GanttChart::Bar> result;
    for (const RequestRecord& r : records)
        result.push_back({0, r.startedMs / 1000, r.doneMs / 1000});
    return result;
}

QString seconds(double ms) {
    return QString::number(ms / 1000, 'f', 2) + QStringLiteral(" s");
}

} // namespace

RequestsPage::RequestsPage(QWidget* parent)
    : DemoPage(parent)
    , requests_(new QSpinBox(this))
    , delay_(new QSpinBox(this))
    , totals_(new QLabel(this))
    , sequential_(new GanttChart(tr("One at a time (1 user)"), tr("request"),
                                 QColor(0xd6, 0x27, 0x28), this))
    , concurrent_(new GanttChart(tr("All at once (N users)"), tr("request"),
                                 QColor(0x2c, 0xa0, 0x2c), this)) {
    setObjectName("requestsPage");
    requests_->setObjectName("requests");
    delay_->setObjectName("delay");
    sequential_->setObjectName("sequentialChart");
    concurrent_->setObjectName("concurrentChart");
    requests_->setRange(1, RequestsOptions::kMaxRequests);
    requests_->setValue(RequestsOptions{}.requests);
    delay_->setRange(0, 5000);
    delay_->setSingleStep(50);
    delay_->setSuffix(tr(" ms"));
    delay_->setValue(int(RequestsOptions{}.delay.count()));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Requests (N):"), this));
    controls->addWidget(requests_);
    controls->addWidget(new QLabel(tr("Server delay (D):"), this));
    controls->addWidget(delay_);
    controls->addWidget(buttons());
    controls->addStretch(1);
    totals_->setObjectName("totals");
    totals_->setTextFormat(Qt::RichText);

    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(totals_);
    left->addWidget(sequential_, 1);
    left->addWidget(concurrent_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(new ExplanationPanel(tr(kExplanation), this), 1);

    lockWhileRunning({requests_, delay_});
    reset();
}

RequestsOptions RequestsPage::options() const {
    RequestsOptions options; // the controller adds the target's URL
    options.requests = requests_->value();
    options.delay = std::chrono::milliseconds(delay_->value());
    return options;
}

void RequestsPage::runEnded(const RequestsProgress& progress) {
    showProgress(progress);
    runFinished();
}

void RequestsPage::clear() {
    sequential_->reset();
    concurrent_->reset();
    totals_->setText(tr("Press Start: N requests one at a time, then the same N all at once."));
}

void RequestsPage::showProgress(const RequestsProgress& progress) {
    const double sequentialMs = progress.sequential.totalMs();
    const double concurrentMs = progress.concurrent.totalMs();
    sequential_->setBars(bars(progress.sequential.records), sequentialMs / 1000);
    concurrent_->setBars(bars(progress.concurrent.records), concurrentMs / 1000);
    // One time scale for both, so the difference is seen, not read.
    const double scale = std::max(sequentialMs, concurrentMs) / 1000;
    sequential_->setMinimumSeconds(scale);
    concurrent_->setMinimumSeconds(scale);

    QString text = tr("One at a time: <b>%1</b> (%2 of %3)")
                       .arg(seconds(sequentialMs))
                       .arg(progress.sequential.records.size())
                       .arg(progress.requests);
    if (progress.concurrent.started)
        text += tr(" &nbsp;·&nbsp; All at once: <b>%1</b> (%2 of %3)")
                    .arg(seconds(concurrentMs))
                    .arg(progress.concurrent.records.size())
                    .arg(progress.requests);
    if (progress.speedUp() > 0)
        text += tr(" &nbsp;·&nbsp; <b>%1× faster</b>").arg(progress.speedUp(), 0, 'f', 1);
    const int errors = progress.sequential.errors() + progress.concurrent.errors();
    if (errors > 0)
        text += tr(" &nbsp;·&nbsp; <span style='color:#d62728'>%1 failed</span>").arg(errors);
    if (progress.phase == RequestsProgress::Phase::Failed)
        text = tr("<span style='color:#d62728'>Could not run: %1</span>")
                   .arg(QString::fromStdString(progress.failure).toHtmlEscaped());
    else if (progress.phase == RequestsProgress::Phase::Stopped)
        text += tr(" &nbsp;·&nbsp; stopped");
    totals_->setText(text);
}

} // namespace stampede
