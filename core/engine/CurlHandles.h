#pragma once

#include <curl/curl.h>

#include <memory>

namespace stampede {

// RAII owners of libcurl's handles. A multi handle must outlive the easy handles added to
// it; LoadRun removes every easy handle before either is destroyed.
struct CurlEasyDeleter {
    void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
struct CurlMultiDeleter {
    void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
};
struct CurlUrlDeleter {
    void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

// curl_global_init is not thread-safe in 7.88 and must run before any other curl call:
// the first LoadEngine calls this from its constructor, on the constructing thread.
void ensureCurlGlobalInit();

} // namespace stampede
