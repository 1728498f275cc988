#include "ui/lab/servers/ServersPage.h"

#include "core/lab/servers/ServersSummary.h"
#include "core/report/RunComparison.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/loadtest/compare/HistogramOverlayChart.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stampede {
namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "ServersPage",
    "<b>Flask or FastAPI?</b> A <b>sync</b> server gives each request a worker thread and "
    "keeps it there while the request waits (for a database, a file, another service): with W "
    "workers, W requests are served at once and the rest queue. An <b>async</b> server waits "
    "on an event loop instead: a waiting request costs a timer, not a thread."
    "<br><br>Start runs the same load twice against a private embedded target: U users, each "
    "asking /delay/D again as soon as it is answered, first in sync mode with W workers, "
    "then in async mode."
    "<br><br><b>Little's law</b>: the users in the system equal the throughput times the time "
    "each spends there. The sync server finishes at most W requests every D, so it stops at W "
    "/ D requests a second however many users ask, and each waits about U / (W / D). The "
    "async one serves all U at once: U / D."
    "<br><br><b>Try:</b> W = U makes them equal; a larger U only lengthens the sync queue.");

QString liveLine(const char* name, const ServerRun& run) {
    const RunSnapshot* f = run.report ? &run.report->final : run.latest ? &*run.latest : nullptr;
    if (!f)
        return QString();
    return QObject::tr("%1: <b>%2 req/s</b>, p50 %3 ms, p99 %4 ms, %5 requests%6")
        .arg(QLatin1String(name))
        .arg(f->rps(), 0, 'f', 1)
        .arg(double(f->latency.quantile(0.5)) / 1000, 0, 'f', 1)
        .arg(double(f->latency.quantile(0.99)) / 1000, 0, 'f', 1)
        .arg(f->requests)
        .arg(run.finished ? QString() : QObject::tr(" (running)"));
}

} // namespace

ServersPage::ServersPage(QWidget* parent)
    : DemoPage(parent)
    , workers_(spinBox(1, ServersOptions::kMaxWorkers, ServersOptions{}.workers, {}, this))
    , users_(spinBox(1, ServersOptions::kMaxUsers, ServersOptions{}.users, {}, this))
    , delay_(spinBox(1, 10'000, int(ServersOptions{}.delay.count()), tr(" ms"), this))
    , seconds_(spinBox(
          1, 120,
          int(std::chrono::duration_cast<std::chrono::seconds>(ServersOptions{}.duration).count()),
          tr(" s"), this))
    , live_(new QLabel(this))
    , law_(new QLabel(this))
    , compare_(new CompareView(this)) {
    setObjectName("serversPage");
    workers_->setObjectName("workers");
    users_->setObjectName("users");
    delay_->setObjectName("delay");
    seconds_->setObjectName("seconds");
    live_->setObjectName("live");
    law_->setObjectName("law");
    compare_->setObjectName("compareView");
    // Throughput and percentiles tell this lesson; the third chart would push the page wider
    // than the lab leaves beside the Threads & CPU dock.
    compare_->histogramChart()->hide();
    for (QLabel* label : {live_, law_}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // The settings, figures and explanation in a column; the compare view, which wants the
    // width for its three charts, beside it.
    auto* column = new QWidget(this);
    column->setMaximumWidth(340);
    auto* form = new QFormLayout;
    form->addRow(tr("Sync workers (W)"), workers_);
    form->addRow(tr("Users (U)"), users_);
    form->addRow(tr("Service time (D)"), delay_);
    form->addRow(tr("Each run"), seconds_);
    auto* left = new QVBoxLayout(column);
    left->setContentsMargins(0, 0, 0, 0);
    left->addLayout(form);
    left->addWidget(buttons());
    left->addWidget(live_);
    left->addWidget(law_);
    left->addWidget(new ExplanationPanel(tr(kExplanation), column), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(column);
    layout->addWidget(compare_, 1);
    lockWhileRunning({workers_, users_, delay_, seconds_});
    reset();
}

ServersOptions ServersPage::options() const {
    ServersOptions options;
    options.workers = workers_->value();
    options.users = users_->value();
    options.delay = std::chrono::milliseconds(delay_->value());
    options.duration = std::chrono::seconds(seconds_->value());
    return options;
}

void ServersPage::showProgress(const ServersProgress& progress) {
    QStringList lines;
    const QString sync = liveLine("sync", progress.sync);
    const QString async = liveLine("async", progress.async);
    for (const QString& line : {sync, async})
        if (!line.isEmpty())
            lines << line;
    if (progress.phase == ServersProgress::Phase::Failed)
        lines << tr("<span style='color:#d62728'>Could not run: %1</span>")
                     .arg(QString::fromStdString(progress.failure).toHtmlEscaped());
    else if (progress.phase == ServersProgress::Phase::Stopped)
        lines << tr("stopped");
    live_->setText(lines.join(QStringLiteral("<br>")));
    law_->setText(QString::fromStdString(littlesLawText(options(), progress)).toHtmlEscaped());
}

void ServersPage::runEnded(const ServersProgress& progress) {
    showProgress(progress);
    if (progress.sync.report && progress.async.report) {
        const std::vector<RunReport> runs{*progress.sync.report, *progress.async.report};
        compare_->showComparison(
            runs, compareRuns(runs, {tr("sync, %1 workers").arg(options().workers).toStdString(),
                                     tr("async").toStdString()}));
    }
    runFinished();
}

void ServersPage::showProblem(const QString& problem) {
    live_->setText(
        tr("<span style='color:#d62728'>Cannot start: %1</span>").arg(problem.toHtmlEscaped()));
}

void ServersPage::clear() {
    live_->setText(tr("Press Start: the same load on a sync server, then on an async one."));
    law_->clear();
    compare_->clear(tr("Both runs appear here side by side once they have ended."));
}

} // namespace stampede
