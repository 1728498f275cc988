#pragma once

#include "core/engine/RunSnapshot.h"

#include <QObject>

#include <optional>

namespace stampede {

class LoadTestController;
class MainWindow;

// File → Export report… (the CSV set of `stampede run --report-dir`) and Export charts…
// (each chart as PNG and PDF, named after its title). A folder that cannot be written gets
// a dialog; the report stays in memory, so the user can simply choose another folder.
class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(MainWindow* window, const LoadTestController* runs, QObject* parent = nullptr);

    // The report of the run on the Load test page: the last one that ended, or the one opened
    // from the history or a file since.
    bool exportReport(const QString& directory);
    void showingReport(const RunReport& report);
    bool exportCharts(const QString& directory);
    // The request timeline sample the Load test page shows, as a Chrome/Perfetto trace.
    bool exportTimelineTrace(const QString& path);

private:
    QString chooseFolder(const QString& title);

    MainWindow* window_;
    const LoadTestController* runs_;
    std::optional<RunReport> shown_; // opened after the last run ended
    QString lastFolder_;
};

} // namespace stampede
