#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace stampede {

class CompareView;
class ConcurrencyLab;
class HistoryPanel;
class LoadTestPage;
class TargetPanel;
class ThreadMonitorView;

// The application window: menus, status bar and the workspaces. Knows nothing about how
// results are produced; app/ hands it data.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Where the embedded target listens; shown in the status bar and the target panel.
    void setTargetUrl(const QString& url);

    TargetPanel* targetPanel() const { return targetPanel_; }
    LoadTestPage* loadTestPage() const { return loadTestPage_; }
    HistoryPanel* historyPanel() const { return historyPanel_; }
    CompareView* compareView() const { return compareView_; }
    // Brings a workspace (the Load test page, the history, the compare view…) to the front.
    void showWorkspace(QWidget* workspace);
    // Which of them is in front, e.g. for an export of what the user is looking at.
    QWidget* currentWorkspace() const;
    ConcurrencyLab* concurrencyLab() const { return concurrencyLab_; }
    ThreadMonitorView* threadMonitor() const { return threadMonitor_; }

    // Larger text and thicker chart lines for a projector, on every chart, also later ones.
    void setPresentationMode(bool on);

    // Plans opened or saved lately, newest first; the File menu lists them.
    void setRecentPlans(const QStringList& paths);
    // The example plans that ship with the program, by title, and where each is read from.
    void setExamplePlans(const QList<QPair<QString, QString>>& titledPaths);
    void setReportAvailable(bool available); // a finished run can be exported
    // A warning that does not block: the window, the charts and a run go on.
    void showProblem(const QString& title, const QString& text);

signals:
    void newPlanRequested();
    void openPlanRequested();
    void openRecentPlanRequested(const QString& path);
    void openExampleRequested(const QString& path);
    void savePlanRequested();
    void savePlanAsRequested();
    void exportReportRequested();
    void exportChartsRequested();
    void openResultRequested();
    void exportHtmlRequested();
    void exportTimelineTraceRequested();

private:
    void createMenus();
    void showAbout();

    LoadTestPage* loadTestPage_;
    HistoryPanel* historyPanel_;
    CompareView* compareView_;
    QTabWidget* workspaces_ = nullptr;
    ConcurrencyLab* concurrencyLab_;
    TargetPanel* targetPanel_;
    QMenu* recentPlans_ = nullptr;
    QMenu* examplePlans_ = nullptr;
    QAction* exportReport_ = nullptr;
    QLabel* runStatusLabel_;
    QLabel* targetUrlLabel_;
    ThreadMonitorView* threadMonitor_ = nullptr;
    QDockWidget* threadMonitorDock_ = nullptr;
    QAction* presentationAction_ = nullptr;
};

} // namespace stampede
