#pragma once

#include "ui/widgets/LiveChart.h"

#include <QList>
#include <QStringList>

#include <vector>

class QCPGraph;

namespace stampede {

struct RunReport;

// A chart of two to four runs side by side, one line per run in the run's colour (the same
// colour in every chart, the table and the report): what the compare view's charts share.
class RunsChart : public LiveChart {
    Q_OBJECT
public:
    using LiveChart::LiveChart;

    virtual void setRuns(const std::vector<RunReport>& runs, const QStringList& names) = 0;
    void reset() override; // no runs: the empty axes of `emptyRange`

    QList<QCPGraph*> graphs() const { return graphs_; }

protected:
    // The line of run `index`, named and coloured, kept among graphs().
    QCPGraph* addRunLine(std::size_t index, const QString& name);
    // Where the axes stand with no run: x from `xLower` to `xUpper`, y from 0 to 10.
    void setEmptyRange(double xLower, double xUpper);

private:
    QList<QCPGraph*> graphs_;
    double emptyXLower_ = 0;
    double emptyXUpper_ = 10;
};

} // namespace stampede
