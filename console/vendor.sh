#!/usr/bin/env bash
# Vendors the console's one front-end library, uPlot, from the npm
# registry into console/assets/vendor/. Run it to change the pinned
# version, then commit the files it writes: the build itself needs neither
# Node.js nor the network.
set -euo pipefail
UPLOT_VERSION=1.6.32

cd "$(dirname "$0")"
out=assets/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "uplot@$UPLOT_VERSION" >/dev/null && tar -xzf "uplot-$UPLOT_VERSION.tgz")
pkg="$tmp/package"
got=$(node -p "require('$pkg/package.json').version")
if [ "$got" != "$UPLOT_VERSION" ]; then
  echo "vendor.sh: npm gave uplot $got, want $UPLOT_VERSION" >&2
  exit 1
fi
mkdir -p "$out"
cp "$pkg/dist/uPlot.iife.min.js" "$out/uPlot.iife.min.js"
cp "$pkg/dist/uPlot.min.css" "$out/uPlot.min.css"
cp "$pkg/LICENSE" "$out/uPlot.LICENSE"
echo "$UPLOT_VERSION" >"$out/uPlot.VERSION"
echo "vendored uPlot $UPLOT_VERSION into console/$out"
