#include "core/report/RequestLog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <string>

using namespace stampede;

namespace {

RequestRecord record(std::uint64_t id) {
    RequestRecord r;
    r.id = id;
    r.lane = int(id % 64);
    r.intendedMs = double(id) * 0.25;
    r.startedMs = r.intendedMs + 0.5;
    r.firstByteMs = r.startedMs + 1.125;
    r.doneMs = r.startedMs + 2.0;
    r.status = 200;
    r.bytes = 1024;
    return r;
}

// Resident memory of this process in KiB, as the kernel counts it.
long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

QStringList dirEntries(const QString& path) {
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestRequestLog : public QObject {
    Q_OBJECT
private slots:
    void writesEveryRecordOnCommit() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("run");
        const QString path = QDir(dir).filePath("requests.csv");
        RequestLog log;
        std::string error;
        QVERIFY2(log.open(dir, &error), error.c_str());
        for (std::uint64_t id = 1; id <= 200'000; ++id)
            log.append(record(id));
        QVERIFY(!QFile::exists(path)); // under its final name only once complete
        const auto commitError = log.commit();
        QVERIFY2(!commitError, commitError ? commitError->c_str() : "");
        QCOMPARE(dirEntries(dir), QStringList({"requests.csv"}));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count("\r\n"), qsizetype(200'001));
        QCOMPARE(text.count('\n'), qsizetype(200'001)); // no bare LF anywhere
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines[0], QByteArray("id,lane,step,intended_ms,started_ms,first_byte_ms,done_ms,"
                                      "latency_ms,status,error,bytes\r"));
        // id 1234: intended 308.5, started 309, first byte 310.125, done 311.
        QCOMPARE(lines[1234], QByteArray("1234,18,1,308.5,309,310.125,311,2.5,200,,1024\r"));
        QCOMPARE(lines[200'000], QByteArray("200000,0,1,50000,50000.5,50001.625,50002.5,2.5,200,,"
                                            "1024\r"));
    }

    void failedRequestsLeaveCellsEmpty() {
        QTemporaryDir tmp;
        RequestLog log;
        QVERIFY(log.open(tmp.path(), nullptr));
        RequestRecord r;
        r.id = 7;
        r.lane = 3;
        r.step = 1;
        r.intendedMs = 10;
        r.startedMs = 12.5;
        r.doneMs = 5010.0004;
        r.error = ErrorClass::Timeout;
        log.append(r);
        r.id = 8;
        r.status = 503;
        r.firstByteMs = 20;
        r.error = ErrorClass::Http5xx;
        r.bytes = 12;
        log.append(r);
        QVERIFY(!log.commit());
        QFile file(tmp.filePath("requests.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("id,lane,step,intended_ms,started_ms,first_byte_ms,"
                                            "done_ms,latency_ms,status,error,bytes\r\n"
                                            "7,3,2,10,12.5,,5010,5000,,timeout,0\r\n"
                                            "8,3,2,10,12.5,20,5010,5000,503,http_5xx,12\r\n"));
    }

    void destroyedWithoutCommitLeavesNothing() {
        QTemporaryDir tmp;
        {
            RequestLog log;
            QVERIFY(log.open(tmp.path(), nullptr));
            for (std::uint64_t id = 1; id <= 50'000; ++id) // past several flushes
                log.append(record(id));
        }
        QCOMPARE(dirEntries(tmp.path()), QStringList());
    }

    void commitWithoutOpenIsAnError() {
        RequestLog log;
        QVERIFY(!log.isOpen());
        QVERIFY(log.commit());
    }

    void unwritableDirectoryIsAClearError() {
        QTemporaryDir tmp;
        QFile blocker(tmp.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        RequestLog log;
        std::string error;
        QVERIFY(!log.open(tmp.filePath("blocker/run"), &error));
        QVERIFY2(QString::fromStdString(error).contains(tmp.filePath("blocker/run")),
                 error.c_str());
        QVERIFY(!log.isOpen());
        log.append(record(1)); // harmless when not open
        QCOMPARE(dirEntries(tmp.path()), QStringList({"blocker"}));
    }

    void memoryStaysFlat() {
        QTemporaryDir tmp;
        RequestLog log;
        QVERIFY(log.open(tmp.path(), nullptr));
        // Warm up first, so the buffer and the allocator's arenas already exist.
        for (std::uint64_t id = 1; id <= 10'000; ++id)
            log.append(record(id));
        const long before = residentKiB();
        QVERIFY(before > 0);
        for (std::uint64_t id = 10'001; id <= 1'010'000; ++id)
            log.append(record(id));
        const long after = residentKiB();
        // A million rows are ~50 MB of text; keeping them would show here many times over.
        QVERIFY2(after - before < 4 * 1024,
                 qPrintable(QString("VmRSS grew by %1 KiB").arg(after - before)));
        QVERIFY(!log.commit());
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
