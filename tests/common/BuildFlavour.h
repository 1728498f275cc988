#pragma once

// Sanitizer builds run many times slower: they check memory and threads, not speed. Tests
// that hold the release build to a timing bound from an issue (p50 of /delay/50 within
// 50-53 ms, stop within 200 ms) give these builds slack instead of flaking.
#ifdef STAMPEDE_SANITIZED
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif

inline constexpr double kTimingSlack = kSanitizedBuild ? 5.0 : 1.0;
