#include "core/engine/FlowWalker.h"

namespace stampede {
namespace {

// A filled-in value can hold anything a server sent back. In the request line a space or a
// control character would end the target early, so they go percent-encoded; in a header a
// line break would start another header, so they go.
void cleanTarget(std::string& target) {
    for (std::size_t i = 0; i < target.size(); ++i) {
        const auto c = static_cast<unsigned char>(target[i]);
        if (c <= 0x20 || c == 0x7f) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            target.replace(i, 1, {'%', kHex[c >> 4], kHex[c & 15]});
            i += 2;
        }
    }
}

void cleanHeaderValue(std::string& value) {
    std::erase_if(value, [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

} // namespace

struct FlowWalker::Slot {
    Slot(boost::asio::io_context& io, int index)
        : index(index)
        , think(io) {}

    int index;
    boost::asio::steady_timer think;
    unsigned generation = 0; // moves on when abandoned: a think timer of before does nothing
    std::size_t step = 0;
    Clock::time_point iterationStarted{};
    Clock::time_point stepStarted{};
    std::uint64_t user = 0;
    std::uint64_t iterations = 0; // this slot's, for {{iteration}} in the closed model
    std::vector<std::string> variables;
    RenderedRequest rendered;
};

FlowWalker::FlowWalker(boost::asio::io_context& io, const Scenario& scenario, Transport& transport,
                       RunShare share, LoadShape::Model model, StepEnded stepEnded,
                       IterationEnded iterationEnded)
    : io_(io)
    , scenario_(scenario)
    , transport_(transport)
    , share_(share)
    , model_(model)
    , stepEnded_(std::move(stepEnded))
    , iterationEnded_(std::move(iterationEnded))
    , random_(std::random_device{}() ^ static_cast<std::uint64_t>(share.index)) {}

FlowWalker::~FlowWalker() = default;

int FlowWalker::openSlot() {
    const int index = transport_.openSlot();
    slots_.resize(std::max(slots_.size(), static_cast<std::size_t>(index) + 1));
    auto& slot = slots_[static_cast<std::size_t>(index)];
    slot = std::make_unique<Slot>(io_, index);
    slot->variables.resize(static_cast<std::size_t>(scenario_.names().size()));
    // Users are numbered across the shares of a run as their slots interleave (RunShare).
    slot->user = static_cast<std::uint64_t>(index) * static_cast<std::uint64_t>(share_.count) +
                 static_cast<std::uint64_t>(share_.index) + 1;
    return index;
}

void FlowWalker::start(int index) {
    Slot& slot = *slots_[static_cast<std::size_t>(index)];
    const std::uint64_t arrival = arrivals_++;
    // In the open model every flow start is a new arrival, a new virtual user (Artillery's
    // arrivals); a closed-model user keeps its number and counts its iterations.
    if (model_ == LoadShape::Model::Open) {
        slot.user = arrival * static_cast<std::uint64_t>(share_.count) +
                    static_cast<std::uint64_t>(share_.index) + 1;
        slot.iterations = 1;
    } else {
        ++slot.iterations;
    }
    // Captured values live for one iteration: every step that reads one comes after the step
    // that captures it (Scenario checks), so nothing is read from an iteration before.
    if (const auto& data = scenario_.data()) {
        // The shares take rows k, k+N, k+2N, …: together, every row in order.
        const std::uint64_t taken = static_cast<std::uint64_t>(share_.index) +
                                    arrival * static_cast<std::uint64_t>(share_.count);
        const auto& row = data->row(static_cast<std::size_t>(taken % data->rows()));
        const auto& columns = scenario_.columnVariables();
        for (std::size_t c = 0; c < columns.size(); ++c)
            slot.variables[static_cast<std::size_t>(columns[c])] = row[c];
    }
    slot.iterationStarted = Clock::now();
    send(slot, 0);
}

void FlowWalker::send(Slot& slot, std::size_t index) {
    const ScenarioStep& step = scenario_.steps()[index];
    slot.step = index;
    slot.stepStarted = Clock::now();
    if (step.constant()) {
        transport_.send(slot.index, static_cast<int>(index), nullptr);
        return;
    }
    const TemplateValues values{&slot.variables, slot.user, slot.iterations, &random_};
    RenderedRequest& out = slot.rendered;
    out.target.clear();
    step.target.render(values, out.target);
    cleanTarget(out.target);
    out.headerValues.resize(step.headers.size());
    for (std::size_t h = 0; h < step.headers.size(); ++h) {
        out.headerValues[h].clear();
        step.headers[h].value.render(values, out.headerValues[h]);
        cleanHeaderValue(out.headerValues[h]);
    }
    out.body.clear();
    step.body.render(values, out.body);
    transport_.send(slot.index, static_cast<int>(index), &out);
}

void FlowWalker::judge(Slot& slot, const ScenarioStep& step, RequestOutcome& outcome) {
    if (outcome.status <= 0 || (outcome.error && !answeredClass(*outcome.error)))
        return; // no whole response: the transport's class stands
    if (!step.expect.any()) {
        if (step.expect.accepts(outcome.status)) {
            outcome.error.reset(); // a 404 the step asked for is a success
        } else {
            outcome.error = ErrorClass::UnexpectedStatus;
            message_ =
                "status " + std::to_string(outcome.status) + ", expected " + step.expect.text();
            outcome.errorMessage = message_.c_str();
            return;
        }
    }
    if (outcome.error || step.captures.empty())
        return;
    if (outcome.bodyCut && step.keepBody) {
        outcome.error = ErrorClass::CaptureFailed;
        message_ = "the response body is over " + std::to_string(kKeptBodyLimit / 1024 / 1024) +
                   " MiB, more than a capture reads";
        outcome.errorMessage = message_.c_str();
        return;
    }
    const ResponseView view{outcome.body, outcome.headers};
    for (std::size_t c = 0; c < step.captures.size(); ++c) {
        const ScenarioStep::Take& take = step.captures[c];
        auto value = take.capture.take(view);
        if (!value) {
            outcome.error = ErrorClass::CaptureFailed;
            message_ = "captures[" + std::to_string(c) + "] found no " +
                       scenario_.names().name(take.variable) + " in the response";
            outcome.errorMessage = message_.c_str();
            return;
        }
        slot.variables[static_cast<std::size_t>(take.variable)] = std::move(*value);
    }
}

void FlowWalker::onDone(int index, const RequestOutcome& transferred) {
    Slot& slot = *slots_[static_cast<std::size_t>(index)];
    const ScenarioStep& step = scenario_.steps()[slot.step];
    RequestOutcome outcome = transferred;
    outcome.started = slot.stepStarted;
    outcome.intended = slot.stepStarted;
    judge(slot, step, outcome);
    stepEnded_(index, static_cast<int>(slot.step), outcome);
    if (outcome.error) {
        const std::string failure = "step " + std::to_string(slot.step + 1) + " (" + step.name +
                                    "): " + std::string(errorClassName(*outcome.error)) + ": " +
                                    outcome.errorMessage;
        iterationEnded_(index, slot.iterationStarted, static_cast<int>(slot.step), failure);
        return;
    }
    if (step.thinkTime.count() == 0)
        return next(slot);
    slot.think.expires_after(step.thinkTime);
    slot.think.async_wait(
        [this, &slot, generation = slot.generation](const boost::system::error_code& ec) {
            if (!ec && slot.generation == generation)
                next(slot);
        });
}

void FlowWalker::next(Slot& slot) {
    if (slot.step + 1 < scenario_.steps().size())
        return send(slot, slot.step + 1);
    static const std::string none;
    iterationEnded_(slot.index, slot.iterationStarted, std::nullopt, none);
}

void FlowWalker::abandonAll() {
    for (const auto& slot : slots_) {
        ++slot->generation;
        slot->think.cancel();
    }
    transport_.abandonAll();
}

} // namespace stampede
