#include "core/plan/PlanShare.h"

#include <algorithm>
#include <cmath>

namespace stampede {

std::uint64_t shareOf(std::uint64_t total, RunShare share) {
    const auto count = static_cast<std::uint64_t>(share.count);
    const auto index = static_cast<std::uint64_t>(share.index);
    return total / count + (index < total % count ? 1 : 0);
}

int shareCount(const Plan& plan, int wanted) {
    std::uint64_t most = static_cast<std::uint64_t>(std::max(wanted, 1));
    if (plan.load.model == LoadShape::Model::Closed) {
        double peak = plan.load.users;
        for (const Stage& stage : plan.load.stages)
            peak = std::max(peak, stage.target);
        most = std::min(most, static_cast<std::uint64_t>(std::max(1.0, std::floor(peak))));
    } else {
        most = std::min(most, static_cast<std::uint64_t>(std::max(plan.load.maxInFlight, 1)));
    }
    if (plan.requestLimit)
        most = std::min(most, std::max<std::uint64_t>(*plan.requestLimit, 1));
    return static_cast<int>(most);
}

Plan planShare(const Plan& plan, RunShare share) {
    if (share.whole())
        return plan;
    Plan part = plan;
    LoadShape& load = part.load;
    load.threads = 1;
    const auto whole = [&](double value) {
        return double(shareOf(static_cast<std::uint64_t>(std::llround(value)), share));
    };
    if (load.model == LoadShape::Model::Closed) {
        load.users = static_cast<int>(shareOf(static_cast<std::uint64_t>(plan.load.users), share));
        for (Stage& stage : load.stages)
            stage.target = whole(stage.target);
    } else {
        load.rate = plan.load.rate / share.count;
        load.maxInFlight =
            static_cast<int>(shareOf(static_cast<std::uint64_t>(plan.load.maxInFlight), share));
        for (Stage& stage : load.stages)
            stage.target /= share.count;
    }
    if (plan.requestLimit)
        part.requestLimit = shareOf(*plan.requestLimit, share);
    return part;
}

} // namespace stampede
