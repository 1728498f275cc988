#pragma once

#include "core/lab/semaphore/SemaphoreDemo.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace stampede {

class SemaphorePage;

// Runs the semaphore demo for its page: one thread per job, progress shown ten times a
// second from copies taken under a short lock, stopped on Stop, Reset or window close.
class SemaphoreDemoController : public QObject {
    Q_OBJECT
public:
    explicit SemaphoreDemoController(SemaphorePage* page, QObject* parent = nullptr);
    ~SemaphoreDemoController() override; // stops the jobs; they end at once

    bool running() const { return demo_ != nullptr; }

private:
    void start(int jobs, int limit, int jobMs);
    void reset();
    void poll();

    SemaphorePage* page_;
    QTimer poll_;
    bool discard_ = false; // reset while running: the results no longer matter
    std::unique_ptr<SemaphoreDemo> demo_;
};

} // namespace stampede
