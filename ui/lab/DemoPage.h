#pragma once

#include <QWidget>

#include <initializer_list>
#include <vector>

class QSpinBox;

namespace stampede {

class DemoButtons;

// What the Start/Stop/Reset pages of the lab share: the buttons, the settings a run locks,
// and the signals their DemoController listens to. A page adds its settings and charts,
// options() for a run, showProgress() and runEnded() for what it shows, and clear().
class DemoPage : public QWidget {
    Q_OBJECT
public:
    void runStarted(); // clears the results and locks the settings
    void reset();      // clears the results and unlocks the settings

signals:
    void startRequested();
    void stopRequested();
    void resetRequested();
    void traceRequested();

protected:
    explicit DemoPage(QWidget* parent = nullptr);

    QWidget* buttons() const; // to lay out beside the settings
    // A setting's spin box, the same on every page.
    static QSpinBox* spinBox(int min, int max, int value, const QString& suffix, QWidget* parent);
    // The settings a running demo cannot take back.
    void lockWhileRunning(std::initializer_list<QWidget*> settings);
    void runFinished(); // unlocks the settings; the results stay
    virtual void clear() = 0;

private:
    void setRunning(bool running);

    DemoButtons* buttons_;
    std::vector<QWidget*> settings_;
};

} // namespace stampede
