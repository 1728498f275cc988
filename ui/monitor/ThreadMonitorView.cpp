#include "ui/monitor/ThreadMonitorView.h"

#include "ui/monitor/CoreLoadChart.h"
#include "ui/monitor/ThreadTable.h"
#include "ui/monitor/ThreadTimelineChart.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace stampede {

ThreadMonitorView::ThreadMonitorView(QWidget* parent)
    : QWidget(parent)
    , summary_(new QLabel(tr("Sampling…"), this))
    , table_(new ThreadTable(this))
    , cores_(new CoreLoadChart(this))
    , timeline_(new ThreadTimelineChart(this)) {
    setObjectName(QStringLiteral("threadMonitor"));
    summary_->setObjectName(QStringLiteral("processSummary"));
    summary_->setWordWrap(true);
    summary_->setToolTip(tr("CPU % as top counts it: 100 % is one core fully busy. RSS is the "
                            "memory resident in RAM."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(table_);
    splitter->addWidget(cores_);
    splitter->addWidget(timeline_);
    // The timeline grows with the thread count; the table scrolls.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(splitter, 1);
}

void ThreadMonitorView::showSample(const ProcessSample& sample,
                                   const std::vector<ThreadLane>& lanes) {
    summary_->setText(tr("Process CPU <b>%1 %</b> · RSS <b>%2 MiB</b> · %3 threads")
                          .arg(sample.processCpuPercent, 0, 'f', 1)
                          .arg(sample.rssMiB, 0, 'f', 1)
                          .arg(sample.threads.size()));
    table_->showThreads(sample.threads);
    cores_->appendSample(sample.seconds, sample.coreBusyPercent);
    timeline_->showLanes(lanes, sample.seconds);
}

} // namespace stampede
