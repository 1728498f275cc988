// The embedded target's TLS identity: the self-signed certificate OpenSSL makes at start, and
// the --cert/--key files it reads, whose problems are one readable line each.
#include "core/server/OpenSslHandles.h"
#include "core/server/TargetServer.h"
#include "core/server/TlsIdentity.h"

#include <openssl/pem.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace stampede;

namespace {

OpenSslCertificate certificateOf(const TlsIdentity& identity) {
    const OpenSslBio bio(
        BIO_new_mem_buf(identity.certificatePem.data(), int(identity.certificatePem.size())));
    return OpenSslCertificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

OpenSslKey keyOf(const TlsIdentity& identity) {
    const OpenSslBio bio(
        BIO_new_mem_buf(identity.privateKeyPem.data(), int(identity.privateKeyPem.size())));
    return OpenSslKey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// Seconds from now to an ASN.1 time (negative when it is past).
long secondsFromNow(const ASN1_TIME* time) {
    int days = 0;
    int seconds = 0;
    ASN1_TIME_diff(&days, &seconds, nullptr, time);
    return long(days) * 86400 + seconds;
}

} // namespace

class TestTlsIdentity : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString write(const QString& name, const std::string& content) {
        QFile file(dir_.filePath(name));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(content.data(), qint64(content.size())) != qint64(content.size()))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }
    std::string readError(const QString& cert, const QString& key) {
        auto read = readTlsIdentity(cert.toStdString(), key.toStdString());
        if (const auto* error = std::get_if<std::string>(&read))
            return *error;
        return "<accepted>";
    }

private slots:
    void selfSignedNamesTheLoopbackHostAndIsShortLived() {
        const TlsIdentity identity = makeSelfSignedIdentity();
        QVERIFY(identity.certificatePem.starts_with("-----BEGIN CERTIFICATE-----"));
        QVERIFY(identity.privateKeyPem.starts_with("-----BEGIN PRIVATE KEY-----"));
        const auto certificate = certificateOf(identity);
        const auto key = keyOf(identity);
        QVERIFY(certificate && key);
        QCOMPARE(X509_check_private_key(certificate.get(), key.get()), 1);
        // Self-signed: issued by its own subject, signed by its own key.
        QCOMPARE(X509_NAME_cmp(X509_get_issuer_name(certificate.get()),
                               X509_get_subject_name(certificate.get())),
                 0);
        QCOMPARE(X509_verify(certificate.get(), key.get()), 1);
        // The names clients reach the loopback target by, in its subjectAltName.
        QCOMPARE(X509_check_ip_asc(certificate.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_ip_asc(certificate.get(), "::1", 0), 1);
        QCOMPARE(X509_check_host(certificate.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(certificate.get(), "example.com", 0, 0, nullptr), 0);
        QCOMPARE(X509_check_ip_asc(certificate.get(), "127.0.0.2", 0), 0);
        char commonName[64] = {};
        X509_NAME_get_text_by_NID(X509_get_subject_name(certificate.get()), NID_commonName,
                                  commonName, sizeof commonName);
        QCOMPARE(QByteArray(commonName), QByteArray("127.0.0.1"));
        // Valid from a minute ago for a day: short, and not yet expired by a slow clock.
        const long notBefore = secondsFromNow(X509_get0_notBefore(certificate.get()));
        const long notAfter = secondsFromNow(X509_get0_notAfter(certificate.get()));
        QVERIFY2(notBefore <= -55 && notBefore >= -65, qPrintable(QString::number(notBefore)));
        QVERIFY2(notAfter >= 86400 - 5 && notAfter <= 86400, qPrintable(QString::number(notAfter)));
        QCOMPARE(X509_get_ext_by_NID(certificate.get(), NID_basic_constraints, -1) >= 0, true);
    }
    void everyIdentityIsNew() {
        const TlsIdentity a = makeSelfSignedIdentity();
        const TlsIdentity b = makeSelfSignedIdentity();
        QVERIFY(a.privateKeyPem != b.privateKeyPem);
        QCOMPARE(ASN1_INTEGER_cmp(X509_get0_serialNumber(certificateOf(a).get()),
                                  X509_get0_serialNumber(certificateOf(b).get())) != 0,
                 true);
    }
    void filesReadBackAsWritten() {
        const TlsIdentity identity = makeSelfSignedIdentity();
        const QString cert = write("cert.pem", identity.certificatePem);
        const QString key = write("key.pem", identity.privateKeyPem);
        auto read = readTlsIdentity(cert.toStdString(), key.toStdString());
        QVERIFY(std::holds_alternative<TlsIdentity>(read));
        QCOMPARE(std::get<TlsIdentity>(read).certificatePem, identity.certificatePem);
        QCOMPARE(std::get<TlsIdentity>(read).privateKeyPem, identity.privateKeyPem);
    }
    void badFilesAreOneLineEach() {
        const TlsIdentity identity = makeSelfSignedIdentity();
        const QString cert = write("good-cert.pem", identity.certificatePem);
        const QString key = write("good-key.pem", identity.privateKeyPem);
        const QString other = write("other-key.pem", makeSelfSignedIdentity().privateKeyPem);
        const QString garbage = write("garbage.pem", "not a certificate\n");
        const QString missing = dir_.filePath("missing.pem");

        QCOMPARE(readError(missing, key),
                 "cannot read " + missing.toStdString() + ": No such file or directory");
        QCOMPARE(readError(cert, missing),
                 "cannot read " + missing.toStdString() + ": No such file or directory");
        QCOMPARE(readError(dir_.path(), key),
                 "cannot read " + dir_.path().toStdString() + ": it is a directory");
        QCOMPARE(readError(garbage, key),
                 garbage.toStdString() + " is not PEM: no -----BEGIN line");
        QCOMPARE(readError(cert, garbage),
                 garbage.toStdString() + " is not PEM: no -----BEGIN line");
        // The key where the certificate belongs, and the other way round.
        QCOMPARE(readError(key, key),
                 key.toStdString() + " holds no CERTIFICATE block, only PEM of another kind");
        QCOMPARE(readError(cert, cert),
                 cert.toStdString() + " holds no PRIVATE KEY block, only PEM of another kind");
        QCOMPARE(readError(cert, other), "the private key in " + other.toStdString() +
                                             " does not belong to the certificate in " +
                                             cert.toStdString());
    }
    void anEncryptedKeyIsRefusedWithoutAPrompt() {
        const TlsIdentity identity = makeSelfSignedIdentity();
        const auto key = keyOf(identity);
        const OpenSslBio bio(BIO_new(BIO_s_mem()));
        char passphrase[] = "secret";
        QCOMPARE(PEM_write_bio_PrivateKey(bio.get(), key.get(), EVP_aes_128_cbc(),
                                          reinterpret_cast<unsigned char*>(passphrase), 6, nullptr,
                                          nullptr),
                 1);
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        const QString encrypted = write("encrypted-key.pem", std::string(data, std::size_t(size)));
        const QString cert = write("cert-for-encrypted.pem", identity.certificatePem);
        const std::string error = readError(cert, encrypted);
        QCOMPARE(error, encrypted.toStdString() +
                            " holds an encrypted private key; give it unencrypted (openssl pkey "
                            "-in " +
                            encrypted.toStdString() + " -out key.pem)");
    }
    void theServerRefusesAKeyOfAnotherCertificate() {
        TlsIdentity mixed = makeSelfSignedIdentity();
        mixed.privateKeyPem = makeSelfSignedIdentity().privateKeyPem;
        try {
            TargetServer server(TargetServerOptions{.tls = mixed});
            QFAIL("the server accepted a key that is not its certificate's");
        } catch (const std::runtime_error& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("the TLS private key is unusable: key values mismatch"));
        }
    }
    void theServerSaysHttpsAndOffersItsCertificate() {
        const TlsIdentity identity = makeSelfSignedIdentity();
        TargetServer server(TargetServerOptions{.tls = identity});
        QVERIFY(server.url().starts_with("https://127.0.0.1:"));
        QCOMPARE(server.certificatePem(), identity.certificatePem);
        TargetServer plain;
        QVERIFY(plain.url().starts_with("http://127.0.0.1:"));
        QVERIFY(plain.certificatePem().empty());
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"
