#include "app/gui/ExportController.h"

#include "app/gui/LoadTestController.h"
#include "core/report/ReportWriter.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFileDialog>
#include <QStatusBar>

namespace stampede {

ExportController::ExportController(MainWindow* window, const LoadTestController* runs,
                                   QObject* parent)
    : QObject(parent)
    , window_(window)
    , runs_(runs)
    , lastFolder_(QDir::homePath()) {
    connect(runs_, &LoadTestController::reportReady, window_,
            [this] { window_->setReportAvailable(true); });
    connect(window_, &MainWindow::exportReportRequested, this, [this] {
        if (const QString dir = chooseFolder(tr("Export report into folder")); !dir.isEmpty())
            exportReport(dir);
    });
    connect(window_, &MainWindow::exportChartsRequested, this, [this] {
        if (const QString dir = chooseFolder(tr("Export charts into folder")); !dir.isEmpty())
            exportCharts(dir);
    });
}

bool ExportController::exportReport(const QString& directory) {
    if (!runs_->lastReport()) {
        window_->showProblem(tr("Nothing to export"), tr("Run a load test first."));
        return false;
    }
    if (const auto error = writeReport(*runs_->lastReport(), directory)) {
        window_->showProblem(tr("Cannot export the report"),
                             tr("%1\n\nThe results are kept: choose another folder.")
                                 .arg(QString::fromStdString(*error)));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Report written to %1").arg(QDir::toNativeSeparators(directory)), 8000);
    return true;
}

bool ExportController::exportCharts(const QString& directory) {
    if (const auto error = window_->loadTestPage()->exportCharts(directory)) {
        window_->showProblem(
            tr("Cannot export the charts"),
            tr("%1\n\nThe charts are unchanged: choose another folder.").arg(*error));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Charts written to %1").arg(QDir::toNativeSeparators(directory)), 8000);
    return true;
}

QString ExportController::chooseFolder(const QString& title) {
    const QString dir = QFileDialog::getExistingDirectory(window_, title, lastFolder_);
    if (!dir.isEmpty())
        lastFolder_ = dir;
    return dir;
}

} // namespace stampede
