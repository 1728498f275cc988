#include "app/gui/HistoryController.h"

#include "app/gui/HtmlReportFile.h"
#include "app/gui/LoadTestController.h"
#include "core/report/ResultFile.h"
#include "core/report/RunComparison.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/loadtest/history/HistoryPanel.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>

namespace stampede {
HistoryController::HistoryController(MainWindow* window, const LoadTestController* runs,
                                     const QString& folder, QObject* parent)
    : QObject(parent)
    , window_(window)
    , runs_(runs)
    , history_(folder)
    , lastFolder_(QDir::homePath()) {
    HistoryPanel* panel = window_->historyPanel();
    connect(runs_, &LoadTestController::reportReady, this, [this] {
        if (runs_->lastReport())
            keep(*runs_->lastReport());
    });
    connect(panel, &HistoryPanel::openRequested, this, &HistoryController::openRun);
    connect(panel, &HistoryPanel::compareRequested, this, &HistoryController::compareRuns);
    connect(panel, &HistoryPanel::renameRequested, this,
            [this](const QString& file, const QString& name) {
                if (const auto error = history_.rename(file, name))
                    window_->showProblem(tr("Cannot rename the run"),
                                         QString::fromStdString(*error));
                // Later: the table is still inside the edit that asked for this.
                QMetaObject::invokeMethod(this, &HistoryController::refresh, Qt::QueuedConnection);
            });
    connect(panel, &HistoryPanel::deleteRequested, this, [this](const QStringList& files) {
        for (const QString& file : files)
            if (const auto error = history_.remove(file))
                window_->showProblem(tr("Cannot delete the run"), QString::fromStdString(*error));
        refresh();
    });
    connect(panel, &HistoryPanel::exportRequested, this, [this](const QString& file) {
        const QString path = QFileDialog::getSaveFileName(window_, tr("Export result file"),
                                                          QDir(lastFolder_).filePath(file),
                                                          tr("Stampede result files (*.json)"));
        if (!path.isEmpty()) {
            lastFolder_ = QFileInfo(path).path();
            exportRun(file, path);
        }
    });
    const auto openResult = [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            window_, tr("Open one result file, or two to four to compare"), lastFolder_,
            tr("Stampede result files (*.json);;All files (*)"));
        if (!paths.isEmpty()) {
            lastFolder_ = QFileInfo(paths.front()).path();
            openResultFiles(paths);
        }
    };
    connect(panel, &HistoryPanel::openFileRequested, this, openResult);
    connect(window_, &MainWindow::openResultRequested, this, openResult);
    connect(window_, &MainWindow::exportHtmlRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(window_, tr("Export HTML report"),
                                                          QDir(lastFolder_).filePath("report.html"),
                                                          tr("HTML pages (*.html)"));
        if (!path.isEmpty()) {
            lastFolder_ = QFileInfo(path).path();
            exportHtml(path);
        }
    });
    refresh();
}

void HistoryController::refresh() {
    HistoryListing listing = history_.list();
    listed_ = std::move(listing.runs);
    window_->historyPanel()->setRuns(listed_);
    window_->historyPanel()->setSkipped(listing.skipped);
    emit listed();
}

void HistoryController::keep(const RunReport& report) {
    // A run that failed to start measured nothing worth keeping.
    if (report.final.phase == RunSnapshot::Phase::Failed && report.final.requests == 0)
        return;
    shown_ = report;
    shownName_ = defaultRunName(report);
    auto added = history_.add(report);
    if (const auto* error = std::get_if<std::string>(&added))
        window_->showProblem(tr("The run is not kept in the history"),
                             QString::fromStdString(*error));
    refresh();
}

QString HistoryController::nameOf(const QString& file) const {
    for (const HistoryEntry& entry : listed_)
        if (entry.file == file)
            return entry.name;
    return file;
}

void HistoryController::show(const RunReport& report, const QString& name) {
    shown_ = report;
    shownName_ = name;
    window_->loadTestPage()->showReport(report, name);
    window_->showWorkspace(window_->loadTestPage());
    emit reportShown(report);
}

bool HistoryController::openRun(const QString& file) {
    if (runs_->running()) {
        window_->showProblem(tr("A run is going on"),
                             tr("Open the run when the one going on has ended: the Load test page "
                                "shows the live run until then."));
        return false;
    }
    auto read = history_.open(file);
    if (const auto* error = std::get_if<std::string>(&read)) {
        window_->showProblem(tr("Cannot open the run"), QString::fromStdString(*error));
        refresh(); // it changed or went since it was listed
        return false;
    }
    show(std::get<RunReport>(read), nameOf(file));
    return true;
}

bool HistoryController::compareRuns(const QStringList& files) {
    std::vector<RunReport> runs;
    QStringList names;
    for (const QString& file : files) {
        auto read = history_.open(file);
        if (const auto* error = std::get_if<std::string>(&read)) {
            window_->showProblem(tr("Cannot compare the runs"), QString::fromStdString(*error));
            return false;
        }
        runs.push_back(std::get<RunReport>(std::move(read)));
        names << nameOf(file);
    }
    return compare(std::move(runs), names);
}

bool HistoryController::compare(std::vector<RunReport> runs, const QStringList& names) {
    std::vector<std::string> shortNames;
    for (const QString& name : names)
        shortNames.push_back(name.toStdString());
    const RunComparison comparison = stampede::compareRuns(runs, shortNames);
    window_->compareView()->showComparison(runs, comparison);
    compared_ = std::move(runs);
    comparedNames_.clear();
    for (const std::string& name : comparison.names)
        comparedNames_ << QString::fromStdString(name);
    window_->showWorkspace(window_->compareView());
    return true;
}

bool HistoryController::openResultFiles(const QStringList& paths) {
    if (paths.size() > HistoryPanel::kMaxCompared) {
        window_->showProblem(tr("Too many result files"),
                             tr("Open one result file, or two to four to compare."));
        return false;
    }
    if (paths.size() == 1 && runs_->running()) {
        window_->showProblem(tr("A run is going on"),
                             tr("Open the result file when the run going on has ended."));
        return false;
    }
    std::vector<RunReport> runs;
    QStringList names;
    for (const QString& path : paths) {
        auto read = ResultFile::readFile(path);
        if (const auto* error = std::get_if<std::string>(&read)) {
            window_->showProblem(tr("Cannot open the result file"), QString::fromStdString(*error));
            return false;
        }
        runs.push_back(std::get<RunReport>(std::move(read)));
        names << QFileInfo(path).completeBaseName();
    }
    if (runs.size() == 1) {
        show(runs.front(), names.front());
        return true;
    }
    return compare(std::move(runs), names);
}

bool HistoryController::exportRun(const QString& file, const QString& destination) {
    if (const auto error = history_.exportTo(file, destination)) {
        window_->showProblem(tr("Cannot export the run"), QString::fromStdString(*error));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Result file written to %1").arg(QDir::toNativeSeparators(destination)), 8000);
    return true;
}

bool HistoryController::exportHtml(const QString& path) {
    const bool comparison =
        window_->currentWorkspace() == window_->compareView() && !compared_.empty();
    if (!comparison && !shown_) {
        window_->showProblem(tr("Nothing to export"),
                             tr("Run a load test, or open or compare runs, first."));
        return false;
    }
    const auto error = comparison ? writeHtmlCompareReport(compared_, comparedNames_, path)
                                  : writeHtmlRunReport(*shown_, shownName_, path);
    if (error) {
        window_->showProblem(tr("Cannot export the HTML report"),
                             tr("%1\n\nChoose another file.").arg(QString::fromStdString(*error)));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("HTML report written to %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

} // namespace stampede
