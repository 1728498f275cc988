#include "core/server/TlsIdentity.h"

#include "core/server/OpenSslHandles.h"
#include "core/sys/WholeFile.h"

#include <openssl/pem.h>
#include <openssl/rand.h>

#include <array>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace stampede {
namespace {

[[noreturn]] void cannot(const std::string& what) {
    throw std::runtime_error("cannot make a self-signed certificate: " +
                             openSslError(what + " failed"));
}

template <typename Write> std::string pemOf(Write write) {
    const OpenSslBio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        cannot("writing PEM");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

void addExtension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const OpenSslExtension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        cannot(std::string("adding ") + OBJ_nid2sn(nid));
}

void setRandomSerial(X509* certificate) {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), int(bytes.size())) != 1)
        cannot("RAND_bytes");
    bytes[0] &= 0x7f; // a serial number is a positive integer
    BIGNUM* number = BN_bin2bn(bytes.data(), int(bytes.size()), nullptr);
    const bool set =
        number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nullptr;
    BN_free(number);
    if (!set)
        cannot("setting the serial number");
}

// Never the terminal prompt OpenSSL would show for an encrypted key: the target runs unattended.
int noPassphrase(char*, int, int, void*) {
    return 0;
}

// Why OpenSSL found no `what` ("CERTIFICATE", "PRIVATE KEY") in a PEM file's `text`, in the
// words of someone holding the file: OpenSSL 3 says only "unsupported" for most of these.
std::string pemProblem(const std::string& path, const std::string& text, const char* what) {
    if (text.find("-----BEGIN ") == std::string::npos)
        return path + " is not PEM: no -----BEGIN line";
    if (std::string_view(what) == "PRIVATE KEY" && text.find("ENCRYPTED") != std::string::npos)
        return path + " holds an encrypted private key; give it unencrypted (openssl pkey -in " +
               path + " -out key.pem)";
    if (text.find(std::string(what) + "-----") == std::string::npos)
        return path + " holds no " + what + " block, only PEM of another kind";
    return path + ": the " + what + " block is unreadable (" + openSslError("malformed") + ")";
}

} // namespace

TlsIdentity makeSelfSignedIdentity(std::chrono::hours validity) {
    const OpenSslKey key(EVP_EC_gen("P-256"));
    if (!key)
        cannot("generating a P-256 key");
    const OpenSslCertificate certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        cannot("X509_new");
    X509* cert = certificate.get();
    setRandomSerial(cert);
    // A minute of slack for a client whose clock is a little behind.
    const long seconds = static_cast<long>(std::chrono::seconds(validity).count());
    if (!X509_gmtime_adj(X509_getm_notBefore(cert), -60) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert), seconds))
        cannot("setting the validity");
    X509_NAME* name = X509_get_subject_name(cert);
    const auto entry = [&](const char* field, const char* value) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(value);
        if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, bytes, -1, -1, 0) != 1)
            cannot(std::string("naming the subject ") + field);
    };
    entry("O", "Stampede embedded target");
    entry("CN", "127.0.0.1");
    if (X509_set_issuer_name(cert, name) != 1 || X509_set_pubkey(cert, key.get()) != 1)
        cannot("setting the issuer and key");
    // Clients check the subjectAltName, not the CN; these are the names the loopback target has.
    addExtension(cert, NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost");
    addExtension(cert, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert, NID_key_usage, "critical,digitalSignature");
    addExtension(cert, NID_ext_key_usage, "serverAuth");
    addExtension(cert, NID_subject_key_identifier, "hash");
    if (X509_sign(cert, key.get(), EVP_sha256()) == 0)
        cannot("signing");

    TlsIdentity identity;
    identity.certificatePem = pemOf([&](BIO* bio) { return PEM_write_bio_X509(bio, cert); });
    identity.privateKeyPem = pemOf([&](BIO* bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    return identity;
}

std::variant<TlsIdentity, std::string> readTlsIdentity(const std::string& certificateFile,
                                                       const std::string& keyFile) {
    TlsIdentity identity;
    for (auto [path, into] : {std::pair{&certificateFile, &identity.certificatePem},
                              std::pair{&keyFile, &identity.privateKeyPem}}) {
        std::string error;
        auto text = readWholeFile(*path, &error);
        if (!text)
            return "cannot read " + *path + ": " + error;
        *into = std::move(*text);
    }
    const OpenSslBio certificateText(
        BIO_new_mem_buf(identity.certificatePem.data(), int(identity.certificatePem.size())));
    const OpenSslCertificate certificate(
        PEM_read_bio_X509(certificateText.get(), nullptr, noPassphrase, nullptr));
    if (!certificate)
        return pemProblem(certificateFile, identity.certificatePem, "CERTIFICATE");
    const OpenSslBio keyText(
        BIO_new_mem_buf(identity.privateKeyPem.data(), int(identity.privateKeyPem.size())));
    const OpenSslKey key(PEM_read_bio_PrivateKey(keyText.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return pemProblem(keyFile, identity.privateKeyPem, "PRIVATE KEY");
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        ERR_clear_error();
        return "the private key in " + keyFile + " does not belong to the certificate in " +
               certificateFile;
    }
    return identity;
}

} // namespace stampede
