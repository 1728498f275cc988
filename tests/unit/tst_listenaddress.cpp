#include "core/server/ListenAddress.h"

#include <QTest>

using namespace stampede;

class TestListenAddress : public QObject {
    Q_OBJECT
private slots:
    void valid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("v4") << "127.0.0.1:8080"
                            << "127.0.0.1" << 8080;
        QTest::newRow("v6") << "[::1]:9000"
                            << "::1" << 9000;
        QTest::newRow("localhost") << "localhost:1"
                                   << "127.0.0.1" << 1;
        QTest::newRow("bare port is loopback") << "8081"
                                               << "127.0.0.1" << 8081;
        QTest::newRow("ephemeral") << "127.0.0.1:0"
                                   << "127.0.0.1" << 0;
        QTest::newRow("any, when asked") << "0.0.0.0:8080"
                                         << "0.0.0.0" << 8080;
    }
    void valid() {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(int, port);
        const auto parsed = ListenAddress::parse(text.toStdString());
        QVERIFY(std::holds_alternative<ListenAddress>(parsed));
        QCOMPARE(QString::fromStdString(std::get<ListenAddress>(parsed).address), address);
        QCOMPARE(int(std::get<ListenAddress>(parsed).port), port);
    }
    void invalid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("port too big") << "127.0.0.1:70000"
                                      << "not a port";
        QTest::newRow("port text") << "127.0.0.1:http"
                                   << "not a port";
        QTest::newRow("empty") << ""
                               << "not a port";
        QTest::newRow("hostname") << "example.invalid:80"
                                  << "not an IP address";
        QTest::newRow("bare v6") << "::1:80"
                                 << "brackets";
    }
    void invalid() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = ListenAddress::parse(text.toStdString());
        QVERIFY(std::holds_alternative<std::string>(parsed));
        const auto error = QString::fromStdString(std::get<std::string>(parsed));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
