// The HTML report of real runs against the embedded target, drawn by the window's charts:
// well-formed XHTML, self-contained (no script, nothing fetched), one SVG per chart, and every
// string from the user or the server escaped, so a plan named <script>… is text.
#include "app/gui/HtmlReportFile.h"
#include "core/report/HtmlReport.h"
#include "core/report/RunComparison.h"
#include "core/server/TargetServer.h"
#include "tests/integration/RunToEnd.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

const QString kHostile = QStringLiteral("<script>alert(1)</script>");
const QString kHostileEscaped = QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");

QString contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Parses the whole page as XML; the first error, or nothing.
QString xmlError(const QString& html, int* svgElements) {
    QXmlStreamReader xml(html);
    *svgElements = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg")
            ++*svgElements;
    return xml.hasError()
               ? QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())
               : QString();
}

void verifySelfContained(const QString& html) {
    QVERIFY(!html.contains("<script", Qt::CaseInsensitive));
    QVERIFY(!html.contains(QRegularExpression("(src|href)\\s*=\\s*\"\\s*(https?:)?//",
                                              QRegularExpression::CaseInsensitiveOption)));
    QVERIFY(!html.contains("url(", Qt::CaseInsensitive));
    QVERIFY(!html.contains("@import", Qt::CaseInsensitive));
    QVERIFY(!html.contains("<link", Qt::CaseInsensitive));
    QVERIFY(!html.contains("<image", Qt::CaseInsensitive)); // charts are vectors, no bitmaps
}

} // namespace

class TestHtmlReport : public QObject {
    Q_OBJECT

    RunReport flow;  // a flow of steps with hostile names, some failing
    RunReport other; // a plain run, to compare against

private slots:
    void initTestCase() {
        TargetServer target;
        Plan plan;
        plan.name = kHostile.toStdString();
        plan.load.users = 2;
        plan.duration = 1500ms;
        Step ok;
        ok.name = "<b>bold</b> & \"quoted\"";
        ok.url = "/";
        Step failing;
        failing.name = "fails";
        failing.url = "/status/503";
        failing.headers.push_back({"X-Test", "<img src=x onerror=alert(1)>"});
        plan.steps = {ok, failing};
        runToEnd(plan, target.url(), flow);
        QVERIFY(flow.final.errors > 0);
        Plan plain;
        plain.load.users = 4;
        plain.duration = 1s;
        runToEnd(plain, target.url(), other);
    }

    void aRunsReportIsWellFormedSelfContainedAndEscaped() {
        QTemporaryDir dir;
        const QString path = dir.filePath("report.html");
        QCOMPARE(writeHtmlRunReport(flow, QString::fromStdString(flow.plan.name), path),
                 std::nullopt);
        const QString html = contentOf(path);
        int svgs = 0;
        const QString error = xmlError(html, &svgs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        verifySelfContained(html);

        // One SVG per chart: throughput, latency, histogram, status codes, in flight.
        const auto charts = drawRunCharts(flow);
        QCOMPARE(charts.size(), std::size_t(5));
        QCOMPARE(svgs, int(charts.size()));
        QCOMPARE(html.count("<svg"), int(charts.size()));
        for (const ReportChart& chart : charts)
            QVERIFY2(html.contains("<figcaption>" + chart.title + "</figcaption>"),
                     qPrintable(chart.title));
        // The charts have data: the throughput chart draws a line of many points.
        QVERIFY(charts.front().svg.count("<path") + charts.front().svg.count("<polyline") > 3);

        QVERIFY(html.contains("<h1>" + kHostileEscaped + "</h1>"));
        QVERIFY(html.contains("<title>Stampede report: " + kHostileEscaped + "</title>"));
        QVERIFY(!html.contains(kHostile));
        QVERIFY(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"));
        QVERIFY(!html.contains("<b>bold</b>"));
        QVERIFY(!html.contains("<img"));
        QVERIFY(html.contains("&lt;img src=x onerror=alert(1)&gt;")); // in the plan's JSON
        // Status codes, errors with their first message, the steps, the percentiles.
        QVERIFY(html.contains("<td>503</td>"));
        QVERIFY(html.contains("<td>http_5xx</td>"));
        const std::string message =
            flow.final.errorsByClass[std::size_t(ErrorClass::Http5xx)].firstMessage;
        QVERIFY(!message.empty());
        QVERIFY(html.contains(QString::fromStdString(message).toHtmlEscaped()));
        QVERIFY(html.contains("<h2>Steps</h2>"));
        QVERIFY(html.contains("<h2>Latency percentiles</h2>"));
        QVERIFY(html.contains("@media print"));
    }

    void aMergedRunSaysWhichShardsItHolds() {
        RunReport merged = other;
        merged.shardCount = 4;
        merged.shards = {1, 2, 4};
        const QString html = QString::fromUtf8(htmlRunReport(merged, "merged", {}));
        QVERIFY2(html.contains(">3 of 4 merged (1, 2, 4)</td>"),
                 qPrintable(html.mid(html.indexOf("engine threads") - 40, 400)));
        merged.shards = {2};
        QVERIFY(QString::fromUtf8(htmlRunReport(merged, "shard", {})).contains("shard 2 of 4"));
        QVERIFY(!QString::fromUtf8(htmlRunReport(other, "whole", {})).contains("shards"));
    }

    void aComparisonHasTheCompareChartsAndTheDifferences() {
        QTemporaryDir dir;
        const QString path = dir.filePath("compare.html");
        QCOMPARE(writeHtmlCompareReport({other, flow}, {"plain", kHostile}, path), std::nullopt);
        const QString html = contentOf(path);
        int svgs = 0;
        const QString error = xmlError(html, &svgs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        verifySelfContained(html);
        QCOMPARE(svgs, 3); // throughput over time, latency by percentile, distribution
        QVERIFY(!html.contains(kHostile)); // in the tables and in the charts' legends
        QVERIFY(html.contains(kHostileEscaped));

        const RunComparison comparison = compareRuns({other, flow}, {"plain", "x"});
        for (const ComparedFigure& figure : comparison.figures)
            QVERIFY2(html.contains("<td>" + QString::fromStdString(figure.label).toHtmlEscaped() +
                                   "</td>"),
                     figure.label.c_str());
        // Worse and better in words and arrows, not only in colour.
        QCOMPARE(comparison.figure("errors")->verdicts[1], Verdict::Worse);
        const QString errors = "<td class=\"n worse\">" + QString::fromUtf8("\u25B2 +") +
                               QString::number(flow.final.errors) + " worse</td>";
        QVERIFY2(html.contains(errors), qPrintable(errors));
    }
};

QTEST_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
