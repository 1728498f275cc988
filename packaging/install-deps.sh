#!/usr/bin/env bash
# Installs the Debian 12 packages Stampede needs to build, test and run, skipping those
# already present. Idempotent; safe to run on every build. Run as root (or with sudo).
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools libqcustomplot-dev
    libboost-dev libcurl4-openssl-dev
    # run: the SVG plugins draw the window icon; fonts for offscreen and Xvfb rendering
    libqt6svg6 fonts-dejavu-core
    # tests: GUI under Xvfb, formatting, desktop and AppStream validators, Debian packaging
    xvfb xauth clang-format desktop-file-utils appstream dpkg-dev file
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
