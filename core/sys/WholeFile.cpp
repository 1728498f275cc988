#include "core/sys/WholeFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace stampede {

std::optional<std::string> readWholeFile(const std::string& path, std::string* why) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        if (why)
            *why = "it is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (why)
            *why = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace stampede
