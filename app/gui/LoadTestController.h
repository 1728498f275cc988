#pragma once

#include "core/engine/LoadEngine.h"
#include "core/engine/RunSnapshot.h"

#include <QObject>

#include <optional>
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
    // The report of the last run that ended, kept until the next one ends: an export that
    // failed can be tried again elsewhere.
    const std::optional<RunReport>& lastReport() const { return lastReport_; }

signals:
    void reportReady();
    // Something the user must hear of, such as a run the engine refused to start. Shown by
    // whoever connects, without blocking: other runs, demos and the charts go on meanwhile.
    void problem(const QString& title, const QString& text);

private:
    void validate();
    void start();

    LoadTestPage* page_;
    std::string targetUrl_;
    LoadEngine engine_{ThreadPriority::BehindTheWindow};
    std::optional<RunReport> lastReport_;
};

} // namespace stampede
