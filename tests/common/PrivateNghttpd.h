#pragma once

// A private nghttpd (Debian's nghttp2-server) on a free loopback port, for tests that need a
// real HTTP/2 server: over TLS with ALPN, or h2c (--no-tls), which speaks HTTP/2 from the
// first byte and nothing else. Its own document root and log in a temporary folder; its
// verbose log (-v) tells every line by session, "[id=N]", which gives the server's own count
// of connections and of responses.
#include "core/server/TlsIdentity.h"
#include "tests/common/ServerProgram.h"
#include "tests/common/UnusedPort.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <string>

class PrivateNghttpd {
public:
    enum class Mode { Tls, Cleartext };

    // Over TLS it presents a fresh self-signed certificate for 127.0.0.1 (certificateFile()).
    explicit PrivateNghttpd(Mode mode)
        : mode_(mode) {
        const ServerProgram nghttpd = ServerProgram::find("nghttpd", "nghttp2-server");
        if (nghttpd.path.isEmpty()) {
            error_ = nghttpd.missing;
            return;
        }
        port_ = unusedPort();
        QFile page(dir_.filePath("index.html"));
        if (!page.open(QIODevice::WriteOnly) || page.write(QByteArray(1024, 'x')) != 1024) {
            error_ = "cannot write " + page.fileName();
            return;
        }
        page.close();
        QStringList arguments{"-v", "--address=127.0.0.1", "--htdocs=" + dir_.path(),
                              QString::number(port_)};
        if (mode == Mode::Cleartext) {
            arguments.prepend("--no-tls");
        } else {
            const stampede::TlsIdentity identity = stampede::makeSelfSignedIdentity();
            if (!write("key.pem", identity.privateKeyPem) ||
                !write("cert.pem", identity.certificatePem))
                return;
            arguments << dir_.filePath("key.pem") << dir_.filePath("cert.pem");
        }
        error_ = process_.start(nghttpd.path, arguments, logFile());
        if (!error_.isEmpty())
            return;
        // It says so once it listens; no probe connection, which would count as a session.
        const QDeadlineTimer deadline(10000);
        while (!log().contains("listen 127.0.0.1:" + QByteArray::number(port_))) {
            if (!process_.running() || deadline.hasExpired()) {
                error_ = "nghttpd did not listen on port " + QString::number(port_) + ": " +
                         QString::fromUtf8(log().left(500));
                return;
            }
            QTest::qWait(20);
        }
    }
    PrivateNghttpd(const PrivateNghttpd&) = delete;
    PrivateNghttpd& operator=(const PrivateNghttpd&) = delete;

    // Empty when it serves; otherwise why not (the test fails with it).
    const QString& error() const { return error_; }

    std::string url(const std::string& path = "/index.html") const {
        return (mode_ == Mode::Tls ? "https://127.0.0.1:" : "http://127.0.0.1:") +
               std::to_string(port_) + path;
    }
    std::string certificateFile() const { return dir_.filePath("cert.pem").toStdString(); }

    // Connections (HTTP/2 sessions) nghttpd has seen since it started.
    int sessions() const {
        QSet<QByteArray> ids;
        static const QRegularExpression session(R"(^\[id=(\d+)\])",
                                                QRegularExpression::MultilineOption);
        const QByteArray text = log();
        auto matches = session.globalMatch(QString::fromLatin1(text));
        while (matches.hasNext())
            ids.insert(matches.next().captured(1).toLatin1());
        return int(ids.size());
    }
    // Responses it has sent: each starts with a HEADERS frame holding ":status".
    int responses() const { return int(log().count("\n          :status: ")); }

private:
    QString logFile() const { return dir_.filePath("nghttpd.log"); }
    QByteArray log() const {
        QFile file(logFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    bool write(const QString& name, const std::string& content) {
        QFile file(dir_.filePath(name));
        if (file.open(QIODevice::WriteOnly) &&
            file.write(content.data(), qint64(content.size())) == qint64(content.size()))
            return true;
        error_ = "cannot write " + file.fileName();
        return false;
    }

    const Mode mode_;
    QTemporaryDir dir_;
    std::uint16_t port_ = 0;
    QString error_;
    ServerProcess process_;
};
