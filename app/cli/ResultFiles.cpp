#include "app/cli/ResultFiles.h"

#include "core/report/ResultFile.h"

#include <QFileInfo>

#include <algorithm>

#include <iostream>

namespace stampede {

std::optional<std::vector<RunReport>> readResultFiles(const QStringList& paths,
                                                      const std::string& command) {
    std::vector<RunReport> runs;
    for (const QString& path : paths) {
        auto read = ResultFile::readFile(path);
        if (const auto* error = std::get_if<std::string>(&read)) {
            std::cerr << "stampede " << command << ": " << *error << '\n';
            return std::nullopt;
        }
        runs.push_back(std::get<RunReport>(std::move(read)));
    }
    return runs;
}

int refuseUsage(const std::string& command, const std::string& message) {
    std::cerr << "stampede " << command << ": " << message << "\nTry 'stampede " << command
              << " --help'.\n";
    return 2;
}

std::variant<QStringList, int> resultFileArguments(QCommandLineParser& parser,
                                                   const QStringList& arguments,
                                                   const std::string& command,
                                                   const std::string& usage) {
    if (!parser.parse(arguments))
        return refuseUsage(command, parser.errorText().toStdString());
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    QStringList files = parser.positionalArguments();
    files.removeFirst();
    if (files.size() < 2)
        return refuseUsage(command, "give two or more result files: " + usage);
    return files;
}

std::vector<std::string> resultNames(const QStringList& paths) {
    std::vector<std::string> names;
    for (const QString& path : paths) {
        const QString name = QFileInfo(path).fileName();
        const bool clash = std::count_if(paths.begin(), paths.end(), [&](const QString& other) {
                               return QFileInfo(other).fileName() == name;
                           }) > 1;
        names.push_back((clash ? path : name).toStdString());
    }
    return names;
}

} // namespace stampede
