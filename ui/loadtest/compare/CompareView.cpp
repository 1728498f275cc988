#include "ui/loadtest/compare/CompareView.h"

#include "core/report/RunComparison.h"
#include "ui/loadtest/compare/ComparisonTable.h"
#include "ui/loadtest/compare/HistogramOverlayChart.h"
#include "ui/loadtest/compare/PercentileChart.h"
#include "ui/loadtest/compare/ThroughputOverlayChart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace stampede {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
    , heading_(new QLabel(this))
    , throughput_(new ThroughputOverlayChart(this))
    , percentiles_(new PercentileChart(this))
    , histogram_(new HistogramOverlayChart(this))
    , table_(new ComparisonTable(this)) {
    heading_->setObjectName("compareHeading");
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::PlainText); // run names are the user's: never markup
    heading_->setText(tr("Select two to four runs in Run history and press Compare."));
    // The three charts side by side, equally wide, and the table under them as wide as the
    // window: it has a value and a difference column per run.
    auto* charts = new QHBoxLayout;
    for (QWidget* chart : std::initializer_list<QWidget*>{throughput_, percentiles_, histogram_})
        charts->addWidget(chart, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(heading_);
    layout->addLayout(charts, 3);
    layout->addWidget(table_, 2);
}

void CompareView::showComparison(const std::vector<RunReport>& runs,
                                 const RunComparison& comparison) {
    QStringList names;
    for (const std::string& name : comparison.names)
        names << QString::fromStdString(name);
    throughput_->setRuns(runs, names);
    percentiles_->setRuns(runs, names);
    histogram_->setRuns(runs, names);
    table_->setComparison(comparison);
    heading_->setText(tr("%1 runs compared; differences are against the first, %2.")
                          .arg(runs.size())
                          .arg(names.value(0)));
    shown_ = true;
}

void CompareView::clear(const QString& prompt) {
    for (LiveChart* chart : charts())
        chart->reset();
    table_->setComparison(RunComparison{});
    heading_->setText(prompt);
    shown_ = false;
}

QList<LiveChart*> CompareView::charts() const {
    return {throughput_, percentiles_, histogram_};
}

} // namespace stampede
