#include "core/lab/pi/PiKernel.h"

#include "core/lab/pi/SplitMix64.h"

// Speed matters here and nowhere else in the demo: the lesson is how independent work scales,
// and a slow loop would hide it behind overheads. core/CMakeLists.txt compiles this one file
// at -O3 in every build type (-O2, the RelWithDebInfo and TSan level, does not vectorise this
// loop; a Debug build at -O0 runs it ten times slower than the classroom should see).
// On x86-64 GCC also builds clones for AVX2 and AVX-512 machines and picks one when the
// program loads, so one portable binary still reaches the vector units: the 64-bit multiplies
// of SplitMix64 have a vector instruction only in AVX-512DQ (x86-64-v4); baseline SSE2 runs
// the loop unvectorised at about half the speed. Sanitizer builds skip the clones: their
// resolvers run while the program loads, before the sanitizer runtime is ready. Measured on the
// 2-core Xeon we build on (tests/bench/bench_pi): ~480 M samples/s per core with the v4 clone, ~260
// M with SSE2.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) &&                             \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define STAMPEDE_PI_CLONES                                                                         \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define STAMPEDE_PI_CLONES
#endif

namespace stampede {

STAMPEDE_PI_CLONES std::uint64_t piKernelHits(std::uint64_t state, std::uint64_t count) {
    constexpr std::uint64_t kRadiusSquared = std::uint64_t{1} << 62;
    std::uint64_t hits = 0;
    for (std::uint64_t i = 1; i <= count; ++i) {
        const std::uint64_t r = SplitMix64::mix(state + i * SplitMix64::kGamma);
        const std::uint64_t x = r >> 33;
        const std::uint64_t y = r & 0x7fffffffU;
        hits += x * x + y * y < kRadiusSquared;
    }
    return hits;
}

} // namespace stampede
