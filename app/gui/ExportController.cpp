#include "app/gui/ExportController.h"

#include "app/gui/LoadTestController.h"
#include "core/report/ReportWriter.h"
#include "core/trace/RequestTimelineTrace.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/charts/TimelineChart.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/LiveChart.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStatusBar>

#include <optional>

namespace stampede {
namespace {

// "Latency distribution" -> latency-distribution: nothing to quote in a shell or a URL.
QString fileStem(const QString& chartTitle) {
    return chartTitle.toLower().replace(QRegularExpression("[^a-z0-9]+"), QStringLiteral("-"));
}

// What went wrong, naming the folder or the file; nothing when every chart was written.
std::optional<QString> writeCharts(const QList<LiveChart*>& charts, const QString& directory) {
    if (!QDir().mkpath(directory))
        return ExportController::tr("Cannot create the folder %1.")
            .arg(QDir::toNativeSeparators(directory));
    const QDir dir(directory);
    for (LiveChart* chart : charts) {
        const QString stem = fileStem(chart->title());
        const QString png = dir.filePath(stem + QStringLiteral(".png"));
        if (!chart->exportPng(png))
            return ExportController::tr("Cannot write %1.").arg(QDir::toNativeSeparators(png));
        const QString pdf = dir.filePath(stem + QStringLiteral(".pdf"));
        if (!chart->exportPdf(pdf))
            return ExportController::tr("Cannot write %1.").arg(QDir::toNativeSeparators(pdf));
    }
    return std::nullopt;
}

} // namespace

ExportController::ExportController(MainWindow* window, const LoadTestController* runs,
                                   QObject* parent)
    : QObject(parent)
    , window_(window)
    , runs_(runs)
    , lastFolder_(QDir::homePath()) {
    connect(runs_, &LoadTestController::reportReady, this, [this] {
        shown_.reset();
        window_->setReportAvailable(true);
    });
    connect(window_, &MainWindow::exportReportRequested, this, [this] {
        if (const QString dir = chooseFolder(tr("Export report into folder")); !dir.isEmpty())
            exportReport(dir);
    });
    connect(window_, &MainWindow::exportChartsRequested, this, [this] {
        if (const QString dir = chooseFolder(tr("Export charts into folder")); !dir.isEmpty())
            exportCharts(dir);
    });
    connect(window_, &MainWindow::exportTimelineTraceRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            window_, tr("Export request timeline as trace"),
            QDir(lastFolder_).filePath(QStringLiteral("timeline-trace.json")),
            tr("Chrome/Perfetto trace (*.json)"));
        if (!path.isEmpty()) {
            lastFolder_ = QFileInfo(path).absolutePath();
            exportTimelineTrace(path);
        }
    });
}

void ExportController::showingReport(const RunReport& report) {
    shown_ = report;
    window_->setReportAvailable(true);
}

bool ExportController::exportReport(const QString& directory) {
    const std::optional<RunReport>& report = shown_ ? shown_ : runs_->lastReport();
    if (!report) {
        window_->showProblem(tr("Nothing to export"), tr("Run a load test first."));
        return false;
    }
    if (const auto error = writeReport(*report, directory)) {
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
    if (const auto error = writeCharts(window_->loadTestPage()->charts(), directory)) {
        window_->showProblem(
            tr("Cannot export the charts"),
            tr("%1\n\nThe charts are unchanged: choose another folder.").arg(*error));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Charts written to %1").arg(QDir::toNativeSeparators(directory)), 8000);
    return true;
}

bool ExportController::exportTimelineTrace(const QString& path) {
    const std::vector<RequestRecord> records = window_->loadTestPage()->timeline()->records();
    if (records.empty()) {
        window_->showProblem(tr("Nothing to export"),
                             tr("The request timeline is empty: run a load test first."));
        return false;
    }
    const std::optional<RunReport>& report = shown_ ? shown_ : runs_->lastReport();
    const std::string title = "request timeline" + (report ? " of " + report->url : std::string());
    if (const auto error = writeTrace(requestTimelineTrace(records, title), path)) {
        window_->showProblem(tr("Cannot export the trace"), QString::fromStdString(*error));
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Trace of %1 requests written to %2").arg(records.size()).arg(path), 8000);
    return true;
}

QString ExportController::chooseFolder(const QString& title) {
    const QString dir = QFileDialog::getExistingDirectory(window_, title, lastFolder_);
    if (!dir.isEmpty())
        lastFolder_ = dir;
    return dir;
}

} // namespace stampede
