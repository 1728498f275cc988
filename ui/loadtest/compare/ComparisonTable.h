#pragma once

#include <QTableWidget>

namespace stampede {

struct RunComparison;

// RunComparison's figures, a row each: every run's value and, beside each run after the
// first, its difference from the first. Better and worse are green and red, and say so in
// words with an arrow and a sign too, for those who do not see the colours (and for print).
class ComparisonTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ComparisonTable(QWidget* parent = nullptr);

    void setComparison(const RunComparison& comparison);
    // The column of run `run`'s values, and of its difference from the first (run ≥ 1).
    static int valueColumn(int run) { return run == 0 ? 1 : 2 * run; }
    static int differenceColumn(int run) { return 2 * run + 1; }

    static QBrush betterBrush() { return QColor(0xe6, 0xf4, 0xea); }
    static QBrush worseBrush() { return QColor(0xfb, 0xe9, 0xe9); }
};

} // namespace stampede
