#include "core/server/TargetStats.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>
#include <vector>

using namespace stampede;

class TestTargetStats : public QObject {
    Q_OBJECT
private slots:
    void countsPerEndpointAndStatus() {
        TargetStats stats;
        stats.record(Endpoint::Root, 200);
        stats.record(Endpoint::Root, 200);
        stats.record(Endpoint::Root, 500);
        stats.record(Endpoint::Stall, 0);
        stats.record(Endpoint::Status, 503);
        const auto snap = stats.snapshot();
        QCOMPARE(snap.requests, 5u);
        QCOMPARE(snap.count(Endpoint::Root), 3u);
        QCOMPARE(snap.count(Endpoint::Root, 200), 2u);
        QCOMPARE(snap.count(Endpoint::Root, 500), 1u);
        QCOMPARE(snap.count(Endpoint::Stall, 0), 1u);
        QCOMPARE(snap.count(Endpoint::Status, 503), 1u);
        QCOMPARE(snap.count(Endpoint::Echo), 0u);
        QCOMPARE(snap.rows.size(), std::size_t(4));
        QCOMPARE(snap.rows.front().endpoint, Endpoint::Root); // ordered by endpoint
    }
    void outOfRangeStatusIsRecordedAsNone() {
        TargetStats stats;
        stats.record(Endpoint::Root, 42);
        stats.record(Endpoint::Root, 600);
        QCOMPARE(stats.snapshot().count(Endpoint::Root, 0), 2u);
    }
    void connections() {
        TargetStats stats;
        stats.connectionOpened();
        stats.connectionOpened();
        stats.connectionClosed();
        const auto snap = stats.snapshot();
        QCOMPARE(snap.connectionsAccepted, 2u);
        QCOMPARE(snap.connectionsOpen, 1u);
    }
    void json() {
        TargetStats stats;
        stats.record(Endpoint::Bytes, 200);
        stats.record(Endpoint::Bytes, 400);
        stats.record(Endpoint::Reset, 0);
        const auto doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(stats.snapshot().toJson()));
        const QJsonObject root = doc.object();
        QCOMPARE(root["requests"].toInt(), 3);
        const QJsonObject bytes = root["endpoints"]["/bytes/N"].toObject();
        QCOMPARE(bytes["requests"].toInt(), 2);
        QCOMPARE(bytes["status"]["200"].toInt(), 1);
        QCOMPARE(bytes["status"]["400"].toInt(), 1);
        QCOMPARE(root["endpoints"]["/reset"]["status"]["none"].toInt(), 1);
    }
    void readersNeverSeeMoreThanWasRecorded() {
        // A writer thread records while this thread snapshots: totals only grow, and the
        // rows always cover what the total promised (checked under TSan in CI).
        TargetStats stats;
        constexpr int n = 200000;
        std::thread writer([&] {
            for (int i = 0; i < n; ++i)
                stats.record(Endpoint::Root, 200 + i % 3);
        });
        std::uint64_t last = 0;
        while (last < n) {
            const auto snap = stats.snapshot();
            QVERIFY(snap.requests >= last);
            QVERIFY(snap.count(Endpoint::Root) >= snap.requests);
            last = snap.requests;
        }
        writer.join();
        QCOMPARE(stats.snapshot().count(Endpoint::Root), std::uint64_t(n));
    }
};

QTEST_APPLESS_MAIN(TestTargetStats)
#include "tst_targetstats.moc"
