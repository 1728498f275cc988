#include "core/sys/ThreadName.h"

#include <QTest>

#include <thread>

using namespace stampede;

class TestThreadName : public QObject {
    Q_OBJECT
private slots:
    void namesTheCallingThread() {
        std::string seen;
        std::thread([&] {
            setCurrentThreadName("pi-1");
            seen = currentThreadName();
        }).join();
        QCOMPARE(seen, std::string("pi-1"));
    }
    void longNamesAreCutNotRejected() {
        std::string seen;
        std::thread([&] {
            setCurrentThreadName("a-name-longer-than-fifteen-bytes");
            seen = currentThreadName();
        }).join();
        QCOMPARE(seen, std::string("a-name-longer-t"));
    }
};

QTEST_APPLESS_MAIN(TestThreadName)
#include "tst_threadname.moc"
