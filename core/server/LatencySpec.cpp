#include "core/server/LatencySpec.h"

#include "core/text/ParseNumber.h"

#include <algorithm>
#include <cstdio>

namespace stampede {

LatencySpec::ParseResult LatencySpec::parse(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return {std::string("latency must look like fixed:MS, uniform:A-B or exp:MEAN")};
    const std::string_view kind = text.substr(0, colon);
    const std::string_view args = text.substr(colon + 1);
    const auto ms = [](std::string_view s) { return parseDecimal(s, 0.0, kMaxMs); };
    const std::string range = "a number of milliseconds from 0 to 60000";

    if (kind == "fixed") {
        if (const auto v = ms(args))
            return {LatencySpec(Kind::Fixed, *v, 0)};
        return {"fixed latency needs " + range};
    }
    if (kind == "uniform") {
        const auto dash = args.find('-');
        const auto low = ms(args.substr(0, dash));
        const auto high = dash == std::string_view::npos ? std::nullopt : ms(args.substr(dash + 1));
        if (!low || !high)
            return {"uniform latency needs A-B, each " + range};
        if (*low > *high)
            return {std::string("uniform latency needs A <= B")};
        return {LatencySpec(Kind::Uniform, *low, *high)};
    }
    if (kind == "exp") {
        const auto mean = ms(args);
        if (!mean || *mean <= 0)
            return {"exponential latency needs a mean above 0, " + range};
        return {LatencySpec(Kind::Exponential, *mean, 0)};
    }
    return {"unknown latency kind '" + std::string(kind) + "' (use fixed, uniform or exp)"};
}

std::chrono::microseconds LatencySpec::sample(std::mt19937_64& rng) const {
    double ms = a_;
    switch (kind_) {
    case Kind::Fixed:
        break;
    case Kind::Uniform:
        ms = std::uniform_real_distribution<double>(a_, b_)(rng);
        break;
    case Kind::Exponential:
        ms = std::min(std::exponential_distribution<double>(1.0 / a_)(rng), kMaxMs);
        break;
    }
    return std::chrono::microseconds(static_cast<std::int64_t>(ms * 1000.0));
}

std::string LatencySpec::describe() const {
    char text[64];
    switch (kind_) {
    case Kind::Fixed:
        std::snprintf(text, sizeof text, "fixed %g ms", a_);
        break;
    case Kind::Uniform:
        std::snprintf(text, sizeof text, "uniform %g-%g ms", a_, b_);
        break;
    case Kind::Exponential:
        std::snprintf(text, sizeof text, "exponential, mean %g ms", a_);
        break;
    }
    return text;
}

} // namespace stampede
