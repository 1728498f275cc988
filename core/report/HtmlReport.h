#pragma once

#include "core/engine/RunSnapshot.h"
#include "core/report/RunComparison.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace stampede {

// A chart already drawn, as one <svg> element (QSvgGenerator's output, XML declaration and
// all): the report places it, it does not draw. Drawing needs the window's chart classes,
// which live above core/.
struct ReportChart {
    QString title;
    QByteArray svg;
};

// One self-contained XHTML page (`stampede report`, File → Export HTML report): inline CSS
// that also prints well, no script, nothing fetched from anywhere. Every text that came from
// a person or a server (plan and step names, URLs, headers, error messages) is escaped, so a
// plan named <script>… reads as text.
//
// A run: what ran, the summary, percentiles, status codes, errors with their first messages,
// the steps of a flow, the charts, and the plan as JSON.
QByteArray htmlRunReport(const RunReport& report, const QString& name,
                         const std::vector<ReportChart>& charts);

// Two to four runs: each run's headline, the compared figures with their differences from
// the first (better and worse in words and arrows as well as colour), and the charts.
QByteArray htmlCompareReport(const std::vector<RunReport>& runs, const RunComparison& comparison,
                             const std::vector<ReportChart>& charts);

} // namespace stampede
