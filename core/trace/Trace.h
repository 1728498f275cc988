#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stampede {

// A demo run as a Chrome/Perfetto trace (the JSON trace-event format, which ui.perfetto.dev
// and chrome://tracing open): one lane per named thread, spans for work, waits and locks
// held, instants for single moments, and counters such as a queue's depth. Times are in
// milliseconds from the demo's start, as the demos record them; the file holds microseconds.
class Trace {
public:
    explicit Trace(std::string process);

    // A lane for one thread, listed in the order they are added. Returns its id for span().
    int lane(std::string name);
    // A span that closes: `endMs` before `startMs` is taken as a zero-length span.
    void span(int lane, std::string name, std::string category, double startMs, double endMs,
              QJsonObject args = {});
    void instant(int lane, std::string name, double atMs, QJsonObject args = {});
    // One point of a counter track; a track is its name, drawn as a step line.
    void counter(std::string name, double atMs, double value);
    // A counter of how many of `spans` (start, end in ms) are under way at each moment: the
    // requests in flight, the threads drawing. It starts at 0 at `fromMs`.
    void overlapCounter(const std::string& name,
                        const std::vector<std::pair<double, double>>& spans, double fromMs = 0);

    int lanes() const { return int(lanes_.size()); }
    int spans() const { return spans_; }
    QByteArray json() const;

private:
    std::string process_;
    std::vector<std::string> lanes_;
    std::vector<QJsonObject> events_;
    int spans_ = 0;
};

// Writes the trace atomically; the error names the path.
std::optional<std::string> writeTrace(const Trace& trace, const QString& path);

} // namespace stampede
