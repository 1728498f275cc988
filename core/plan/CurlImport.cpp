#include "core/plan/CurlImport.h"

#include "core/plan/BaseUrl.h"
#include "core/plan/CurlCommandReader.h"
#include "core/text/AsciiText.h"
#include "core/text/ShellWords.h"

namespace stampede {
namespace {

CurlImportResult refused(const Plan& base, std::string error) {
    return {base, {}, std::move(error)};
}

// One command's words (the shell's quoting already undone) into a plan based on `base`.
CurlImportResult importWords(std::vector<std::string> words, const Plan& base) {
    if (!words.empty() && words.front() == "$") // a shell prompt copied along
        words.erase(words.begin());
    if (words.empty())
        return refused(base, "the curl command is empty");
    if (namesProgram(words.front(), "curl"))
        words.erase(words.begin());
    else if (!words.front().starts_with('-') && !hasScheme(words.front()))
        return refused(base, "not a curl command: it starts with '" + words.front() + "'");

    CurlCommandReader reader(base);
    if (auto error = reader.read(words))
        return refused(base, std::move(*error));
    return std::move(reader).result();
}

} // namespace

CurlImportResult importCurlCommand(std::string_view commandLine, const Plan& base) {
    if (trimmed(commandLine).empty())
        return refused(base, "the curl command is empty");
    auto split = splitShellWords(commandLine);
    if (const auto* error = std::get_if<std::string>(&split))
        return refused(base, "cannot read the command: " + *error);
    return importWords(std::get<std::vector<std::string>>(std::move(split)), base);
}

CurlImportResult importCurlCommands(std::string_view script, const Plan& base) {
    if (trimmed(script).empty())
        return refused(base, "the curl command is empty");
    auto split = splitShellCommands(script, "curl");
    if (const auto* error = std::get_if<std::string>(&split))
        return refused(base, "cannot read the commands: " + *error);
    auto& commands = std::get<std::vector<std::vector<std::string>>>(split);
    if (commands.size() == 1)
        return importWords(std::move(commands.front()), base);

    // Each command reads over the plan so far, so a -k or --http2 in any of them holds for
    // the run, as a transport setting must; its request becomes the next step.
    CurlImportResult out{base, {}, {}};
    std::vector<Step> steps;
    std::vector<std::string> urls;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const std::string which = "command " + std::to_string(i + 1);
        CurlImportResult one = importWords(std::move(commands[i]), out.plan);
        if (!one.ok())
            return refused(base, which + ": " + one.error);
        for (std::string& option : one.ignored)
            out.ignored.push_back(which + ": " + option);
        steps.push_back(std::move(one.plan.steps.front()));
        urls.push_back(std::move(one.plan.url));
        out.plan = std::move(one.plan);
    }
    out.plan.steps = std::move(steps);
    placeOnBaseUrl(out.plan, urls);
    return out;
}

} // namespace stampede
