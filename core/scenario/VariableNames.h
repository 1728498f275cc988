#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stampede {

// The variables of a scenario, numbered once when its templates are split: captures and
// data-file columns write values by number and templates read them by number, so nothing is
// looked up by name per request.
class VariableNames {
public:
    // The number of `name`, given one the first time it is seen.
    int add(std::string_view name);
    // The number of `name`, or -1.
    int find(std::string_view name) const;
    const std::string& name(int index) const { return names_[static_cast<std::size_t>(index)]; }
    int size() const { return static_cast<int>(names_.size()); }

private:
    std::vector<std::string> names_;
};

} // namespace stampede
