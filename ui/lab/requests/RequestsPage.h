#pragma once

#include "core/lab/requests/RequestsDemo.h"

#include "ui/lab/DemoPage.h"

class QLabel;
class QSpinBox;

namespace stampede {

class GanttChart;

// Sequential vs concurrent requests: N and the server's delay, Start/Stop/Reset, one Gantt
// chart per way of sending on the same time scale, the two totals side by side, the panel.
class RequestsPage : public DemoPage {
    Q_OBJECT
public:
    explicit RequestsPage(QWidget* parent = nullptr);

    RequestsOptions options() const;
    void showProgress(const RequestsProgress& progress);
    void runEnded(const RequestsProgress& progress);

private:
    void clear() override;
    QSpinBox* requests_;
    QSpinBox* delay_;
    QLabel* totals_;
    GanttChart* sequential_;
    GanttChart* concurrent_;
};

} // namespace stampede
