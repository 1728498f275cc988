#pragma once

#include "core/plan/Plan.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace stampede {

class LoadTestForm;
class MainWindow;

// The File menu's plans: New, Open, Open recent, Open example, Save and Save as, in the JSON format
// of `stampede run --plan`, so a plan made in the window runs headless unchanged. A plan that
// cannot be read or written is reported in a dialog and the form keeps what it had.
class PlanFileController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 8;

    PlanFileController(MainWindow* window, LoadTestForm* form, QObject* parent = nullptr);

    void newPlan();
    bool openPlan(const QString& path);
    // A shipped example (":/examples/…"): loaded like a file, but saved elsewhere, as a copy.
    bool openExample(const QString& path);
    static QString examplesFolder() { return QStringLiteral(":/examples"); }
    bool savePlan(const QString& path);
    QString currentPath() const { return currentPath_; }
    QStringList recentPlans() const { return recent_; }

private:
    void chooseAndOpen();
    void listExamples();
    std::optional<Plan> read(const QString& path);
    void save();
    void chooseAndSave();
    void remember(const QString& path);
    void setCurrentPath(const QString& path);

    MainWindow* window_;
    LoadTestForm* form_;
    QString currentPath_;
    QStringList recent_;
};

} // namespace stampede
