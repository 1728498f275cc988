#pragma once

#include "core/lab/queue/QueueDemo.h"

#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;

namespace stampede {

class ActiveCountChart;
class QueueRateChart;
class QueueWaitChart;

// The producer/consumer demo: producers P, consumers C, capacity K, items and both work
// times, Start/Stop/Reset; the queue's depth against K, who waits on it, the throughput, and
// the panel. P, C, K and the work times stay open while it runs: each change is a
// settingsChanged() that the controller hands to the running demo.
class QueuePage : public DemoPage {
    Q_OBJECT
public:
    explicit QueuePage(QWidget* parent = nullptr);

    QueueOptions options() const;
    void showProgress(const QueueProgress& progress);
    void runEnded(const QueueProgress& progress);

signals:
    void settingsChanged();

private:
    void clear() override;
    QSpinBox* producers_;
    QSpinBox* consumers_;
    QSpinBox* capacity_;
    QSpinBox* items_;
    QSpinBox* produceMs_;
    QSpinBox* consumeMs_;
    QLabel* summary_;
    ActiveCountChart* depth_;
    QueueWaitChart* waits_;
    QueueRateChart* rates_;
};

} // namespace stampede
