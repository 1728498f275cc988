#include "core/engine/CurlTransport.h"

#include "core/engine/ErrorClassifier.h"
#include "core/text/AsciiText.h"

namespace stampede {
namespace {

// libcurl before 8.0.0 (Debian 12 has 7.88.1) adds a second HTTP/2 layer to a connection that a
// transfer under prior knowledge reuses, and that transfer fails with "Error in the HTTP2
// framing layer" (curl issue 10634, fixed by commit cbe9d82c).
bool reusedPriorKnowledgeBreaks(const Plan& plan) {
    return plan.httpVersion == HttpVersion::Http2PriorKnowledge && plan.keepAlive &&
           curl_version_info(CURLVERSION_NOW)->version_num < 0x080000;
}

} // namespace

struct CurlTransport::Slot {
    explicit Slot(int index)
        : index(index) {}

    int index;
    CurlEasy easy{curl_easy_init()};
    std::array<char, CURL_ERROR_SIZE> error{};
    std::optional<RequestOutcome::Clock::time_point> firstByte;
    std::uint64_t bytes = 0;
    bool busy = false;    // a transfer of ours is inside libcurl
    int appliedStep = -1; // the step whose constant request the handle is set for
    RequestTemplate::Owned owned;
    const ScenarioStep* step = nullptr;
    std::string keptBody; // what the step's captures read
    bool bodyCut = false;
    std::vector<std::pair<std::string, std::string>> keptHeaders;
};

CurlTransport::CurlTransport(boost::asio::io_context& io, const Plan& plan,
                             const Scenario& scenario, Done done)
    : scenario_(scenario)
    , request_(plan, scenario)
    , onDone_(std::move(done))
    , reusedPriorKnowledgeBreaks_(reusedPriorKnowledgeBreaks(plan))
    , driver_(io, [this](CURL* easy, CURLcode result) { onDone(easy, result); }) {
    // The workaround in choosePriorKnowledge() needs every user on the one connection: a
    // second one would be opened without prior knowledge. Beyond the server's streams per
    // connection, requests wait inside libcurl (and their latency says so).
    if (reusedPriorKnowledgeBreaks_)
        curl_multi_setopt(driver_.multi(), CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
}

CurlTransport::~CurlTransport() {
    // Every easy handle must leave the multi handle before either is cleaned up.
    for (const auto& slot : slots_)
        if (slot->busy)
            driver_.remove(slot->easy.get());
}

int CurlTransport::openSlot() {
    slots_.push_back(std::make_unique<Slot>(static_cast<int>(slots_.size())));
    Slot& slot = *slots_.back();
    CURL* easy = slot.easy.get();
    driver_.adopt(easy);
    request_.apply(easy);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, slot.error.data());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlTransport::onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &slot);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &CurlTransport::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &slot);
    return slot.index;
}

void CurlTransport::send(int index, int step, const RenderedRequest* rendered) {
    Slot& slot = *slots_[static_cast<std::size_t>(index)];
    // A handle keeps its options between transfers: a one-step plan sets them once.
    if (rendered || slot.appliedStep != step) {
        request_.applyStep(slot.easy.get(), step, rendered, slot.owned);
        slot.appliedStep = rendered ? -1 : step;
    }
    slot.step = &scenario_.steps()[static_cast<std::size_t>(step)];
    slot.keptBody.clear();
    slot.keptHeaders.clear();
    slot.bodyCut = false;
    slot.busy = true;
    slot.bytes = 0;
    slot.firstByte.reset();
    slot.error[0] = '\0';
    if (reusedPriorKnowledgeBreaks_)
        choosePriorKnowledge(slot);
    driver_.add(slot.easy.get());
}

void CurlTransport::choosePriorKnowledge(Slot& slot) {
    // Only the transfer that opens the connection asks for prior knowledge; the others ask for
    // plain HTTP/2, wait for that connection (CURLOPT_PIPEWAIT) and find it speaking HTTP/2
    // already, which is what libcurl 8 does by itself.
    const bool opens = opener_ == nullptr && driver_.connections() == 0;
    if (opens)
        opener_ = &slot;
    curl_easy_setopt(slot.easy.get(), CURLOPT_HTTP_VERSION,
                     opens ? CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE : CURL_HTTP_VERSION_2_0);
}

std::size_t CurlTransport::onBody(char* data, std::size_t size, std::size_t count, void* slot) {
    auto* self = static_cast<Slot*>(slot);
    const std::size_t n = size * count;
    if (!self->firstByte)
        self->firstByte = RequestOutcome::Clock::now();
    self->bytes += n;
    if (self->step->keepBody) {
        const std::size_t room = kKeptBodyLimit - std::min(kKeptBodyLimit, self->keptBody.size());
        self->keptBody.append(data, std::min(room, n));
        self->bodyCut = self->bodyCut || n > room;
    }
    return n;
}

std::size_t CurlTransport::onHeader(char* data, std::size_t size, std::size_t count, void* slot) {
    auto* self = static_cast<Slot*>(slot);
    const std::size_t n = size * count;
    if (!self->firstByte)
        self->firstByte = RequestOutcome::Clock::now();
    if (!self->step->keepHeaders)
        return n;
    const std::string_view line = trimmed(std::string_view(data, n));
    if (line.starts_with("HTTP/")) {
        self->keptHeaders.clear(); // a new response: after a redirect, or a 100 Continue
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        self->keptHeaders.emplace_back(std::string(trimmed(line.substr(0, colon))),
                                       std::string(trimmed(line.substr(colon + 1))));
    }
    return n;
}

void CurlTransport::onDone(CURL* easy, CURLcode result) {
    void* privateData = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &privateData);
    Slot& slot = *static_cast<Slot*>(privateData);
    slot.busy = false;
    if (opener_ == &slot)
        opener_ = nullptr;

    RequestOutcome outcome;
    outcome.done = RequestOutcome::Clock::now();
    outcome.firstByte = slot.firstByte;
    outcome.bytes = slot.bytes;
    if (slot.step->keepBody) {
        outcome.body = slot.keptBody;
        outcome.bodyCut = slot.bodyCut;
    }
    if (slot.step->keepHeaders)
        outcome.headers = &slot.keptHeaders;
    long status = 0;
    if (result == CURLE_OK)
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    outcome.status = static_cast<int>(status);
    if (status > 0) {
        // Per transfer: a server may answer some on HTTP/2 and others on 1.1 (ALPN differs
        // per connection), and the report says so ("1.1+2").
        long version = 0;
        curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
        answered_.noteCurl(version);
    }
    curl_off_t connectTime = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectTime);
    outcome.error = classifyTransfer(result, connectTime > 0 || slot.firstByte.has_value(), status);
    if (outcome.error)
        outcome.errorMessage = slot.error[0] ? slot.error.data() : curl_easy_strerror(result);
    if (outcome.error == ErrorClass::Http4xx || outcome.error == ErrorClass::Http5xx)
        outcome.errorMessage = "HTTP status";
    onDone_(slot.index, outcome);
}

void CurlTransport::abandonAll() {
    driver_.resetOnClose();
    for (const auto& slot : slots_)
        if (slot->busy) {
            driver_.remove(slot->easy.get());
            slot->busy = false;
        }
    opener_ = nullptr;
    driver_.shutdown(); // closes every pooled connection now, not at destruction
}

} // namespace stampede
