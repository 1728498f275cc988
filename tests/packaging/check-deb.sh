#!/usr/bin/env bash
# Builds the Debian package with CPack and checks that it carries the program, the launcher,
# the icon and the AppStream file where a desktop looks for them, and that the packaged
# binary runs.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build_dir" && cpack -G DEB -B "$work" >"$work/cpack.log") || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/*.deb)
echo "built $(basename "$deb")"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/stampede \
            ./usr/share/applications/dev.stampede.Stampede.desktop \
            ./usr/share/metainfo/dev.stampede.Stampede.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/dev.stampede.Stampede.svg; do
    grep -q " $path\$" <<<"$contents" || { echo "missing from package: $path"; exit 1; }
done

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libqt6svg6 libc6; do
    grep -q "$lib" <<<"$depends" || { echo "Depends lacks $lib"; exit 1; }
done

dpkg-deb -x "$deb" "$work/root"
version=$("$work/root/usr/bin/stampede" --version)
echo "packaged binary says: $version"
grep -q "Stampede" <<<"$version"
echo "package OK"
