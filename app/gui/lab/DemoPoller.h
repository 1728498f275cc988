#pragma once

#include <QObject>
#include <QTimer>

namespace stampede {

// The Qt half of every demo controller: ten polls a second on the GUI thread while a demo
// runs. A plain base because a QObject with Q_OBJECT cannot be a template.
class DemoPoller : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollMs = 100;

    explicit DemoPoller(QObject* parent = nullptr);

protected:
    void startPolling() { timer_.start(); }
    void stopPolling() { timer_.stop(); }
    virtual void poll() = 0;

private:
    QTimer timer_;
};

} // namespace stampede
