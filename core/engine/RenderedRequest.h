#pragma once

#include <string>
#include <vector>

namespace stampede {

// What one request of a step with variables carries: its templates filled in for this
// request (FlowWalker), in the shape both transports take them.
struct RenderedRequest {
    std::string target;                    // path and query
    std::vector<std::string> headerValues; // in the order of the step's headers
    std::string body;
};

} // namespace stampede
