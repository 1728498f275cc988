// `stampede serve` as a user runs it: a real process, its output, signals and exit codes.
#include "core/net/HttpProbe.h"

#include <QProcess>
#include <QRegularExpression>
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
        const auto match = QRegularExpression("listening on (http://\\S+)").match(line);
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
    void badArgumentsExit2WithAMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad listen") << QStringList{"--listen", "nowhere:80"} << "not an IP address";
        QTest::newRow("bad port") << QStringList{"--listen", "127.0.0.1:99999"} << "not a port";
        QTest::newRow("bad duration") << QStringList{"--duration", "soon"} << "--duration needs";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "Unknown option";
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
