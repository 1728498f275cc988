#include "app/cli/demo/DemoEntry.h"

#include "app/cli/demo/AsyncDemoCommand.h"
#include "app/cli/demo/BarrierDemoCommand.h"
#include "app/cli/demo/DeadlockDemoCommand.h"
#include "app/cli/demo/FrozenDemoCommand.h"
#include "app/cli/demo/PiDemoCommand.h"
#include "app/cli/demo/QueueDemoCommand.h"
#include "app/cli/demo/RaceDemoCommand.h"
#include "app/cli/demo/RequestsDemoCommand.h"
#include "app/cli/demo/SemaphoreDemoCommand.h"
#include "app/cli/demo/ServersDemoCommand.h"
#include "app/cli/demo/StepperDemoCommand.h"

#include <array>

namespace stampede {

// Each demo's command lives in its own file beside this one; add it here to make it callable.
std::span<const DemoEntry> demoEntries() {
    static const std::array<DemoEntry, 11> entries{{
        {"pi", "Monte Carlo π on T threads; speed-up sweep with an Amdahl fit", &runPiDemo},
        {"race", "lost updates: unsynchronised vs mutex vs atomic vs per-thread sums",
         &runRaceDemo},
        {"deadlock", "threads in a ring deadlock; a watchdog finds the cycle; three fixes",
         &runDeadlockDemo},
        {"semaphore", "J jobs, at most K at once behind a counting semaphore", &runSemaphoreDemo},
        {"queue", "P producers, C consumers and a bounded queue of capacity K", &runQueueDemo},
        {"barrier", "N threads meet at a barrier after each of M phases of uneven work",
         &runBarrierDemo},
        {"requests", "N requests to /delay/D one at a time vs all at once", &runRequestsDemo},
        {"async", "gather, as_completed, first completed and a timeout on N requests at once",
         &runAsyncDemo},
        {"stepper", "a race stepped by hand: every schedule of read, add, write, and a deadlock",
         &runStepperDemo},
        {"frozen", "blocking requests on an event loop's thread freeze it; on the engine's not",
         &runFrozenDemo},
        {"servers", "the same load on a sync server with W workers and an async one",
         &runServersDemo},
    }};
    return entries;
}

} // namespace stampede
