#pragma once

#include "core/lab/requests/RequestsDemo.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <string>

namespace stampede {

class RequestsPage;

// Runs the sequential-vs-concurrent demo for its page against the window's embedded target:
// the engine sends, the page shows copies of what came back ten times a second.
class RequestsDemoController : public QObject {
    Q_OBJECT
public:
    RequestsDemoController(RequestsPage* page, std::string targetUrl, QObject* parent = nullptr);
    ~RequestsDemoController() override; // stops a run; the engine ends it promptly

    bool running() const { return demo_ != nullptr; }

private:
    void start(int requests, int delayMs);
    void reset();
    void poll();

    RequestsPage* page_;
    std::string targetUrl_;
    QTimer poll_;
    bool discard_ = false; // reset while running: the results no longer matter
    std::unique_ptr<RequestsDemo> demo_;
};

} // namespace stampede
