#include "app/cli/MergeCommand.h"

#include "app/cli/ResultFiles.h"
#include "core/report/ReportDirectory.h"
#include "core/report/ResultFile.h"
#include "core/report/ResultMerge.h"
#include "core/report/SummaryText.h"

#include <QCommandLineParser>

#include <iostream>

namespace stampede {
int MergeCommand::run(const QStringList& arguments) const {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Merge the result files of a run's shards (stampede run --shard K/N --out FILE on each "
        "machine) into the result of the whole run, exactly: counts add, histograms add bucket "
        "by bucket, the per-second series line up on the wall clock. Prints the whole run's "
        "summary and writes its result file to -o (or prints it)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("merge"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("The shards' result files."),
                                 QStringLiteral("r1.json r2.json [...]"));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("Write the merged result file to FILE."),
                                 QStringLiteral("file"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("Add up files of different plans, shard counts or whole runs anyway "
                       "(never a shard twice)."));
    parser.addOptions({out, force});
    auto given = resultFileArguments(parser, arguments, "merge",
                                     "stampede merge r1.json r2.json -o all.json");
    if (const int* exit = std::get_if<int>(&given))
        return *exit;
    const QStringList files = std::get<QStringList>(std::move(given));
    if (parser.isSet(out))
        if (const auto error = checkWritableFile(parser.value(out)))
            return refuseUsage("merge", "-o: " + *error);

    const auto parts = readResultFiles(files, "merge");
    if (!parts)
        return 2;
    auto merged = mergeResults(*parts, resultNames(files), parser.isSet(force));
    if (auto* error = std::get_if<std::string>(&merged))
        return refuseUsage("merge", *error);
    const MergedRun& run = std::get<MergedRun>(merged);
    for (const std::string& note : run.notes)
        std::cerr << "stampede merge: " << note << '\n';

    if (!parser.isSet(out)) {
        std::cout << ResultFile::write(run.report).toStdString() << std::flush;
        return 0;
    }
    if (const auto error = ResultFile::writeFile(run.report, parser.value(out))) {
        std::cerr << "stampede merge: " << *error << '\n';
        return 1;
    }
    std::cout << summaryText(run.report) << "\n  Merged " << files.size() << " files into "
              << parser.value(out).toStdString() << '\n'
              << std::flush;
    return 0;
}

} // namespace stampede
