#include "core/report/HtmlReport.h"

#include "core/plan/PlanJson.h"
#include "core/report/ComparisonText.h"
#include "core/report/RunColours.h"
#include "core/stats/LatencyPercentiles.h"

#include <QDateTime>
#include <QStringList>

namespace stampede {
namespace {

// Inline and print-friendly: the page must look right from a mail attachment, offline.
constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 24px auto;
       max-width: 1100px; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 1.6em; }
p.meta { color: #555; margin-top: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.better { color: #1a6e2e; background: #e6f4ea; }
td.worse { color: #a01a1b; background: #fbe9e9; }
td.msg { overflow-wrap: anywhere; max-width: 40em; }
figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap;
      overflow-wrap: anywhere; font-size: 0.85em; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 4px;
          vertical-align: -1px; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  table, pre { page-break-inside: avoid; break-inside: avoid; }
  td.better, td.worse { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Escaped for text and for double-quoted attributes; characters XML forbids (C0 controls a
// server may have sent) become U+FFFD, so the page stays well-formed.
QString esc(const QString& text) {
    QString clean = text;
    for (QChar& c : clean)
        if (c.unicode() < 0x20 && c != '\n' && c != '\t' && c != '\r')
            c = QChar(0xFFFD);
    return clean.toHtmlEscaped();
}

QString esc(const std::string& text) {
    return esc(QString::fromStdString(text));
}

QString num(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

QString count(std::uint64_t n) {
    return QString::number(n);
}

QString utc(std::chrono::system_clock::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count(), Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// A table from escaped cells; `numeric` columns align right.
class Table {
public:
    explicit Table(const QStringList& headers, QList<int> numeric = {})
        : numeric_(std::move(numeric)) {
        html_ = QStringLiteral("<table>\n<tr>");
        for (const QString& h : headers)
            html_ += QStringLiteral("<th>") + esc(h) + QStringLiteral("</th>");
        html_ += QStringLiteral("</tr>\n");
    }
    // Cells already escaped (or made of escaped parts), with an optional class each.
    void row(const QStringList& cells, const QStringList& classes = {}) {
        html_ += QStringLiteral("<tr>");
        for (int i = 0; i < cells.size(); ++i) {
            QString cls = classes.value(i);
            if (numeric_.contains(i))
                cls = cls.isEmpty() ? QStringLiteral("n") : QStringLiteral("n ") + cls;
            html_ += cls.isEmpty() ? QStringLiteral("<td>")
                                   : QStringLiteral("<td class=\"%1\">").arg(cls);
            html_ += cells[i] + QStringLiteral("</td>");
        }
        html_ += QStringLiteral("</tr>\n");
    }
    QString html() const { return html_ + QStringLiteral("</table>\n"); }

private:
    QList<int> numeric_;
    QString html_;
};

QString page(const QString& title, const QString& body) {
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                          "<meta charset=\"UTF-8\"/>\n<title>") +
           esc(title) + QStringLiteral("</title>\n<style>") + QString::fromLatin1(kStyle) +
           QStringLiteral("</style>\n</head>\n<body>\n") + body +
           QStringLiteral("<p class=\"meta\">Made by Stampede.</p>\n</body>\n</html>\n");
}

// An <svg> element as it can stand inside XHTML: without its XML declaration or doctype.
QString inlineSvg(const QByteArray& svg) {
    const qsizetype start = svg.indexOf("<svg");
    return start < 0 ? QString() : QString::fromUtf8(svg.mid(start));
}

QString charts(const std::vector<ReportChart>& charts) {
    QString out = QStringLiteral("<h2>Charts</h2>\n");
    for (const ReportChart& chart : charts)
        out += QStringLiteral("<figure>\n") + inlineSvg(chart.svg) +
               QStringLiteral("\n<figcaption>") + esc(chart.title) +
               QStringLiteral("</figcaption>\n</figure>\n");
    return out;
}

QString runHeadline(const RunReport& r) {
    const auto& steps = r.plan.steps;
    const QString what =
        steps.size() == 1
            ? esc(std::string(methodName(steps.front().method))) + QStringLiteral(" ") + esc(r.url)
            : QStringLiteral("A flow of %1 steps against ").arg(steps.size()) + esc(r.url);
    const QString load = r.final.model == LoadShape::Model::Open
                             ? QStringLiteral("open model, %1 req/s target").arg(r.plan.load.rate)
                             : QStringLiteral("closed model, %1 users").arg(r.plan.load.users);
    return what + QStringLiteral(" · ") + load + QStringLiteral(" · ") +
           esc(QString::fromLatin1(phaseName(r.final.phase))) +
           QStringLiteral(" after %1 s<br/>").arg(num(r.final.seconds(), 1)) + utc(r.startedUtc) +
           QStringLiteral(" to ") + utc(r.endedUtc) + QStringLiteral(" on ") + esc(r.host) +
           (r.engine.empty()
                ? QString()
                : QStringLiteral(" · ") + esc(r.engine) + QStringLiteral(" transport"));
}

QString summary(const RunReport& r) {
    const RunSnapshot& f = r.final;
    Table t({"figure", "value"}, {1});
    t.row({"requests", count(f.requests)});
    t.row({"with a response", count(f.completed)});
    t.row({"errors", count(f.errors) + QStringLiteral(" (%1 %)").arg(num(f.errorPercent(), 2))});
    t.row({"throughput", num(f.rps(), 1) + QStringLiteral(" req/s")});
    t.row({"received", num(double(f.bytes) / 1024.0 / 1024.0, 2) + QStringLiteral(" MiB")});
    if (f.model == LoadShape::Model::Open)
        t.row({"largest backlog", count(f.backlogMax)});
    if (r.plan.steps.size() > 1) {
        t.row({"iterations", QStringLiteral("%1 whole, %2 failed (%3 /s)")
                                 .arg(f.iterations.completed)
                                 .arg(f.iterations.failed)
                                 .arg(num(f.iterationsPerSecond(), 1))});
        if (!f.iterations.firstFailure.empty())
            t.row({"first failed iteration", esc(f.iterations.firstFailure)}, {"", "msg"});
    }
    t.row({"engine threads", QString::number(r.threads)});
    if (r.shardCount > 0) {
        QStringList held;
        for (const int k : r.shards)
            held << QString::number(k);
        t.row({"shards", r.shards.size() == 1
                             ? QStringLiteral("shard %1 of %2").arg(held.front()).arg(r.shardCount)
                             : QStringLiteral("%1 of %2 merged (%3)")
                                   .arg(r.shards.size())
                                   .arg(r.shardCount)
                                   .arg(held.join(", "))});
    }
    t.row({"HTTP version", esc(r.httpVersion.empty() ? std::string("none") : r.httpVersion)});
    t.row({"client CPU", QStringLiteral("%1 s user, %2 s system")
                             .arg(num(r.cpuUserSeconds, 2), num(r.cpuSystemSeconds, 2))});
    return QStringLiteral("<h2>Summary</h2>\n") + t.html();
}

QString percentiles(const RunReport& r) {
    Table t({"latency (ms)", "p50", "p75", "p90", "p95", "p99", "p99.9", "max", "mean"},
            {1, 2, 3, 4, 5, 6, 7, 8});
    const auto add = [&](const char* label, const LatencyHistogram& h) {
        if (h.count() == 0)
            return t.row({label, "", "", "", "", "", "", "", ""});
        const auto p = LatencyPercentiles::from(h);
        t.row({label, num(p.p50, 2), num(p.p75, 2), num(p.p90, 2), num(p.p95, 2), num(p.p99, 2),
               num(p.p999, 2), num(p.max, 2), num(p.mean, 2)});
    };
    const bool open = r.final.model == LoadShape::Model::Open;
    add(open ? "corrected (from the intended send)" : "all responses", r.final.latency);
    if (open)
        add("uncorrected (from the actual send)", r.final.latencyUncorrected);
    return QStringLiteral("<h2>Latency percentiles</h2>\n") + t.html();
}

QString share(std::uint64_t n, std::uint64_t of) {
    return of ? num(100.0 * double(n) / double(of), 2) + QStringLiteral(" %") : QString();
}

QString statuses(const RunReport& r) {
    const RunSnapshot& f = r.final;
    QString out = QStringLiteral("<h2>Status codes</h2>\n");
    if (f.statusCounts.empty())
        return out + QStringLiteral("<p>No response.</p>\n");
    Table t({"status", "responses", "share"}, {1, 2});
    for (const auto& [status, n] : f.statusCounts)
        t.row({QString::number(status), count(n), share(n, f.requests)});
    return out + t.html();
}

QString errors(const std::array<ErrorSummary, kErrorClassCount>& byClass, std::uint64_t requests) {
    Table t({"class", "errors", "share", "first message"}, {1, 2});
    bool any = false;
    for (std::size_t i = 0; i < byClass.size(); ++i) {
        const ErrorSummary& e = byClass[i];
        if (e.count == 0)
            continue;
        any = true;
        t.row({esc(std::string(errorClassName(ErrorClass(i)))), count(e.count),
               share(e.count, requests), esc(e.firstMessage)},
              {"", "", "", "msg"});
    }
    return any ? t.html() : QStringLiteral("<p>No errors.</p>\n");
}

QString steps(const RunReport& r) {
    if (r.plan.steps.size() < 2 || r.final.steps.size() != r.plan.steps.size())
        return {};
    Table t({"#", "step", "method", "URL", "requests", "errors", "skipped", "req/s", "p50 (ms)",
             "p99 (ms)", "first error"},
            {0, 4, 5, 6, 7, 8, 9});
    for (std::size_t i = 0; i < r.plan.steps.size(); ++i) {
        const Step& step = r.plan.steps[i];
        const StepFigures& s = r.final.steps[i];
        QString firstError;
        std::uint64_t most = 0;
        for (const ErrorSummary& e : s.errorsByClass)
            if (e.count > most) {
                most = e.count;
                firstError = esc(e.firstMessage);
            }
        const bool timed = s.latency.count() > 0;
        const double seconds = r.final.seconds();
        t.row({QString::number(i + 1), esc(step.name), esc(std::string(methodName(step.method))),
               esc(step.url), count(s.requests), count(s.errors), count(s.skipped),
               seconds > 0 ? num(double(s.requests) / seconds, 1) : QString(),
               timed ? num(double(s.latency.quantile(0.5)) / 1000.0, 2) : QString(),
               timed ? num(double(s.latency.quantile(0.99)) / 1000.0, 2) : QString(), firstError},
              {"", "msg", "", "msg", "", "", "", "", "", "", "msg"});
    }
    return QStringLiteral("<h2>Steps</h2>\n") + t.html();
}

QString plan(const RunReport& r) {
    return QStringLiteral("<h2>The plan as run</h2>\n<pre>") +
           esc(QString::fromUtf8(PlanJson::write(r.plan))) + QStringLiteral("</pre>\n");
}

QString runName(const RunReport& r) {
    return QString::fromStdString(r.plan.name.empty() ? r.url : r.plan.name);
}

} // namespace

QByteArray htmlRunReport(const RunReport& report, const QString& name,
                         const std::vector<ReportChart>& chartList) {
    const QString title = name.isEmpty() ? runName(report) : name;
    QString body = QStringLiteral("<h1>") + esc(title) +
                   QStringLiteral("</h1>\n<p class=\"meta\">") + runHeadline(report) +
                   QStringLiteral("</p>\n");
    body += summary(report) + percentiles(report) + statuses(report);
    body += QStringLiteral("<h2>Errors</h2>\n") +
            errors(report.final.errorsByClass, report.final.requests);
    body += steps(report) + charts(chartList) + plan(report);
    return page(QStringLiteral("Stampede report: ") + title, body).toUtf8();
}

QByteArray htmlCompareReport(const std::vector<RunReport>& runs, const RunComparison& comparison,
                             const std::vector<ReportChart>& chartList) {
    const auto nameOf = [&](std::size_t i) {
        return QString::fromStdString(comparison.names.at(i));
    };
    QString body = QStringLiteral("<h1>Stampede comparison of %1 runs</h1>\n").arg(runs.size());
    body += QStringLiteral("<p class=\"meta\">Differences are against the first run, ") +
            esc(nameOf(0)) + QStringLiteral(".</p>\n<h2>Runs</h2>\n");
    Table list({"run", "what ran", "requests", "req/s", "errors"}, {2, 3, 4});
    for (std::size_t i = 0; i < runs.size(); ++i)
        list.row({QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>")
                          .arg(QString::fromLatin1(kRunColours[i % kRunColourCount])) +
                      esc(nameOf(i)),
                  runHeadline(runs[i]), count(runs[i].final.requests), num(runs[i].final.rps(), 1),
                  count(runs[i].final.errors)},
                 {"msg", "msg"});
    body += list.html();

    QStringList headers{"figure"};
    QList<int> numeric;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        headers << nameOf(i);
        numeric << headers.size() - 1;
        if (i > 0) {
            headers << QStringLiteral("vs first");
            numeric << headers.size() - 1;
        }
    }
    Table figures(headers, numeric);
    for (const ComparedFigure& figure : comparison.figures) {
        QStringList cells{esc(figure.label)};
        QStringList classes{""};
        for (std::size_t i = 0; i < figure.values.size(); ++i) {
            cells << esc(comparedValueText(figure, i));
            classes << "";
            if (i == 0)
                continue;
            cells << esc(comparedDifferenceText(figure, i));
            const Verdict v = figure.verdicts[i];
            classes << (v == Verdict::Better ? "better" : v == Verdict::Worse ? "worse" : "");
        }
        figures.row(cells, classes);
    }
    body += QStringLiteral("<h2>Figures</h2>\n") + figures.html();
    body += charts(chartList);
    return page(QStringLiteral("Stampede comparison"), body).toUtf8();
}

} // namespace stampede
