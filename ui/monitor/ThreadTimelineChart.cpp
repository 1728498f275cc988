#include "ui/monitor/ThreadTimelineChart.h"

#include <qcustomplot.h>

#include <cmath>

namespace stampede {

namespace {

const QColor kSleeping(0xc9, 0xd1, 0xdb);
const QColor kRunning(0x2e, 0x9e, 0x44);

// A colour map has no legend entry of its own: an empty bar series lends it a coloured key.
void addLegendKey(QCustomPlot* plot, const QString& name, const QColor& color) {
    auto* key = new QCPBars(plot->xAxis, plot->yAxis);
    key->setName(name);
    key->setBrush(color);
    key->setPen(QPen(color.darker(120)));
}

} // namespace

ThreadTimelineChart::ThreadTimelineChart(QWidget* parent)
    : LiveChart(tr("Thread timeline"), parent)
    , cells_(new QCPColorMap(plot()->xAxis, plot()->yAxis)) {
    setObjectName(QStringLiteral("threadTimeline"));
    setMinimumWidth(240); // it lives in a side dock: leave the workspaces their room
    QCPColorGradient twoStates;
    twoStates.clearColorStops();
    twoStates.setColorStopAt(0, kSleeping);
    twoStates.setColorStopAt(1, kRunning);
    twoStates.setLevelCount(2);
    twoStates.setNanHandling(QCPColorGradient::nhTransparent); // thread not alive then
    cells_->setGradient(twoStates);
    cells_->setDataRange(QCPRange(0, 1));
    cells_->setInterpolate(false);
    cells_->setTightBoundary(false);

    addLegendKey(plot(), tr("running"), kRunning);
    addLegendKey(plot(), tr("sleeping"), kSleeping);
    plot()->xAxis->setLabel(tr("time (s)"));
    auto everyTenSeconds = QSharedPointer<QCPAxisTickerFixed>::create();
    everyTenSeconds->setTickStep(10); // a narrow dock, maybe in presentation mode
    plot()->xAxis->setTicker(everyTenSeconds);
    plot()->yAxis->setRangeReversed(true); // the main thread on top, as in the table
    plot()->yAxis->setSubTicks(false);
    plot()->yAxis->setTickLength(0);
    plot()->yAxis->grid()->setVisible(false);
    plot()->xAxis->grid()->setLayer(QStringLiteral("overlay")); // time lines across lanes
    showLegendBelow();
    reset();
}

void ThreadTimelineChart::showLanes(const std::vector<ThreadLane>& lanes, double now) {
    const double end = std::max(now, kWindowSeconds);
    const double begin = end - kWindowSeconds;
    const int columns = int(std::lround(kWindowSeconds / kCellSeconds));
    laneCount_ = int(lanes.size());
    QCPColorMapData* data = cells_->data();
    // At least two rows: a map of one row has no height to draw. A spare row stays empty.
    const int rows = std::max(2, laneCount_);
    data->setSize(columns, rows);
    // Cell centres: the first column covers [begin, begin + cell).
    data->setRange(QCPRange(begin + kCellSeconds / 2, end - kCellSeconds / 2),
                   QCPRange(0, rows - 1));
    data->fill(qQNaN());

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int lane = 0; lane < laneCount_; ++lane) {
        const ThreadLane& thread = lanes[std::size_t(lane)];
        const QString name = QString::fromStdString(thread.name);
        ticker->addTick(lane, name.isEmpty() ? QString::number(thread.id) : name);
        for (const RunSpan& span : thread.spans) {
            // A cell shows the state of the sample that covers its centre.
            const int first =
                std::max(0, int(std::ceil((span.begin - begin) / kCellSeconds - 0.5)));
            const int last =
                std::min(columns - 1, int(std::ceil((span.end - begin) / kCellSeconds - 0.5)) - 1);
            for (int column = first; column <= last; ++column)
                data->setCell(column, lane, span.running ? 1.0 : 0.0);
        }
    }
    plot()->yAxis->setTicker(ticker);
    plot()->xAxis->setRange(begin, end);
    plot()->yAxis->setRange(-0.5, std::max(0, laneCount_ - 1) + 0.5);
    fitHeightToLanes();
    replotSoon();
}

void ThreadTimelineChart::reset() {
    showLanes({}, 0);
}

double ThreadTimelineChart::cellAt(int lane, double seconds) const {
    int column = 0, row = 0;
    cells_->data()->coordToCell(seconds, lane, &column, &row);
    return cells_->data()->cell(column, row);
}

void ThreadTimelineChart::fitHeightToLanes() {
    // Names stay readable however many threads there are; the dock scrolls or the splitter
    // gives room instead of lanes shrinking to slivers.
    const int lanePixels = fontMetrics().height() + 4;
    setMinimumHeight(std::max(220, 110 + lanePixels * laneCount_));
}

} // namespace stampede
