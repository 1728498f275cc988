#pragma once

namespace stampede {

// How a worker thread ranks against the window's thread. Behind: a few nice levels lower
// (per thread, which needs no privilege), so a saturated load test never delays a frame of
// the window; the terminal program keeps every thread level, as wrk does.
enum class ThreadPriority { Normal, BehindTheWindow };

// Applies `priority` to the calling thread. Best effort: a refusal changes nothing else.
void applyToCurrentThread(ThreadPriority priority);

} // namespace stampede
