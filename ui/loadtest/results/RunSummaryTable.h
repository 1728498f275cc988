#pragma once

#include <QTableWidget>

namespace stampede {

struct RunSnapshot;

// The run's totals and percentiles as a two-column table, refreshed with each snapshot; for a
// flow of several steps also its iterations: whole, failed, per second, their duration.
class RunSummaryTable : public QTableWidget {
    Q_OBJECT
public:
    explicit RunSummaryTable(QWidget* parent = nullptr);

    void show(const RunSnapshot& snapshot);
    // Which transport ran, once the run has ended; why, in its tooltip. `httpVersion` as in
    // RunReport: "1.1", "2", "1.1+2", or empty when nothing answered.
    void showTransport(const QString& name, const QString& why, int threads,
                       const QString& httpVersion);
    void clearValues();
    // The value shown for a metric, e.g. value("Requests"); empty if there is none.
    QString value(const QString& metric) const;

private:
    // The iterations' rows, which say nothing new of a one-step plan.
    void setFlowShown(bool shown);
    void setValue(const QString& metric, const QString& text);
};

} // namespace stampede
