#pragma once

#include "core/engine/CurlMultiDriver.h"
#include "core/engine/RequestTemplate.h"
#include "core/engine/Transport.h"

#include <boost/asio/io_context.hpp>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace stampede {

// The libcurl transport: one easy handle per slot, all in one multi handle driven by Asio
// (CurlMultiDriver). Does what libcurl does: TLS, HTTP/2, redirects, proxies, decoding.
class CurlTransport final : public Transport {
public:
    CurlTransport(boost::asio::io_context& io, const Plan& plan, const Scenario& scenario,
                  Done onDone);
    ~CurlTransport() override;

    int openSlot() override;
    void send(int slot, int step, const RenderedRequest* rendered) override;
    void abandonAll() override;
    HttpVersionMix answeredVersions() const override { return answered_; }

private:
    struct Slot;

    void onDone(CURL* easy, CURLcode result);
    void choosePriorKnowledge(Slot& slot);
    static std::size_t onBody(char* data, std::size_t size, std::size_t count, void* slot);
    static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* slot);

    const Scenario& scenario_;
    RequestTemplate request_;
    Done onDone_;
    std::vector<std::unique_ptr<Slot>> slots_;
    HttpVersionMix answered_;
    // h2c with prior knowledge on a libcurl that breaks reused connections: see
    // choosePriorKnowledge().
    const bool reusedPriorKnowledgeBreaks_;
    Slot* opener_ = nullptr; // the transfer that opens the h2c connection, while it runs
    CurlMultiDriver driver_; // after slots_: destroyed first, while the easies still exist
};

} // namespace stampede
