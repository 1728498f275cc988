#!/usr/bin/env bash
# Takes a screenshot of the real window under Xvfb after a real load test: starts stampede,
# presses Ctrl+R as a person would (xdotool), waits for the 10-second default run against the
# embedded target to finish, and captures the screen. README pictures come from here.
#   [SCREEN=WxH] packaging/screenshot.sh [BINARY] [OUTPUT.png] [SECONDS-TO-WAIT]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/release/app/stampede}
output=${2:-resources/screenshots/main-window.png}
wait_s=${3:-11.5}

need=()
for tool in import:imagemagick xdotool:xdotool xvfb-run:xvfb xauth:xauth; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$(dirname "$output")"

# A laptop-sized screen, and settings and data folders of its own so a remembered form, window
# geometry or run history never changes the picture (and its run is not kept in yours).
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
XDG_CONFIG_HOME=$settings XDG_DATA_HOME=$settings xvfb-run -a -s "-screen 0 ${SCREEN:-1600x1000}x24" \
    bash -s "$binary" "$output" "$wait_s" <<'INNER'
set -euo pipefail
binary=$1 output=$2 wait_s=$3
"$binary" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
window=""
for _ in $(seq 50); do
    window=$(xdotool search --pid "$pid" --onlyvisible --name Stampede 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { echo "screenshot: the window never appeared" >&2; exit 1; }
sleep 0.5
# Bare Xvfb has no window manager to give the window focus: give it ourselves.
xdotool windowfocus "$window" 2>/dev/null || true
sleep 0.3
xdotool key --window "$window" ctrl+r
sleep "$wait_s"
# The window itself, not the empty screen around it.
import -window "$window" "$output"
INNER
echo "screenshot: $output"
