#!/usr/bin/env bash
# The test command: installs what is missing, builds the release and ThreadSanitizer
# configurations, and runs every test with CTest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/install-deps.sh

for preset in release tsan; do
    echo "=== $preset: configure and build"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    echo "=== $preset: test"
    ctest --preset "$preset"
done
