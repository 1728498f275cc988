#include "app/cli/demo/IntegerOptions.h"

#include "core/text/ParseNumber.h"

#include <charconv>
#include <cmath>
#include <iostream>
#include <utility>

namespace stampede {
namespace {

// "2e9" as well as "2000000000". Doubles hold every whole number up to 2^53, far above any
// count a demo takes.
std::optional<std::int64_t> parseCount(const std::string& text, std::int64_t min,
                                       std::int64_t max) {
    double value = -1;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || value != std::floor(value) ||
        value < double(min) || value > double(max))
        return std::nullopt;
    return std::int64_t(value);
}

// A count's limits as it is written: 1e12 rather than 1000000000000.
std::string countText(std::int64_t value) {
    int exponent = 0;
    std::int64_t digit = value;
    while (digit >= 10 && digit % 10 == 0) {
        digit /= 10;
        ++exponent;
    }
    return exponent >= 4 && digit < 10 ? std::to_string(digit) + "e" + std::to_string(exponent)
                                       : std::to_string(value);
}

// An example inside the range in the notation counts allow: 1e9, or the largest power of ten
// below a smaller maximum.
std::string countExample(std::int64_t max) {
    int exponent = 0;
    for (std::int64_t power = 10; power < max && exponent < 9; power *= 10)
        ++exponent;
    return "1e" + std::to_string(exponent);
}

} // namespace

IntegerOptions::IntegerOptions(const QCommandLineParser& parser, std::string command)
    : parser_(parser)
    , command_(std::move(command)) {}

std::optional<std::uint64_t> IntegerOptions::count(const QCommandLineOption& option,
                                                   std::uint64_t min, std::uint64_t max,
                                                   std::uint64_t fallback) const {
    const auto value =
        read(option, std::int64_t(min), std::int64_t(max), std::int64_t(fallback), true);
    return value ? std::optional<std::uint64_t>(std::uint64_t(*value)) : std::nullopt;
}

std::optional<std::int64_t> IntegerOptions::read(const QCommandLineOption& option, std::int64_t min,
                                                 std::int64_t max, std::int64_t fallback,
                                                 bool scientific) const {
    if (!parser_.isSet(option))
        return fallback;
    const std::string text = parser_.value(option).toStdString();
    if (const auto value = scientific ? parseCount(text, min, max) : parseInteger(text, min, max))
        return value;
    const std::string name = option.names().constLast().toStdString();
    std::cerr << "stampede demo " << command_ << ": " << (name.size() > 1 ? "--" : "-") << name
              << " needs a whole number from " << min << " to "
              << (scientific ? countText(max) + " (e.g. " + countExample(max) + ")"
                             : std::to_string(max))
              << ", not '" << text << "'\n";
    return std::nullopt;
}

} // namespace stampede
