#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stampede {

enum class HttpMethod { Get, Head, Post, Put, Patch, Delete };
// Http2 asks for HTTP/2 and takes what the server offers: over https by ALPN, over http by an
// Upgrade from HTTP/1.1. Http2PriorKnowledge speaks HTTP/2 from the first byte, as an h2c-only
// server (nghttpd --no-tls) needs, and fails against one that speaks only HTTP/1.1.
enum class HttpVersion { Http1_1, Http2, Http2PriorKnowledge };
// Which transport carries a run's requests: the native HTTP/1.1 one whenever the plan allows
// it (auto), or the one named.
enum class Engine { Auto, Native, Curl };

struct HttpHeader {
    std::string name;
    std::string value;
    bool operator==(const HttpHeader&) const = default;
};

// One step of a ramp: over `duration`, move linearly from the previous target (or the
// shape's base users/rate for the first stage) to `target` users (closed) or req/s (open).
struct Stage {
    std::chrono::milliseconds duration{0};
    double target = 0;
    bool operator==(const Stage&) const = default;
};

struct LoadShape {
    // Closed: N virtual users, each sends its next request when the previous one ends.
    // Open: requests leave at fixed intended times, R per second, whatever the server does.
    enum class Model { Closed, Open };

    Model model = Model::Closed;
    int users = 10; // closed
    // Closed: a user's pause between iterations of the flow (after its last step's own).
    std::chrono::milliseconds thinkTime{0};
    double rate = 100;         // open, requests per second
    int maxInFlight = 1000;    // open: beyond this, requests wait as backlog
    std::vector<Stage> stages; // optional ramps
    // Engine threads, each with its own event loop and connections, that share the users or
    // the rate (see PlanShare); their figures merge into one run.
    int threads = 1;

    bool operator==(const LoadShape&) const = default;
};

// A value a step takes from its response into a variable, for the steps after it: from the
// JSON body (a JSON pointer "/id" or the dotted "$.items[0].id"), a response header by name,
// or the first match of a regular expression over the body (its first group, if it has one).
struct Capture {
    enum class From { Json, Header, Regex };
    From from = From::Json;
    std::string expression;
    std::string as; // the variable's name
    bool operator==(const Capture&) const = default;
};

// One request of a scenario. URL, header values and body may hold {{variables}}
// (core/scenario/TextTemplate).
struct Step {
    std::string name;
    HttpMethod method = HttpMethod::Get;
    // Absolute (http://…), or a path from "/" on the plan's base URL; empty: the base URL.
    std::string url;
    std::vector<HttpHeader> headers;
    std::string body;     // sent as is, unless bodyFile is set
    std::string bodyFile; // path of a file whose content is the body
    std::string contentType;
    std::chrono::milliseconds thinkTime{0}; // a pause after this step, before the next
    std::vector<Capture> captures;
    // The statuses that count as success: "201", "2xx", "200, 404"; empty: below 400.
    std::string expectStatus;
    bool operator==(const Step&) const = default;
};

// A CSV file (a header row naming the columns) whose columns become variables: every
// iteration of the flow takes the next row.
struct DataSource {
    enum class AtEnd { Cycle, Stop }; // when the rows run out: start over, or end the run
    std::string file;                 // empty: none
    AtEnd atEnd = AtEnd::Cycle;
    bool operator==(const DataSource&) const = default;
};

// Everything a load test needs: what to send, how hard, for how long. The GUI edits it,
// `stampede run --plan` reads it (JSON, see PlanJson), the engine runs it.
//
// What a virtual user sends is a scenario: its steps, in order, one iteration of the flow at
// a time. A single-request plan is a scenario of one step with an empty URL.
struct Plan {
    std::string name;
    std::string url; // the base URL of the steps; empty: the embedded target, started in-process
    std::vector<Step> steps{Step{}}; // never empty
    DataSource data;
    std::chrono::milliseconds timeout{30'000};
    std::chrono::milliseconds connectTimeout{10'000};
    bool keepAlive = true;
    HttpVersion httpVersion = HttpVersion::Http1_1;
    bool verifyTls = true;  // off only by an explicit insecure switch
    std::string caCertFile; // PEM certificates to trust instead of the system's (curl --cacert)
    bool followRedirects = false;
    int maxRedirects = 10;
    Engine engine = Engine::Auto;
    LoadShape load;
    // Stop after whichever comes first; at least one is set for a run to end by itself.
    std::optional<std::chrono::milliseconds> duration = std::chrono::seconds(10);
    // Counted in iterations of the flow (flow starts): for a one-step plan, requests.
    std::optional<std::uint64_t> requestLimit;
    std::vector<std::string> thresholds; // e.g. "p99<250ms", "errors<1%", "rps>1000"

    bool operator==(const Plan&) const = default;

    // The planned length of the run: the duration, or the stages' total when longer is
    // not asked for. Nothing when only a request count ends the run.
    std::optional<std::chrono::milliseconds> plannedDuration() const;
};

std::string_view methodName(HttpMethod method);
std::string_view httpVersionName(HttpVersion version); // "1.1", "2", "2-prior-knowledge"
std::optional<HttpVersion> parseHttpVersion(std::string_view name);
std::string_view engineName(Engine engine); // "auto", "native", "curl"
std::optional<Engine> parseEngine(std::string_view name);
// Why the native transport cannot carry `plan` to `url` (empty: the embedded target, plain
// http), naming what the plan asks for; nothing when it can.
std::optional<std::string> whyNotNative(const Plan& plan, std::string_view url);
std::optional<HttpMethod> parseMethod(std::string_view name); // case-insensitive

} // namespace stampede
