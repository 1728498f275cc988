#include "app/gui/PlanFileController.h"

#include "core/plan/PlanJson.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace stampede {

namespace {

const QString kRecentKey = QStringLiteral("plans/recent");
// Marked here, translated where used: no translator is installed while statics are made.
const char* const kFilter =
    QT_TRANSLATE_NOOP("stampede::PlanFileController", "Stampede plans (*.json);;All files (*)");

} // namespace

PlanFileController::PlanFileController(MainWindow* window, LoadTestForm* form, QObject* parent)
    : QObject(parent)
    , window_(window)
    , form_(form)
    , recent_(QSettings().value(kRecentKey).toStringList()) {
    window_->setRecentPlans(recent_);
    connect(window_, &MainWindow::newPlanRequested, this, &PlanFileController::newPlan);
    connect(window_, &MainWindow::openPlanRequested, this, &PlanFileController::chooseAndOpen);
    connect(window_, &MainWindow::openRecentPlanRequested, this, &PlanFileController::openPlan);
    connect(window_, &MainWindow::openExampleRequested, this, &PlanFileController::openExample);
    connect(window_, &MainWindow::savePlanRequested, this, &PlanFileController::save);
    connect(window_, &MainWindow::savePlanAsRequested, this, &PlanFileController::chooseAndSave);
    setCurrentPath({});
    listExamples();
}

void PlanFileController::newPlan() {
    form_->setPlan(Plan{});
    setCurrentPath({});
}

std::optional<Plan> PlanFileController::read(const QString& path) {
    // Field by field only: a plan whose whole does not hold (an undefined {{variable}}, a data
    // file that moved) opens, and the form names its problem beside the field to fix.
    auto result = PlanJson::readFile(path, PlanJson::Check::Fields);
    if (const auto* error = std::get_if<PlanError>(&result)) {
        window_->showProblem(
            tr("Cannot open the plan"),
            tr("%1\n\nThe form keeps the plan it had.").arg(QString::fromStdString(error->text())));
        return std::nullopt;
    }
    return std::get<Plan>(std::move(result));
}

bool PlanFileController::openPlan(const QString& path) {
    const auto plan = read(path);
    if (!plan)
        return false;
    form_->setPlan(*plan);
    setCurrentPath(path);
    remember(path);
    return true;
}

bool PlanFileController::openExample(const QString& path) {
    const auto plan = read(path);
    if (!plan)
        return false;
    form_->setPlan(*plan);
    // Not a file the user can save to: Save asks where, and the recent list stays theirs.
    setCurrentPath({});
    window_->setWindowTitle(tr("%1 (example) — Stampede").arg(QFileInfo(path).fileName()));
    return true;
}

void PlanFileController::listExamples() {
    QList<QPair<QString, QString>> examples;
    const QDir folder(examplesFolder());
    for (const QString& name :
         folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = folder.filePath(name);
        auto plan = PlanJson::readFile(path);
        const auto* read = std::get_if<Plan>(&plan);
        // Every shipped example reads (a test holds them to it); a title is all that is read here.
        examples.append(
            {read && !read->name.empty() ? QString::fromStdString(read->name) : name, path});
    }
    window_->setExamplePlans(examples);
}

bool PlanFileController::savePlan(const QString& path) {
    if (const auto error = PlanJson::writeFile(form_->plan(), path)) {
        window_->showProblem(tr("Cannot save the plan"),
                             tr("%1\n\nChoose another place with File → Save plan as….")
                                 .arg(QString::fromStdString(*error)));
        return false;
    }
    setCurrentPath(path);
    remember(path);
    window_->statusBar()->showMessage(tr("Plan saved to %1").arg(QDir::toNativeSeparators(path)),
                                      5000);
    return true;
}

void PlanFileController::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open plan"),
                                                      QFileInfo(currentPath_).path(), tr(kFilter));
    if (!path.isEmpty())
        openPlan(path);
}

void PlanFileController::save() {
    if (currentPath_.isEmpty())
        chooseAndSave();
    else
        savePlan(currentPath_);
}

void PlanFileController::chooseAndSave() {
    QString path = QFileDialog::getSaveFileName(
        window_, tr("Save plan as"),
        currentPath_.isEmpty() ? QStringLiteral("plan.json") : currentPath_, tr(kFilter));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    savePlan(path);
}

void PlanFileController::remember(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent_.removeAll(absolute);
    recent_.prepend(absolute);
    while (recent_.size() > kMaxRecent)
        recent_.removeLast();
    QSettings().setValue(kRecentKey, recent_);
    window_->setRecentPlans(recent_);
}

void PlanFileController::setCurrentPath(const QString& path) {
    currentPath_ = path;
    window_->setWindowTitle(path.isEmpty() ? tr("Stampede")
                                           : tr("%1 — Stampede").arg(QFileInfo(path).fileName()));
}

} // namespace stampede
