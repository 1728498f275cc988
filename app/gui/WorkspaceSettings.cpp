#include "app/gui/WorkspaceSettings.h"

#include "core/plan/PlanJson.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/form/LoadTestForm.h"
#include "ui/shell/MainWindow.h"

#include <QSettings>

namespace stampede {

namespace {

const QString kPlan = QStringLiteral("loadTest/plan");
const QString kSplitter = QStringLiteral("loadTest/splitter");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");

} // namespace

void WorkspaceSettings::restore(MainWindow& window) {
    const QSettings settings;
    window.restoreGeometry(settings.value(kGeometry).toByteArray());
    window.restoreState(settings.value(kState).toByteArray());
    window.loadTestPage()->restoreState(settings.value(kSplitter).toByteArray());
    // The same strict reader as plan files: a stored form from an older version that no
    // longer reads is dropped for the defaults rather than half-applied. Its fields only: a
    // form left with a problem (a data file since moved) comes back with the problem shown.
    if (settings.contains(kPlan)) {
        auto result = PlanJson::read(settings.value(kPlan).toByteArray(), PlanJson::Check::Fields);
        if (const Plan* plan = std::get_if<Plan>(&result))
            window.loadTestPage()->form()->setPlan(*plan);
    }
}

void WorkspaceSettings::save(const MainWindow& window) {
    QSettings settings;
    settings.setValue(kGeometry, window.saveGeometry());
    settings.setValue(kState, window.saveState());
    settings.setValue(kSplitter, window.loadTestPage()->saveState());
    settings.setValue(kPlan, PlanJson::write(window.loadTestPage()->form()->plan()));
}

} // namespace stampede
