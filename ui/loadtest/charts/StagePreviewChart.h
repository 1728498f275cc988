#pragma once

#include <QPointF>
#include <QVector>
#include <QWidget>

class QCPGraph;
class QCustomPlot;

namespace stampede {

// A small picture of the load a plan asks for over time, drawn from points it is handed, so
// a ramp can be checked before the run. No interaction, no export: it is a preview.
class StagePreviewChart : public QWidget {
    Q_OBJECT
public:
    explicit StagePreviewChart(QWidget* parent = nullptr);

    // `unit` labels the level ("users", "req/s"); `endless` says the line goes on.
    void setPoints(const QVector<QPointF>& points, const QString& unit, bool endless);
    QVector<QPointF> points() const; // as drawn
    QCustomPlot* plot() const { return plot_; }

private:
    QCustomPlot* plot_;
    QCPGraph* graph_;
};

} // namespace stampede
