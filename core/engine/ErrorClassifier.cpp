#include "core/engine/ErrorClassifier.h"

namespace stampede {

std::optional<ErrorClass> classifyStatus(long httpStatus) {
    if (httpStatus >= 500)
        return ErrorClass::Http5xx;
    if (httpStatus >= 400)
        return ErrorClass::Http4xx;
    return std::nullopt;
}

std::optional<ErrorClass> classifyTransfer(CURLcode result, bool connected, long httpStatus) {
    switch (result) {
    case CURLE_OK:
        return classifyStatus(httpStatus);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return ErrorClass::Dns;
    case CURLE_COULDNT_CONNECT:
        return ErrorClass::ConnectionRefused;
    case CURLE_OPERATION_TIMEDOUT:
        return connected ? ErrorClass::Timeout : ErrorClass::ConnectTimeout;
    // Every TLS code of 7.88: the handshake, the server's certificate (CURLE_SSL_CACERT is an
    // alias of PEER_FAILED_VERIFICATION: self-signed, expired, wrong name, unknown issuer) and
    // our own TLS settings (a bad --cacert file, engines, client certificates). The message
    // kept is libcurl's own, which names the certificate problem.
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return ErrorClass::Tls;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return ErrorClass::ConnectionReset;
    case CURLE_TOO_MANY_REDIRECTS:
        return ErrorClass::TooManyRedirects;
    default:
        return ErrorClass::Other; // e.g. /garbage: a reply that is not HTTP
    }
}

} // namespace stampede
