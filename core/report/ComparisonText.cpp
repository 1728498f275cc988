#include "core/report/ComparisonText.h"

#include "core/text/Printf.h"
#include "core/text/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
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

// Characters, not bytes: the arrows and the minus sign take three bytes and one column.
std::size_t columns(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string padded(const std::string& text, std::size_t width, bool right = false) {
    const std::size_t n = columns(text);
    if (n >= width)
        return text;
    const std::string pad(width - n, ' ');
    return right ? pad + text : text + pad;
}

QJsonValue jsonNumber(double v) {
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
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

std::string comparisonText(const std::vector<RunReport>& runs, const RunComparison& comparison,
                           const std::vector<GateResult>& gates) {
    std::string out = printed("Stampede compare: %zu runs against the first\n", runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunReport& r = runs[i];
        out += printed("  %c %s %s, %s on %s, %.1f s, %s\n", i == 0 ? '*' : ' ',
                       padded(comparison.names[i], 24).c_str(), r.url.c_str(),
                       utcText(r.startedUtc, false).toStdString().c_str(),
                       r.host.empty() ? "?" : r.host.c_str(), r.final.seconds(),
                       phaseName(r.final.phase));
    }
    constexpr std::size_t kLabel = 28, kValue = 14, kDifference = 30;
    std::string header = "\n  " + padded("", kLabel) + padded(comparison.names[0], kValue, true);
    for (std::size_t i = 1; i < runs.size(); ++i)
        header += " | " + padded(comparison.names[i], kValue, true) + "  " +
                  padded("difference", kDifference);
    header.erase(header.find_last_not_of(' ') + 1);
    out += header + '\n';
    for (const ComparedFigure& f : comparison.figures) {
        std::string line =
            "  " + padded(f.label, kLabel) + padded(comparedValueText(f, 0), kValue, true);
        for (std::size_t i = 1; i < f.values.size(); ++i)
            line += " | " + padded(comparedValueText(f, i), kValue, true) + "  " +
                    padded(comparedDifferenceText(f, i), kDifference);
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + '\n';
    }
    if (!gates.empty())
        out += "\n  Gates\n";
    for (const GateResult& gate : gates)
        out += "  " + gate.text + '\n';
    return out;
}

QByteArray comparisonJson(const std::vector<RunReport>& runs, const RunComparison& comparison,
                          const std::vector<GateResult>& gates) {
    QJsonArray runArray;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunReport& r = runs[i];
        runArray.append(QJsonObject{{"name", QString::fromStdString(comparison.names[i])},
                                    {"url", QString::fromStdString(r.url)},
                                    {"started_utc", utcText(r.startedUtc)},
                                    {"host", QString::fromStdString(r.host)},
                                    {"duration_s", r.final.seconds()},
                                    {"outcome", phaseName(r.final.phase)}});
    }
    QJsonArray figures;
    for (const ComparedFigure& f : comparison.figures) {
        QJsonArray values, absolute, percent, verdicts;
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            values.append(jsonNumber(f.values[i]));
            absolute.append(jsonNumber(f.absolute[i]));
            percent.append(f.percent[i] ? QJsonValue(*f.percent[i]) : QJsonValue());
            verdicts.append(verdictName(f.verdicts[i]));
        }
        figures.append(QJsonObject{{"key", QString::fromStdString(f.key)},
                                   {"label", QString::fromStdString(f.label)},
                                   {"unit", QString::fromStdString(f.unit)},
                                   {"better", f.better == Better::Higher  ? "higher"
                                              : f.better == Better::Lower ? "lower"
                                                                          : "neither"},
                                   {"values", values},
                                   {"absolute", absolute},
                                   {"percent", percent},
                                   {"verdicts", verdicts}});
    }
    QJsonArray gateArray;
    for (const GateResult& g : gates)
        gateArray.append(QJsonObject{{"gate", QString::fromStdString(g.gate)},
                                     {"run", QString::fromStdString(g.run)},
                                     {"passed", g.passed},
                                     {"text", QString::fromStdString(g.text)}});
    const bool passed =
        std::all_of(gates.begin(), gates.end(), [](const GateResult& g) { return g.passed; });
    return QJsonDocument(QJsonObject{{"runs", runArray},
                                     {"figures", figures},
                                     {"gates", gateArray},
                                     {"passed", passed}})
        .toJson(QJsonDocument::Indented);
}

} // namespace stampede
