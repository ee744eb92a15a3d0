#!/usr/bin/env bash
# Reproduces the pinned third-party files the server's pages and the browser tests use, from the
# npm registry (no CDN at run time, nothing fetched by a browser):
#   src/kgbuild/server/static/vendor/  d3-array, d3-geo, topojson-client (UMD builds) and world-atlas's
#                                      countries-110m.json (Natural Earth 1:110m, ISO 3166-1 numeric ids)
#   tests/data/vendor/axe.min.js       axe-core, injected by tests/test_ui_browser.py (tests only)
# with each package's licence. Run from anywhere: ui/vendor.sh; it checks SHA256SUMS afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
static="$root/src/kgbuild/server/static/vendor"
tests="$root/tests/data/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$static" "$tests"
cd "$tmp"
unpack() {  # $1 name@version -> $tmp/$1/package
  local tgz
  tgz="$(npm pack --silent "$1")"
  mkdir -p "$1" && tar xzf "$tgz" -C "$1"
}
unpack d3-array@3.2.5
unpack d3-geo@3.1.2
unpack topojson-client@3.1.0
unpack world-atlas@2.0.2
unpack axe-core@4.14.1
cp d3-array@3.2.5/package/dist/d3-array.min.js "$static/"
cp d3-geo@3.1.2/package/dist/d3-geo.min.js "$static/"
cp topojson-client@3.1.0/package/dist/topojson-client.min.js "$static/"
cp world-atlas@2.0.2/package/countries-110m.json "$static/"
{
  for p in d3-array@3.2.5 d3-geo@3.1.2 topojson-client@3.1.0 world-atlas@2.0.2; do
    echo "== $p (npm), $(node -p "require('./$p/package/package.json').license") =="
    cat "$p/package/LICENSE"*
    echo
  done
  echo "world-atlas's countries-110m.json is made from Natural Earth data, which is in the public domain."
} > "$static/LICENSES.txt"
cp axe-core@4.14.1/package/axe.min.js "$tests/"
{ echo "== axe-core@4.14.1 (npm), MPL-2.0 =="; cat axe-core@4.14.1/package/LICENSE; } > "$tests/AXE-LICENSE.txt"
cd "$root"
sha256sum -c ui/SHA256SUMS
du -cb "$static"/* | tail -1 | sed 's/total/bytes in server\/static\/vendor/'
