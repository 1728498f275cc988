#pragma once

#include "core/engine/RequestOutcome.h"
#include "core/engine/Transport.h"
#include "core/plan/Plan.h"
#include "core/plan/PlanShare.h"
#include "core/scenario/Scenario.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace stampede {

// Walks each slot through the scenario's steps, one iteration at a time, above the transport:
// fills in each step's variables (captured values, the data file's next row, the built-ins),
// judges each response (the expected status, the captures), waits each step's think time,
// and ends the iteration at the first failure. What the schedulers start and count is an
// iteration; what the accumulator counts is each request. All on the run's engine-io thread.
class FlowWalker {
public:
    using Clock = RequestOutcome::Clock;

    // A request of step `step` ended on `slot`, judged: `outcome.error` includes the step's
    // own verdict (unexpected_status, capture_failed). `started` is stamped; `intended` too,
    // except for the first step, whose intended time the scheduler knows.
    using StepEnded = std::function<void(int slot, int step, const RequestOutcome& outcome)>;
    // The iteration on `slot` ended: whole, or at `failedStep` with `failure` saying why.
    using IterationEnded =
        std::function<void(int slot, Clock::time_point started, std::optional<int> failedStep,
                           const std::string& failure)>;

    FlowWalker(boost::asio::io_context& io, const Scenario& scenario, Transport& transport,
               RunShare share, LoadShape::Model model, StepEnded stepEnded,
               IterationEnded iterationEnded);
    ~FlowWalker();

    int openSlot();
    void start(int slot); // a new iteration on `slot`: in the open model, a new arrival
    void abandonAll();    // nothing more is sent or reported; think times are cancelled
    // The transport's Done.
    void onDone(int slot, const RequestOutcome& outcome);

private:
    struct Slot;

    void send(Slot& slot, std::size_t step);
    void judge(Slot& slot, const ScenarioStep& step, RequestOutcome& outcome);
    void next(Slot& slot);

    boost::asio::io_context& io_;
    const Scenario& scenario_;
    Transport& transport_;
    const RunShare share_;
    const LoadShape::Model model_;
    StepEnded stepEnded_;
    IterationEnded iterationEnded_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::mt19937_64 random_;
    std::uint64_t arrivals_ = 0; // iterations started, for the data file's rows and {{user}}
    std::string message_;        // the current verdict's words, while StepEnded runs
};

} // namespace stampede
