#include "ui/lab/queue/QueuePage.h"

#include "ui/lab/ActiveCountChart.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/queue/QueueRateChart.h"
#include "ui/lab/queue/QueueWaitChart.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace stampede {

namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "QueuePage",
    "<b>What you see.</b> Producers put items in a <b>bounded queue</b> of capacity K; "
    "consumers take them out. The queue is a <code>std::mutex</code> and two condition "
    "variables: a producer finding it full waits for “not full”, a consumer finding it "
    "empty waits for “not empty”."
    "<br><br><b>Read the charts.</b> Faster producers fill the queue up to K and block (red). "
    "Faster consumers keep it near empty and wait (blue). Both throughputs meet at the "
    "slower side's pace."
    "<br><br><b>Try it while it runs:</b> add consumers while producers block, or raise K: "
    "a bigger queue absorbs bursts but does not speed up the slow side. Items are numbered, "
    "so the summary proves none was lost or taken twice.");

} // namespace

QueuePage::QueuePage(QWidget* parent)
    : DemoPage(parent)
    , producers_(spinBox(1, QueueOptions::kMaxThreads, QueueOptions{}.producers, {}, this))
    , consumers_(spinBox(1, QueueOptions::kMaxThreads, QueueOptions{}.consumers, {}, this))
    , capacity_(spinBox(1, QueueOptions::kMaxCapacity, QueueOptions{}.capacity, {}, this))
    , items_(spinBox(1, QueueOptions::kMaxItems, QueueOptions{}.items, {}, this))
    , produceMs_(spinBox(0, 5000, int(QueueOptions{}.produceTime.count()), tr(" ms"), this))
    , consumeMs_(spinBox(0, 5000, int(QueueOptions{}.consumeTime.count()), tr(" ms"), this))
    , summary_(new QLabel(this))
    , depth_(new ActiveCountChart(
          {tr("Queue depth"), tr("items in the queue"), tr("capacity K"), tr("items")}, this))
    , waits_(new QueueWaitChart(this))
    , rates_(new QueueRateChart(this)) {
    setObjectName("queuePage");
    producers_->setObjectName("producers");
    consumers_->setObjectName("consumers");
    capacity_->setObjectName("capacity");
    items_->setObjectName("items");
    produceMs_->setObjectName("produceMs");
    consumeMs_->setObjectName("consumeMs");
    depth_->setObjectName("depthChart");
    waits_->setObjectName("waitChart");
    rates_->setObjectName("rateChart");
    summary_->setObjectName("summary");
    summary_->setWordWrap(true);
    for (QSpinBox* box : {produceMs_, consumeMs_})
        box->setSingleStep(10);

    // Two rows: six settings and the buttons do not fit one row beside the panel.
    auto* controls = new QGridLayout;
    controls->addWidget(new QLabel(tr("Producers (P):"), this), 0, 0);
    controls->addWidget(producers_, 0, 1);
    controls->addWidget(new QLabel(tr("make an item about:"), this), 0, 2);
    controls->addWidget(produceMs_, 0, 3);
    controls->addWidget(new QLabel(tr("Capacity (K):"), this), 0, 4);
    controls->addWidget(capacity_, 0, 5);
    controls->addWidget(new QLabel(tr("Consumers (C):"), this), 1, 0);
    controls->addWidget(consumers_, 1, 1);
    controls->addWidget(new QLabel(tr("use an item about:"), this), 1, 2);
    controls->addWidget(consumeMs_, 1, 3);
    controls->addWidget(new QLabel(tr("Items:"), this), 1, 4);
    controls->addWidget(items_, 1, 5);
    controls->addWidget(buttons(), 0, 6, 2, 1);
    controls->setColumnStretch(7, 1);

    // The same left margin on every chart lines their time axes up, one above the other.
    for (LiveChart* chart : {static_cast<LiveChart*>(depth_), static_cast<LiveChart*>(waits_),
                             static_cast<LiveChart*>(rates_)}) {
        chart->plot()->axisRect()->setMinimumMargins(QMargins(64, 10, 10, 10));
        // Three charts above each other: lower than the usual minimum, so all three and their
        // legends fit a laptop screen without scrolling.
        chart->setMinimumHeight(170);
    }
    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(summary_);
    left->addWidget(depth_, 3);
    left->addWidget(waits_, 2);
    left->addWidget(rates_, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(new ExplanationPanel(tr(kExplanation), this), 1);

    // Only the total is fixed for a run; the rest the running demo takes as it changes.
    lockWhileRunning({items_});
    for (QSpinBox* box : {producers_, consumers_, capacity_, produceMs_, consumeMs_})
        connect(box, &QSpinBox::valueChanged, this, &QueuePage::settingsChanged);
    reset();
}

QueueOptions QueuePage::options() const {
    QueueOptions options;
    options.producers = producers_->value();
    options.consumers = consumers_->value();
    options.capacity = capacity_->value();
    options.items = items_->value();
    options.produceTime = std::chrono::milliseconds(produceMs_->value());
    options.consumeTime = std::chrono::milliseconds(consumeMs_->value());
    return options;
}

void QueuePage::runEnded(const QueueProgress& progress) {
    showProgress(progress);
    runFinished();
}

void QueuePage::clear() {
    depth_->reset();
    waits_->reset();
    rates_->reset();
    summary_->setText(tr("Press Start: producers fill the queue, consumers empty it. Change P, "
                         "C, K or the work times while it runs."));
}

void QueuePage::showProgress(const QueueProgress& progress) {
    QVector<double> seconds, depths, capacities;
    for (const QueueSample& s : progress.queue.samples) {
        seconds << s.ms / 1000;
        depths << s.depth;
        capacities << s.capacity;
    }
    const double now = progress.elapsedMs / 1000;
    depth_->setSteps(seconds, depths,
                     capacities.isEmpty() ? QVector<double>{double(progress.capacity)} : capacities,
                     now);
    waits_->setSamples(progress.queue.samples, progress.elapsedMs);
    rates_->setRates(progress.rates(), progress.elapsedMs);
    QString text = tr("%1 of %2 items consumed%3 · deepest %4 (K up to %5) · %6 produced/s, "
                      "%7 consumed/s · producers blocked %8 ms, consumers waited %9 ms in all")
                       .arg(progress.consumed)
                       .arg(progress.items)
                       .arg(progress.stopped ? tr(" (stopped)") : QString())
                       .arg(progress.queue.maxDepth)
                       .arg(progress.queue.maxCapacity)
                       .arg(progress.producedPerSecond(), 0, 'f', 1)
                       .arg(progress.consumedPerSecond(), 0, 'f', 1)
                       .arg(progress.waitedMs(QueueRole::Producer), 0, 'f', 0)
                       .arg(progress.waitedMs(QueueRole::Consumer), 0, 'f', 0);
    if (progress.ended())
        text += tr(" · lost %1, taken twice %2").arg(progress.missing).arg(progress.duplicates);
    summary_->setText(text);
}

} // namespace stampede
