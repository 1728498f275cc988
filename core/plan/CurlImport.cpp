#include "core/plan/CurlImport.h"

#include "core/plan/CurlCommandReader.h"
#include "core/text/AsciiText.h"
#include "core/text/ShellWords.h"

namespace stampede {
namespace {

bool isCurlProgram(std::string_view word) {
    const std::size_t slash = word.find_last_of('/');
    const std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
    return base == "curl" || base == "curl.exe";
}

CurlImportResult refused(const Plan& base, std::string error) {
    return {base, {}, std::move(error)};
}

} // namespace

CurlImportResult importCurlCommand(std::string_view commandLine, const Plan& base) {
    if (trimmed(commandLine).empty())
        return refused(base, "the curl command is empty");
    auto split = splitShellWords(commandLine);
    if (const auto* error = std::get_if<std::string>(&split))
        return refused(base, "cannot read the command: " + *error);
    auto& words = std::get<std::vector<std::string>>(split);
    if (!words.empty() && words.front() == "$") // a shell prompt copied along
        words.erase(words.begin());
    if (words.empty())
        return refused(base, "the curl command is empty");
    if (isCurlProgram(words.front()))
        words.erase(words.begin());
    else if (!words.front().starts_with('-') && !hasScheme(words.front()))
        return refused(base, "not a curl command: it starts with '" + words.front() + "'");

    CurlCommandReader reader(base);
    if (auto error = reader.read(words))
        return refused(base, std::move(*error));
    return std::move(reader).result();
}

} // namespace stampede
