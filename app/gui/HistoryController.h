#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/report/RunHistory.h"

#include <QObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace stampede {

class LoadTestController;
class MainWindow;

// The runs that last: every run that ends is kept in the history (one result file each), which
// the Run history workspace lists; a kept run or any result file opens on the Load test page
// with all its charts and tables, two to four compare in the Compare workspace, and File →
// Export HTML report writes whichever of them is in front as one page. What cannot be read is
// said (a line above the list, a dialog naming the file and field), never fatal.
class HistoryController : public QObject {
    Q_OBJECT
public:
    HistoryController(MainWindow* window, const LoadTestController* runs, const QString& folder,
                      QObject* parent = nullptr);

    RunHistory& history() { return history_; }
    void refresh();

    // The runs of the history's files, or result files from elsewhere (by path).
    bool openRun(const QString& file);
    bool compareRuns(const QStringList& files);
    bool openResultFiles(const QStringList& paths);
    bool exportRun(const QString& file, const QString& destination);
    // Of the comparison when the Compare workspace is in front, else of the run shown.
    bool exportHtml(const QString& path);

signals:
    void listed(); // the history panel shows the folder as it is now
    // A run from the history or a file is on the Load test page now, instead of the last one.
    void reportShown(const RunReport& report);

private:
    void keep(const RunReport& report);
    bool compare(std::vector<RunReport> runs, const QStringList& names);
    void show(const RunReport& report, const QString& name);
    QString nameOf(const QString& file) const;

    MainWindow* window_;
    const LoadTestController* runs_;
    RunHistory history_;
    std::vector<HistoryEntry> listed_;
    // What an HTML export of the Load test page or of the Compare workspace writes.
    std::optional<RunReport> shown_;
    QString shownName_;
    std::vector<RunReport> compared_;
    QStringList comparedNames_;
    QString lastFolder_;
};

} // namespace stampede
