#include "ui/shell/MainWindow.h"

#include "ui/lab/ConcurrencyLab.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/loadtest/history/HistoryPanel.h"
#include "ui/monitor/ThreadMonitorView.h"
#include "ui/shell/TargetPanel.h"
#include "ui/widgets/LiveChart.h"
#include "ui/widgets/ProblemBox.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>

// Q_INIT_RESOURCE declares a function in the enclosing namespace: it must be called from the
// global one. The resources live in a static library, so the linker needs this reference.
static void initStampedeResources() {
    Q_INIT_RESOURCE(stampede);
}

namespace stampede {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , loadTestPage_(new LoadTestPage(this))
    , historyPanel_(new HistoryPanel(this))
    , compareView_(new CompareView(this))
    , concurrencyLab_(new ConcurrencyLab(this))
    , targetPanel_(new TargetPanel(this))
    , runStatusLabel_(new QLabel(this))
    , targetUrlLabel_(new QLabel(this)) {
    initStampedeResources();
    setWindowTitle(tr("Stampede"));
    setWindowIcon(QIcon(QStringLiteral(":/stampede.svg")));
    workspaces_ = new QTabWidget(this);
    workspaces_->setObjectName("workspaces");
    workspaces_->addTab(loadTestPage_, tr("Load test"));
    workspaces_->addTab(historyPanel_, tr("Run history"));
    workspaces_->addTab(compareView_, tr("Compare"));
    workspaces_->addTab(concurrencyLab_, tr("Concurrency lab"));
    workspaces_->addTab(targetPanel_, tr("Embedded target"));
    setCentralWidget(workspaces_);
    runStatusLabel_->setObjectName("runStatus");
    runStatusLabel_->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(runStatusLabel_, 1);
    connect(loadTestPage_, &LoadTestPage::statusChanged, runStatusLabel_, &QLabel::setText);
    targetUrlLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(targetUrlLabel_);
    // Beside every workspace, so a demo or a load test and its threads are seen together.
    threadMonitor_ = new ThreadMonitorView(this);
    threadMonitorDock_ = new QDockWidget(tr("Threads & CPU"), this);
    threadMonitorDock_->setObjectName(QStringLiteral("threadMonitorDock"));
    threadMonitorDock_->setWidget(threadMonitor_);
    addDockWidget(Qt::RightDockWidgetArea, threadMonitorDock_);
    createMenus();
    // Most of the screen: the charts, the lab and the Threads & CPU dock all want room.
    const QSize available = screen()->availableGeometry().size();
    resize(std::max(available.width() * 9 / 10, std::min(available.width(), 1400)),
           std::max(available.height() * 9 / 10, std::min(available.height(), 860)));
}

void MainWindow::showWorkspace(QWidget* workspace) {
    workspaces_->setCurrentWidget(workspace);
}

QWidget* MainWindow::currentWorkspace() const {
    return workspaces_->currentWidget();
}

void MainWindow::setTargetUrl(const QString& url) {
    targetUrlLabel_->setText(tr("Embedded target: %1").arg(url));
    targetPanel_->setUrl(url);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    const auto addFileAction = [this, file](const QString& text, const char* name,
                                            const QKeySequence& keys, auto signal) {
        QAction* action = file->addAction(text, this, signal);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(keys);
        return action;
    };
    addFileAction(tr("&New plan"), "actionNewPlan", QKeySequence::New,
                  &MainWindow::newPlanRequested);
    addFileAction(tr("&Open plan…"), "actionOpenPlan", QKeySequence::Open,
                  &MainWindow::openPlanRequested);
    recentPlans_ = file->addMenu(tr("Open &recent"));
    recentPlans_->setObjectName(QStringLiteral("menuRecentPlans"));
    setRecentPlans({});
    examplePlans_ = file->addMenu(tr("Open e&xample"));
    examplePlans_->setObjectName(QStringLiteral("menuExamplePlans"));
    examplePlans_->setToolTipsVisible(true);
    setExamplePlans({});
    addFileAction(tr("&Save plan"), "actionSavePlan", QKeySequence::Save,
                  &MainWindow::savePlanRequested);
    addFileAction(tr("Save plan &as…"), "actionSavePlanAs", QKeySequence::SaveAs,
                  &MainWindow::savePlanAsRequested);
    addFileAction(tr("Open res&ult…"), "actionOpenResult",
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &MainWindow::openResultRequested)
        ->setToolTip(tr("Show a result file's charts, or compare two to four result files"));
    file->addSeparator();
    LoadTestForm* form = loadTestPage_->form();
    QAction* importCurl =
        file->addAction(tr("Import from &curl…"), form, &LoadTestForm::importCurl);
    importCurl->setObjectName(QStringLiteral("actionImportCurl"));
    importCurl->setToolTip(tr("Make the steps from pasted curl commands"));
    QAction* importHar = file->addAction(tr("Import &HAR…"), form, &LoadTestForm::importHar);
    importHar->setObjectName(QStringLiteral("actionImportHar"));
    importHar->setToolTip(tr("Make the steps from the requests of a browser's HAR file"));
    file->addSeparator();
    exportReport_ =
        addFileAction(tr("&Export report…"), "actionExportReport",
                      QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::exportReportRequested);
    exportReport_->setToolTip(tr("Write summary, time series, status code and error CSV files "
                                 "of the last run, as `stampede run --report-dir` does."));
    exportReport_->setEnabled(false);
    addFileAction(tr("Export &charts…"), "actionExportCharts",
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                  &MainWindow::exportChartsRequested);
    addFileAction(tr("Export &HTML report…"), "actionExportHtml",
                  QKeySequence(Qt::CTRL | Qt::Key_H), &MainWindow::exportHtmlRequested)
        ->setToolTip(tr("One self-contained page of the run shown, or of the comparison when "
                        "the Compare workspace is in front"));
    addFileAction(tr("Export request &timeline as trace…"), "actionExportTimelineTrace",
                  QKeySequence(), &MainWindow::exportTimelineTraceRequested)
        ->setToolTip(tr("The load test's request timeline sample as a Chrome/Perfetto trace, "
                        "a lane per virtual user: open it at ui.perfetto.dev"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* monitor = threadMonitorDock_->toggleViewAction();
    monitor->setObjectName(QStringLiteral("actionThreadMonitor"));
    monitor->setText(tr("&Threads && CPU"));
    view->addAction(monitor);
    presentationAction_ =
        view->addAction(tr("&Presentation mode"), this, &MainWindow::setPresentationMode);
    presentationAction_->setObjectName(QStringLiteral("actionPresentationMode"));
    presentationAction_->setCheckable(true);
    presentationAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Stampede"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setPresentationMode(bool on) {
    if (property(LiveChart::kPresentationProperty).toBool() == on)
        return;
    // Charts shown later read this property in their showEvent.
    setProperty(LiveChart::kPresentationProperty, on);
    QFont font; // an empty font: inherit the application's again
    if (on) {
        font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * LiveChart::kPresentationScale);
    }
    setFont(font);
    for (LiveChart* chart : findChildren<LiveChart*>())
        chart->setPresentationMode(on);
    presentationAction_->setChecked(on);
}

void MainWindow::setRecentPlans(const QStringList& paths) {
    recentPlans_->clear();
    for (const QString& path : paths) {
        QAction* action = recentPlans_->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this,
                [this, path] { emit openRecentPlanRequested(path); });
    }
    recentPlans_->setEnabled(!paths.isEmpty());
}

void MainWindow::setExamplePlans(const QList<QPair<QString, QString>>& titledPaths) {
    examplePlans_->clear();
    for (const auto& [title, path] : titledPaths) {
        QAction* action = examplePlans_->addAction(title);
        action->setData(path);
        connect(action, &QAction::triggered, this,
                [this, path] { emit openExampleRequested(path); });
    }
    examplePlans_->setEnabled(!titledPaths.isEmpty());
}

void MainWindow::setReportAvailable(bool available) {
    exportReport_->setEnabled(available);
}

void MainWindow::showProblem(const QString& title, const QString& text) {
    openProblemBox(this, title, text);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Stampede"),
        tr("<h3>Stampede %1</h3>"
           "<p>HTTP load testing from a form, and concurrency made visible for a classroom.</p>"
           "<p>An embedded target server answers on loopback, so every test and lesson "
           "works without an outside server.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace stampede
