#!/usr/bin/env bash
# Installs the Debian 12 packages Stampede needs to build, test and run, skipping those
# already present. Idempotent; safe to run on every build. Run as root (or with sudo).
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools libqcustomplot-dev
    # the HTML report's charts: QSvgGenerator draws the window's charts as inline SVG
    qt6-svg-dev
    libboost-dev libcurl4-openssl-dev
    # the embedded target's TLS and its self-signed certificate (libcurl's -dev only suggests it)
    libssl-dev
    # run: the SVG plugins draw the window icon; fonts for offscreen and Xvfb rendering
    libqt6svg6 fonts-dejavu-core
    # tests: GUI under Xvfb, formatting, desktop and AppStream validators, Debian packaging
    xvfb xauth clang-format desktop-file-utils appstream dpkg-dev file
    # tests: a real HTTP/1.1 server's keep-alive behaviour (each test starts its own nginx)
    nginx-light
    # tests: a real HTTP/2 server, over TLS (ALPN) and h2c (each test starts its own nghttpd)
    nghttp2-server
    # tests: the Kubernetes Job manifest is read as YAML
    python3-yaml
    # tests: sharded runs through a real Slurm (the test starts its own munged, slurmctld, slurmd)
    munge slurmctld slurmd slurm-client
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
# Debian starts a freshly installed nginx on 0.0.0.0:80; the tests want only their own, on
# loopback. policy-rc.d exiting 101 ("action forbidden") stops that, unless a policy exists.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
    created_policy=1
fi
status=0
{ $sudo apt-get update -qq &&
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } || status=$?
[ "$created_policy" -eq 0 ] || $sudo rm -f "$policy"
[ "$status" -eq 0 ] || { echo "install-deps: apt-get failed ($status)" >&2; exit "$status"; }
echo "install-deps: done"
