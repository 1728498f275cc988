#include "MainWindow.h"

#include "LoadTestPage.h"
#include "TargetPanel.h"
#include "lab/ConcurrencyLab.h"

#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
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
    , concurrencyLab_(new ConcurrencyLab(this))
    , targetPanel_(new TargetPanel(this))
    , runStatusLabel_(new QLabel(this))
    , targetUrlLabel_(new QLabel(this)) {
    initStampedeResources();
    setWindowTitle(tr("Stampede"));
    setWindowIcon(QIcon(QStringLiteral(":/stampede.svg")));
    auto* workspaces = new QTabWidget(this);
    workspaces->setObjectName("workspaces");
    workspaces->addTab(loadTestPage_, tr("Load test"));
    workspaces->addTab(concurrencyLab_, tr("Concurrency lab"));
    workspaces->addTab(targetPanel_, tr("Embedded target"));
    setCentralWidget(workspaces);
    runStatusLabel_->setObjectName("runStatus");
    statusBar()->addWidget(runStatusLabel_, 1);
    connect(loadTestPage_, &LoadTestPage::statusChanged, runStatusLabel_, &QLabel::setText);
    targetUrlLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(targetUrlLabel_);
    createMenus();
    resize(1400, 860);
}

void MainWindow::setTargetUrl(const QString& url) {
    targetUrlLabel_->setText(tr("Embedded target: %1").arg(url));
    targetPanel_->setUrl(url);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Stampede"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
