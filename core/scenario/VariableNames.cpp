#include "core/scenario/VariableNames.h"

#include <algorithm>

namespace stampede {

int VariableNames::add(std::string_view name) {
    if (const int index = find(name); index >= 0)
        return index;
    names_.emplace_back(name);
    return size() - 1;
}

int VariableNames::find(std::string_view name) const {
    const auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

} // namespace stampede
