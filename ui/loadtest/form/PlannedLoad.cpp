#include "ui/loadtest/form/PlannedLoad.h"

#include "core/plan/StageProfile.h"

namespace stampede {
namespace {

// How far an endless run's level is drawn; any span shows a constant.
constexpr double kEndlessSpanSeconds = 10;

double seconds(std::chrono::milliseconds value) {
    return std::chrono::duration<double>(value).count();
}

} // namespace

PlannedLoad PlannedLoad::of(const Plan& plan) {
    PlannedLoad load;
    load.open = plan.load.model == LoadShape::Model::Open;
    const double base = load.open ? plan.load.rate : double(plan.load.users);
    const auto planned = plan.plannedDuration();
    load.endless = !planned;
    const double end = planned ? seconds(*planned) : kEndlessSpanSeconds;

    load.points.append({0, base});
    double t = 0;
    for (const Stage& stage : plan.load.stages) {
        if (stage.duration.count() <= 0)
            continue; // the engine skips it too: no jump in the level
        t += seconds(stage.duration);
        if (t >= end)
            break;
        load.points.append({t, stage.target});
    }
    if (end > load.points.back().x()) {
        const StageProfile profile(base, plan.load.stages);
        load.points.append({end, profile.valueAt(end)});
    }
    return load;
}

} // namespace stampede
