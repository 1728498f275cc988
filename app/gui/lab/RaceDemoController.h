#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

namespace stampede {

class RaceExperiment;
class RacePage;

// Wires the race page to core: runs the chosen experiment on its own thread, copies its report
// ten times a second on the GUI thread, and stops and joins it when destroyed or reset.
class RaceDemoController : public QObject {
    Q_OBJECT
public:
    RaceDemoController(RacePage* page, QObject* parent = nullptr);
    ~RaceDemoController() override;

    bool busy() const { return bool(experiment_); }

private:
    void start();
    void reset();
    void poll();

    RacePage* page_;
    QTimer timer_;
    std::unique_ptr<RaceExperiment> experiment_;
};

} // namespace stampede
