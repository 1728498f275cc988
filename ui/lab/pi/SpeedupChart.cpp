#include "ui/lab/pi/SpeedupChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

SpeedupChart::SpeedupChart(QWidget* parent)
    : LiveChart(tr("Speed-up sweep"), parent)
    , measured_(addLine(tr("measured"), QColor(0x1f, 0x77, 0xb4)))
    , locked_(addLine(tr("with the GIL"), QColor(0xff, 0x7f, 0x0e)))
    , ideal_(addLine(tr("ideal"), QColor(0x30, 0x30, 0x30), true))
    , amdahl_(addLine(tr("Amdahl fit"), QColor(0xd6, 0x27, 0x28), true)) {
    plot()->xAxis->setLabel(tr("threads"));
    plot()->yAxis->setLabel(tr("speed-up over 1 thread"));
    measured_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 8));
    locked_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 8));
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    showLegendBelow();
    plot()->legend->setWrap(
        2); // the chart shares a row with another: three entries in one row clip
    reset();
}

void SpeedupChart::showSweep(const std::vector<PiSweepRow>& rows,
                             const std::optional<AmdahlFit>& fit, int cores, int maxThreads) {
    QVector<double> threads, speedups, lockedThreads, lockedSpeedups;
    double highest = 1;
    for (const PiSweepRow& row : rows) {
        (row.gil ? lockedThreads : threads) << row.threads;
        (row.gil ? lockedSpeedups : speedups) << row.speedup;
        highest = std::max(highest, row.speedup);
    }
    measured_->setData(threads, speedups, true);
    locked_->setData(lockedThreads, lockedSpeedups, true);
    QVector<double> keys, ideal, amdahl;
    for (int n = 1; n <= maxThreads; ++n) {
        keys << n;
        ideal << std::min(n, cores);
        if (fit)
            amdahl << fit->speedup(n);
        highest = std::max(highest, double(std::min(n, cores)));
    }
    ideal_->setData(keys, ideal, true);
    amdahl_->setData(fit ? keys : QVector<double>{}, amdahl, true);
    plot()->xAxis->setRange(0.8, maxThreads + 0.2);
    plot()->yAxis->setRange(0, highest * 1.15);
    replotSoon();
}

void SpeedupChart::reset() {
    for (QCPGraph* graph : {measured_, locked_, ideal_, amdahl_})
        graph->data()->clear();
    plot()->xAxis->setRange(0.8, 4.2);
    plot()->yAxis->setRange(0, 4);
    replotSoon();
}

} // namespace stampede
