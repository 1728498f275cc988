#include "ui/lab/DemoButtons.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace stampede {

DemoButtons::DemoButtons(QWidget* parent)
    : QWidget(parent)
    , start_(new QPushButton(tr("Start"), this))
    , stop_(new QPushButton(tr("Stop"), this))
    , reset_(new QPushButton(tr("Reset"), this))
    , trace_(new QPushButton(tr("Save trace…"), this)) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* button : {start_, stop_, reset_, trace_})
        row->addWidget(button);
    start_->setObjectName("start");
    stop_->setObjectName("stop");
    reset_->setObjectName("reset");
    trace_->setObjectName("saveTrace");
    trace_->setToolTip(tr("The last run as a Chrome/Perfetto trace: open it at "
                          "ui.perfetto.dev to zoom into every thread"));
    connect(start_, &QPushButton::clicked, this, &DemoButtons::startRequested);
    connect(stop_, &QPushButton::clicked, this, &DemoButtons::stopRequested);
    connect(reset_, &QPushButton::clicked, this, &DemoButtons::resetRequested);
    connect(trace_, &QPushButton::clicked, this, &DemoButtons::traceRequested);
    setRunning(false);
    setTraceAvailable(false);
}

void DemoButtons::setTraceAvailable(bool available) {
    trace_->setEnabled(available);
}

void DemoButtons::setRunning(bool running) {
    start_->setEnabled(!running);
    stop_->setEnabled(running);
}

} // namespace stampede
