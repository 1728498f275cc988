#pragma once

#include <QObject>

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

    bool exportReport(const QString& directory);
    bool exportCharts(const QString& directory);

private:
    QString chooseFolder(const QString& title);

    MainWindow* window_;
    const LoadTestController* runs_;
    QString lastFolder_;
};

} // namespace stampede
