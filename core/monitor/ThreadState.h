#pragma once

#include <string>

namespace stampede {

// The one-letter state of proc(5) in words, for people who have not memorised ps(1).
std::string describeThreadState(char state);

} // namespace stampede
