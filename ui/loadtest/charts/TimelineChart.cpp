#include "ui/loadtest/charts/TimelineChart.h"

#include "core/engine/RunSnapshot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <vector>

namespace stampede {

namespace {

QCPCurve* makeCurve(QCustomPlot* plot, const QString& name, const QPen& pen) {
    auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setName(name);
    curve->setPen(pen);
    return curve;
}

} // namespace

TimelineChart::TimelineChart(QWidget* parent)
    : LiveChart(tr("Request timeline"), parent)
    , ok_(makeCurve(plot(), tr("request"),
                    QPen(QColor(0x1f, 0x77, 0xb4), 6, Qt::SolidLine, Qt::FlatCap)))
    , failed_(makeCurve(plot(), tr("failed request"),
                        QPen(QColor(0xd6, 0x27, 0x28), 6, Qt::SolidLine, Qt::FlatCap)))
    , queueing_(makeCurve(plot(), tr("waiting to be sent"), QPen(QColor(0x70, 0x70, 0x70), 2)))
    , firstBytes_(makeCurve(plot(), tr("first byte"), QPen(Qt::black))) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("lane (user or connection)"));
    plot()->yAxis->setRangeReversed(true); // lane 0 on top, like a list
    auto laneTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    laneTicks->setTickStep(1);
    laneTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // many lanes: every 2nd, 5th…
    laneTicks->setTickCount(12);
    plot()->yAxis->setTicker(laneTicks);
    plot()->yAxis->setSubTicks(false);
    plot()->yAxis->grid()->setVisible(false);
    showLegendBelow();

    QPainterPath tick;
    tick.moveTo(0, -5);
    tick.lineTo(0, 5);
    firstBytes_->setLineStyle(QCPCurve::lsNone);
    firstBytes_->setScatterStyle(QCPScatterStyle(tick, QPen(Qt::black, 1.5), Qt::NoBrush, 10));
    // The lane height is known only once the layout ran, at whatever size is drawn.
    connect(plot(), &QCustomPlot::afterLayout, this, &TimelineChart::fitBarsToLanes);
    reset();
}

void TimelineChart::appendRecords(const std::vector<RequestRecord>& records) {
    if (records.empty())
        return;
    // A full sample left out older requests of its interval: before its first end the
    // lanes would show gaps that are not in the run, so the view starts no earlier.
    if (records.size() >= RunSnapshot::kTimelineSampleSize)
        unbrokenFromS_ = records.front().doneMs / 1000.0;
    records_.insert(records_.end(), records.begin(), records.end());
    while (records_.size() > kMaxRecords)
        records_.pop_front();
    redraw();
}

void TimelineChart::reset() {
    records_.clear();
    unbrokenFromS_ = 0;
    redraw();
}

double TimelineChart::windowSeconds() const {
    std::vector<double> durations;
    const std::size_t recent = std::min<std::size_t>(records_.size(), 200);
    for (auto it = records_.end() - static_cast<std::ptrdiff_t>(recent); it != records_.end(); ++it)
        durations.push_back((it->doneMs - it->intendedMs) / 1000.0);
    if (durations.empty())
        return kWindowSeconds;
    const auto middle = durations.begin() + static_cast<std::ptrdiff_t>(durations.size() / 2);
    std::nth_element(durations.begin(), middle, durations.end());
    return std::clamp(100 * *middle, kMinWindowSeconds, kWindowSeconds);
}

void TimelineChart::redraw() {
    const double window = windowSeconds();
    double end = 0;
    int lanes = 1;
    for (const RequestRecord& record : records_)
        end = std::max(end, record.doneMs / 1000.0);
    end = std::max(end, window);
    const double begin = std::max(end - window, unbrokenFromS_);

    QVector<QCPCurveData> ok, failed, queueing, firstBytes;
    for (const RequestRecord& record : records_) {
        const double done = record.doneMs / 1000.0;
        if (done < begin)
            continue;
        const double lane = record.lane;
        lanes = std::max(lanes, record.lane + 1);
        const double started = record.startedMs / 1000.0;
        const bool error = record.error.has_value() || record.status >= 400;
        addBarSegment(error ? failed : ok, started, done, lane);
        if (record.startedMs > record.intendedMs)
            addBarSegment(queueing, record.intendedMs / 1000.0, started, lane);
        if (record.firstByteMs >= 0)
            firstBytes.append(QCPCurveData(firstBytes.size(), record.firstByteMs / 1000.0, lane));
    }
    ok_->data()->set(ok, true);
    failed_->data()->set(failed, true);
    queueing_->data()->set(queueing, true);
    firstBytes_->data()->set(firstBytes, true);

    lanes_ = lanes;
    plot()->xAxis->setRange(begin, end);
    plot()->yAxis->setRange(-0.7, lanes - 0.3);
    replotSoon();
}

void TimelineChart::fitBarsToLanes() {
    // Bars as thick as the lanes allow, so hundreds of users still read as stripes.
    const double laneHeight = double(plot()->axisRect()->height()) / lanes_;
    const double thickness = std::clamp(laneHeight * 0.6, 1.0, 14.0);
    for (QCPCurve* bars : {ok_, failed_}) {
        QPen pen = bars->pen();
        pen.setWidthF(thickness);
        bars->setPen(pen);
    }
}

} // namespace stampede
