#pragma once

#include "core/lab/race/RaceOutcome.h"

#include <stop_token>

namespace stampede {

// The race told with money: one balance, savers depositing and spenders withdrawing a fixed
// amount, `transactions` times each. With as many savers as spenders the balance should end
// where it began; unsynchronised, money appears or vanishes depending on whose store is lost.
// Unlocked, each transaction is a relaxed load then a store, as in RaceCounter.
class WalletRace {
public:
    static constexpr std::int64_t kOpeningBalance = 1000;
    static constexpr std::int64_t kAmount = 10;

    // threads − threads/2 savers (wallet-1, …) and threads/2 spenders.
    static RaceOutcome run(bool locked, int threads, std::uint64_t transactions,
                           std::stop_token stop = {});
};

} // namespace stampede
