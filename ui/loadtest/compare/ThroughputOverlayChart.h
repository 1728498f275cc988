#pragma once

#include "ui/widgets/LiveChart.h"

#include <QStringList>

#include <vector>

namespace stampede {

struct RunReport;

// Requests per second over each run, one line per run from its start: whether one run
// sustained its rate, warmed up slower or collapsed halfway, which the totals hide.
class ThroughputOverlayChart : public LiveChart {
    Q_OBJECT
public:
    explicit ThroughputOverlayChart(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunReport>& runs, const QStringList& names);
    void reset() override;

    QList<QCPGraph*> graphs() const { return graphs_; }

private:
    QList<QCPGraph*> graphs_;
};

} // namespace stampede
