#include "app/gui/HtmlReportFile.h"

#include "core/report/ReportDirectory.h"
#include "core/report/RunComparison.h"
#include "ui/loadtest/LoadTestPage.h"
#include "ui/loadtest/charts/TimelineChart.h"
#include "ui/loadtest/compare/CompareView.h"
#include "ui/widgets/LiveChart.h"

namespace stampede {
namespace {

std::vector<ReportChart> drawn(const QList<LiveChart*>& charts) {
    std::vector<ReportChart> out;
    for (LiveChart* chart : charts)
        out.push_back({chart->title(), chart->svg()});
    return out;
}

} // namespace

std::vector<ReportChart> drawRunCharts(const RunReport& report) {
    LoadTestPage page;
    page.showReport(report, QString());
    QList<LiveChart*> charts = page.charts();
    // A result file keeps no single requests, so the request timeline would stay empty.
    charts.removeIf([](LiveChart* chart) { return qobject_cast<TimelineChart*>(chart); });
    return drawn(charts);
}

std::vector<ReportChart> drawCompareCharts(const std::vector<RunReport>& runs,
                                           const RunComparison& comparison) {
    CompareView view;
    view.showComparison(runs, comparison);
    return drawn(view.charts());
}

std::optional<std::string> writeHtmlRunReport(const RunReport& report, const QString& name,
                                              const QString& path) {
    return saveFile(path, htmlRunReport(report, name, drawRunCharts(report)));
}

std::optional<std::string> writeHtmlCompareReport(const std::vector<RunReport>& runs,
                                                  const QStringList& names, const QString& path) {
    std::vector<std::string> shortNames;
    for (const QString& name : names)
        shortNames.push_back(name.toStdString());
    const RunComparison comparison = compareRuns(runs, shortNames);
    return saveFile(path, htmlCompareReport(runs, comparison, drawCompareCharts(runs, comparison)));
}

} // namespace stampede
