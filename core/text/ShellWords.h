#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stampede {

// Splits a pasted command line into words the way a POSIX shell would, without running
// anything: single quotes are literal, double quotes honour \" \\ \$ \` and a continuation,
// bash's $'...' decodes C escapes (browsers' "Copy as cURL" writes it for bodies with newlines),
// a backslash outside quotes escapes the next character and backslash-newline joins lines.
// Variables, globs and operators stay literal text. The words, or why the text cannot be split.
std::variant<std::vector<std::string>, std::string> splitShellWords(std::string_view text);

// The same words, grouped into the commands of a pasted script: an unquoted ;, &&, || or | ends
// one, as does a line break before a line that starts with `program` (or a `$ ` prompt),
// or a blank line. Other line breaks join: a command pasted without its backslashes is still
// one. At least one command, perhaps empty.
std::variant<std::vector<std::vector<std::string>>, std::string>
splitShellCommands(std::string_view text, std::string_view program);

// `word` runs `program`: "curl", "/usr/bin/curl", "curl.exe".
bool namesProgram(std::string_view word, std::string_view program);

} // namespace stampede
