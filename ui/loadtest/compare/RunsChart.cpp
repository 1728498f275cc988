#include "ui/loadtest/compare/RunsChart.h"

#include "core/report/RunColours.h"

#include <qcustomplot.h>

namespace stampede {

void RunsChart::reset() {
    for (QCPGraph* graph : graphs_)
        plot()->removeGraph(graph);
    graphs_.clear();
    plot()->xAxis->setRange(emptyXLower_, emptyXUpper_);
    plot()->yAxis->setRange(0, 10);
    replotSoon();
}

QCPGraph* RunsChart::addRunLine(std::size_t index, const QString& name) {
    QCPGraph* graph = addLine(name, QColor(kRunColours[index % kRunColourCount]));
    graphs_ << graph;
    return graph;
}

void RunsChart::setEmptyRange(double xLower, double xUpper) {
    emptyXLower_ = xLower;
    emptyXUpper_ = xUpper;
}

} // namespace stampede
