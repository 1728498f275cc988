#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/report/HtmlReport.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace stampede {

// The HTML report's charts, drawn by the window's own chart classes (the Load test page's, the
// compare view's) into SVG, off screen: the report shows exactly what the window shows. Needs
// a QApplication, so it lives above core/.
std::vector<ReportChart> drawRunCharts(const RunReport& report);
std::vector<ReportChart> drawCompareCharts(const std::vector<RunReport>& runs,
                                           const RunComparison& comparison);

// The report written to `path` (aside, then renamed into place); the error names the path.
std::optional<std::string> writeHtmlRunReport(const RunReport& report, const QString& name,
                                              const QString& path);
std::optional<std::string> writeHtmlCompareReport(const std::vector<RunReport>& runs,
                                                  const QStringList& names, const QString& path);

} // namespace stampede
