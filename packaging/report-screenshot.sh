#!/usr/bin/env bash
# Looks at the HTML reports in a real browser: two real runs against the embedded target
# (`stampede run --out`), their report and their comparison (`stampede report`), each rendered
# by Debian's headless Chromium to a PNG, as a person would see the page (and, with PRINT=1,
# as it prints, to PDF).
#   packaging/report-screenshot.sh [BINARY] [OUTPUT-FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/release/app/stampede}
out=${2:-build/report-screenshots}
command -v chromium >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A plan whose name would be a script if the report did not escape it: it must show as text.
cat >"$work/hostile.json" <<'PLAN'
{"stampede_plan": 2, "name": "<script>alert(1)</script> two steps",
 "request": {"url": ""},
 "scenario": {"steps": [{"name": "home <b>page</b>", "url": "/"},
                        {"name": "fails", "url": "/status/503"}]},
 "load": {"model": "closed", "users": 4}, "stop": {"duration_s": 4}}
PLAN
"$binary" run --plan "$work/hostile.json" --out "$work/flow.json" >/dev/null
"$binary" run -c 8 -d 4 --out "$work/plain.json" >/dev/null
"$binary" report "$work/flow.json" -o "$out/report.html"
"$binary" report "$work/plain.json" "$work/flow.json" -o "$out/compare.html"

shoot() { # page.html shot.png height
    timeout 60 chromium --headless --disable-gpu --no-sandbox --hide-scrollbars \
        --user-data-dir="$work/chromium" --window-size="1280,$3" \
        --screenshot="$2" "file://$1" >/dev/null 2>&1
    [ -s "$2" ] || { echo "report-screenshot: chromium made no $2" >&2; exit 1; }
}
shoot "$out/report.html" "$out/report.png" 4200
shoot "$out/compare.html" "$out/compare.png" 2600
if [ "${PRINT:-0}" = 1 ]; then
    timeout 60 chromium --headless --disable-gpu --no-sandbox --user-data-dir="$work/chromium" \
        --print-to-pdf="$out/report.pdf" "file://$out/report.html" >/dev/null 2>&1
fi
echo "report-screenshot: $out/report.png $out/compare.png"
