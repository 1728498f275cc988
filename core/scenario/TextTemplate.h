#pragma once

#include "core/scenario/VariableNames.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace stampede {

// What a template's slots are filled from for one request of one virtual user.
struct TemplateValues {
    const std::vector<std::string>* variables = nullptr; // by VariableNames number
    std::uint64_t user = 0;                              // the virtual user, from 1
    std::uint64_t iteration = 0;                         // its pass through the flow, from 1
    std::mt19937_64* random = nullptr;
};

// A text with {{slots}} — a URL, a header value, a body: split once, when the plan is
// prepared, into literal pieces and slots, so a request is built by appending, never by
// parsing. Slots: {{name}} (a captured value or a data-file column), and the built-ins
// {{user}}, {{iteration}}, {{uuid}} and {{random_int(A,B)}}. Spaces inside the braces are
// ignored.
class TextTemplate {
public:
    enum class Slot { Text, Variable, User, Iteration, Uuid, RandomInt };
    struct Piece {
        Slot slot = Slot::Text;
        std::string text;               // Text: the literal
        int variable = -1;              // Variable: its number
        std::int64_t low = 0, high = 0; // RandomInt: the closed range
    };

    TextTemplate() = default;
    // Splits `text`, numbering its variables in `names`. A malformed slot is a message that
    // says where: "unclosed {{ at character 12".
    static std::variant<TextTemplate, std::string> parse(std::string_view text,
                                                         VariableNames& names);

    // `text` as it is, braces and all: a body file, which has no slots.
    static TextTemplate verbatim(std::string text);

    bool constant() const {
        return pieces_.size() <= 1 && (pieces_.empty() || pieces_[0].slot == Slot::Text);
    }
    // The text itself, for a constant template.
    const std::string& literal() const;
    // Appends the filled-in text to `out`.
    void render(const TemplateValues& values, std::string& out) const;
    std::string rendered(const TemplateValues& values) const;
    // The numbers of the variables it reads, each once, in order of first use.
    std::vector<int> variables() const;

private:
    std::vector<Piece> pieces_;
};

// A random (version 4) UUID in its usual 8-4-4-4-12 form.
std::string randomUuid(std::mt19937_64& random);

} // namespace stampede
