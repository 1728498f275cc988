#include "ui/lab/DemoPage.h"

#include "ui/lab/DemoButtons.h"

#include <QSpinBox>

namespace stampede {

DemoPage::DemoPage(QWidget* parent)
    : QWidget(parent)
    , buttons_(new DemoButtons(this)) {
    connect(buttons_, &DemoButtons::startRequested, this, &DemoPage::startRequested);
    connect(buttons_, &DemoButtons::stopRequested, this, &DemoPage::stopRequested);
    connect(buttons_, &DemoButtons::resetRequested, this, &DemoPage::resetRequested);
    connect(buttons_, &DemoButtons::traceRequested, this, &DemoPage::traceRequested);
}

QSpinBox* DemoPage::spinBox(int min, int max, int value, const QString& suffix, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

QWidget* DemoPage::buttons() const {
    return buttons_;
}

void DemoPage::lockWhileRunning(std::initializer_list<QWidget*> settings) {
    settings_.assign(settings);
}

void DemoPage::runStarted() {
    clear();
    setRunning(true);
    buttons_->setTraceAvailable(false);
}

void DemoPage::runFinished() {
    setRunning(false);
    buttons_->setTraceAvailable(true);
}

void DemoPage::reset() {
    clear();
    setRunning(false);
    buttons_->setTraceAvailable(false);
}

void DemoPage::setRunning(bool running) {
    buttons_->setRunning(running);
    for (QWidget* setting : settings_)
        setting->setEnabled(!running);
}

} // namespace stampede
