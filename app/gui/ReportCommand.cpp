#include "app/gui/ReportCommand.h"

#include "app/cli/ApplicationInfo.h"
#include "app/gui/HtmlReportFile.h"
#include "core/report/ReportDirectory.h"
#include "core/report/ResultFile.h"
#include "core/report/RunHistory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <iostream>

namespace stampede {
namespace {

int refuse(const std::string& message) {
    std::cerr << "stampede report: " << message << "\n";
    return 2;
}

// The runs' names in a comparison: their files' (compareRuns tells alike ones apart).
QStringList namesOf(const QStringList& paths) {
    QStringList names;
    for (const QString& path : paths)
        names << QFileInfo(path).completeBaseName();
    return names;
}

} // namespace

int runReportCommand(int& argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write one self-contained HTML page (no script, nothing fetched; it prints well) of a "
        "result file of `stampede run --out`, or of two to four compared against the first: "
        "summary, percentiles, status codes, errors, steps, the plan, and the window's charts "
        "as SVG."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("results"),
                                 QStringLiteral("One result file, or two to four to compare."),
                                 QStringLiteral("RESULT..."));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("The HTML file to write."), QStringLiteral("file"));
    parser.addOption(out);
    if (!parser.parse(arguments))
        return refuse(parser.errorText().toStdString());
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty() || files.size() > 4)
        return refuse("give one result file, or two to four to compare: stampede report "
                      "RESULT... -o report.html");
    if (!parser.isSet(out))
        return refuse("-o FILE is missing: where to write the report");
    const QString path = parser.value(out);
    if (const auto error = checkWritableFile(path))
        return refuse(*error);

    std::vector<RunReport> runs;
    for (const QString& file : files) {
        auto read = ResultFile::readFile(file);
        if (const auto* error = std::get_if<std::string>(&read))
            return refuse(*error);
        runs.push_back(std::get<RunReport>(std::move(read)));
    }

    // The report draws but never shows a window: off screen, a display is neither needed nor
    // touched (a DISPLAY whose server went away would otherwise abort the program).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    describeApplication();
    const auto error = runs.size() == 1
                           ? writeHtmlRunReport(runs.front(), defaultRunName(runs.front()), path)
                           : writeHtmlCompareReport(runs, namesOf(files), path);
    if (error) {
        std::cerr << "stampede report: " << *error << "\n";
        return 1;
    }
    std::cout << "Wrote " << path.toStdString() << "\n";
    return 0;
}

} // namespace stampede
