#pragma once

#include <optional>
#include <string>

namespace stampede {

// The whole content of the file at `path`, or nothing, with the reason in `why` when given:
// "it is a directory", or the system's words ("No such file or directory"). A directory is
// refused by name: an ifstream opens one on Linux and then reads nothing.
std::optional<std::string> readWholeFile(const std::string& path, std::string* why = nullptr);

} // namespace stampede
