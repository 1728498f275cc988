#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;

namespace stampede {

class ComparisonTable;
class HistogramOverlayChart;
class LiveChart;
class PercentileChart;
class ThroughputOverlayChart;
struct RunComparison;
struct RunReport;

// Two to four runs side by side: throughput over time, latency by percentile and the latency
// distributions overlaid, one colour per run named in each legend, and the table of figures
// with their differences from the first run.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    // The names are the comparison's, in the runs' order.
    void showComparison(const std::vector<RunReport>& runs, const RunComparison& comparison);
    bool hasComparison() const { return shown_; }
    // No runs: empty charts and table under `prompt`.
    void clear(const QString& prompt);

    QList<LiveChart*> charts() const;
    ComparisonTable* table() const { return table_; }
    ThroughputOverlayChart* throughputChart() const { return throughput_; }
    PercentileChart* percentileChart() const { return percentiles_; }
    HistogramOverlayChart* histogramChart() const { return histogram_; }

private:
    QLabel* heading_;
    ThroughputOverlayChart* throughput_;
    PercentileChart* percentiles_;
    HistogramOverlayChart* histogram_;
    ComparisonTable* table_;
    bool shown_ = false;
};

} // namespace stampede
