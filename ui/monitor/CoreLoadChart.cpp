#include "ui/monitor/CoreLoadChart.h"

#include <qcustomplot.h>

#include <array>

namespace stampede {

namespace {

// Distinct at a glance and on a projector; cycles on machines with more cores.
const std::array<QColor, 8> kCoreColors{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                        QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                        QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                        QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};

} // namespace

CoreLoadChart::CoreLoadChart(QWidget* parent)
    : LiveChart(tr("CPU cores"), parent) {
    setObjectName(QStringLiteral("coreLoadChart"));
    setMinimumWidth(240); // it lives in a side dock: leave the workspaces their room
    plot()->xAxis->setLabel(tr("time (s)"));
    plot()->yAxis->setLabel(tr("busy %"));
    // Few ticks: the dock is narrow, and in presentation mode the labels are large.
    auto everyTwentySeconds = QSharedPointer<QCPAxisTickerFixed>::create();
    everyTwentySeconds->setTickStep(20);
    plot()->xAxis->setTicker(everyTwentySeconds);
    plot()->yAxis->ticker()->setTickCount(3);
    showLegendBelow();
    reset();
}

int CoreLoadChart::coreCount() const {
    return plot()->graphCount();
}

void CoreLoadChart::appendSample(double seconds, const std::vector<double>& busyPercent) {
    if (std::size_t(plot()->graphCount()) != busyPercent.size())
        makeCoreLines(busyPercent.size()); // first sample, or a core went on- or offline
    for (std::size_t core = 0; core < busyPercent.size(); ++core)
        appendCapped(plot()->graph(int(core)), {seconds}, {busyPercent[core]}, kMaxPoints);
    for (int i = 0; i < plot()->graphCount(); ++i)
        plot()->graph(i)->data()->removeBefore(seconds - kWindowSeconds);
    plot()->xAxis->setRange(std::max(0.0, seconds - kWindowSeconds),
                            std::max(kWindowSeconds, seconds));
    replotSoon();
}

void CoreLoadChart::reset() {
    for (int i = 0; i < plot()->graphCount(); ++i)
        plot()->graph(i)->data()->clear();
    plot()->xAxis->setRange(0, kWindowSeconds);
    plot()->yAxis->setRange(0, 100);
    replotSoon();
}

void CoreLoadChart::makeCoreLines(std::size_t cores) {
    plot()->clearGraphs();
    for (std::size_t core = 0; core < cores; ++core)
        addLine(tr("core %1").arg(core), kCoreColors[core % kCoreColors.size()]);
    plot()->legend->setVisible(cores > 0 && cores <= kMaxLegendCores);
}

} // namespace stampede
