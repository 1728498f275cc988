#include "core/report/ComparisonText.h"

#include "core/text/Printf.h"
#include "core/text/UtcTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace stampede {
namespace {

std::string change(const ComparedFigure& f, std::size_t i) {
    if (f.verdicts[i] == Verdict::Same)
        return "=";
    if (f.percent[i])
        return printed("%+.1f%%", *f.percent[i]);
    return printed(f.unit.empty() ? "%+.0f" : "%+.2f", f.absolute[i]) + (f.unit == "%" ? "pp"
                                                                         : f.unit.empty()
                                                                             ? ""
                                                                             : " " + f.unit);
}

std::string clipped(const std::string& text, std::size_t width) {
    return text.size() <= width ? text : text.substr(0, width - 1) + "~";
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
    return "changed";
}

std::string comparisonText(const std::vector<RunReport>& runs, const RunComparison& comparison,
                           const std::vector<GateResult>& gates) {
    std::string out = printed("Stampede compare: %zu runs against the first\n", runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunReport& r = runs[i];
        out += printed("  %c %-24s %s, %s on %s, %.1f s, %s\n", i == 0 ? '*' : ' ',
                       clipped(comparison.names[i], 24).c_str(), r.url.c_str(),
                       utcText(r.startedUtc, false).toStdString().c_str(),
                       r.host.empty() ? "?" : r.host.c_str(), r.final.seconds(),
                       phaseName(r.final.phase));
    }
    out += printed("\n  %-30s %12s", "", clipped(comparison.names[0], 12).c_str());
    for (std::size_t i = 1; i < runs.size(); ++i)
        out += printed(" | %12s %9s %-7s", clipped(comparison.names[i], 12).c_str(), "change", "");
    out += '\n';
    for (const ComparedFigure& f : comparison.figures) {
        const std::string label = f.unit.empty() ? f.label : f.label + " (" + f.unit + ")";
        out += printed("  %-30s %12s", clipped(label, 30).c_str(),
                       shownFigure(f.values[0], f.unit).c_str());
        for (std::size_t i = 1; i < f.values.size(); ++i) {
            const Verdict v = f.verdicts[i];
            out += printed(" | %12s %9s %-7s", shownFigure(f.values[i], f.unit).c_str(),
                           change(f, i).c_str(),
                           v == Verdict::Better || v == Verdict::Worse ? verdictName(v) : "");
        }
        out += '\n';
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
                                    {"started_utc", utcText(r.startedUtc, false)},
                                    {"host", QString::fromStdString(r.host)},
                                    {"duration_s", r.final.seconds()},
                                    {"outcome", phaseName(r.final.phase)}});
    }
    QJsonArray figures;
    for (const ComparedFigure& f : comparison.figures) {
        QJsonArray values, absolute, percent, verdicts;
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            values.append(f.values[i]);
            absolute.append(f.absolute[i]);
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
    return QJsonDocument(
               QJsonObject{{"runs", runArray},
                           {"figures", figures},
                           {"gates", gateArray},
                           {"passed", std::all_of(gates.begin(), gates.end(),
                                                  [](const auto& g) { return g.passed; })}})
        .toJson(QJsonDocument::Indented);
}

} // namespace stampede
