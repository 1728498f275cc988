#include "app/cli/ImportCommand.h"

#include "core/plan/CurlImport.h"
#include "core/plan/HarImport.h"
#include "core/plan/PlanJson.h"
#include "core/plan/PlanValidation.h"
#include "core/sys/WholeFile.h"

#include <QCommandLineParser>

#include <iostream>
#include <numeric>

namespace stampede {
namespace {

int refuse(const std::string& message) {
    std::cerr << "stampede import: " << message << "\n";
    return 2;
}

// A HAR file is a JSON object; a curl script starts with a word.
bool looksLikeJson(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string::npos && text[first] == '{';
}

} // namespace

int ImportCommand::run(const QStringList& arguments) const {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Turn a HAR file (a browser's \"Save all as HAR\") or a file of curl commands into a plan "
        "file of steps, printed or written to -o. A HAR import leaves out static assets and "
        "other hosts than the first page's, unless --all."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("import"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("The .har file, or a file of curl commands."));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("Write the plan to FILE instead of stdout."),
                                 QStringLiteral("file"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("HAR: every entry, static assets and other "
                                                "hosts included."));
    parser.addOptions({out, all});
    if (!parser.parse(arguments))
        return refuse(parser.errorText().toStdString());
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return refuse("give one file: stampede import FILE [-o plan.json]");
    const std::string path = positional[1].toStdString();

    std::string why;
    const auto text = readWholeFile(path, &why);
    if (!text)
        return refuse("cannot read " + path + ": " + why);

    Plan plan;
    std::string made;
    if (looksLikeJson(*text)) {
        auto har = readHar(QByteArray::fromStdString(*text));
        if (auto* error = std::get_if<std::string>(&har))
            return refuse(path + ": " + *error);
        const HarArchive& archive = std::get<HarArchive>(har);
        std::vector<std::size_t> chosen(archive.entries.size());
        std::iota(chosen.begin(), chosen.end(), 0);
        if (!parser.isSet(all))
            chosen = archive.defaultSelection();
        if (chosen.empty())
            return refuse(path + ": no entry left to import (" +
                          std::to_string(archive.entries.size()) + " entries, none a request to " +
                          archive.pageHost + " other than a static asset); --all imports them all");
        plan = planFromHar(archive, chosen, plan);
        made = std::to_string(chosen.size()) + " of the " + std::to_string(archive.entries.size()) +
               " HAR entries";
    } else {
        CurlImportResult imported = importCurlCommands(*text);
        if (!imported.ok())
            return refuse(path + ": " + imported.error);
        for (const std::string& option : imported.ignored)
            std::cerr << "stampede import: ignored " << option << "\n";
        plan = std::move(imported.plan);
        made = std::to_string(plan.steps.size()) + " curl command(s)";
    }
    // What was made is a plan the run would accept: say so now, not at the first run.
    if (auto problem = validatePlan(plan))
        return refuse(path + ": the imported plan is refused: " + problem->text());

    if (!parser.isSet(out)) {
        std::cout << PlanJson::write(plan).toStdString();
    } else if (auto error = PlanJson::writeFile(plan, parser.value(out))) {
        return refuse(*error);
    }
    std::cerr << "stampede import: " << plan.steps.size() << " steps from " << made << "\n";
    return 0;
}

} // namespace stampede
