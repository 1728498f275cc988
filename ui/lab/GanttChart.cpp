#include "ui/lab/GanttChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

namespace {

QCPCurve* makeBars(QCustomPlot* plot, const QString& name, const QColor& color) {
    auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setName(name);
    curve->setPen(QPen(color, 8, Qt::SolidLine, Qt::FlatCap));
    return curve;
}

} // namespace

GanttChart::GanttChart(const QString& title, const QString& rowName, const QColor& runColor,
                       QWidget* parent)
    : LiveChart(title, parent)
    , wait_(makeBars(plot(), tr("waiting"), runColor.lighter(175)))
    , run_(makeBars(plot(), tr("running"), runColor))
    , cancelled_(makeBars(plot(), tr("cancelled"), QColor(0x60, 0x60, 0x60)))
    , markers_(new QCPCurve(plot()->xAxis, plot()->yAxis)) {
    // Dashed as well as grey, so a cancelled bar reads apart in any colour vision or print.
    QPen dashed = cancelled_->pen();
    dashed.setDashPattern({0.6, 0.4});
    cancelled_->setPen(dashed);
    cancelled_->removeFromLegend();
    markers_->setPen(QPen(QColor(0x40, 0x40, 0x40), 1, Qt::DashLine));
    markers_->removeFromLegend();
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(rowName);
    plot()->yAxis->setRangeReversed(true); // the first row on top, like a list
    auto rowTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    rowTicks->setTickStep(1);
    rowTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    rowTicks->setTickCount(10);
    plot()->yAxis->setTicker(rowTicks);
    plot()->yAxis->setSubTicks(false);
    plot()->yAxis->grid()->setVisible(false);
    showLegendBelow();
    connect(plot(), &QCustomPlot::afterLayout, this, &GanttChart::fitBarsToRows);
    reset();
}

void GanttChart::setLegendNames(const QString& waiting, const QString& running) {
    wait_->setName(waiting);
    run_->setName(running);
    replotSoon();
}

void GanttChart::showCancelled(const QString& name) {
    cancelled_->setName(name);
    cancelled_->addToLegend();
    cancelledPinned_ = true;
    replotSoon();
}

void GanttChart::setBars(const std::vector<Bar>& bars, double now) {
    std::vector<Segment> segments;
    double end = bars.empty() ? 0 : now;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const int row = static_cast<int>(i);
        const double started = bar.started >= 0 ? bar.started : now;
        if (started > bar.queued)
            segments.push_back({row, bar.queued, started, false});
        if (bar.started >= 0) {
            const double finished = bar.finished >= 0 ? bar.finished : now;
            segments.push_back({row, bar.started, finished, true});
            end = std::max(end, finished);
        }
        end = std::max(end, started);
    }
    setSegments(static_cast<int>(bars.size()), segments, end);
}

void GanttChart::setSegments(int rows, const std::vector<Segment>& segments, double end) {
    QVector<QCPCurveData> waiting, running, cancelled;
    end_ = rows > 0 ? end : 0;
    for (const Segment& segment : segments) {
        addBarSegment(segment.cancelled ? cancelled
                      : segment.running ? running
                                        : waiting,
                      segment.from, segment.to, static_cast<double>(segment.row + 1));
        end_ = std::max(end_, segment.to);
    }
    wait_->data()->set(waiting, true);
    run_->data()->set(running, true);
    cancelled_->data()->set(cancelled, true);
    if (!cancelled.isEmpty())
        cancelled_->addToLegend();
    rows_ = rows;
    drawMarkers();
    rescale();
}

void GanttChart::setMarkers(const std::vector<double>& seconds, const QString& name) {
    markerSeconds_ = seconds;
    markers_->setName(name);
    if (seconds.empty())
        markers_->removeFromLegend();
    else
        markers_->addToLegend();
    drawMarkers();
    replotSoon();
}

void GanttChart::drawMarkers() {
    // Top to bottom of the rows, split by NaN points as the bars are: one plottable.
    QVector<QCPCurveData> lines;
    const double bottom = std::max(rows_, 1) + 0.7;
    for (const double x : markerSeconds_) {
        const double t = lines.size();
        lines.append(QCPCurveData(t, x, 0.3));
        lines.append(QCPCurveData(t + 1, x, bottom));
        lines.append(QCPCurveData(t + 2, qQNaN(), qQNaN()));
    }
    markers_->data()->set(lines, true);
}

void GanttChart::setMinimumSeconds(double seconds) {
    minimumSeconds_ = seconds;
    rescale();
}

void GanttChart::reset() {
    wait_->data()->clear();
    run_->data()->clear();
    cancelled_->data()->clear();
    if (!cancelledPinned_)
        cancelled_->removeFromLegend();
    markerSeconds_.clear();
    markers_->data()->clear();
    markers_->removeFromLegend();
    rows_ = 0;
    end_ = 0;
    minimumSeconds_ = 0;
    rescale();
}

void GanttChart::rescale() {
    const double end = std::max({end_, minimumSeconds_, 0.1});
    plot()->xAxis->setRange(0, end * 1.03);
    plot()->yAxis->setRange(0.3, std::max(rows_, 1) + 0.7);
    replotSoon();
}

void GanttChart::fitBarsToRows() {
    // As thick as the rows allow, so two hundred rows still read as stripes.
    const double rowHeight = double(plot()->axisRect()->height()) / std::max(rows_, 1);
    const double thickness = std::clamp(rowHeight * 0.7, 1.0, 16.0);
    for (QCPCurve* bars : {wait_, run_, cancelled_}) {
        QPen pen = bars->pen();
        pen.setWidthF(thickness);
        bars->setPen(pen);
    }
}

} // namespace stampede
