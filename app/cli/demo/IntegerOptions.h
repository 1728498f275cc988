#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cstdint>
#include <optional>
#include <string>

namespace stampede {

// The whole-number options of one demo command, read from its parsed command line: the value
// within [min, max], the fallback when the option is not given, or nothing after printing
// "stampede demo NAME: --opt needs …" to stderr (the caller then exits 2).
class IntegerOptions {
public:
    IntegerOptions(const QCommandLineParser& parser, std::string command);

    // A plain number such as a thread count, milliseconds or a seed: digits only.
    template <typename T>
    std::optional<T> integer(const QCommandLineOption& option, T min, T max, T fallback) const {
        const auto value =
            read(option, std::int64_t(min), std::int64_t(max), std::int64_t(fallback), false);
        return value ? std::optional<T>(T(*value)) : std::nullopt;
    }
    // A count of samples or additions, which people write either way: "2000000000" or "2e9".
    std::optional<std::uint64_t> count(const QCommandLineOption& option, std::uint64_t min,
                                       std::uint64_t max, std::uint64_t fallback) const;

private:
    std::optional<std::int64_t> read(const QCommandLineOption& option, std::int64_t min,
                                     std::int64_t max, std::int64_t fallback,
                                     bool scientific) const;

    const QCommandLineParser& parser_;
    const std::string command_;
};

} // namespace stampede
