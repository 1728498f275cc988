// How long the run history takes to list 200 result files (issue 12: under a second), cold
// (no cache: every file read strictly, as on the first start after an upgrade or with the
// cache lost) and warm (the cache of name, size and modification time; what every later start
// and every refresh pays), and with one file changed. Files of long runs are big: a 10-minute
// run keeps 600 seconds, each with its own sparse latency histogram. The runs are one real
// run against the embedded target, its seconds repeated to the length asked for, each with
// a histogram of 50 buckets.
//
//   cmake --build build/release --target bench_history
//   build/release/tests/bench/bench_history [files, default 200] [seconds per run, default 600]
// Prints the median of 5 rounds of each; the figures of the machine it ran on go in README.
#include "core/engine/LoadEngine.h"
#include "core/report/RunHistory.h"
#include "core/server/TargetServer.h"
#include "tests/integration/CollectingSink.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace stampede;
using namespace std::chrono_literals;

namespace {

RunReport realRun() {
    TargetServer target;
    Plan plan;
    plan.load.users = 4;
    plan.duration = 2s;
    plan.steps.front().url = "/delay/1";
    LoadEngine engine;
    auto sink = std::make_shared<CollectingSink>();
    if (engine.start(plan, target.url(), sink) || !engine.wait(30s) || !sink->report())
        std::exit(1);
    return *sink->report();
}

// The run's full seconds repeated to `seconds`, as a long steady run would have them, each
// with a histogram of 50 non-empty buckets (latencies from 1.0 to 1.4 ms, as a steady server
// spreads them), so that files are the same size from one measurement to the next.
RunReport lengthened(RunReport run, int seconds) {
    const auto rows = run.timeSeries;
    LatencyHistogram second;
    for (std::uint64_t i = 0; i < 1000; ++i)
        second.recordMicros(1000 + (i * 997) % 400);
    run.timeSeries.clear();
    run.timeSeriesLatency.clear();
    for (int s = 1; s <= seconds; ++s) {
        TimeSeriesRow row = rows[std::size_t(s - 1) % (rows.size() > 1 ? rows.size() - 1 : 1)];
        row.second = s;
        row.durationS = 1;
        run.timeSeries.push_back(row);
        run.timeSeriesLatency.push_back(second.parts());
    }
    return run;
}

double medianMs(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

template <typename F> double timedMs(F&& f) {
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? std::atoi(argv[1]) : 200;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 600;
    QTemporaryDir dir;
    RunHistory history(dir.filePath("runs"));
    const RunReport run = lengthened(realRun(), seconds);
    for (int i = 0; i < files; ++i) {
        RunReport copy = run;
        copy.startedUtc += std::chrono::minutes(i);
        if (auto added = history.add(copy); std::holds_alternative<std::string>(added)) {
            std::fprintf(stderr, "%s\n", std::get<std::string>(added).c_str());
            return 1;
        }
    }
    const QString index = history.path(RunHistory::kIndexFile);
    const QFileInfo one(history.path(history.list().runs.front().file));
    std::printf("%d result files of %d s runs, %.0f KiB each (%lld buckets in each second's "
                "histogram)\n",
                files, seconds, double(one.size()) / 1024.0,
                (long long)run.timeSeriesLatency.front().buckets.size());

    std::vector<double> cold, warm, changed;
    std::size_t listed = 0;
    for (int round = 0; round < 5; ++round) {
        QFile::remove(index);
        cold.push_back(timedMs([&] { listed = RunHistory(history.folder()).list().runs.size(); }));
        warm.push_back(timedMs([&] { listed = RunHistory(history.folder()).list().runs.size(); }));
        // One file rewritten (a run renamed elsewhere, a result copied in): only it is read.
        QFile file(one.filePath());
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        file.close();
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(bytes);
        file.close();
        changed.push_back(
            timedMs([&] { listed = RunHistory(history.folder()).list().runs.size(); }));
    }
    if (listed != std::size_t(files))
        return 1;
    std::printf("list, cold (every file read strictly):  median %8.1f ms of 5\n", medianMs(cold));
    std::printf("list, warm (from the cache):            median %8.1f ms of 5\n", medianMs(warm));
    std::printf("list, one file changed:                 median %8.1f ms of 5\n",
                medianMs(changed));
    std::printf("cache: %.0f KiB\n", double(QFileInfo(index).size()) / 1024.0);
    return 0;
}
