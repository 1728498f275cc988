#include "app/cli/CompareCommand.h"

#include "app/cli/ResultFiles.h"
#include "core/report/CompareGate.h"
#include "core/report/ComparisonText.h"
#include "core/report/JUnitReport.h"
#include "core/report/ReportDirectory.h"

#include <QCommandLineParser>

#include <algorithm>
#include <iostream>

namespace stampede {
int CompareCommand::run(const QStringList& arguments) const {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare result files (stampede run --out): every figure side by side, and each later "
        "run's change from the first, better or worse.\n\n"
        "Exit status: 0, 2 for bad input, 3 when a --fail-if gate fails."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("compare"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Two or more result files; the first is the "
                                                "baseline."),
                                 QStringLiteral("a.json b.json [...]"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the comparison as JSON."));
    const QCommandLineOption failIf(
        QStringLiteral("fail-if"),
        QStringLiteral("Exit 3 when a later run changed this way against the first, e.g. "
                       "\"p99>+10%\", \"rps<-5%\", \"errors>+0.5pp\", \"p99>+20ms\". Repeatable."),
        QStringLiteral("gate"));
    const QCommandLineOption junit(QStringLiteral("junit"),
                                   QStringLiteral("Write the gates as JUnit XML to FILE."),
                                   QStringLiteral("file"));
    parser.addOptions({json, failIf, junit});
    auto given =
        resultFileArguments(parser, arguments, "compare", "stampede compare a.json b.json");
    if (const int* exit = std::get_if<int>(&given))
        return *exit;
    const QStringList files = std::get<QStringList>(std::move(given));

    std::vector<CompareGate> gates;
    for (const QString& text : parser.values(failIf)) {
        auto gate = CompareGate::parse(text.toStdString());
        if (auto* error = std::get_if<std::string>(&gate))
            return refuseUsage("compare", "--fail-if: " + *error);
        gates.push_back(std::get<CompareGate>(std::move(gate)));
    }
    if (parser.isSet(junit))
        if (const auto error = checkWritableFile(parser.value(junit)))
            return refuseUsage("compare", "--junit: " + *error);

    const auto runs = readResultFiles(files, "compare");
    if (!runs)
        return 2;
    const RunComparison comparison = compareRuns(*runs, resultNames(files));
    std::vector<GateResult> verdicts;
    for (const CompareGate& gate : gates)
        for (GateResult& result : gate.evaluate(comparison))
            verdicts.push_back(std::move(result));

    if (parser.isSet(junit)) {
        std::vector<JUnitCase> cases;
        for (const GateResult& v : verdicts)
            cases.push_back({v.gate + " (" + v.run + ")", v.passed, v.text});
        if (const auto error = writeJUnit(parser.value(junit), "stampede compare", cases, 0)) {
            std::cerr << "stampede compare: " << *error << '\n';
            return 1;
        }
    }
    if (parser.isSet(json))
        std::cout << comparisonJson(*runs, comparison, verdicts).toStdString();
    else
        std::cout << comparisonText(*runs, comparison, verdicts);
    std::cout << std::flush;
    const bool failed =
        std::any_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return !v.passed; });
    return failed ? 3 : 0;
}

} // namespace stampede
