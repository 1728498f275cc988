#include "ui/lab/DemoButtons.h"

#include <QGridLayout>
#include <QPushButton>

namespace stampede {

DemoButtons::DemoButtons(QWidget* parent)
    : QWidget(parent)
    , start_(new QPushButton(tr("Start"), this))
    , stop_(new QPushButton(tr("Stop"), this))
    , reset_(new QPushButton(tr("Reset"), this))
    , trace_(new QPushButton(tr("Save trace…"), this)) {
    // Save trace on a row of its own: four buttons in a settings column clip their labels.
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(start_, 0, 0);
    grid->addWidget(stop_, 0, 1);
    grid->addWidget(reset_, 0, 2);
    grid->addWidget(trace_, 1, 0, 1, 3);
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
