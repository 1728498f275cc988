// A trace is what Perfetto opens: named lanes in order, spans that close (a reversed span is
// clamped to zero length, not negative), counters as their own tracks, and a file written
// whole or not at all.
#include "core/trace/Trace.h"
#include "tests/common/TraceCheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stampede;

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void lanesSpansAndCountersReadBack() {
        Trace trace("Stampede: test");
        const int a = trace.lane("worker-0");
        const int b = trace.lane("worker-1");
        trace.span(a, "work", "work", 0.0, 1.5);
        trace.span(b, "wait", "wait", 0.25, 2.0, QJsonObject{{"phase", 1}});
        trace.span(b, "backwards", "work", 3.0, 2.0);
        trace.instant(a, "released", 2.0);
        trace.counter("queue depth", 0.0, 0);
        trace.counter("queue depth", 1.0, 3);
        QCOMPARE(trace.lanes(), 2);
        QCOMPARE(trace.spans(), 3);
        const ReadTrace read = readTrace(trace.json());
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));
        QCOMPARE(read.laneNames.value(a), QStringLiteral("worker-0"));
        QCOMPARE(read.laneNames.value(b), QStringLiteral("worker-1"));
        QCOMPARE(read.spanNames,
                 (QStringList{"worker-0: work", "worker-1: wait", "worker-1: backwards"}));
        QCOMPARE(read.counterNames, QStringList{"queue depth"});
        QCOMPARE(read.spansByCategory.value("work"), 2);
        QCOMPARE(read.lastEndUs, 3000.0); // the backwards span: 3 ms, zero long
    }

    void anOverlapCounterCountsWhatIsUnderWay() {
        Trace trace("Stampede: test");
        trace.overlapCounter("in flight", {{1.0, 3.0}, {0.0, 2.0}});
        QList<double> values;
        const QJsonArray events =
            QJsonDocument::fromJson(trace.json()).object()["traceEvents"].toArray();
        for (const auto& value : events) {
            const QJsonObject e = value.toObject();
            if (e["ph"].toString() == "C")
                values << e["args"].toObject()["value"].toDouble();
        }
        QCOMPARE(values, (QList<double>{0, 1, 2, 1, 0})); // at 0 (start), 0, 1, 2, 3
    }

    void theCheckerCatchesAnOpenSpan() {
        const QByteArray open = R"({"traceEvents":[{"ph":"X","name":"w","pid":1,"tid":1,"ts":0}]})";
        QVERIFY(!readTrace(open).problem.isEmpty());
        QVERIFY(!readTrace("not json").problem.isEmpty());
    }

    void writesAtomicallyAndNamesAnUnwritablePath() {
        QTemporaryDir dir;
        Trace trace("Stampede: test");
        trace.span(trace.lane("t"), "work", "work", 0, 1);
        const QString path = dir.filePath("t.json");
        QVERIFY(!writeTrace(trace, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(readTrace(file.readAll()).problem.isEmpty());
        const auto error = writeTrace(trace, dir.filePath("missing/t.json"));
        QVERIFY(error);
        QVERIFY2(error->find("missing/t.json") != std::string::npos, error->c_str());
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
