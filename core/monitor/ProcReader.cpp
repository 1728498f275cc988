#include "core/monitor/ProcReader.h"

#include "core/monitor/ParseCpuStat.h"
#include "core/monitor/ParseThreadStat.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace stampede {

namespace {

// stdio rather than iostreams: proc files are small and regenerated on every read, several per
// thread twice a second, so a stream's setup would cost more than the reading.
std::string readWhole(const std::filesystem::path& path) {
    std::string content;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "re"),
                                                               &std::fclose);
    if (!file)
        return content;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
        content.append(buffer, got);
    return content;
}

} // namespace

ProcReader::ProcReader(std::filesystem::path root)
    : root_(std::move(root))
    , start_(std::chrono::steady_clock::now())
    , ticksPerSecond_(sysconf(_SC_CLK_TCK))
    , pageBytes_(sysconf(_SC_PAGESIZE)) {}

ProcReading ProcReader::read() const {
    ProcReading reading;
    reading.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    reading.ticksPerSecond = ticksPerSecond_;
    reading.pageBytes = pageBytes_;
    reading.readerThreadId = int(gettid());
    if (auto process = parseThreadStat(readWhole(root_ / "self" / "stat")))
        reading.process = std::move(*process);

    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root_ / "self" / "task", error))
        if (auto thread = parseThreadStat(readWhole(entry.path() / "stat")))
            reading.threads.push_back(std::move(*thread));
    std::sort(reading.threads.begin(), reading.threads.end(),
              [](const ThreadStat& a, const ThreadStat& b) { return a.id < b.id; });

    reading.cores = parseCpuStat(readWhole(root_ / "stat"));
    return reading;
}

} // namespace stampede
