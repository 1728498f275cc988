#pragma once

#include "engine/LoadEngine.h"

#include <QObject>

#include <string>

namespace stampede {

class LoadTestPage;

// Wires the Load test page to the engine: checks the form's plan with core's validation
// after every edit, starts and stops runs, and hands snapshots to the page on its thread.
class LoadTestController : public QObject {
    Q_OBJECT
public:
    // `targetUrl` is tested when the form leaves the URL empty.
    LoadTestController(LoadTestPage* page, std::string targetUrl, QObject* parent = nullptr);
    ~LoadTestController() override;

    bool running() const { return engine_.running(); }

private:
    void validate();
    void start();

    LoadTestPage* page_;
    std::string targetUrl_;
    LoadEngine engine_;
};

} // namespace stampede
