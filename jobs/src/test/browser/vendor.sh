#!/usr/bin/env bash
# Refreshes the dashboard's vendored Vega builds from the versions pinned in package.json:
#   cd jobs/src/test/browser && npm ci && ./vendor.sh
# The builds are committed (jobs/src/main/resources/dashboard/vendor) so that the jar, and the
# report it writes, need neither npm nor a network. VendoredLibrariesTest checks they match the pins.
set -euo pipefail
cd "$(dirname "$0")"
dest=../../main/resources/dashboard/vendor
mkdir -p "$dest"
: > "$dest/VERSIONS"
for pkg in vega vega-lite vega-embed; do
  cp "node_modules/$pkg/build/$pkg.min.js" "$dest/$pkg.min.js"
  cp "node_modules/$pkg/LICENSE" "$dest/LICENSE-$pkg"
  echo "$pkg=$(node -p "require('./node_modules/$pkg/package.json').version")" >> "$dest/VERSIONS"
done
# packages bundled inside vega-embed.min.js, with their licences
{
  echo "vega-embed.min.js bundles these packages (versions as resolved by package-lock.json):"
  for dep in vega-tooltip vega-themes vega-interpreter vega-schema-url-parser fast-json-patch \
      json-stringify-pretty-compact semver tslib; do
    node -p "const p=require('./node_modules/$dep/package.json'); p.name+' '+p.version+' ('+p.license+')'"
  done
  echo "vega.min.js bundles the d3 modules it depends on (ISC); see LICENSE-vega."
} > "$dest/THIRD-PARTY"
echo "vendored into $(cd "$dest" && pwd):"
cat "$dest/VERSIONS"
