#include "ui/lab/pi/PiControls.h"

#include "ui/lab/DemoButtons.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace stampede {

PiControls::PiControls(int cores, QWidget* parent)
    : QWidget(parent)
    , threads_(new QSpinBox(this))
    , samples_(new QDoubleSpinBox(this))
    , useTarget_(new QCheckBox(tr("Stop when σ below"), this))
    , target_(new QDoubleSpinBox(this))
    , chunk_(new QSpinBox(this))
    , seed_(new QSpinBox(this))
    , gil_(new QCheckBox(tr("Global interpreter lock (GIL)"), this))
    , buttons_(new DemoButtons(this))
    , sweep_(new QPushButton(tr("Run speed-up sweep"), this)) {
    threads_->setObjectName("threads");
    samples_->setObjectName("samples");
    sweep_->setObjectName("sweep");
    gil_->setObjectName("gil");
    gil_->setToolTip(tr("Every thread holds one global lock while it draws a chunk, as "
                        "CPython's threads hold the GIL. The sweep then runs without the lock "
                        "and with it."));
    threads_->setRange(1, 2 * cores);
    threads_->setValue(cores);
    samples_->setRange(0.001, 1e6);
    samples_->setDecimals(3);
    samples_->setValue(2000);
    samples_->setSuffix(tr(" million"));
    target_->setDecimals(6);
    target_->setRange(0.000001, 0.1);
    target_->setSingleStep(0.00001);
    target_->setValue(0.00005);
    target_->setEnabled(false);
    connect(useTarget_, &QCheckBox::toggled, target_, &QWidget::setEnabled);
    chunk_->setRange(1000, int(PiOptions::kMaxChunk));
    chunk_->setSingleStep(100'000);
    chunk_->setValue(1'000'000);
    seed_->setRange(0, 1'000'000'000);
    seed_->setValue(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Threads"), threads_);
    form->addRow(tr("Samples"), samples_);
    form->addRow(useTarget_, target_);
    form->addRow(tr("Chunk"), chunk_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(gil_);

    connect(buttons_, &DemoButtons::startRequested, this, &PiControls::startRequested);
    connect(buttons_, &DemoButtons::stopRequested, this, &PiControls::stopRequested);
    connect(buttons_, &DemoButtons::resetRequested, this, &PiControls::resetRequested);
    connect(sweep_, &QPushButton::clicked, this, &PiControls::sweepRequested);
    connect(buttons_, &DemoButtons::traceRequested, this, &PiControls::traceRequested);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addWidget(buttons_);
    column->addWidget(sweep_);
    setBusy(false);
}

PiOptions PiControls::options() const {
    PiOptions options;
    options.threads = threads_->value();
    options.samples = std::uint64_t(std::llround(samples_->value() * 1e6));
    options.chunk = std::uint64_t(chunk_->value());
    if (useTarget_->isChecked())
        options.targetError = target_->value();
    options.seed = std::uint64_t(seed_->value());
    options.gil = gil_->isChecked();
    return options;
}

void PiControls::setTraceAvailable(bool available) {
    buttons_->setTraceAvailable(available);
}

void PiControls::setBusy(bool busy) {
    buttons_->setRunning(busy);
    if (busy)
        buttons_->setTraceAvailable(false);
    sweep_->setEnabled(!busy);
    for (QWidget* field :
         std::initializer_list<QWidget*>{threads_, samples_, useTarget_, chunk_, seed_, gil_})
        field->setEnabled(!busy);
    target_->setEnabled(!busy && useTarget_->isChecked());
}

} // namespace stampede
