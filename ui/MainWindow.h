#pragma once

#include <QMainWindow>

class QLabel;

namespace stampede {

class ConcurrencyLab;
class LoadTestPage;
class TargetPanel;

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
    ConcurrencyLab* concurrencyLab() const { return concurrencyLab_; }

private:
    void createMenus();
    void showAbout();

    LoadTestPage* loadTestPage_;
    ConcurrencyLab* concurrencyLab_;
    TargetPanel* targetPanel_;
    QLabel* runStatusLabel_;
    QLabel* targetUrlLabel_;
};

} // namespace stampede
