#pragma once

#include "core/plan/Plan.h"

#include <cstdint>

namespace stampede {

// One of `count` equal parts of a run, carried by one engine thread (and, later, by one
// machine of a sharded run). Shares add up exactly to the whole: users, the in-flight cap and
// the request limit are divided with the remainders spread over the first shares; the rate
// and the stage targets of the open model are divided evenly, and each share takes every
// count-th of the whole run's intended send times, starting at its index, so together they
// send exactly what one engine would have sent, at the same moments.
struct RunShare {
    int index = 0; // 0 … count-1
    int count = 1;

    bool whole() const { return count == 1; }
    // The open model's first intended send of this share, counted in its own requests.
    double firstCount() const { return double(index) / double(count); }
};

// How many shares `plan` can be divided into when `wanted` are asked for: no more than it has
// users (closed, at its peak), in-flight slots (open) or requests, so no share is empty.
int shareCount(const Plan& plan, int wanted);

// The plan of one share; `share.count` must not exceed shareCount(plan, share.count).
Plan planShare(const Plan& plan, RunShare share);

// `total` divided into `share.count` whole parts, the remainder spread over the first ones.
std::uint64_t shareOf(std::uint64_t total, RunShare share);

} // namespace stampede
