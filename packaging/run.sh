#!/usr/bin/env bash
# The run command: installs what is missing, builds a release, and starts Stampede.
# Without a display the program says so and runs a short headless demo instead.
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target stampede
exec build/release/app/stampede "$@"
