#include "ui/lab/race/RaceControls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
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
    , start_(new QPushButton(tr("Start"), this))
    , reset_(new QPushButton(tr("Reset"), this)) {
    threads_->setRange(1, RaceSettings::kMaxThreads);
    threads_->setValue(std::max(2, cores));
    increments_->setRange(1, int(RaceSettings::kMaxIncrements));
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
    connect(start_, &QPushButton::clicked, this, &RaceControls::startRequested);
    connect(reset_, &QPushButton::clicked, this, &RaceControls::resetRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(reset_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addLayout(buttons);
}

RaceSettings RaceControls::settings() const {
    RaceSettings settings;
    settings.threads = threads_->value();
    settings.increments = std::uint64_t(increments_->value());
    if (const auto mode = parseRaceMode(mode_->currentData().toString().toStdString()))
        settings.modes = {*mode};
    settings.sweep = sweep_->isChecked();
    settings.wallet = wallet_->isChecked();
    return settings;
}

} // namespace stampede
