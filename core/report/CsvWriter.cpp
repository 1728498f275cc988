#include "core/report/CsvWriter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace stampede {

CsvWriter& CsvWriter::raw(std::string_view text) {
    if (rowStarted_)
        text_ += ',';
    rowStarted_ = true;
    text_ += text;
    return *this;
}

CsvWriter& CsvWriter::field(std::string_view text) {
    // A text a spreadsheet would run as a formula (a plan name, a URL, a server's message can
    // be anything) gets a leading apostrophe, which makes it plain text (OWASP's advice for
    // CSV injection). Numbers are written by the other overloads and stay numbers.
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos)
        return raw(text);
    if (rowStarted_)
        text_ += ',';
    rowStarted_ = true;
    text_ += '"';
    if (formula)
        text_ += '\'';
    for (const char c : text) {
        if (c == '"')
            text_ += '"';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

CsvWriter& CsvWriter::field(double value, int decimals) {
    std::array<char, kNumberChars> buffer;
    return raw(std::string_view(buffer.data(), formatNumber(buffer.data(), value, decimals)));
}

CsvWriter& CsvWriter::endRow() {
    text_ += "\r\n";
    rowStarted_ = false;
    return *this;
}

std::string CsvWriter::formatNumber(double value, int decimals) {
    std::array<char, kNumberChars> buffer;
    return std::string(buffer.data(), formatNumber(buffer.data(), value, decimals));
}

std::size_t CsvWriter::formatNumber(char* out, double value, int decimals) {
    if (!std::isfinite(value))
        return 0;
    decimals = std::clamp(decimals, 0, 17);
    char* const end = out + kNumberChars;
    // Fast path for the values reports hold (times, rates): scale to an integer once and
    // print digits, several times cheaper than to_chars' exact fixed notation, which counts
    // when requests.csv formats six numbers per request on the engine thread.
    constexpr std::array<double, 7> kScale = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    if (decimals < int(kScale.size()) && std::abs(value) < 1e12) {
        const auto scale = static_cast<std::uint64_t>(kScale[std::size_t(decimals)]);
        const std::int64_t scaled = std::llround(value * kScale[std::size_t(decimals)]);
        const auto magnitude = static_cast<std::uint64_t>(scaled < 0 ? -scaled : scaled);
        char* p = out;
        if (scaled < 0) // a value that rounds to 0 prints as "0", never "-0"
            *p++ = '-';
        p = std::to_chars(p, end, magnitude / scale).ptr;
        std::uint64_t fraction = magnitude % scale;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                --digits;
            }
            *p++ = '.';
            for (char* digit = p + digits - 1; digit >= p; --digit, fraction /= 10)
                *digit = char('0' + fraction % 10);
            p += digits;
        }
        return std::size_t(p - out);
    }
    const auto result = std::to_chars(out, end, value, std::chars_format::fixed, decimals);
    std::string_view text(out, std::size_t(result.ptr - out));
    if (text.find('.') != std::string_view::npos) {
        text.remove_suffix(text.size() - text.find_last_not_of('0') - 1);
        if (text.back() == '.')
            text.remove_suffix(1);
    }
    if (text == "-0") {
        out[0] = '0';
        return 1;
    }
    return text.size();
}

} // namespace stampede
