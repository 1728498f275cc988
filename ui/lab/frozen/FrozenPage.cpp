#include "ui/lab/frozen/FrozenPage.h"

#include "core/lab/frozen/FrozenSummary.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/frozen/HeartbeatView.h"
#include "ui/lab/frozen/LagChart.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stampede {
namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "FrozenPage",
    "<b>Why Stampede has engine threads.</b> A window has one thread that draws, answers "
    "clicks and runs its timers, one thing after another: its <b>event loop</b>. The course's "
    "Tkinter stress tester ran its asyncio loop on that thread, and the window froze."
    "<br><br><b>On the window's thread</b> sends N requests to /delay/D right here, one after "
    "the other, each call waiting for its answer. For N × D the loop runs nothing else: the dot "
    "and the clock stop, clicks wait, and the lag meter's 10 ms timer comes seconds late."
    "<br><br><b>On the engine thread</b> hands the same requests to engine-io; the window is "
    "only told when they are done. The dot keeps moving and the lag stays a few milliseconds."
    "<br><br>N × D is capped at 5 s, so the freeze ends by itself.");

} // namespace

FrozenPage::FrozenPage(QWidget* parent)
    : QWidget(parent)
    , requests_(new QSpinBox(this))
    , delay_(new QSpinBox(this))
    , block_(new QPushButton(tr("On the window's thread"), this))
    , engine_(new QPushButton(tr("On the engine thread"), this))
    , trace_(new QPushButton(tr("Save trace…"), this))
    , heartbeat_(new HeartbeatView(this))
    , lagNow_(new QLabel(this))
    , lagChart_(new LagChart(this))
    , windowResult_(new QLabel(this))
    , engineResult_(new QLabel(this))
    , problem_(new QLabel(this)) {
    setObjectName("frozenPage");
    requests_->setObjectName("requests");
    delay_->setObjectName("delay");
    block_->setObjectName("blockWindow");
    engine_->setObjectName("useEngine");
    trace_->setObjectName("saveTrace");
    heartbeat_->setObjectName("heartbeat");
    lagNow_->setObjectName("lagNow");
    lagChart_->setObjectName("lagChart");
    windowResult_->setObjectName("windowResult");
    engineResult_->setObjectName("engineResult");
    problem_->setObjectName("problem");
    requests_->setRange(1, 100);
    requests_->setValue(FrozenOptions{}.requests);
    delay_->setRange(0, 5000);
    delay_->setSingleStep(100);
    delay_->setSuffix(tr(" ms"));
    delay_->setValue(int(FrozenOptions{}.delay.count()));
    for (QLabel* label : {windowResult_, engineResult_, problem_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    problem_->setStyleSheet(QStringLiteral("color: #b00000"));
    trace_->setEnabled(false);
    block_->setToolTip(tr("Send the N requests here, one after the other, each waiting for its "
                          "answer: the window freezes for N × D"));
    engine_->setToolTip(tr("Give the same N requests to the engine's thread: the window only "
                           "hears when they are done"));
    connect(block_, &QPushButton::clicked, this, &FrozenPage::blockRequested);
    connect(engine_, &QPushButton::clicked, this, &FrozenPage::engineRequested);
    connect(trace_, &QPushButton::clicked, this, &FrozenPage::traceRequested);

    auto* column = new QWidget(this);
    column->setMaximumWidth(340);
    auto* form = new QFormLayout;
    form->addRow(tr("Requests (N)"), requests_);
    form->addRow(tr("Server delay (D)"), delay_);
    auto* left = new QVBoxLayout(column);
    left->setContentsMargins(0, 0, 0, 0);
    left->addLayout(form);
    left->addWidget(block_);
    left->addWidget(engine_);
    left->addWidget(trace_);
    left->addWidget(problem_);
    left->addWidget(new ExplanationPanel(tr(kExplanation), column), 1);
    auto* right = new QVBoxLayout;
    right->addWidget(heartbeat_);
    right->addWidget(lagNow_);
    right->addWidget(lagChart_, 1);
    right->addWidget(new QLabel(tr("<b>On the window's thread</b>"), this));
    right->addWidget(windowResult_);
    right->addWidget(new QLabel(tr("<b>On the engine thread</b>"), this));
    right->addWidget(engineResult_);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(column);
    layout->addLayout(right, 1);
    windowResult_->setText(tr("not run"));
    engineResult_->setText(tr("not run"));
}

FrozenOptions FrozenPage::options() const {
    FrozenOptions options;
    options.requests = requests_->value();
    options.delay = std::chrono::milliseconds(delay_->value());
    return options;
}

void FrozenPage::setBusy(bool busy) {
    for (QWidget* w : std::initializer_list<QWidget*>{requests_, delay_, block_, engine_})
        w->setEnabled(!busy);
    if (busy)
        problem_->clear();
}

void FrozenPage::showLags(const std::vector<LagSample>& lags, double lastLagMs) {
    lagChart_->showLags(lags);
    lagNow_->setText(tr("Event-loop lag now: <b>%1 ms</b>").arg(lastLagMs, 0, 'f', 1));
}

void FrozenPage::showResult(bool onTheWindow, const FrozenRun& run) {
    (onTheWindow ? windowResult_ : engineResult_)
        ->setText(QString::fromStdString(frozenRunText(run, onTheWindow)));
}

void FrozenPage::showProblem(const QString& problem) {
    problem_->setText(problem);
}

void FrozenPage::setTraceAvailable(bool available) {
    trace_->setEnabled(available);
}

} // namespace stampede
