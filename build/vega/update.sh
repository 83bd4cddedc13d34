#!/usr/bin/env bash
# Refreshes the vendored chart library that Plots inlines into its offline page: vega, vega-lite and
# vega-embed at the exact versions below, from the npm registry. Each tarball must match both the
# integrity hash pinned here and the one the registry reports; the minified UMD bundle and the
# licence of each package are copied beside this script. Needs node's npm; users never run it (the
# files are committed, so a build needs only the SDK).
# To move to new versions: change VERSION and INTEGRITY below, run this, commit the results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

packages=(
  # name        version  integrity (npm's dist.integrity)                                                                 bundle
  "vega         5.33.1   sha512-1fArfVDUqVbb5z8n+/nVQb+VNBzx8svY6CrsyTK4Ujm4yrd9I1auoKxBAPXLCavY1LcrbHUskQbGUP8gXOzyQw==  build/vega.min.js"
  "vega-lite    5.23.0   sha512-l4J6+AWE3DIjvovEoHl2LdtCUkfm4zs8Xxx7INwZEAv+XVb6kR6vIN1gt3t2gN2gs/y4DYTs/RPoTeYAuEg6mA==  build/vega-lite.min.js"
  "vega-embed   6.29.0   sha512-PmlshTLtLFLgWtF/b23T1OwX53AugJ9RZ3qPE2c01VFAbgt3/GSNI/etzA/GzdrkceXFma+FDHNXUppKuM0U6Q==  build/vega-embed.min.js"
  # The vega package ships no LICENSE; vega-scenegraph, from the same repository, carries its licence.
  "vega-scenegraph 4.13.1 sha512-LFY9+sLIxRfdDI9ZTKjLoijMkIAzPLBWHpPkwv4NPYgdyx+0qFmv+puBpAUGUY9VZqAZ736Uj5NJY9zw+/M3yQ==  -"
)

: > "$work/VERSIONS"
for entry in "${packages[@]}"; do
  read -r name version integrity bundle <<<"$entry"
  reported="$(npm view "$name@$version" dist.integrity)"
  if [ "$reported" != "$integrity" ]; then
    echo "$name@$version: the registry reports $reported, pinned $integrity" >&2
    exit 1
  fi
  tarball="$(cd "$work" && npm pack --silent "$name@$version")"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "$name@$version: the tarball hashes to $actual, pinned $integrity" >&2
    exit 1
  fi
  mkdir -p "$work/$name"
  tar -xzf "$work/$tarball" -C "$work/$name"
  if [ "$bundle" = "-" ]; then
    cp "$work/$name/package/LICENSE" "$here/vega.LICENSE"
  else
    cp "$work/$name/package/$bundle" "$here/$name.min.js"
    [ -f "$work/$name/package/LICENSE" ] && cp "$work/$name/package/LICENSE" "$here/$name.LICENSE"
  fi
  echo "$name $version $integrity" >> "$work/VERSIONS"
done
cp "$work/VERSIONS" "$here/VERSIONS"
# Third-party code a bundle carries is named in its /*! ... */ comments: each one must be listed
# in a *.LICENSE file here (fast-json-patch.LICENSE for vega-embed's JSON-Patch).
for bundle in "$here"/*.min.js; do
  grep -o 'https://github.com/[A-Za-z0-9_.-]*/[A-Za-z0-9_.-]*' <(grep -zoP '/\*![\s\S]*?\*/' "$bundle" | tr '\0' '\n') | sort -u | while read -r url; do
    if ! grep -qF "$url" "$here"/*.LICENSE; then
      echo "$(basename "$bundle") bundles $url: add its licence beside the others" >&2
      exit 1
    fi
  done
done
echo "vendored: $(cut -d' ' -f1,2 "$here/VERSIONS" | tr '\n' ' ')"
