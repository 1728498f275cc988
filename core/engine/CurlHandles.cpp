#include "core/engine/CurlHandles.h"

#include <mutex>
#include <stdexcept>

namespace stampede {

void ensureCurlGlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("libcurl could not be initialised");
        // Never cleaned up: other threads' handles may still exist at static destruction.
    });
}

} // namespace stampede
