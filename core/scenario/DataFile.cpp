#include "core/scenario/DataFile.h"

#include "core/sys/WholeFile.h"

#include <algorithm>

namespace stampede {
namespace {

// Splits CSV text into records of fields; a message when a quote is left open.
std::variant<std::vector<std::vector<std::string>>, std::string> records(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    const auto endRecord = [&] {
        if (fieldStarted || !record.empty()) {
            record.push_back(std::move(field));
            out.push_back(std::move(record));
        }
        record.clear();
        field.clear();
        fieldStarted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            quoted = true;
            quoteLine = line;
            fieldStarted = true;
            break;
        case ',':
            record.push_back(std::move(field));
            field.clear();
            fieldStarted = true;
            break;
        case '\r':
            break;
        case '\n':
            ++line;
            endRecord();
            break;
        default:
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return "a quote opened on line " + std::to_string(quoteLine) + " is never closed";
    endRecord();
    return out;
}

} // namespace

std::variant<DataFile, std::string> DataFile::parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) // a spreadsheet's byte-order mark
        text.remove_prefix(3);
    auto split = records(text);
    if (auto* error = std::get_if<std::string>(&split))
        return std::move(*error);
    auto& all = std::get<0>(split);
    if (all.empty())
        return std::string("is empty: it needs a header row naming the columns, then rows");
    DataFile file;
    file.columns_ = std::move(all.front());
    for (std::size_t i = 0; i < file.columns_.size(); ++i) {
        const std::string& name = file.columns_[i];
        if (name.empty())
            return "column " + std::to_string(i + 1) + " of the header row has no name";
        if (std::find(file.columns_.begin(), file.columns_.begin() + std::ptrdiff_t(i), name) !=
            file.columns_.begin() + std::ptrdiff_t(i))
            return "the header row names column \"" + name + "\" twice";
    }
    for (std::size_t r = 1; r < all.size(); ++r) {
        if (all[r].size() != file.columns_.size())
            return "row " + std::to_string(r + 1) + " has " + std::to_string(all[r].size()) +
                   " fields, the header row " + std::to_string(file.columns_.size());
        file.rows_.push_back(std::move(all[r]));
    }
    if (file.rows_.empty())
        return std::string("has a header row but no rows");
    return file;
}

std::variant<DataFile, std::string> DataFile::read(const std::string& path) {
    std::string why;
    const auto content = readWholeFile(path, &why);
    if (!content)
        return "cannot read " + path + ": " + why;
    auto parsed = parse(*content);
    if (auto* error = std::get_if<std::string>(&parsed))
        return path + " " + *error;
    return parsed;
}

} // namespace stampede
