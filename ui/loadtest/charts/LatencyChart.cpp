#include "ui/loadtest/charts/LatencyChart.h"

#include "core/stats/LatencyHistogram.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

LatencyChart::LatencyChart(QWidget* parent)
    : LiveChart(tr("Latency"), parent)
    , p50_(addLine(tr("p50"), QColor(0x1f, 0x77, 0xb4)))
    , p90_(addLine(tr("p90"), QColor(0x2c, 0xa0, 0x2c)))
    , p99_(addLine(tr("p99"), QColor(0x94, 0x67, 0xbd)))
    , corrected_(addLine(tr("run p99, corrected"), QColor(0xd6, 0x27, 0x28), true))
    , uncorrected_(addLine(tr("run p99, uncorrected"), QColor(0x7f, 0x7f, 0x7f), true))
    , gapLabel_(new QCPItemText(plot()))
    , picker_(new QComboBox(this)) {
    plot()->xAxis->setLabel(tr("time since start (s)"));
    plot()->yAxis->setLabel(tr("latency (ms)"));
    showLegendBelow();
    // Two columns: the run's long-named lines fit a chart beside another one.
    plot()->legend->setWrap(2);

    corrected_->setChannelFillGraph(uncorrected_);
    corrected_->setBrush(QColor(0xd6, 0x27, 0x28, 50));
    gapLabel_->setText(tr("coordinated omission gap"));
    gapLabel_->setColor(QColor(0xa0, 0x1a, 0x1b));
    gapLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
    gapLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    gapLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
    picker_->setObjectName("latencyStep");
    picker_->setToolTip(tr("Draw the latency of every step together, or of one step"));
    // Narrow, so it fits beside the title; the open list shows the steps' whole names.
    picker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    picker_->setMinimumContentsLength(20);
    picker_->hide();
    addControl(picker_);
    connect(picker_, &QComboBox::currentIndexChanged, this,
            [this](int index) { showStep(index - 1); });
    reset();
}

void LatencyChart::setSteps(const QStringList& titles) {
    const QSignalBlocker blocker(picker_);
    picker_->clear();
    picker_->addItem(tr("all steps"));
    for (int i = 0; i < titles.size(); ++i)
        picker_->addItem(QString("%1. %2").arg(i + 1).arg(titles[i])); // as the step table
    picker_->setVisible(titles.size() > 1);
    picker_->view()->setMinimumWidth(picker_->view()->sizeHintForColumn(0) + 8);
    showStep(step_ < int(titles.size()) && titles.size() > 1 ? step_ : -1);
}

void LatencyChart::showStep(int step) {
    step_ = step;
    {
        const QSignalBlocker blocker(picker_);
        picker_->setCurrentIndex(step + 1);
    }
    for (QCPGraph* graph : {p50_, p90_, p99_})
        graph->data()->clear();
    draw({rows_.begin(), rows_.end()});
    layOutReferenceLines();
    rescale();
}

void LatencyChart::appendRows(const std::vector<TimeSeriesRow>& rows) {
    if (rows.empty())
        return;
    rows_.insert(rows_.end(), rows.begin(), rows.end());
    while (rows_.size() > std::size_t(kMaxPoints))
        rows_.pop_front();
    draw(rows);
    layOutReferenceLines();
    rescale();
}

void LatencyChart::draw(const std::vector<TimeSeriesRow>& rows) {
    QVector<double> seconds, p50, p90, p99;
    for (const TimeSeriesRow& row : rows) {
        // A step's own second, when one is picked and the row has the flow's steps.
        StepSecond shown{row.completed, row.errors, row.p50Ms, row.p90Ms, row.p99Ms};
        if (step_ >= 0 && std::size_t(step_) < row.steps.size())
            shown = row.steps[std::size_t(step_)];
        // A second without completions has no latency; NaN leaves a gap instead of a 0 dip.
        const bool none = shown.completed == 0;
        seconds << row.second;
        p50 << (none ? qQNaN() : shown.p50Ms);
        p90 << (none ? qQNaN() : shown.p90Ms);
        p99 << (none ? qQNaN() : shown.p99Ms);
    }
    appendCapped(p50_, seconds, p50, kMaxPoints);
    appendCapped(p90_, seconds, p90, kMaxPoints);
    appendCapped(p99_, seconds, p99, kMaxPoints);
}

void LatencyChart::setOverall(const LatencyHistogram& corrected,
                              const LatencyHistogram* uncorrected) {
    correctedP99Ms_.reset();
    uncorrectedP99Ms_.reset();
    if (corrected.count() > 0)
        correctedP99Ms_ = double(corrected.quantile(0.99)) / 1000.0;
    if (uncorrected && uncorrected->count() > 0)
        uncorrectedP99Ms_ = double(uncorrected->quantile(0.99)) / 1000.0;
    layOutReferenceLines();
    rescale();
}

void LatencyChart::setStepOverall(const std::vector<std::optional<double>>& p99Ms) {
    stepP99Ms_ = p99Ms;
    if (step_ >= 0) {
        layOutReferenceLines();
        rescale();
    }
}

void LatencyChart::reset() {
    for (QCPGraph* graph : {p50_, p90_, p99_, corrected_, uncorrected_})
        graph->data()->clear();
    rows_.clear();
    correctedP99Ms_.reset();
    uncorrectedP99Ms_.reset();
    stepP99Ms_.clear();
    layOutReferenceLines();
    plot()->xAxis->setRange(0, 10);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

void LatencyChart::layOutReferenceLines() {
    // Horizontal lines across the seconds drawn so far (or a nominal span before any row).
    double from = 0, to = 1;
    if (!p50_->data()->isEmpty()) {
        from = p50_->data()->constBegin()->key;
        to = std::max(from + 1, (p50_->data()->constEnd() - 1)->key);
    }
    auto drawLine = [&](QCPGraph* graph, const std::optional<double>& value) {
        graph->data()->clear();
        if (value)
            graph->setData({from, to}, {*value, *value}, true);
        graph->setVisible(value.has_value());
        if (value)
            graph->addToLegend();
        else
            graph->removeFromLegend();
    };
    // One step has its own p99 line; the uncorrected one is the run's as a whole only.
    // References, not copies: GCC 12 warns a copied optional<double> may be uninitialised.
    static const std::optional<double> none;
    const bool oneStep = step_ >= 0;
    const std::optional<double>& corrected = !oneStep ? correctedP99Ms_
                                             : std::size_t(step_) < stepP99Ms_.size()
                                                 ? stepP99Ms_[std::size_t(step_)]
                                                 : none;
    const std::optional<double>& uncorrected = oneStep ? none : uncorrectedP99Ms_;
    // "Corrected" means something only beside an uncorrected line (the open model).
    corrected_->setName(oneStep       ? tr("step p99")
                        : uncorrected ? tr("run p99, corrected")
                                      : tr("run p99"));
    drawLine(corrected_, corrected);
    drawLine(uncorrected_, uncorrected);
    // Without the uncorrected line there is no band to fill.
    // Both arms must be QBrush: Qt::NoBrush would otherwise convert to QColor(Qt::color0), black.
    corrected_->setBrush(uncorrected ? QBrush(QColor(0xd6, 0x27, 0x28, 50)) : QBrush(Qt::NoBrush));

    const bool gap = corrected && uncorrected && *corrected > *uncorrected;
    gapLabel_->setVisible(gap);
    if (gap)
        gapLabel_->position->setCoords(0.98, (*corrected + *uncorrected) / 2);
}

void LatencyChart::rescale() {
    plot()->rescaleAxes();
    plot()->yAxis->setRangeLower(0);
    plot()->yAxis->setRangeUpper(std::max(1.0, plot()->yAxis->range().upper * 1.15));
    replotSoon();
}

} // namespace stampede
