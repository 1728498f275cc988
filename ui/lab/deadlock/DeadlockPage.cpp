#include "ui/lab/deadlock/DeadlockPage.h"

#include "core/lab/deadlock/DeadlockDemo.h"
#include "ui/lab/ExplanationPanel.h"
#include "ui/lab/deadlock/WaitForGraphView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stampede {

namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "DeadlockPage",
    "<b>What you see.</b> Each thread takes its own lock, then asks for its neighbour's. "
    "Every lock is already held, so every thread waits for another one, round the ring: a "
    "<b>deadlock</b>. Nobody fails, nobody makes progress. The watchdog notices that no lock "
    "was taken for a while, follows the arrows and finds the cycle, then asks every thread to "
    "give up.<br><br>"
    "<b>Four conditions, all needed</b> (Coffman, 1971): <i>mutual exclusion</i> (a lock has "
    "one owner), <i>hold and wait</i> (a thread keeps one lock while waiting for another), "
    "<i>no preemption</i> (nobody can take a lock away), <i>circular wait</i> (the waits form "
    "a ring). Break any one and the deadlock cannot happen.<br><br>"
    "<b>The fixes.</b> <i>One global order</i>: everyone takes the lower-numbered lock first. "
    "Then the thread holding the highest lock never waits for a lower one, so the waits can "
    "never close into a ring: circular wait is gone. <i>std::scoped_lock</i> takes both locks "
    "with a deadlock-avoidance algorithm that never holds one while blocking on the other. "
    "<i>Timeout and back-off</i>: give up the first lock when the second does not come, wait "
    "a random moment and retry: hold and wait is broken, the random pause avoids a livelock.");

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

} // namespace

DeadlockPage::DeadlockPage(QWidget* parent)
    : DemoPage(parent)
    , threads_(new QSpinBox(this))
    , verdict_(new QLabel(this))
    , graph_(new WaitForGraphView(this))
    , fixes_(new QTableWidget(0, 5, this)) {
    setObjectName("deadlockPage");
    threads_->setObjectName("threads");
    threads_->setRange(DeadlockOptions::kMinThreads, DeadlockOptions::kMaxThreads);
    threads_->setValue(DeadlockOptions{}.threads);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Threads in the ring:"), this));
    controls->addWidget(threads_);
    controls->addWidget(buttons());
    controls->addStretch(1);

    verdict_->setObjectName("verdict");
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::RichText);
    fixes_->setObjectName("fixTable");
    fixes_->setHorizontalHeaderLabels(
        {tr("Fix"), tr("Finished"), tr("Time (ms)"), tr("Rounds"), tr("Back-offs")});
    fixes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    fixes_->verticalHeader()->setVisible(false);
    fixes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    fixes_->setMaximumHeight(150);

    auto* left = new QVBoxLayout;
    left->addLayout(controls);
    left->addWidget(verdict_);
    left->addWidget(graph_, 1);
    left->addWidget(fixes_);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(new ExplanationPanel(tr(kExplanation), this), 2);

    lockWhileRunning({threads_});
    reset();
}

DeadlockOptions DeadlockPage::options() const {
    DeadlockOptions options;
    options.threads = threads_->value();
    return options;
}

void DeadlockPage::runEnded(const DeadlockProgress& progress) {
    showProgress(progress);
    runFinished();
}

void DeadlockPage::clear() {
    graph_->clear();
    fixes_->setRowCount(0);
    verdict_->setText(tr("Press <b>Start</b>: the threads will deadlock, the watchdog will "
                         "find out, then three fixes run the same ring."));
}

void DeadlockPage::showProgress(const DeadlockProgress& progress) {
    const DeadlockDetection* found = progress.detection ? &*progress.detection : nullptr;
    graph_->setGraph(progress.graph, found ? found->cycle : std::vector<int>{});
    if (!found) {
        verdict_->setText(tr("%1 threads running… waiting for the watchdog (no lock taken for "
                             "a while means stalled).")
                              .arg(progress.threads));
    } else if (found->detected) {
        QStringList names;
        for (const std::string& name : found->names)
            names << QString::fromStdString(name);
        names << names.front();
        verdict_->setText(
            tr("<b style='color:#d62728'>Deadlock</b> found after %1 ms (no lock taken for %2 ms). "
               "Cycle: <b>%3</b>. Every thread gave up and ended: <b>%4</b>.")
                .arg(found->detectedAfter.count())
                .arg(found->stalledFor.count())
                .arg(names.join(QStringLiteral(" → ")))
                .arg(found->allThreadsEnded ? tr("yes") : tr("no")));
    } else {
        verdict_->setText(tr("Stopped before the watchdog found a cycle."));
    }
    showFixes(progress.fixes);
}

void DeadlockPage::showFixes(const std::vector<FixResult>& fixes) {
    fixes_->setRowCount(static_cast<int>(fixes.size()));
    for (int row = 0; row < static_cast<int>(fixes.size()); ++row) {
        const FixResult& fix = fixes[static_cast<std::size_t>(row)];
        const QString state = fix.finished ? tr("yes") : fix.done ? tr("no") : tr("running…");
        fixes_->setItem(row, 0,
                        cell(QString::fromUtf8(fixTitle(fix.strategy).data()), Qt::AlignLeft));
        fixes_->setItem(row, 1, cell(state, Qt::AlignCenter));
        fixes_->setItem(row, 2, cell(QString::number(fix.elapsed.count())));
        fixes_->setItem(row, 3, cell(QString::number(fix.rounds)));
        fixes_->setItem(row, 4, cell(QString::number(fix.backoffs)));
    }
}

} // namespace stampede
