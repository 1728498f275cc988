#!/usr/bin/env bash
# Fails when any C++ source differs from what .clang-format asks for.
set -euo pipefail
clang_format=$1
cd "$2"
files=$(git ls-files --cached --others --exclude-standard '*.cpp' '*.h' 2>/dev/null || find app core ui tests -name '*.cpp' -o -name '*.h')
# shellcheck disable=SC2086
"$clang_format" --dry-run --Werror $files
echo "$(wc -w <<<"$files") files clang-format clean"
