#include "core/lab/requests/RequestsSummary.h"

#include "core/text/Printf.h"

#include <cmath>

namespace stampede {
namespace {

double seconds(double ms) {
    return std::round(ms) / 1000;
}

} // namespace

std::string summaryText(const RequestsOptions& o, const RequestsProgress& p) {
    std::string text = printed("Requests: %d x GET %s\n", o.requests, o.delayUrl().c_str());
    const std::string together = "all at once (" + std::to_string(o.requests) + " users)";
    text += printed("  %-28s %7.3f s\n", "one at a time (1 user)", seconds(p.sequential.totalMs()));
    if (p.concurrent.started)
        text += printed("  %-28s %7.3f s\n", together.c_str(), seconds(p.concurrent.totalMs()));
    else
        text += printed("  %-28s %9s\n", together.c_str(), "not run");
    if (p.speedUp() > 0)
        text += printed("  %-28s %7.1f x\n", "speed-up", p.speedUp());
    if (const int errors = p.sequential.errors() + p.concurrent.errors(); errors > 0)
        text += printed("  %-28s %7d\n", "failed requests", errors);
    return text;
}

QJsonObject summaryJson(const RequestsOptions& o, const RequestsProgress& p) {
    return {{"requests", o.requests},
            {"delay_ms", qint64(o.delay.count())},
            {"sequential_s", seconds(p.sequential.totalMs())},
            {"concurrent_s", seconds(p.concurrent.totalMs())},
            {"speedup", std::round(p.speedUp() * 100) / 100},
            {"sequential_recorded", int(p.sequential.records.size())},
            {"concurrent_recorded", int(p.concurrent.records.size())},
            {"errors", p.sequential.errors() + p.concurrent.errors()},
            {"stopped", p.phase == RequestsProgress::Phase::Stopped}};
}

bool succeeded(const RequestsOptions&, const RequestsProgress& p) {
    return p.phase == RequestsProgress::Phase::Done;
}

} // namespace stampede
