#include "app/cli/demo/DemoCommandLine.h"

#include <QJsonDocument>

namespace stampede {

DemoCommandLine::DemoCommandLine(std::string name, const QString& description)
    : name_(std::move(name))
    , json_(QStringLiteral("json"), QStringLiteral("Print the figures as JSON."))
    , trace_(QStringLiteral("trace"),
             QStringLiteral("Write the run as a Chrome/Perfetto trace (JSON trace events) to "
                            "FILE; open it at ui.perfetto.dev."),
             QStringLiteral("FILE"))
    , numbers_(parser_, name_) {
    parser_.setApplicationDescription(description);
    parser_.addHelpOption();
    parser_.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("The command."));
    parser_.addPositionalArgument(QString::fromStdString(name_), QStringLiteral("The demo."));
}

void DemoCommandLine::addOptions(const QList<QCommandLineOption>& options) {
    parser_.addOptions(options);
}

std::optional<int> DemoCommandLine::parse(const QStringList& arguments) {
    parser_.addOption(json_);
    parser_.addOption(trace_);
    if (!parser_.parse(arguments) || parser_.positionalArguments().size() != 2) {
        const QString why = parser_.errorText().isEmpty() ? QStringLiteral("unexpected arguments")
                                                          : parser_.errorText();
        std::cerr << "stampede demo " << name_ << ": " << why.toStdString()
                  << "\nTry 'stampede demo " << name_ << " --help'.\n";
        return 2;
    }
    if (parser_.isSet(QStringLiteral("help"))) {
        std::cout << parser_.helpText().toStdString();
        return 0;
    }
    return std::nullopt;
}

int DemoCommandLine::badArguments(const std::string& problem) const {
    std::cerr << "stampede demo " << name_ << ": " << problem << '\n';
    return 2;
}

int DemoCommandLine::couldNotRun(const std::string& problem) const {
    std::cerr << "stampede demo " << name_ << ": " << problem << '\n';
    return 1;
}

void DemoCommandLine::print(const QJsonObject& json, const std::string& text) const {
    if (parser_.isSet(json_))
        std::cout << QJsonDocument(json).toJson().toStdString() << std::flush;
    else
        std::cout << text << std::flush;
}

} // namespace stampede
