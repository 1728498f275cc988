#include "core/lab/async/AsyncSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

#include <cmath>

namespace stampede {
namespace {

std::string_view stateName(AsyncRequest::State state) {
    switch (state) {
    case AsyncRequest::State::Running:
        return "running";
    case AsyncRequest::State::Done:
        return "done, not taken";
    case AsyncRequest::State::Taken:
        return "taken";
    case AsyncRequest::State::Cancelled:
        return "cancelled";
    }
    return "running";
}

double wholeMs(double ms) {
    return std::round(ms * 10) / 10;
}

// The moment the last of `taken` arrived, or gather's return.
double takenAtMs(const AsyncRound& round, const std::vector<AsyncRequest>& requests) {
    double at = 0;
    for (const int index : round.taken())
        at = std::max(at, requests[static_cast<std::size_t>(index)].endMs);
    return at;
}

std::string cancelledPart(const AsyncRound& round) {
    if (round.cancelled() == 0)
        return "";
    return printed("; %d cancelled at %.0f ms%s", round.cancelled(), *round.cancelledAtMs,
                   round.stoppedByUser ? " (stopped)" : "");
}

} // namespace

std::string takenList(const AsyncRound& round) {
    const auto requests = round.requests();
    std::string text;
    for (const int index : round.taken()) {
        if (!text.empty())
            text += ", ";
        text += printed("#%d (%.0f ms)", index + 1, requests[std::size_t(index)].endMs);
    }
    return text;
}

std::string roundSummary(const AsyncRound& round) {
    if (!round.started)
        return "not run";
    const auto requests = round.requests();
    const auto taken = round.taken();
    const int n = round.requestCount();
    const int done = static_cast<int>(round.completions.size());
    std::string text;
    switch (round.mode) {
    case AsyncMode::Gather:
        if (!taken.empty())
            text = printed("all %d returned together at %.0f ms, in the order sent", n,
                           takenAtMs(round, requests));
        else
            text = printed("%d of %d done; gather returns nothing until the last", done, n);
        break;
    case AsyncMode::AsCompleted:
        text = printed("%d of %d taken one by one, in the order they completed", done, n);
        break;
    case AsyncMode::FirstCompleted:
        if (!taken.empty())
            text = printed("#%d taken, the first to complete, at %.0f ms", taken.front() + 1,
                           requests[std::size_t(taken.front())].endMs);
        else
            text = "waiting for the first to complete";
        if (const int late = done - int(taken.size()); late > 0)
            text += printed("; %d more done before the cancel landed, not taken", late);
        break;
    case AsyncMode::Timeout:
        text =
            printed("%d of %d done by T = %.0f ms, taken", int(taken.size()), n, round.timeoutMs);
        if (const int late = done - int(taken.size()); late > 0)
            text += printed("; %d done after T, before the cancel landed, not taken", late);
        break;
    }
    if (round.errors() > 0)
        text += printed("; %d failed", round.errors());
    return text + cancelledPart(round);
}

std::string summaryText(const AsyncOptions& o, const AsyncProgress& p) {
    std::string text =
        printed("Async waiting: %d requests at once to /delay/D, D drawn from %s "
                "(seed %llu)\n",
                o.requests, o.latency.c_str(), static_cast<unsigned long long>(o.seed));
    text += "  delays asked for, in the order sent:";
    for (const int ms : o.plannedDelays())
        text += printed(" %d", ms);
    text += " ms\n";
    int cancelled = 0;
    for (const AsyncRound& round : p.rounds) {
        text += printed("  %s\n    %s\n", std::string(asyncioCall(round.mode)).c_str(),
                        roundSummary(round).c_str());
        if (round.mode == AsyncMode::AsCompleted && !round.completions.empty())
            text += "    order: " + takenList(round) + "\n";
        cancelled += round.cancelled();
    }
    if (cancelled > 0)
        text += "Cancelled requests were really cancelled: the engine's stop reset their "
                "connections, so the server's answers were never read.\n";
    return text;
}

QJsonObject summaryJson(const AsyncOptions& o, const AsyncProgress& p) {
    QJsonArray delays;
    for (const int ms : o.plannedDelays())
        delays.append(ms);
    QJsonArray rounds;
    for (const AsyncRound& round : p.rounds) {
        QJsonArray taken, order, requests;
        for (const int index : round.taken())
            taken.append(index + 1);
        for (const RequestRecord& r : round.completions)
            order.append(r.lane + 1);
        for (const AsyncRequest& r : round.started ? round.requests() : std::vector<AsyncRequest>{})
            requests.append(QJsonObject{{"request", r.index + 1},
                                        {"planned_ms", r.plannedMs},
                                        {"state", QString::fromUtf8(stateName(r.state).data())},
                                        {"started_ms", wholeMs(r.startedMs)},
                                        {"end_ms", wholeMs(r.endMs)},
                                        {"status", r.status}});
        QJsonObject json{{"mode", QString::fromUtf8(asyncModeName(round.mode).data())},
                         {"call", QString::fromUtf8(asyncioCall(round.mode).data())},
                         {"started", round.started},
                         {"ended", round.ended},
                         {"stopped", round.stoppedByUser},
                         {"taken", taken},
                         {"completion_order", order},
                         {"completed", int(round.completions.size())},
                         {"cancelled", round.cancelled()},
                         {"errors", round.errors()},
                         {"end_ms", wholeMs(round.endMs())},
                         {"requests", requests}};
        if (round.mode == AsyncMode::Timeout)
            json["timeout_ms"] = round.timeoutMs;
        if (round.cancelledAtMs)
            json["cancelled_at_ms"] = wholeMs(*round.cancelledAtMs);
        rounds.append(json);
    }
    return {{"requests", o.requests},
            {"latency", QString::fromStdString(o.latency)},
            {"seed", qint64(o.seed)},
            {"timeout_ms", qint64(o.timeout.count())},
            {"delays_ms", delays},
            {"rounds", rounds},
            {"stopped", p.phase == AsyncProgress::Phase::Stopped}};
}

bool succeeded(const AsyncOptions&, const AsyncProgress& p) {
    if (p.phase != AsyncProgress::Phase::Done)
        return false;
    for (const AsyncRound& round : p.rounds)
        if (round.errors() > 0)
            return false;
    return true;
}

} // namespace stampede
