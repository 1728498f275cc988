#include "core/lab/semaphore/SemaphoreProgress.h"

#include <algorithm>

namespace stampede {

int SemaphoreProgress::finishedJobs() const {
    return static_cast<int>(
        std::count_if(jobs.begin(), jobs.end(), [](const JobTiming& j) { return j.finished(); }));
}

double SemaphoreProgress::totalMs() const {
    double total = 0;
    for (const JobTiming& job : jobs)
        total = std::max(total, job.finishedMs);
    return total;
}

double SemaphoreProgress::meanWaitMs() const {
    double sum = 0;
    int started = 0;
    for (const JobTiming& job : jobs)
        if (job.startedMs >= 0) {
            sum += job.waitMs();
            ++started;
        }
    return started > 0 ? sum / started : 0;
}

double SemaphoreProgress::meanRunMs() const {
    const int finished = finishedJobs();
    double sum = 0;
    for (const JobTiming& job : jobs)
        sum += job.runMs();
    return finished > 0 ? sum / finished : 0;
}

} // namespace stampede
