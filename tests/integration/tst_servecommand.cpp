// `stampede serve` as a user runs it: a real process, its output, signals and exit codes.
#include "core/engine/LoadEngine.h"
#include "core/net/HttpProbe.h"
#include "core/server/TlsIdentity.h"
#include "tests/integration/CollectingSink.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

using namespace stampede;

class TestServeCommand : public QObject {
    Q_OBJECT

    // Starts `stampede serve ARGS` and returns the URL it printed first.
    QUrl startServe(QProcess& process, const QStringList& args) {
        process.start(STAMPEDE_BINARY, QStringList{"serve"} + args);
        if (!process.waitForStarted(5000))
            return {};
        while (!process.canReadLine() && process.waitForReadyRead(5000)) {
        }
        const QString line = QString::fromUtf8(process.readLine());
        const auto match = QRegularExpression("listening on (https?://\\S+)").match(line);
        return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }

private slots:
    void servesUntilInterrupted() {
        QProcess process;
        const QUrl url = startServe(process, {});
        QVERIFY(url.isValid());
        QCOMPARE(url.host(), QString("127.0.0.1"));
        const HttpProbe probe(url.host().toStdString(), static_cast<std::uint16_t>(url.port()));
        QCOMPARE(probe.get("/").status, 200);
        QCOMPARE(probe.get("/bytes/10").body, std::string("abcdefghij"));
        QCOMPARE(probe.get("/status/418").status, 418);

        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString rest = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(rest.contains("Received SIGINT"), qPrintable(rest));
        QVERIFY2(rest.contains("Served 3 requests on 3 connections"), qPrintable(rest));
    }
    void sigtermStopsItToo() {
        QProcess process;
        QVERIFY(startServe(process, {}).isValid());
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }
    void listensWhereAskedAndStopsAfterDuration() {
        QProcess process;
        const QUrl url = startServe(process, {"--listen", "127.0.0.1:0", "--duration", "0.5"});
        QVERIFY(url.port() > 0);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }
    void selfCheckPassesAndIsPrinted() {
        QProcess process;
        QVERIFY(startServe(process, {"--self-check", "--duration", "0.2"}).isValid());
        QVERIFY(process.waitForFinished(10000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains("Self-check: 10 of 10 passed."), qPrintable(out));
        QCOMPARE(process.exitCode(), 0);
    }
    // What a client of `serve --tls` sees: `requests` GETs of / with the plan's TLS settings.
    static RunReport runAgainst(const QUrl& url, Plan plan) {
        plan.load.users = 2;
        plan.requestLimit = 10;
        plan.duration = std::chrono::seconds(20);
        LoadEngine engine;
        auto sink = std::make_shared<CollectingSink>();
        if (const auto error = engine.start(plan, url.toString().toStdString(), sink))
            qFatal("start failed: %s", error->c_str());
        if (!engine.wait(std::chrono::seconds(30)))
            qFatal("the run did not end");
        return sink->report().value();
    }
    static QByteArray readAll(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    void tlsServesHttpsWithTheCertificateItWrites() {
        QTemporaryDir dir;
        const QString written = dir.filePath("target.pem");
        QProcess process;
        const QUrl url = startServe(process, {"--tls", "--write-cert", written});
        QCOMPARE(url.scheme(), QString("https"));
        QCOMPARE(url.host(), QString("127.0.0.1"));
        while (!process.canReadLine() && process.waitForReadyRead(5000)) {
        }
        const QString second = QString::fromUtf8(process.readLine());
        QVERIFY2(second.contains("--cacert " + written), qPrintable(second));
        QVERIFY(readAll(written).startsWith("-----BEGIN CERTIFICATE-----"));

        Plan verified;
        verified.caCertFile = written.toStdString();
        const RunReport trusted = runAgainst(url, verified);
        QCOMPARE(trusted.final.errors, 0u);
        QCOMPARE(trusted.httpVersion, std::string("1.1"));
        const RunReport distrusted = runAgainst(url, Plan{});
        QCOMPARE(distrusted.final.errorsByClass[std::size_t(ErrorClass::Tls)].count, 10u);

        process.terminate();
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
        const QString rest = QString::fromUtf8(process.readAllStandardOutput());
        // The refused handshakes count as connections too, each with no request.
        QVERIFY2(rest.contains("Served 10 requests on "), qPrintable(rest));
    }
    void tlsServesTheGivenCertificateAndKey() {
        QTemporaryDir dir;
        const TlsIdentity identity = makeSelfSignedIdentity();
        QFile cert(dir.filePath("cert.pem"));
        QFile key(dir.filePath("key.pem"));
        QVERIFY(cert.open(QIODevice::WriteOnly) && key.open(QIODevice::WriteOnly));
        cert.write(QByteArray::fromStdString(identity.certificatePem));
        key.write(QByteArray::fromStdString(identity.privateKeyPem));
        cert.close();
        key.close();
        const QString written = dir.filePath("served.pem");
        QProcess process;
        const QUrl url = startServe(
            process, {"--cert", cert.fileName(), "--key", key.fileName(), "--write-cert", written});
        QCOMPARE(url.scheme(), QString("https"));
        QCOMPARE(readAll(written), QByteArray::fromStdString(identity.certificatePem));
        Plan verified;
        verified.caCertFile = cert.fileName().toStdString();
        QCOMPARE(runAgainst(url, verified).final.errors, 0u);
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }
    void badTlsFilesExit2WithOneLine_data() {
        static QTemporaryDir dir;
        const auto write = [](const QString& name, const std::string& content) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(file.fileName()));
            file.write(QByteArray::fromStdString(content));
            return file.fileName();
        };
        const TlsIdentity identity = makeSelfSignedIdentity();
        const QString cert = write("cert.pem", identity.certificatePem);
        const QString key = write("key.pem", identity.privateKeyPem);
        const QString otherKey = write("other.pem", makeSelfSignedIdentity().privateKeyPem);
        const QString garbage = write("garbage.pem", "hello\n");
        const QString missing = dir.filePath("missing.pem");

        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing cert")
            << QStringList{"--cert", missing, "--key", key}
            << "stampede serve: cannot read " + missing + ": No such file or directory\n";
        QTest::newRow("garbage cert")
            << QStringList{"--cert", garbage, "--key", key}
            << "stampede serve: " + garbage + " is not PEM: no -----BEGIN line\n";
        QTest::newRow("garbage key")
            << QStringList{"--cert", cert, "--key", garbage}
            << "stampede serve: " + garbage + " is not PEM: no -----BEGIN line\n";
        QTest::newRow("certificate as key")
            << QStringList{"--cert", cert, "--key", cert}
            << "stampede serve: " + cert +
                   " holds no PRIVATE KEY block, only PEM of another kind\n";
        QTest::newRow("key of another certificate")
            << QStringList{"--cert", cert, "--key", otherKey}
            << "stampede serve: the private key in " + otherKey +
                   " does not belong to the certificate in " + cert + "\n";
        QTest::newRow("cert without key")
            << QStringList{"--cert", cert} << "stampede serve: give --cert and --key together\n";
        QTest::newRow("write-cert without tls")
            << QStringList{"--write-cert", dir.filePath("x.pem")}
            << "stampede serve: --write-cert needs --tls (plain HTTP has no certificate)\n";
        QTest::newRow("self-check over tls")
            << QStringList{"--tls", "--self-check"}
            << "stampede serve: --self-check speaks plain HTTP; leave out --tls\n";
    }
    void badTlsFilesExit2WithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess process;
        process.start(STAMPEDE_BINARY, QStringList{"serve"} + args);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()), message);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
    }
    void unwritableCertificateFileExits1() {
        QProcess process;
        process.start(STAMPEDE_BINARY,
                      {"serve", "--tls", "--write-cert", "/proc/stampede/target.pem"});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.startsWith("stampede serve: cannot write the certificate to "
                                "/proc/stampede/target.pem: "),
                 qPrintable(err));
    }
    void badArgumentsExit2WithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad listen") << QStringList{"--listen", "nowhere:80"} << "not an IP address";
        QTest::newRow("bad port") << QStringList{"--listen", "127.0.0.1:99999"} << "not a port";
        QTest::newRow("bad duration") << QStringList{"--duration", "soon"} << "--duration needs";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "Unknown option";
        QTest::newRow("bad mode") << QStringList{"--mode", "threaded"} << "async or sync";
        QTest::newRow("zero workers")
            << QStringList{"--mode", "sync", "--workers", "0"} << "from 1 to 256";
        QTest::newRow("workers when async") << QStringList{"--workers", "8"} << "for --mode sync";
    }
    void badArgumentsExit2WithAMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess process;
        process.start(STAMPEDE_BINARY, QStringList{"serve"} + args);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
    void portInUseExits1WithAMessage() {
        QProcess first;
        const QUrl url = startServe(first, {});
        QVERIFY(url.isValid());
        QProcess second;
        second.start(STAMPEDE_BINARY,
                     {"serve", "--listen", "127.0.0.1:" + QString::number(url.port())});
        QVERIFY(second.waitForFinished(5000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(
            QString::fromUtf8(second.readAllStandardError()).contains("Address already in use"));
        first.terminate();
        QVERIFY(first.waitForFinished(5000));
    }
    void unknownCommandExits2() {
        QProcess process;
        process.start(STAMPEDE_BINARY, {"frobnicate"});
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains("unknown command"));
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
