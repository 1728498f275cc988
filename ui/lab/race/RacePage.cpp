#include "ui/lab/race/RacePage.h"

#include "core/lab/race/RaceReport.h"
#include "core/lab/race/WalletRace.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/race/RaceBarChart.h"
#include "ui/lab/race/RaceTable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace stampede {
namespace {

const char* const kExplanation = QT_TRANSLATE_NOOP(
    "RacePage",
    "<p><b>counter = counter + 1</b> is three steps: read, add, write. When two threads read "
    "the same value, both write value + 1 and <b>one update is lost</b>. The count can only "
    "end too low, never too high.</p>"
    "<p><b>Why small runs look fine:</b> starting a thread takes longer than a thousand "
    "additions, so in a short run the threads hardly overlap. Correct output from a test run "
    "proves nothing; run the size sweep.</p>"
    "<p><b>The fixes and their cost:</b> a <b>mutex</b> makes the three steps one, but the "
    "threads queue for it; an <b>atomic</b> add is one indivisible instruction, cheaper but "
    "still fought over; <b>per-thread sums</b> share nothing until the end and are the "
    "fastest. The cheapest lock is the one you do not need.</p>"
    "<p>The <b>wallet</b>: savers and spenders change one balance. Unlocked, money appears or "
    "vanishes.</p>");

} // namespace

RacePage::RacePage(int cores, QWidget* parent)
    : QWidget(parent)
    , controls_(new RaceControls(cores, this))
    , status_(new QLabel(this))
    , walletResult_(new QLabel(this))
    , modes_(new RaceTable(RaceTable::Rows::ByMode, this))
    , sweepTable_(new RaceTable(RaceTable::Rows::BySize, this))
    , lostChart_(new RaceBarChart(tr("Lost updates per mode"), tr("updates lost"),
                                  QColor(0xd6, 0x27, 0x28), this))
    , timeChart_(new RaceBarChart(tr("Time per mode"), tr("milliseconds"), QColor(0x1f, 0x77, 0xb4),
                                  this)) {
    setObjectName("racePage");
    status_->setObjectName("status");
    walletResult_->setObjectName("walletResult");
    modes_->setObjectName("modesTable");
    sweepTable_->setObjectName("sweepTable");
    lostChart_->setObjectName("lostChart");
    timeChart_->setObjectName("timeChart");
    connect(controls_, &RaceControls::startRequested, this, &RacePage::startRequested);
    connect(controls_, &RaceControls::stopRequested, this, &RacePage::stopRequested);
    connect(controls_, &RaceControls::resetRequested, this, &RacePage::resetRequested);
    connect(controls_, &RaceControls::traceRequested, this, &RacePage::traceRequested);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildColumn());
    layout->addLayout(buildResults(), 1);
    reset();
}

QWidget* RacePage::buildColumn() {
    auto* panel = new QWidget(this);
    panel->setMaximumWidth(300);
    status_->setWordWrap(true);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(controls_);
    column->addWidget(status_);
    column->addWidget(new ExplanationPanel(tr(kExplanation), panel), 1);
    return panel;
}

QLayout* RacePage::buildResults() {
    // The tables one above the other: side by side, six columns of full numbers do not fit
    // beside the controls and the Threads & CPU dock.
    walletResult_->setWordWrap(true);
    auto* charts = new QHBoxLayout;
    charts->addWidget(lostChart_);
    charts->addWidget(timeChart_);
    auto* results = new QVBoxLayout;
    results->addWidget(new QLabel(tr("<b>Each mode</b>"), this));
    results->addWidget(modes_);
    results->addWidget(new QLabel(tr("<b>Size sweep</b>, unsynchronised, N per thread"), this));
    results->addWidget(sweepTable_);
    results->addWidget(walletResult_);
    results->addLayout(charts, 1);
    return results;
}

void RacePage::runStarted() {
    reset();
    status_->setText(tr("Running…"));
    controls_->setBusy(true);
}

void RacePage::showProgress(const RaceReport& report) {
    modes_->showOutcomes(report.modes);
    sweepTable_->showOutcomes(report.sweep);
    QStringList labels;
    QVector<double> lost, milliseconds;
    for (const RaceOutcome& o : report.modes) {
        labels << QString::fromUtf8(raceModeName(o.mode).data());
        lost << double(o.lost());
        milliseconds << o.milliseconds;
    }
    lostChart_->setBars(labels, lost);
    timeChart_->setBars(labels, milliseconds);
    QStringList wallet;
    for (const RaceOutcome& o : report.wallet)
        wallet << tr("%1: expected %L2, actual <b>%L3</b> (%4%L5)")
                      .arg(o.mode == RaceMode::Mutex ? tr("with mutex") : tr("unsynchronised"))
                      .arg(o.expected)
                      .arg(o.actual)
                      .arg(o.difference() > 0 ? QStringLiteral("+") : QString())
                      .arg(o.difference());
    walletResult_->setText(wallet.isEmpty()
                               ? QString()
                               : tr("<b>Wallet</b>, opening balance %L1, %2 per transaction:<br>")
                                         .arg(WalletRace::kOpeningBalance)
                                         .arg(WalletRace::kAmount) +
                                     wallet.join(QStringLiteral("<br>")));
}

void RacePage::runEnded(const RaceReport& report) {
    showProgress(report);
    status_->setText(report.stopped() ? tr("Stopped.") : tr("Done."));
    controls_->setBusy(false);
    controls_->setTraceAvailable(true);
}

void RacePage::showProblem(const QString& problem) {
    status_->setText(tr("Cannot start: %1").arg(problem));
}

void RacePage::reset() {
    for (QTableWidget* table : {modes_, sweepTable_})
        table->setRowCount(0);
    walletResult_->clear();
    lostChart_->reset();
    timeChart_->reset();
    status_->setText(tr("Ready."));
    controls_->setBusy(false);
    controls_->setTraceAvailable(false);
}

} // namespace stampede
