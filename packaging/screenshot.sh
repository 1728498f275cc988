#!/usr/bin/env bash
# Takes a screenshot of the real window under Xvfb while the embedded target serves a few
# requests, so README pictures come from the program and not from an editor.
#   packaging/screenshot.sh [BINARY] [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/release/app/stampede}
output=${2:-resources/screenshots/main-window.png}

need=()
for tool in import:imagemagick curl:curl ss:iproute2 xvfb-run:xvfb xauth:xauth; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$(dirname "$output")"

xvfb-run -a -s "-screen 0 960x640x24" bash -s "$binary" "$output" <<'INNER'
set -euo pipefail
binary=$1 output=$2
"$binary" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 50); do
    port=$(ss -ltnpH | grep "pid=$pid," | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "screenshot: the window's target never listened" >&2; exit 1; }
for path in / / / /bytes/1024 /status/503 /status/404 /delay/50 /headers /reset /garbage \
            "/?latency=fixed:5" "/?fail=1"; do
    curl -s -m 2 -o /dev/null "http://127.0.0.1:$port$path" || true
done
curl -s -m 0.3 -o /dev/null "http://127.0.0.1:$port/stall" || true
sleep 1.2 # two refreshes of the panel
import -window root "$output"
INNER
echo "screenshot: $output"
