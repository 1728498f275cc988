#!/usr/bin/env bash
# Fails unless the widget-free stampede links QtCore and neither QtGui nor QtWidgets, so a
# server running load tests from CI needs no graphics libraries.
set -euo pipefail
binary=$1
libraries=$(ldd "$binary")
grep -q 'libQt6Core' <<<"$libraries" || { echo "no libQt6Core in ldd $binary"; exit 1; }
if grep -E 'libQt6(Gui|Widgets|PrintSupport)|libqcustomplot' <<<"$libraries"; then
    echo "the widget-free stampede links graphics libraries (above)"
    exit 1
fi
echo "$binary links QtCore only: $(grep -o 'libQt6[A-Za-z]*' <<<"$libraries" | sort -u | tr '\n' ' ')"
