#pragma once

#include <string>

namespace stampede {

// The values one numeric plan field accepts. The JSON reader and validatePlan both word
// their complaints from it, so a plan file and a command-line flag are refused alike.
struct NumberRange {
    const char* what = "a number"; // "a whole number", "a number of seconds", ...
    double min = 0;
    double max = 0;
    bool aboveMin = false; // min itself is refused: "above 0 and at most 10000000"
    bool whole = false;

    bool contains(double value) const;
    std::string describe() const; // "a whole number from 1 to 100000"

    // Plain decimal where it is short, so messages show 10000000 rather than 1e+07.
    static std::string format(double value);
};

} // namespace stampede
