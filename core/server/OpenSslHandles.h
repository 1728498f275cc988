#pragma once

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

namespace stampede {

// RAII owners of the OpenSSL objects the target's certificate code makes and reads.
struct OpenSslDeleter {
    void operator()(BIO* bio) const noexcept { BIO_free_all(bio); }
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const noexcept { X509_free(certificate); }
    void operator()(X509_EXTENSION* extension) const noexcept { X509_EXTENSION_free(extension); }
};

using OpenSslBio = std::unique_ptr<BIO, OpenSslDeleter>;
using OpenSslKey = std::unique_ptr<EVP_PKEY, OpenSslDeleter>;
using OpenSslCertificate = std::unique_ptr<X509, OpenSslDeleter>;
using OpenSslExtension = std::unique_ptr<X509_EXTENSION, OpenSslDeleter>;

// The reason OpenSSL gave for its latest failure on this thread (and clears its queue), e.g.
// "no start line"; `fallback` when it gave none.
inline std::string openSslError(const std::string& fallback) {
    const unsigned long code = ERR_peek_last_error();
    const char* reason = code ? ERR_reason_error_string(code) : nullptr;
    ERR_clear_error();
    return reason ? std::string(reason) : fallback;
}

} // namespace stampede
