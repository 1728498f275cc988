// The request timeline's sample: the newest records since the last snapshot, oldest first,
// never more than its capacity, empty again once taken.
#include "core/engine/TimelineRing.h"

#include <QTest>

using namespace stampede;

namespace {

RequestRecord record(std::uint64_t id) {
    RequestRecord r;
    r.id = id;
    return r;
}

std::vector<std::uint64_t> ids(const std::vector<RequestRecord>& records) {
    std::vector<std::uint64_t> out;
    for (const RequestRecord& r : records)
        out.push_back(r.id);
    return out;
}

} // namespace

class TestTimelineRing : public QObject {
    Q_OBJECT

private slots:
    void belowCapacityKeepsEveryRecordInOrder() {
        TimelineRing ring(4);
        for (std::uint64_t id = 0; id < 3; ++id)
            ring.push(record(id));
        QCOMPARE(ids(ring.take()), (std::vector<std::uint64_t>{0, 1, 2}));
    }

    void pastCapacityKeepsTheNewestOldestFirst() {
        TimelineRing ring(4);
        for (std::uint64_t id = 0; id < 10; ++id)
            ring.push(record(id));
        QCOMPARE(ids(ring.take()), (std::vector<std::uint64_t>{6, 7, 8, 9}));
    }

    void exactlyFullNeedsNoTurn() {
        TimelineRing ring(3);
        for (std::uint64_t id = 0; id < 3; ++id)
            ring.push(record(id));
        QCOMPARE(ids(ring.take()), (std::vector<std::uint64_t>{0, 1, 2}));
    }

    void takingStartsAFreshStretch() {
        TimelineRing ring(3);
        for (std::uint64_t id = 0; id < 5; ++id)
            ring.push(record(id));
        QCOMPARE(ring.take().size(), std::size_t{3});
        QVERIFY(ring.take().empty());
        ring.push(record(42));
        ring.push(record(43));
        QCOMPARE(ids(ring.take()), (std::vector<std::uint64_t>{42, 43}));
    }
};

QTEST_GUILESS_MAIN(TestTimelineRing)
#include "tst_timelinering.moc"
