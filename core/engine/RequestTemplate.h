#pragma once

#include "core/engine/CurlHandles.h"
#include "core/engine/RenderedRequest.h"
#include "core/plan/Plan.h"
#include "core/scenario/Scenario.h"

#include <curl/curl.h>

#include <string>
#include <vector>

namespace stampede {

// What the requests of a run send through libcurl: the plan's settings for every easy handle
// (timeouts, protocol, TLS), and each step's URL, method, headers and body — prepared once
// for a step without variables, per request for one with. The header lists, parsed URLs and
// bodies must outlive the transfers, since libcurl keeps pointers to them.
class RequestTemplate {
public:
    // What a request of a step with variables needs kept while it is in flight.
    struct Owned {
        std::string url;
        CurlSlist headers;
    };

    RequestTemplate(const Plan& plan, const Scenario& scenario);

    RequestTemplate(const RequestTemplate&) = delete;
    RequestTemplate& operator=(const RequestTemplate&) = delete;

    void apply(CURL* easy) const; // the plan's settings, once per handle
    // Makes `easy` send step `step`: filled in with `rendered` (kept alive by the caller for
    // the transfer, as is `owned`), or the step's own prepared request when it is null.
    void applyStep(CURL* easy, int step, const RenderedRequest* rendered, Owned& owned) const;

private:
    struct Prepared {
        CurlSlist headers;
        CurlUrl url; // parsed once, shared read-only by every easy handle
        std::string urlText;
    };

    curl_slist* headerList(const ScenarioStep& step, const RenderedRequest* rendered) const;

    const Plan& plan_;
    const Scenario& scenario_;
    std::vector<Prepared> steps_;
};

} // namespace stampede
