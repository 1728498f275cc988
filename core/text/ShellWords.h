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

} // namespace stampede
