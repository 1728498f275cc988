#pragma once

// Reads a Chrome/Perfetto trace (JSON trace-event format) as Perfetto would, and says what is
// wrong with it: not JSON, an event without a phase, a span that does not close (no
// duration, or a negative one), a lane without a name. What it read is kept for assertions.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

struct ReadTrace {
    QString problem; // empty when the trace is sound
    QMap<int, QString> laneNames;
    QStringList spanNames;    // "lane: span", in file order
    QStringList counterNames; // distinct, in order of first use
    QMap<QString, int> spansByCategory;
    double lastEndUs = 0;
};

inline ReadTrace readTrace(const QByteArray& json) {
    ReadTrace out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        out.problem = QStringLiteral("not a JSON object: ") + error.errorString();
        return out;
    }
    const QJsonArray events = doc.object().value("traceEvents").toArray();
    if (events.isEmpty())
        out.problem = QStringLiteral("no traceEvents");
    for (const auto& value : events) {
        const QJsonObject e = value.toObject();
        const QString ph = e.value("ph").toString();
        if (ph == "M" && e.value("name").toString() == "thread_name")
            out.laneNames[e.value("tid").toInt()] = e.value("args")["name"].toString();
    }
    for (const auto& value : events) {
        const QJsonObject e = value.toObject();
        const QString ph = e.value("ph").toString();
        if (ph.isEmpty() && out.problem.isEmpty())
            out.problem = QStringLiteral("an event without a phase");
        if (ph == "X") {
            const double ts = e.value("ts").toDouble(-1);
            const double dur = e.value("dur").toDouble(-1);
            if ((ts < 0 || dur < 0 || !e.contains("dur")) && out.problem.isEmpty())
                out.problem =
                    QStringLiteral("a span that does not close: ") + e.value("name").toString();
            const int tid = e.value("tid").toInt();
            if (!out.laneNames.contains(tid) && out.problem.isEmpty())
                out.problem = QStringLiteral("a span on an unnamed lane %1").arg(tid);
            out.spanNames << out.laneNames.value(tid) + ": " + e.value("name").toString();
            ++out.spansByCategory[e.value("cat").toString()];
            out.lastEndUs = std::max(out.lastEndUs, ts + dur);
        } else if (ph == "B" || ph == "E") {
            if (out.problem.isEmpty())
                out.problem = QStringLiteral("a begin/end event: spans are written whole");
        } else if (ph == "C") {
            const QString name = e.value("name").toString();
            if (!out.counterNames.contains(name))
                out.counterNames << name;
        }
    }
    return out;
}
