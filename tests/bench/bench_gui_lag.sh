#!/bin/bash
# GUI responsiveness during a full-speed run (see README.md here). Usage:
#   tests/bench/bench_gui_lag.sh [seconds=20] [users=256] [behind|normal]
# behind (the default, as the window runs them): engine-io and target-io a few nice levels
# below the GUI thread; normal: at its level, to compare.
# Builds the release preset's bench_gui_lag and runs it in a real X server (Xvfb) when
# xvfb-run is there, else on Qt's offscreen platform.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build build/release --target bench_gui_lag >/dev/null
bench=build/release/tests/bench/bench_gui_lag
if command -v xvfb-run >/dev/null; then
    exec timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "$bench" "$@"
fi
QT_QPA_PLATFORM=offscreen exec timeout 300 "$bench" "$@"
