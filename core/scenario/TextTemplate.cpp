#include "core/scenario/TextTemplate.h"

#include "core/text/AsciiText.h"
#include "core/text/ParseNumber.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

namespace stampede {
namespace {

bool isName(std::string_view s) {
    const auto head = [](unsigned char c) { return std::isalpha(c) || c == '_'; };
    const auto tail = [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    };
    return !s.empty() && head(static_cast<unsigned char>(s.front())) &&
           std::all_of(s.begin() + 1, s.end(),
                       [&](char c) { return tail(static_cast<unsigned char>(c)); });
}

std::optional<std::int64_t> wholeNumber(std::string_view s) {
    constexpr std::int64_t kLimit = std::int64_t(1) << 53; // beyond, a double in JSON loses digits
    return parseInteger(trimmed(s), -kLimit, kLimit);
}

// One slot's inside, already trimmed; `where` names it in a message.
std::variant<TextTemplate::Piece, std::string> slot(std::string_view inside, VariableNames& names,
                                                    const std::string& where) {
    using Slot = TextTemplate::Slot;
    TextTemplate::Piece piece;
    if (inside.empty())
        return "empty {{}} " + where;
    if (inside == "user") {
        piece.slot = Slot::User;
    } else if (inside == "iteration") {
        piece.slot = Slot::Iteration;
    } else if (inside == "uuid") {
        piece.slot = Slot::Uuid;
    } else if (inside.starts_with("random_int")) {
        const auto open = inside.find('(');
        const auto comma = inside.find(',');
        if (open == std::string_view::npos || comma == std::string_view::npos ||
            inside.back() != ')' || trimmed(inside.substr(0, open)) != "random_int")
            return "{{" + std::string(inside) + "}} " + where + " must look like random_int(1,100)";
        const auto low = wholeNumber(inside.substr(open + 1, comma - open - 1));
        const auto high = wholeNumber(inside.substr(comma + 1, inside.size() - comma - 2));
        if (!low || !high)
            return "{{" + std::string(inside) + "}} " + where + " needs two whole numbers";
        if (*low > *high)
            return "{{" + std::string(inside) + "}} " + where +
                   ": the first number is above the second";
        piece.slot = Slot::RandomInt;
        piece.low = *low;
        piece.high = *high;
    } else if (isName(inside)) {
        piece.slot = Slot::Variable;
        piece.variable = names.add(inside);
    } else {
        return "{{" + std::string(inside) + "}} " + where +
               " is not a variable name (letters, digits, _ . -) or a built-in (user, iteration, "
               "uuid, random_int(A,B))";
    }
    return piece;
}

} // namespace

std::variant<TextTemplate, std::string> TextTemplate::parse(std::string_view text,
                                                            VariableNames& names) {
    TextTemplate out;
    std::string literal;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find("{{", at);
        if (open == std::string_view::npos) {
            literal.append(text.substr(at));
            break;
        }
        literal.append(text.substr(at, open - at));
        const auto close = text.find("}}", open + 2);
        const std::string where = "at character " + std::to_string(open + 1);
        if (close == std::string_view::npos)
            return "unclosed {{ " + where;
        auto piece = slot(trimmed(text.substr(open + 2, close - open - 2)), names, where);
        if (auto* error = std::get_if<std::string>(&piece))
            return std::move(*error);
        if (!literal.empty())
            out.pieces_.push_back({Slot::Text, std::move(literal)});
        literal.clear();
        out.pieces_.push_back(std::get<Piece>(std::move(piece)));
        at = close + 2;
    }
    if (!literal.empty())
        out.pieces_.push_back({Slot::Text, std::move(literal)});
    return out;
}

TextTemplate TextTemplate::verbatim(std::string text) {
    TextTemplate out;
    if (!text.empty())
        out.pieces_.push_back({Slot::Text, std::move(text)});
    return out;
}

const std::string& TextTemplate::literal() const {
    static const std::string empty;
    return pieces_.empty() ? empty : pieces_.front().text;
}

void TextTemplate::render(const TemplateValues& values, std::string& out) const {
    for (const Piece& piece : pieces_) {
        switch (piece.slot) {
        case Slot::Text:
            out += piece.text;
            break;
        case Slot::Variable:
            if (values.variables &&
                static_cast<std::size_t>(piece.variable) < values.variables->size())
                out += (*values.variables)[static_cast<std::size_t>(piece.variable)];
            break;
        case Slot::User:
            out += std::to_string(values.user);
            break;
        case Slot::Iteration:
            out += std::to_string(values.iteration);
            break;
        case Slot::Uuid:
            out += randomUuid(*values.random);
            break;
        case Slot::RandomInt:
            out += std::to_string(
                std::uniform_int_distribution<std::int64_t>(piece.low, piece.high)(*values.random));
            break;
        }
    }
}

std::string TextTemplate::rendered(const TemplateValues& values) const {
    std::string out;
    render(values, out);
    return out;
}

std::vector<int> TextTemplate::variables() const {
    std::vector<int> used;
    for (const Piece& piece : pieces_)
        if (piece.slot == Slot::Variable &&
            std::find(used.begin(), used.end(), piece.variable) == used.end())
            used.push_back(piece.variable);
    return used;
}

std::string randomUuid(std::mt19937_64& random) {
    std::uint64_t high = random();
    std::uint64_t low = random();
    high = (high & ~0xF000ull) | 0x4000ull;                      // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull; // the RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx",
                  static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xFFFF),
                  static_cast<unsigned>(high & 0xFFFF), static_cast<unsigned>(low >> 48),
                  static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
    return text;
}

} // namespace stampede
