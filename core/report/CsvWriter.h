#pragma once

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

namespace stampede {

// Builds RFC 4180 text row by row into one growing string, so a caller decides when the bytes
// go to disk. Numbers never pass through a locale: a report written in Berlin must read back
// in Boston.
class CsvWriter {
public:
    // Quoted only when it must be (comma, double quote, CR or LF), quotes doubled. A text that
    // starts as a formula would (=, +, -, @, tab, CR) is written as '=… so no spreadsheet runs it.
    CsvWriter& field(std::string_view text);
    CsvWriter& field(const char* text) { return field(std::string_view(text)); }
    template <std::integral T> CsvWriter& field(T value) {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        return raw(std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
    }
    // At most `decimals` decimals (the last rounded half away from zero), trailing zeros
    // trimmed; empty when not finite.
    CsvWriter& field(double value, int decimals = 3);
    CsvWriter& empty() { return raw({}); }
    CsvWriter& endRow();

    const std::string& text() const { return text_; }
    // Keeps the capacity, so a streaming writer reuses one buffer.
    void clear() {
        text_.clear();
        rowStarted_ = false;
    }

    static std::string formatNumber(double value, int decimals = 3);

private:
    // Fixed notation of the largest double needs 309 digits before the point.
    static constexpr std::size_t kNumberChars = 400;
    // Writes into out[0, kNumberChars) and returns the length.
    static std::size_t formatNumber(char* out, double value, int decimals);

    CsvWriter& raw(std::string_view text);

    std::string text_;
    bool rowStarted_ = false;
};

} // namespace stampede
