#pragma once

#include <QWidget>

class QPushButton;

namespace stampede {

// Start, Stop, Reset and Save trace in a row, the same on every demo page (objectNames "start",
// "stop", "reset", "saveTrace"). Running enables Stop and disables Start; Reset is always
// there; Save trace once a run has ended.
class DemoButtons : public QWidget {
    Q_OBJECT
public:
    explicit DemoButtons(QWidget* parent = nullptr);

    void setRunning(bool running);
    void setTraceAvailable(bool available);

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void traceRequested();

private:
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
    QPushButton* trace_;
};

} // namespace stampede
