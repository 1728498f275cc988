#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

namespace stampede {

class PiEstimator;
class PiPage;
class PiSweep;

// Wires the π page to core: starts a run or a sweep on its own threads, reads its progress ten
// times a second on the GUI thread (lock-free atomics, or a short copy for the sweep), and
// stops and joins whatever runs when it is destroyed, so closing the window never waits long.
class PiDemoController : public QObject {
    Q_OBJECT
public:
    PiDemoController(PiPage* page, QObject* parent = nullptr);
    ~PiDemoController() override;

    bool busy() const { return bool(estimator_) || bool(sweep_); }

private:
    void start();
    void startSweep();
    void stop();
    void reset();
    void poll();

    PiPage* page_;
    QTimer timer_;
    std::unique_ptr<PiEstimator> estimator_;
    std::unique_ptr<PiSweep> sweep_;
    std::size_t shownRows_ = 0;
};

} // namespace stampede
