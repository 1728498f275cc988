#pragma once

#include <chrono>
#include <string>
#include <variant>

namespace stampede {

// What the embedded target presents over TLS: its certificate chain and private key, as PEM.
// Held in memory so a generated identity never touches the disk unless asked to.
struct TlsIdentity {
    std::string certificatePem;
    std::string privateKeyPem;
};

// A fresh self-signed identity for the loopback target: an EC P-256 key and a certificate for
// CN 127.0.0.1 with the names clients use for it (127.0.0.1, ::1 and localhost), valid from a
// minute ago for `validity`. Throws std::runtime_error if OpenSSL cannot make one.
TlsIdentity makeSelfSignedIdentity(std::chrono::hours validity = std::chrono::hours(24));

// Reads and checks PEM files: a certificate (chain) and its private key, which must match.
// The error names the file and what is wrong with it, in one line.
std::variant<TlsIdentity, std::string> readTlsIdentity(const std::string& certificateFile,
                                                       const std::string& keyFile);

} // namespace stampede
