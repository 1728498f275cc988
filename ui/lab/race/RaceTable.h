#pragma once

#include <QTableWidget>

#include <vector>

namespace stampede {

struct RaceOutcome;

// Expected against actual counts, one row per mode or per sweep size: the lost updates in red,
// their share, and the time. As tall as its rows, so it never scrolls.
class RaceTable : public QTableWidget {
    Q_OBJECT
public:
    enum class Rows { ByMode, BySize };

    RaceTable(Rows rows, QWidget* parent = nullptr);

    void showOutcomes(const std::vector<RaceOutcome>& outcomes);

private:
    const Rows rows_;
};

} // namespace stampede
