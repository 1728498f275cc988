#include "core/report/ComparisonText.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace stampede {
namespace {

// Three significant digits or so, never an exponent: what a person compares at a glance.
// Rates in % keep two decimals; counts none; a latency under a millisecond keeps three, so
// a difference of 4 µs shows as 0.004 ms rather than as a puzzling 0.00.
std::string number(double v, const std::string& unit) {
    const double a = std::abs(v);
    if (a == 0)
        return "0"; // "= 0 ms", not "= 0.000 ms"
    int decimals = 2;
    if (unit.empty())
        decimals = 0;
    else if (unit != "%")
        decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    // "-0.000" where a tiny negative rounds to nothing reads as a change: it is not one.
    if (text[0] == '-' && std::strspn(text + 1, "0.") == std::strlen(text + 1))
        return text + 1;
    return text;
}

std::string withUnit(std::string text, const std::string& unit) {
    return unit.empty() ? text : text + " " + unit;
}

} // namespace

const char* verdictName(Verdict verdict) {
    switch (verdict) {
    case Verdict::Same:
        return "same";
    case Verdict::Better:
        return "better";
    case Verdict::Worse:
        return "worse";
    case Verdict::Changed:
        return "changed";
    }
    return "";
}

std::string comparedValueText(const ComparedFigure& figure, std::size_t run) {
    const double v = figure.values.at(run);
    return std::isnan(v) ? "no response" : withUnit(number(v, figure.unit), figure.unit);
}

std::string comparedDifferenceText(const ComparedFigure& figure, std::size_t run) {
    if (run == 0)
        return {};
    const double diff = figure.absolute.at(run);
    const Verdict verdict = figure.verdicts.at(run);
    if (std::isnan(diff))
        return verdict == Verdict::Same ? "= (neither got a response)" : "not comparable";
    std::string out = verdict == Verdict::Same ? "= " : diff > 0 ? "\u25B2 +" : "\u25BC \u2212";
    // Of a rate in %, the difference is in percentage points; its relative change would be a
    // percentage of a percentage.
    const std::string unit = figure.unit == "%" ? "pp" : figure.unit;
    out += withUnit(number(std::abs(diff), figure.unit), unit);
    if (const auto& percent = figure.percent.at(run)) {
        const double p = *percent;
        char text[48];
        std::snprintf(text, sizeof text, " (%s%.1f %%)",
                      verdict == Verdict::Same ? ""
                      : p > 0                  ? "+"
                                               : "\u2212",
                      std::abs(p));
        out += text;
    }
    if (verdict == Verdict::Better || verdict == Verdict::Worse)
        out += std::string(" ") + verdictName(verdict);
    return out;
}

} // namespace stampede
