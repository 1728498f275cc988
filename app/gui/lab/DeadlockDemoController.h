#pragma once

#include "core/lab/deadlock/DeadlockDemo.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace stampede {

class DeadlockPage;

// Runs the deadlock demo for its page: starts it on its own threads, shows its progress ten
// times a second from the GUI thread (copies under short locks, never a wait), and stops it
// on Stop, Reset or when the window closes.
class DeadlockDemoController : public QObject {
    Q_OBJECT
public:
    explicit DeadlockDemoController(DeadlockPage* page, QObject* parent = nullptr);
    ~DeadlockDemoController() override; // stops the demo; its threads end at once

    bool running() const { return demo_ != nullptr; }

private:
    void start(int threads);
    void reset();
    void poll();

    DeadlockPage* page_;
    QTimer poll_;
    bool discard_ = false; // reset while running: the results no longer matter
    std::unique_ptr<DeadlockDemo> demo_;
};

} // namespace stampede
