#include "app/gui/lab/DemoPoller.h"

namespace stampede {

DemoPoller::DemoPoller(QObject* parent)
    : QObject(parent) {
    timer_.setInterval(kPollMs);
    connect(&timer_, &QTimer::timeout, this, [this] { poll(); });
}

} // namespace stampede
