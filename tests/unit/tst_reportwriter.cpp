#include "core/report/ReportWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

using Rows = QList<QStringList>;

// RFC 4180 as the reports promise it: CRLF row ends, quoted fields may hold anything with
// quotes doubled. Returns nothing on any deviation, so a sloppy writer fails the test.
std::optional<Rows> parseCsv(const QByteArray& bytes) {
    const QString text = QString::fromUtf8(bytes);
    Rows rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    const auto n = text.size();
    while (i < n) {
        if (text[i] == '"') {
            for (++i;; ++i) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"')
                        ++i;
                    else
                        break;
                }
                field += text[i];
            }
            ++i;
        } else {
            while (i < n && text[i] != ',' && text[i] != '\r') {
                if (text[i] == '\n' || text[i] == '"')
                    return std::nullopt;
                field += text[i++];
            }
        }
        if (i < n && text[i] == ',') {
            row << field;
            field.clear();
            ++i;
        } else if (i + 1 < n && text[i] == '\r' && text[i + 1] == '\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            i += 2;
        } else {
            return std::nullopt; // junk after a quoted field, a bare CR or no final CRLF
        }
    }
    return rows;
}

Rows readCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseCsv(file.readAll()).value_or(Rows{});
}

// One data row keyed by its header.
QMap<QString, QString> byHeader(const Rows& rows, int index = 1) {
    QMap<QString, QString> out;
    for (qsizetype c = 0; c < rows[0].size(); ++c)
        out[rows[0][c]] = rows[index][c];
    return out;
}

const QStringList kPercentiles = {"p50", "p75", "p90", "p95", "p99", "p999", "max", "mean"};

QStringList summaryHeader() {
    QStringList h = {"url",       "method", "model",          "duration_s", "requests",
                     "completed", "errors", "error_rate_pct", "rps",        "bytes"};
    for (const auto& p : kPercentiles)
        h << "latency_" + p + "_ms";
    for (const auto& p : kPercentiles)
        h << "latency_uncorrected_" + p + "_ms";
    h << "target_rps"
      << "backlog_max"
      << "cpu_user_s"
      << "cpu_sys_s"
      << "engine"
      << "threads"
      << "http_version";
    return h;
}

const char* const kUrl = "http://127.0.0.1:8080/a,b?q=\"x\"";
const char* const kResetMessage = "Connection reset, peer said \"bye\"\nand left";

RunReport sampleReport(LoadShape::Model model) {
    RunReport r;
    r.plan.url = kUrl;
    r.plan.steps.front().method = HttpMethod::Post;
    r.plan.load.model = model;
    r.plan.load.rate = 250;
    r.url = kUrl;
    r.final.phase = RunSnapshot::Phase::Finished;
    r.final.model = model;
    r.final.elapsed = 10s;
    r.final.requests = 1000;
    r.final.completed = 990;
    r.final.errors = 40;
    r.final.bytes = 123456;
    r.final.backlogMax = 17;
    r.final.statusCounts = {{500, 10}, {200, 960}, {404, 20}};
    auto& timeout = r.final.errorsByClass[std::size_t(ErrorClass::Timeout)];
    timeout = {10, "Operation timed out after 5000 milliseconds with 0 bytes received"};
    r.final.errorsByClass[std::size_t(ErrorClass::ConnectionReset)] = {3, kResetMessage};
    // 1, 2, ..., 100 ms: mean 50.5 exactly, max 100 exactly, quantiles within 1 %.
    for (std::uint64_t ms = 1; ms <= 100; ++ms)
        r.final.latency.recordMicros(ms * 1000);
    for (int i = 0; i < 100; ++i)
        r.final.latencyUncorrected.recordMicros(5000);
    r.cpuUserSeconds = 1.25;
    r.cpuSystemSeconds = 0.5;
    r.engine = "native";
    r.threads = 2;
    r.httpVersion = "1.1";

    TimeSeriesRow first;
    first.second = 1;
    first.completed = 600;
    first.errors = 12;
    first.errorsByClass[std::size_t(ErrorClass::Timeout)] = 10;
    first.errorsByClass[std::size_t(ErrorClass::Http5xx)] = 2;
    first.bytes = 70000;
    first.p50Ms = 12.3456;
    first.p90Ms = 45.6;
    first.p99Ms = 98.7;
    first.inFlight = 8;
    first.backlog = 3;
    first.activeUsers = 10;
    first.targetRate = 250;
    TimeSeriesRow quiet; // a second in which nothing finished
    quiet.second = 2;
    quiet.inFlight = 10;
    quiet.activeUsers = 10;
    quiet.targetRate = 250;
    r.timeSeries = {first, quiet};
    return r;
}

QStringList dirEntries(const QString& path) {
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestReportWriter : public QObject {
    Q_OBJECT
private slots:
    void writesFiveFilesIntoANewDirectory() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath("run/nested");
        const auto error = writeReport(sampleReport(LoadShape::Model::Closed), dir);
        QVERIFY2(!error, error ? error->c_str() : "");
        QCOMPARE(dirEntries(dir), QStringList({"errors.csv", "status_codes.csv", "steps.csv",
                                               "summary.csv", "timeseries.csv"}));
        QFile summary(QDir(dir).filePath("summary.csv"));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QVERIFY(summary.readAll().endsWith("\r\n"));
    }

    void summaryOfAClosedRun() {
        QTemporaryDir tmp;
        QVERIFY(!writeReport(sampleReport(LoadShape::Model::Closed), tmp.path()));
        const Rows rows = readCsv(tmp.filePath("summary.csv"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0], summaryHeader());
        const auto v = byHeader(rows);
        QCOMPARE(v["url"], QString(kUrl));
        QCOMPARE(v["method"], "POST");
        QCOMPARE(v["model"], "closed");
        QCOMPARE(v["duration_s"], "10");
        QCOMPARE(v["requests"], "1000");
        QCOMPARE(v["completed"], "990");
        QCOMPARE(v["errors"], "40");
        QCOMPARE(v["error_rate_pct"], "4");
        QCOMPARE(v["rps"], "100");
        QCOMPARE(v["bytes"], "123456");
        QCOMPARE(v["latency_max_ms"], "100");
        QCOMPARE(v["latency_mean_ms"], "50.5");
        const std::pair<const char*, double> expected[] = {
            {"latency_p50_ms", 50}, {"latency_p75_ms", 75}, {"latency_p90_ms", 90},
            {"latency_p95_ms", 95}, {"latency_p99_ms", 99}, {"latency_p999_ms", 100}};
        for (const auto& [column, ms] : expected) {
            bool ok = false;
            const double value = v[column].toDouble(&ok);
            QVERIFY2(ok && std::abs(value - ms) <= ms * 0.01,
                     qPrintable(QString("%1 = %2").arg(column, v[column])));
        }
        // Closed model: no intended send time, so nothing to correct and no target rate.
        for (const auto& p : kPercentiles)
            QCOMPARE(v["latency_uncorrected_" + p + "_ms"], QString());
        QCOMPARE(v["target_rps"], QString());
        QCOMPARE(v["backlog_max"], QString());
        QCOMPARE(v["cpu_user_s"], "1.25");
        QCOMPARE(v["cpu_sys_s"], "0.5");
        QCOMPARE(v["engine"], "native");
        QCOMPARE(v["threads"], "2");
        QCOMPARE(v["http_version"], "1.1");
    }

    void summaryOfAnOpenRun() {
        QTemporaryDir tmp;
        QVERIFY(!writeReport(sampleReport(LoadShape::Model::Open), tmp.path()));
        const Rows rows = readCsv(tmp.filePath("summary.csv"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0], summaryHeader());
        const auto v = byHeader(rows);
        QCOMPARE(v["model"], "open");
        QCOMPARE(v["latency_max_ms"], "100");
        // Every uncorrected sample was 5 ms, so every figure is exactly 5.
        for (const auto& p : kPercentiles)
            QCOMPARE(v["latency_uncorrected_" + p + "_ms"], "5");
        QCOMPARE(v["target_rps"], "250");
        QCOMPARE(v["backlog_max"], "17");
    }

    void summaryOfARunWithoutRequests() {
        RunReport r;
        r.url = "http://localhost/";
        r.final.elapsed = 0ms;
        QTemporaryDir tmp;
        QVERIFY(!writeReport(r, tmp.path()));
        const auto v = byHeader(readCsv(tmp.filePath("summary.csv")));
        QCOMPARE(v["requests"], "0");
        QCOMPARE(v["error_rate_pct"], "0");
        QCOMPARE(v["rps"], "0");
        QCOMPARE(v["latency_p50_ms"], QString()); // no latency is not a latency of 0 ms
    }

    void timeSeries_data() {
        QTest::addColumn<bool>("open");
        QTest::newRow("closed") << false;
        QTest::newRow("open") << true;
    }
    void timeSeries() {
        QFETCH(bool, open);
        QTemporaryDir tmp;
        const auto model = open ? LoadShape::Model::Open : LoadShape::Model::Closed;
        QVERIFY(!writeReport(sampleReport(model), tmp.path()));
        const Rows rows = readCsv(tmp.filePath("timeseries.csv"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], QStringList({"second",
                                       "completed",
                                       "errors",
                                       "errors_dns",
                                       "errors_connection_refused",
                                       "errors_connect_timeout",
                                       "errors_tls",
                                       "errors_timeout",
                                       "errors_connection_reset",
                                       "errors_too_many_redirects",
                                       "errors_other",
                                       "errors_http_4xx",
                                       "errors_http_5xx",
                                       "errors_unexpected_status",
                                       "errors_capture_failed",
                                       "bytes",
                                       "latency_p50_ms",
                                       "latency_p90_ms",
                                       "latency_p99_ms",
                                       "in_flight",
                                       "backlog",
                                       "active_users",
                                       "target_rps"}));
        const QString backlog = open ? "3" : "";
        const QString users = open ? "" : "10";
        const QString rate = open ? "250" : "";
        QCOMPARE(rows[1], QStringList({"1",      "600",  "12",   "0", "0",     "0",   "0", "10",
                                       "0",      "0",    "0",    "0", "2",     "0",   "0", "70000",
                                       "12.346", "45.6", "98.7", "8", backlog, users, rate}));
        QCOMPARE(rows[2], QStringList({"2",   "0", "0", "0", "0", "0",  "0",
                                       "0",   "0", "0", "0", "0", "0",  "0",
                                       "0",   "0", "",  "",  "",  "10", open ? "0" : "",
                                       users, rate}));
    }

    void stepsHaveARowEach() {
        RunReport report = sampleReport(LoadShape::Model::Closed);
        report.plan.steps = {Step{}, Step{}};
        report.plan.steps[0].name = "log in, \"quickly\"";
        report.plan.steps[1].url = "/items/{{id}}";
        report.final.steps.resize(2);
        report.final.steps[0].requests = 600;
        report.final.steps[0].errors = 10;
        report.final.steps[0].errorsByClass[std::size_t(ErrorClass::UnexpectedStatus)] = {10, "x"};
        report.final.steps[0].latency.recordMicros(2000);
        report.final.steps[1].requests = 400;
        report.final.steps[1].skipped = 10;
        QTemporaryDir tmp;
        QVERIFY(!writeReport(report, tmp.path()));
        const Rows rows = readCsv(tmp.filePath("steps.csv"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].mid(0, 10),
                 QStringList({"step", "name", "method", "url", "requests", "completed", "errors",
                              "skipped", "rps", "bytes"}));
        QVERIFY(rows[0].contains("unexpected_status"));
        QCOMPARE(rows[1].mid(0, 9),
                 QStringList({"1", "log in, \"quickly\"", "GET", "", "600", "0", "10", "0", "60"}));
        QCOMPARE(rows[1][rows[0].indexOf("unexpected_status")], "10");
        QCOMPARE(rows[1][rows[0].indexOf("latency_p50_ms")].toDouble(), 2.0);
        QCOMPARE(rows[2].mid(0, 8),
                 QStringList({"2", "", "GET", "/items/{{id}}", "400", "0", "0", "10"}));
        QCOMPARE(rows[2][rows[0].indexOf("latency_p50_ms")], ""); // no latency, not 0 ms
    }

    void statusCodesAscending() {
        QTemporaryDir tmp;
        QVERIFY(!writeReport(sampleReport(LoadShape::Model::Closed), tmp.path()));
        QCOMPARE(readCsv(tmp.filePath("status_codes.csv")),
                 Rows({{"status", "count"}, {"200", "960"}, {"404", "20"}, {"500", "10"}}));
    }

    void errorsKeepAwkwardMessagesIntact() {
        QTemporaryDir tmp;
        QVERIFY(!writeReport(sampleReport(LoadShape::Model::Closed), tmp.path()));
        QCOMPARE(readCsv(tmp.filePath("errors.csv")),
                 Rows({{"class", "count", "first_message"},
                       {"timeout", "10",
                        "Operation timed out after 5000 milliseconds with 0 bytes received"},
                       {"connection_reset", "3", kResetMessage}}));
    }

    void rewritingReplacesTheOldReport() {
        QTemporaryDir tmp;
        QVERIFY(!writeReport(sampleReport(LoadShape::Model::Closed), tmp.path()));
        RunReport second = sampleReport(LoadShape::Model::Closed);
        second.final.requests = 7;
        QVERIFY(!writeReport(second, tmp.path()));
        QCOMPARE(byHeader(readCsv(tmp.filePath("summary.csv")))["requests"], "7");
        QCOMPARE(dirEntries(tmp.path()).size(), 5);
    }

    void aDirectoryUnderARegularFileIsAClearError() {
        // A path whose parent is a file fails even for root, unlike chmod 0500.
        QTemporaryDir tmp;
        QFile blocker(tmp.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString dir = tmp.filePath("blocker/report");
        const auto error = writeReport(sampleReport(LoadShape::Model::Closed), dir);
        QVERIFY(error);
        const QString message = QString::fromStdString(*error);
        QVERIFY2(message.contains(dir) && message.contains("Not a directory"), qPrintable(message));
        QCOMPARE(dirEntries(tmp.path()), QStringList({"blocker"}));
    }

    void oneFileFailingLeavesNoneWritten() {
        // timeseries.csv taken by a directory: the files before it must not appear either.
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("timeseries.csv"));
        const auto error = writeReport(sampleReport(LoadShape::Model::Closed), tmp.path());
        QVERIFY(error);
        const QString message = QString::fromStdString(*error);
        QVERIFY2(message.startsWith("cannot write " + tmp.filePath("timeseries.csv") + ": "),
                 qPrintable(message));
        QVERIFY2(message.size() >
                     QString("cannot write " + tmp.filePath("timeseries.csv") + ": ").size(),
                 qPrintable(message));
        QCOMPARE(dirEntries(tmp.path()), QStringList({"timeseries.csv"}));
    }
};

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"
