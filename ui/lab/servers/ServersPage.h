#pragma once

#include "core/lab/servers/ServersDemo.h"
#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;

namespace stampede {

class CompareView;

// Sync vs async server: the sync server's workers, the users, the service time and the
// length of each run; Start/Stop/Reset; the live figures of the run going on; then both runs
// side by side in the compare view the Run history uses (throughput, latency by percentile,
// distributions, the table) and Little's law with this run's numbers.
class ServersPage : public DemoPage {
    Q_OBJECT
public:
    explicit ServersPage(QWidget* parent = nullptr);

    ServersOptions options() const;
    void showProgress(const ServersProgress& progress);
    void runEnded(const ServersProgress& progress);
    void showProblem(const QString& problem);

    CompareView* compareView() const { return compare_; }

private:
    void clear() override;

    QSpinBox* workers_;
    QSpinBox* users_;
    QSpinBox* delay_;
    QSpinBox* seconds_;
    QLabel* live_;
    QLabel* law_;
    CompareView* compare_;
};

} // namespace stampede
