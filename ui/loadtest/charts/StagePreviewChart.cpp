#include "ui/loadtest/charts/StagePreviewChart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

namespace stampede {

StagePreviewChart::StagePreviewChart(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , graph_(plot_->addGraph()) {
    setObjectName("stagePreview");
    setToolTip(tr("The planned load over time: where the stages take the users or the "
                  "request rate, until the run's planned end."));
    const QColor blue(0x1f, 0x77, 0xb4);
    graph_->setPen(QPen(blue, 2));
    graph_->setBrush(QColor(blue.red(), blue.green(), blue.blue(), 40));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->setLabelPadding(2);
        axis->ticker()->setTickCount(4);
    }
    plot_->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    plot_->axisRect()->setMargins(QMargins(0, 6, 10, 0));
    plot_->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumHeight(160);
}

void StagePreviewChart::setPoints(const QVector<QPointF>& points, const QString& unit,
                                  bool endless) {
    QVector<double> keys, values;
    double top = 0;
    for (const QPointF& p : points) {
        keys << p.x();
        values << p.y();
        top = std::max(top, p.y());
    }
    // Sorted already: a ramp never goes back in time. Vertical steps are kept as drawn.
    graph_->setData(keys, values, true);
    const double right = keys.isEmpty() ? 1 : std::max(keys.back(), 1e-3);
    plot_->xAxis->setRange(0, right);
    plot_->yAxis->setRange(0, std::max(1.0, top * 1.15));
    plot_->xAxis->setLabel(endless ? tr("seconds (no time limit)") : tr("seconds"));
    plot_->yAxis->setLabel(unit);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QVector<QPointF> StagePreviewChart::points() const {
    QVector<QPointF> result;
    for (const QCPGraphData& p : *graph_->data())
        result.append({p.key, p.value});
    return result;
}

} // namespace stampede
