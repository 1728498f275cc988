#pragma once

#include <QWidget>

class QPushButton;

namespace stampede {

// Start, Stop and Reset in a row, the same on every demo page (objectNames "start", "stop",
// "reset"). Running enables Stop and disables Start; Reset is always there.
class DemoButtons : public QWidget {
    Q_OBJECT
public:
    explicit DemoButtons(QWidget* parent = nullptr);

    void setRunning(bool running);

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();

private:
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* reset_;
};

} // namespace stampede
