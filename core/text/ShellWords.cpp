#include "core/text/ShellWords.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace stampede {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int digitValue(char c, int base) {
    int value = base;
    if (c >= '0' && c <= '9')
        value = c - '0';
    else if (c >= 'a' && c <= 'f')
        value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        value = c - 'A' + 10;
    return value < base ? value : -1;
}

// Reads up to `maxDigits` digits in `base` from text[i]; i moves past them.
std::uint32_t readNumber(std::string_view text, std::size_t& i, int base, int maxDigits) {
    std::uint32_t value = 0;
    for (int read = 0; read < maxDigits && i < text.size(); ++read, ++i) {
        const int digit = digitValue(text[i], base);
        if (digit < 0)
            break;
        value = value * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(digit);
    }
    return value;
}

void appendUtf8(std::string& out, std::uint32_t code) {
    const auto byte = [&out](std::uint32_t b) { out += static_cast<char>(b); };
    if (code < 0x80) {
        byte(code);
    } else if (code < 0x800) {
        byte(0xC0 | (code >> 6));
        byte(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        byte(0xE0 | (code >> 12));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    } else {
        byte(0xF0 | ((code >> 18) & 0x07));
        byte(0x80 | ((code >> 12) & 0x3F));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    }
}

char simpleEscape(char c) {
    switch (c) {
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 'e':
    case 'E':
        return '\x1b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    case 'v':
        return '\v';
    case '\\':
    case '\'':
    case '"':
    case '?':
        return c;
    default:
        return 0;
    }
}

// Decodes bash's $'...' whose opening quote is at text[i]; the index after the closing quote.
std::optional<std::size_t> readAnsiCQuoted(std::string_view text, std::size_t i, std::string& out) {
    ++i;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\'')
            return i + 1;
        if (c != '\\' || i + 1 >= text.size()) {
            out += c;
            ++i;
            continue;
        }
        const char kind = text[i + 1];
        i += 2;
        if (const char simple = simpleEscape(kind)) {
            out += simple;
        } else if (kind == 'x') {
            out += static_cast<char>(readNumber(text, i, 16, 2));
        } else if (kind == 'u' || kind == 'U') {
            appendUtf8(out, readNumber(text, i, 16, kind == 'u' ? 4 : 8));
        } else if (kind >= '0' && kind <= '7') {
            --i;
            out += static_cast<char>(readNumber(text, i, 8, 3));
        } else {
            out += '\\';
            out += kind;
        }
    }
    return std::nullopt;
}

// Reads a double-quoted string whose opening quote is at text[i]; the index after the closing
// quote. Inside, a backslash escapes only what the shell would otherwise interpret.
std::optional<std::size_t> readDoubleQuoted(std::string_view text, std::size_t i,
                                            std::string& out) {
    ++i;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"')
            return i + 1;
        if (c == '\\' && i + 1 < text.size()) {
            const char next = text[i + 1];
            if (next == '"' || next == '\\' || next == '$' || next == '`') {
                out += next;
                i += 2;
                continue;
            }
            if (next == '\n') {
                i += 2;
                continue;
            }
            if (next == '\r' && i + 2 < text.size() && text[i + 2] == '\n') {
                i += 3;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return std::nullopt;
}

} // namespace

bool namesProgram(std::string_view word, std::string_view program) {
    const std::size_t slash = word.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
    return base.starts_with(program) &&
           (base.size() == program.size() || base.substr(program.size()) == ".exe");
}

namespace {

// The words of `text`, and with a `program` its command boundaries too (see
// splitShellCommands).
std::variant<std::vector<std::vector<std::string>>, std::string>
split(std::string_view text, std::optional<std::string_view> program) {
    const bool commands = program.has_value();
    const auto startsLine = [&](std::string_view w) {
        return w == "$" || namesProgram(w, *program);
    };
    std::vector<std::vector<std::string>> out(1);
    std::string word;
    bool inWord = false; // "" is a word, so emptiness alone cannot tell
    int newlines = 0;    // line breaks since the last word
    const auto endWord = [&] {
        if (!inWord)
            return;
        if (commands && !out.back().empty() && (newlines >= 2 || (newlines && startsLine(word))))
            out.emplace_back();
        out.back().push_back(std::exchange(word, {}));
        inWord = false;
        newlines = 0;
    };
    const auto endCommand = [&] {
        endWord();
        if (!out.back().empty())
            out.emplace_back();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (isBlank(c)) {
            endWord();
            newlines += c == '\n';
            ++i;
        } else if (commands && (c == ';' || c == '|' || text.substr(i, 2) == "&&")) {
            // A lone & stays in its word: an unquoted URL's query ("?a=1&b=2") means it.
            endCommand();
            i += text.substr(i + 1, 1) == std::string_view(&c, 1) ? 2 : 1;
        } else if (c == '#' && !inWord) {
            const std::size_t end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end;
        } else if (c == '\\') {
            // A continuation, written with \n or, from a Windows clipboard, \r\n.
            if (text.substr(i + 1, 1) == "\n")
                i += 2;
            else if (text.substr(i + 1, 2) == "\r\n")
                i += 3;
            else if (i + 1 == text.size())
                ++i; // a last continuation with nothing after it
            else {
                word += text[i + 1];
                inWord = true;
                i += 2;
            }
        } else if (c == '\'') {
            const std::size_t close = text.find('\'', i + 1);
            if (close == std::string_view::npos)
                return std::string("unbalanced single quote");
            word += text.substr(i + 1, close - i - 1);
            inWord = true;
            i = close + 1;
        } else if (c == '"') {
            const auto end = readDoubleQuoted(text, i, word);
            if (!end)
                return std::string("unbalanced double quote");
            inWord = true;
            i = *end;
        } else if (c == '$' && text.substr(i + 1, 1) == "'") {
            const auto end = readAnsiCQuoted(text, i + 1, word);
            if (!end)
                return std::string("unbalanced single quote after $");
            inWord = true;
            i = *end;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    endWord();
    if (out.size() > 1 && out.back().empty())
        out.pop_back();
    return out;
}

} // namespace

std::variant<std::vector<std::string>, std::string> splitShellWords(std::string_view text) {
    auto words = split(text, std::nullopt);
    if (auto* error = std::get_if<std::string>(&words))
        return std::move(*error);
    return std::move(std::get<0>(words).front());
}

std::variant<std::vector<std::vector<std::string>>, std::string>
splitShellCommands(std::string_view text, std::string_view program) {
    return split(text, program);
}

} // namespace stampede
