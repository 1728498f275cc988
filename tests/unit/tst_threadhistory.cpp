// Timeline lanes from samples: merged spans, a bounded window, threads coming and going.
#include "core/monitor/ThreadHistory.h"

#include <QTest>

using namespace stampede;

namespace {

ProcessSample sample(double seconds, std::vector<std::pair<int, bool>> threads) {
    ProcessSample s;
    s.seconds = seconds;
    s.periodSeconds = 0.5;
    for (const auto& [id, running] : threads)
        s.threads.push_back({id, "t" + std::to_string(id), 'S', running ? 50.0 : 0.0, 0, running});
    return s;
}

} // namespace

class TestThreadHistory : public QObject {
    Q_OBJECT
private slots:
    void sameStateSamplesMergeIntoOneSpan() {
        ThreadHistory history(30);
        history.add(sample(1.0, {{1, true}}));
        history.add(sample(1.5, {{1, true}}));
        history.add(sample(2.0, {{1, false}}));
        history.add(sample(2.5, {{1, true}}));
        const auto lanes = history.lanes();
        QCOMPARE(lanes.size(), std::size_t(1));
        QCOMPARE(lanes[0].name, std::string("t1"));
        const auto& spans = lanes[0].spans;
        QCOMPARE(spans.size(), std::size_t(3));
        QCOMPARE(spans[0].begin, 0.5);
        QCOMPARE(spans[0].end, 1.5);
        QVERIFY(spans[0].running);
        QCOMPARE(spans[1].begin, 1.5);
        QCOMPARE(spans[1].end, 2.0);
        QVERIFY(!spans[1].running);
        QCOMPARE(spans[2].end, 2.5);
    }

    void lanesOrderedByIdAndThreadsComeAndGo() {
        ThreadHistory history(30);
        history.add(sample(1.0, {{5, true}, {2, false}}));
        history.add(sample(1.5, {{2, false}}));            // 5 exited
        history.add(sample(3.0, {{2, false}, {5, true}})); // a gap, then 5 again
        const auto lanes = history.lanes();
        QCOMPARE(lanes.size(), std::size_t(2));
        QCOMPARE(lanes[0].id, 2);
        QCOMPARE(lanes[1].id, 5);
        QCOMPARE(lanes[0].spans.size(), std::size_t(2)); // 2's samples are not contiguous
        QCOMPARE(lanes[1].spans.size(), std::size_t(2)); // nor are 5's
        QCOMPARE(lanes[1].spans[1].begin, 2.5);
    }

    void onlyTheWindowIsKept() {
        ThreadHistory history(10);
        for (int i = 1; i <= 100; ++i)
            history.add(sample(i * 0.5, {{1, i % 2 == 0}}));
        QCOMPARE(history.latestSeconds(), 50.0);
        const auto lanes = history.lanes();
        QCOMPARE(lanes.size(), std::size_t(1));
        QVERIFY(lanes[0].spans.front().begin >= 40.0);
        QCOMPARE(lanes[0].spans.back().end, 50.0);
        QCOMPARE(lanes[0].spans.size(), std::size_t(20)); // alternating: one span per sample
        // A thread last seen before the window is gone.
        history.add(sample(70, {{3, true}}));
        QCOMPARE(history.lanes().size(), std::size_t(1));
        QCOMPARE(history.lanes()[0].id, 3);
    }
};

QTEST_APPLESS_MAIN(TestThreadHistory)
#include "tst_threadhistory.moc"
