#pragma once

#include "core/plan/Plan.h"

#include <QPointF>
#include <QVector>

namespace stampede {

// The load a plan asks for over time, as the corners of a line: users (closed model) or
// req/s (open) against seconds since the start. It follows the engine: from the base level,
// linear to each stage's target, and cut where Plan::plannedDuration ends the run.
struct PlannedLoad {
    QVector<QPointF> points;
    bool open = false;
    bool endless = false; // only a request count ends the run: the line just shows the level

    static PlannedLoad of(const Plan& plan);
};

} // namespace stampede
