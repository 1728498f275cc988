// The live charts, offscreen, fed with hand-built snapshots' data as the engine produces it.
#include "core/stats/LatencyHistogram.h"
#include "ui/loadtest/charts/HistogramChart.h"
#include "ui/loadtest/charts/InFlightChart.h"
#include "ui/loadtest/charts/LatencyChart.h"
#include "ui/loadtest/charts/StatusChart.h"
#include "ui/loadtest/charts/ThroughputChart.h"
#include "ui/loadtest/charts/TimelineChart.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

#include <cmath>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

// A run at ~200 req/s with a few errors, latency creeping up and a stall at second 20.
std::vector<TimeSeriesRow> rows(int from, int count) {
    std::vector<TimeSeriesRow> result;
    for (int second = from; second < from + count; ++second) {
        TimeSeriesRow row;
        row.second = second;
        const bool stall = second % 30 == 20;
        row.completed = stall ? 20 : 180 + std::uint64_t(20 * std::sin(second / 3.0) + 20);
        row.errors = second % 7 == 0 ? 12 : 1;
        row.p50Ms = stall ? 400 : 20 + 0.2 * (second % 30);
        row.meanMs = row.p50Ms * 1.5; // a tail: the mean is above the median
        row.p90Ms = stall ? 700 : 40 + 1.0 * (second % 30);
        row.p99Ms = stall ? 900 : 60 + 2.0 * (second % 30);
        row.inFlight = stall ? 95 : 4 + std::uint64_t(second % 5);
        row.backlog = stall ? 60 : 0;
        result.push_back(row);
    }
    return result;
}

// Mostly 15–40 ms, a tail to a second: what a loaded web service looks like.
LatencyHistogram histogram(double stretch = 1.0) {
    LatencyHistogram h;
    for (int i = 0; i < 20000; ++i) {
        const double ms = 15 + 25 * std::fmod(i * 0.618034, 1.0);
        h.recordMicros(std::uint64_t(ms * 1000 * stretch));
    }
    for (int i = 0; i < 400; ++i)
        h.recordMicros(std::uint64_t((60 + 2.4 * i) * 1000 * stretch));
    for (int i = 0; i < 30; ++i)
        h.recordMicros(std::uint64_t((900 + 10 * i) * 1000 * stretch));
    return h;
}

std::array<ErrorSummary, kErrorClassCount> transportErrors() {
    std::array<ErrorSummary, kErrorClassCount> errors{};
    errors[std::size_t(ErrorClass::Timeout)].count = 41;
    errors[std::size_t(ErrorClass::ConnectionReset)].count = 7;
    errors[std::size_t(ErrorClass::Http5xx)].count = 120; // also a status bar: not repeated
    return errors;
}

const std::map<int, std::uint64_t> kStatus{{200, 9500}, {304, 800}, {404, 300}, {503, 120}};

// Four users in a closed loop for 8 s, plus queueing in lane 3 and a failure now and then.
std::vector<RequestRecord> records(int count) {
    std::vector<RequestRecord> result;
    std::array<double, 4> laneClock{};
    for (int i = 0; i < count; ++i) {
        RequestRecord record;
        record.id = std::uint64_t(i);
        record.lane = i % 4;
        double& clock = laneClock[std::size_t(record.lane)];
        record.intendedMs = clock;
        record.startedMs = clock + (record.lane == 3 ? 40 : 0);
        record.firstByteMs = record.startedMs + 30 + (i % 5) * 8;
        record.doneMs = record.firstByteMs + 20 + (i % 3) * 15;
        record.status = i % 11 == 0 ? 503 : 200;
        clock = record.doneMs + 10;
        result.push_back(record);
    }
    return result;
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private slots:
    void throughputAppendsAndCaps() {
        ThroughputChart chart;
        chart.appendRows(rows(1, 30));
        chart.appendRows(rows(31, 10));
        QCOMPARE(chart.okGraph()->dataCount(), 40);
        QCOMPARE(chart.errorGraph()->dataCount(), 40);
        const auto first = *chart.okGraph()->data()->constBegin();
        QCOMPARE(first.key, 1.0);
        QCOMPARE(first.value, double(rows(1, 1)[0].completed - rows(1, 1)[0].errors));
        QCOMPARE(chart.errorGraph()->data()->findBegin(35, false)->value, 12.0); // 35 = 7·5
        QVERIFY(chart.okGraph()->pen().color() != chart.errorGraph()->pen().color());

        // A last row covering a quarter of a second is drawn as a rate, not as a cliff.
        auto partial = rows(41, 1);
        partial[0].durationS = 0.25;
        chart.appendRows(partial);
        QCOMPARE((chart.okGraph()->data()->constEnd() - 1)->value,
                 double(partial[0].completed - partial[0].errors) / 0.25);
        auto sliver = rows(42, 1); // 5 ms at the very end: no rate is drawn from it
        sliver[0].durationS = 0.005;
        chart.appendRows(sliver);
        QCOMPARE((chart.okGraph()->data()->constEnd() - 1)->key, 41.0);

        chart.appendRows(rows(43, 5000));
        QCOMPARE(chart.okGraph()->dataCount(), ThroughputChart::kMaxPoints);
        QCOMPARE(chart.okGraph()->data()->constBegin()->key, 5043.0 - ThroughputChart::kMaxPoints);
        QCOMPARE(chart.plot()->xAxis->range().upper, 5042.0);

        chart.reset();
        QCOMPARE(chart.okGraph()->dataCount(), 0);
        QCOMPARE(chart.errorGraph()->dataCount(), 0);
    }

    void latencyDrawsPercentilesAndTheOmissionGap() {
        LatencyChart chart;
        auto data = rows(1, 25);
        data[4].completed = 0; // a silent second: a gap, not a zero
        chart.appendRows(data);
        QCOMPARE(chart.p50Graph()->dataCount(), 25);
        QCOMPARE(chart.p90Graph()->dataCount(), 25);
        QCOMPARE(chart.p99Graph()->dataCount(), 25);
        QCOMPARE((chart.p90Graph()->data()->constBegin() + 1)->value, data[1].p90Ms);
        QVERIFY(std::isnan((chart.p50Graph()->data()->constBegin() + 4)->value));
        QVERIFY(!chart.correctedLine()->visible());

        const LatencyHistogram corrected = histogram(3.0);
        const LatencyHistogram uncorrected = histogram(1.0);
        chart.setOverall(corrected, &uncorrected);
        QVERIFY(chart.correctedLine()->visible());
        QVERIFY(chart.uncorrectedLine()->visible());
        QCOMPARE(chart.correctedLine()->channelFillGraph(), chart.uncorrectedLine());
        QCOMPARE(chart.correctedLine()->data()->constBegin()->value,
                 double(corrected.quantile(0.99)) / 1000.0);
        QCOMPARE(chart.uncorrectedLine()->data()->constBegin()->value,
                 double(uncorrected.quantile(0.99)) / 1000.0);
        QVERIFY(labelShown(chart.plot(), "coordinated omission gap"));
        QCOMPARE(chart.correctedLine()->name(), QString("run p99, corrected"));

        chart.setOverall(corrected, nullptr); // closed model: nothing to compare with
        QCOMPARE(chart.correctedLine()->name(), QString("run p99"));
        QVERIFY(chart.correctedLine()->visible());
        QVERIFY(!chart.uncorrectedLine()->visible());
        QVERIFY(!labelShown(chart.plot(), "coordinated omission gap"));
        QCOMPARE(chart.correctedLine()->brush().style(), Qt::NoBrush); // no black legend box

        chart.appendRows(rows(26, 5000));
        QCOMPARE(chart.p99Graph()->dataCount(), LatencyChart::kMaxPoints);
        chart.reset();
        QCOMPARE(chart.p50Graph()->dataCount(), 0);
        QVERIFY(!chart.correctedLine()->visible());
    }

    void histogramBarsOnALogAxisWithPercentiles() {
        HistogramChart chart;
        QCOMPARE(chart.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        // Empty, it spans four decades: decade ticks, not a crowd of linear ones.
        QVERIFY(chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>());

        const LatencyHistogram h = histogram();
        QVERIFY(h.buckets().size() > std::size_t(HistogramChart::kMaxBars));
        chart.setHistogram(h);
        QVERIFY(chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>()); // 15 ms–1.2 s
        QVERIFY(chart.bars()->dataCount() > 10);
        QVERIFY(chart.bars()->dataCount() <= HistogramChart::kMaxBars);
        double total = 0;
        for (const auto& bar : *chart.bars()->data())
            total += bar.value;
        QCOMPARE(total, double(h.count())); // merging keeps every request

        const double p99 = double(h.quantile(0.99)) / 1000.0;
        QVERIFY(labelShown(chart.plot(), QStringLiteral("p99 %1 ms").arg(p99, 0, 'f', 0)));
        QVERIFY(labelShown(chart.plot(), "p99.9 "));
        QVERIFY(chart.plot()->xAxis->range().contains(p99));

        // All requests within a few milliseconds: still a log axis, with labelled ticks.
        LatencyHistogram narrow;
        for (int i = 0; i < 1000; ++i)
            narrow.recordMicros(std::uint64_t(2000 + i * 3));
        chart.setHistogram(narrow);
        QCOMPARE(chart.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(!chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>());
        QVERIFY(labelShown(chart.plot(), "p50 3.50 ms"));

        chart.reset();
        QCOMPARE(chart.bars()->dataCount(), 0);
        QVERIFY(!labelShown(chart.plot(), "p50"));
        QVERIFY(chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerLog>());
    }

    void statusBarsAreLabelledByCodeAndFailure() {
        StatusChart chart;
        chart.setCounts(kStatus, transportErrors());
        const QStringList expected{"200", "304", "404", "503", "timeout", "connection_reset"};
        QCOMPARE(chart.labels(), expected);
        auto ticker = chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().values(), expected);
        QCOMPARE(chart.bars(StatusChart::Success)->dataCount(), 1);
        QCOMPARE(chart.bars(StatusChart::Redirect)->dataCount(), 1);
        QCOMPARE(chart.bars(StatusChart::ClientError)->dataCount(), 1);
        QCOMPARE(chart.bars(StatusChart::ServerError)->data()->constBegin()->value, 120.0);
        QCOMPARE(chart.bars(StatusChart::Transport)->dataCount(), 2);

        chart.reset();
        QVERIFY(chart.labels().isEmpty());
        QCOMPARE(chart.bars(StatusChart::Success)->dataCount(), 0);
    }

    void inFlightBesideLittlesLaw() {
        InFlightChart chart;
        chart.appendRows(rows(1, 30));
        QCOMPARE(chart.inFlightGraph()->dataCount(), 30);
        QCOMPARE(chart.backlogGraph()->dataCount(), 30);
        QCOMPARE(chart.littleGraph()->dataCount(), 30);
        const TimeSeriesRow row = rows(20, 1)[0];
        const auto predicted = chart.littleGraph()->data()->findBegin(20, false)->value;
        QCOMPARE(predicted, double(row.completed) * row.meanMs / 1000.0);
        // The last 5 ms of a run: its gauges are drawn, but no rate, so no spike in the line.
        auto sliver = rows(31, 1);
        sliver[0].durationS = 0.005;
        chart.appendRows(sliver);
        QCOMPARE(chart.inFlightGraph()->dataCount(), 31);
        QVERIFY(std::isnan((chart.littleGraph()->data()->constEnd() - 1)->value));
        QCOMPARE(chart.littleGraph()->pen().style(), Qt::DashLine);

        chart.appendRows(rows(31, 5000));
        QVERIFY(chart.inFlightGraph()->dataCount() <= InFlightChart::kMaxPoints);
        chart.reset();
        QCOMPARE(chart.littleGraph()->dataCount(), 0);
    }

    void timelineZoomsToFastRequests() {
        // 0.5 ms requests on 4 lanes: a 5 s window would show nothing but ticks.
        TimelineChart chart;
        std::vector<RequestRecord> fast;
        for (int i = 0; i < 400; ++i) {
            RequestRecord record;
            record.lane = i % 4;
            record.intendedMs = record.startedMs = 1000.0 + (i / 4) * 0.6;
            record.firstByteMs = record.startedMs + 0.3;
            record.doneMs = record.startedMs + 0.5;
            record.status = 200;
            fast.push_back(record);
        }
        chart.appendRecords(fast);
        QCOMPARE(chart.windowSeconds(), 0.05); // 100 requests of 0.5 ms
        QCOMPARE(chart.plot()->xAxis->range().size(), 0.05);
    }
    void timelineStartsWhereAFullSampleBegins() {
        // The engine sends the newest 256 of an interval: before the first of them ended,
        // requests are missing, so the view must not show that stretch as idle lanes.
        TimelineChart chart;
        chart.appendRecords(records(40));
        QCOMPARE(chart.plot()->xAxis->range().size(), TimelineChart::kWindowSeconds);
        // 64 users, 1 ms requests: 256 of them cover 4 ms of a 100 ms window.
        std::vector<RequestRecord> newest;
        for (int i = 0; i < 256; ++i) {
            RequestRecord record;
            record.lane = i % 64;
            record.intendedMs = record.startedMs = 2000.0 + (i / 64);
            record.doneMs = record.startedMs + 1;
            record.status = 200;
            newest.push_back(record);
        }
        chart.appendRecords(newest);
        QCOMPARE(chart.windowSeconds(), 0.1);
        QCOMPARE(chart.plot()->xAxis->range().lower, 2.001);
        QCOMPARE(chart.plot()->xAxis->range().upper, 2.004);
    }
    void timelineKeepsABoundedSampleAndDrawsTheLastSeconds() {
        TimelineChart chart;
        chart.appendRecords(records(8));
        QCOMPARE(chart.recordCount(), std::size_t(8));
        // Three curve points per bar: start, end and the NaN gap that separates bars.
        QCOMPARE(chart.okBars()->dataCount() + chart.errorBars()->dataCount(), 8 * 3);
        QCOMPARE(chart.errorBars()->dataCount(), 1 * 3); // request 0 got a 503
        QCOMPARE(chart.queueing()->dataCount(), 2 * 3);  // lane 3 waits 40 ms
        QCOMPARE(chart.firstBytes()->dataCount(), 8);

        for (int i = 0; i < 3; ++i)
            chart.appendRecords(records(1500));
        QCOMPARE(chart.recordCount(), TimelineChart::kMaxRecords);
        const QCPRange x = chart.plot()->xAxis->range();
        QCOMPARE(x.size(), TimelineChart::kWindowSeconds);
        for (const auto& point : *chart.okBars()->data())
            QVERIFY(std::isnan(point.key) || point.key >= x.lower - 1);

        chart.reset();
        QCOMPARE(chart.recordCount(), std::size_t(0));
        QCOMPARE(chart.okBars()->dataCount(), 0);
    }

    void exportsPngAndPdf() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ThroughputChart chart;
        chart.appendRows(rows(1, 30));
        const QString png = dir.filePath("throughput.png");
        const QString pdf = dir.filePath("throughput.pdf");
        QVERIFY(chart.exportPng(png));
        QVERIFY(chart.exportPdf(pdf));
        QVERIFY(QFileInfo(png).size() > 0);
        QVERIFY(QFileInfo(pdf).size() > 0);
        QCOMPARE(QImage(png).size(), QSize(900, 500));

        // A path under a regular file can never be created.
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!chart.exportPng(dir.filePath("file/chart.png")));
        QTest::ignoreMessage(QtWarningMsg, "QPainter::begin(): Returned false");
        QVERIFY(!chart.exportPdf(dir.filePath("file/chart.pdf")));
    }

    void rightClickOffersBothExports() {
        StatusChart chart;
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QStringList offered;
        QTimer::singleShot(0, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            for (const QAction* action : menu->actions())
                offered << action->text();
            menu->close();
        });
        emit chart.plot()->customContextMenuRequested(QPoint(10, 10));
        QCOMPARE(offered, QStringList({"Export as PNG…", "Export as PDF…"}));
    }

    // Not a check but a look: STAMPEDE_CHART_DIR=/some/dir renders every chart there.
    void rendersSamplesWhenAsked() {
        const QString out = qEnvironmentVariable("STAMPEDE_CHART_DIR");
        if (out.isEmpty())
            QSKIP("set STAMPEDE_CHART_DIR to render the sample charts");
        QVERIFY(QDir().mkpath(out));

        ThroughputChart throughput;
        throughput.appendRows(rows(1, 60));
        LatencyChart latency;
        latency.appendRows(rows(1, 60));
        const LatencyHistogram corrected = histogram(3.0);
        const LatencyHistogram uncorrected = histogram(1.0);
        latency.setOverall(corrected, &uncorrected);
        HistogramChart distribution;
        distribution.setHistogram(histogram());
        HistogramChart narrow;
        LatencyHistogram fast;
        for (int i = 0; i < 1000; ++i)
            fast.recordMicros(std::uint64_t(2000 + (i * 37) % 1000 + (i % 50 == 0 ? 3000 : 0)));
        narrow.setHistogram(fast);
        StatusChart status;
        status.setCounts(kStatus, transportErrors());
        InFlightChart inFlight;
        inFlight.appendRows(rows(1, 60));
        TimelineChart timeline;
        timeline.appendRecords(records(400));

        const std::vector<std::pair<LiveChart*, QString>> charts{
            {&throughput, "throughput"},   {&latency, "latency"}, {&distribution, "histogram"},
            {&narrow, "histogram-narrow"}, {&status, "status"},   {&inFlight, "inflight"},
            {&timeline, "timeline"}};
        for (const auto& [chart, name] : charts)
            QVERIFY(chart->exportPng(out + "/" + name + ".png"));
    }

private:
    static bool labelShown(QCustomPlot* plot, const QString& text) {
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* label = qobject_cast<QCPItemText*>(plot->item(i)))
                if (label->visible() && label->text().startsWith(text))
                    return true;
        return false;
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
