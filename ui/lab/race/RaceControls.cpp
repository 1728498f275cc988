#include "ui/lab/race/RaceControls.h"

#include "ui/lab/DemoButtons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace stampede {

RaceControls::RaceControls(int cores, QWidget* parent)
    : QWidget(parent)
    , threads_(new QSpinBox(this))
    , increments_(new QSpinBox(this))
    , mode_(new QComboBox(this))
    , sweep_(new QCheckBox(tr("Size sweep 1 … 10⁶"), this))
    , wallet_(new QCheckBox(tr("Wallet"), this))
    , buttons_(new DemoButtons(this)) {
    increments_->setObjectName("increments");
    sweep_->setObjectName("sweepSizes");
    wallet_->setObjectName("wallet");
    threads_->setRange(1, RaceOptions::kMaxThreads);
    threads_->setValue(std::max(2, cores));
    increments_->setRange(1, int(RaceOptions::kMaxIncrements));
    increments_->setValue(1'000'000);
    increments_->setGroupSeparatorShown(true);
    mode_->addItem(tr("all four"), QString());
    for (RaceMode mode : kRaceModes)
        mode_->addItem(QString::fromUtf8(raceModeName(mode).data()),
                       QString::fromUtf8(raceModeName(mode).data()));
    sweep_->setChecked(true);
    wallet_->setChecked(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Threads"), threads_);
    form->addRow(tr("Increments per thread"), increments_);
    form->addRow(tr("Mode"), mode_);
    form->addRow(sweep_);
    form->addRow(wallet_);
    connect(buttons_, &DemoButtons::startRequested, this, &RaceControls::startRequested);
    connect(buttons_, &DemoButtons::stopRequested, this, &RaceControls::stopRequested);
    connect(buttons_, &DemoButtons::resetRequested, this, &RaceControls::resetRequested);
    connect(buttons_, &DemoButtons::traceRequested, this, &RaceControls::traceRequested);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addWidget(buttons_);
}

void RaceControls::setTraceAvailable(bool available) {
    buttons_->setTraceAvailable(available);
}

void RaceControls::setBusy(bool busy) {
    buttons_->setRunning(busy);
    if (busy)
        buttons_->setTraceAvailable(false);
    for (QWidget* field :
         std::initializer_list<QWidget*>{threads_, increments_, mode_, sweep_, wallet_})
        field->setEnabled(!busy);
}

RaceOptions RaceControls::options() const {
    RaceOptions options;
    options.threads = threads_->value();
    options.increments = std::uint64_t(increments_->value());
    if (const auto mode = parseRaceMode(mode_->currentData().toString().toStdString()))
        options.modes = {*mode};
    options.sweep = sweep_->isChecked();
    options.wallet = wallet_->isChecked();
    return options;
}

} // namespace stampede
