#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stampede {

// A CSV data file for a scenario (RFC 4180: a header row naming the columns, commas, fields
// in double quotes with "" for a quote, CRLF or LF): read whole when the run is prepared, so
// a bad file is refused before the first request, with its line.
class DataFile {
public:
    // The file at `path`, or why it cannot be used: missing, unreadable, empty, a row with
    // more or fewer fields than the header (naming the line), a column named twice.
    static std::variant<DataFile, std::string> read(const std::string& path);
    static std::variant<DataFile, std::string> parse(std::string_view text);

    const std::vector<std::string>& columns() const { return columns_; }
    std::size_t rows() const { return rows_.size(); }
    const std::vector<std::string>& row(std::size_t index) const { return rows_[index]; }

private:
    std::vector<std::string> columns_;
    std::vector<std::vector<std::string>> rows_;
};

} // namespace stampede
