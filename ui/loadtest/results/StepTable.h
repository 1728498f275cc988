#pragma once

#include "core/plan/Plan.h"

#include <QTableWidget>

#include <vector>

namespace stampede {

struct RunSnapshot;

// A flow's figures step by step, one row each, refreshed with each snapshot: how many
// requests it sent, how many failed or were skipped after an earlier failure, its rate and
// latency, and the first message of its most frequent error.
class StepTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Name, Requests, Errors, Skipped, Rate, P50, P99, FirstError };
    static constexpr int kMaxShownRows = 6;

    explicit StepTable(QWidget* parent = nullptr);

    // The steps of the run about to start, which name the rows.
    void setSteps(const std::vector<Step>& steps);
    void show(const RunSnapshot& snapshot);
    void clearValues();
};

} // namespace stampede
