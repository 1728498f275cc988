#pragma once

#include "ui/widgets/LiveChart.h"

#include <QStringList>
#include <QVector>

class QCPBars;

namespace stampede {

// One bar per race mode: the race page shows lost updates in one and time in another, so the
// price of each fix sits next to what it fixes.
class RaceBarChart : public LiveChart {
    Q_OBJECT
public:
    RaceBarChart(const QString& title, const QString& valueLabel, const QColor& color,
                 QWidget* parent = nullptr);

    void setBars(const QStringList& labels, const QVector<double>& values);
    void reset() override;

    QCPBars* bars() const { return bars_; }

private:
    QCPBars* bars_;
};

} // namespace stampede
