#pragma once

#include <chrono>

// Sanitizer builds run many times slower: they check memory and threads, not speed. Tests
// that hold the release build to a timing bound from an issue (p50 of /delay/50 within
// 50-53 ms, stop within 200 ms) give these builds slack instead of flaking.
#ifdef STAMPEDE_SANITIZED
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif

inline constexpr double kTimingSlack = kSanitizedBuild ? 5.0 : 1.0;

// A time bound stretched for sanitizer builds, in whole milliseconds.
inline std::chrono::milliseconds slack(std::chrono::milliseconds bound) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(bound * kTimingSlack);
}
