#!/usr/bin/env bash
# Installs everything Galley needs on Debian bookworm, idempotently: apt packages, the
# cmark-gfm and libyaml sources (Debian trixie source packages, hash-checked) and npm packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
DOWNLOADS="$CACHE/downloads"
SOURCES="$CACHE/src"

APT_PACKAGES=(
  build-essential cmake ninja-build git curl ca-certificates dpkg-dev
  emscripten clang libclang-rt-14-dev
  nlohmann-json3-dev catch2 libtomlplusplus-dev
  chromium brotli
)

# name|version|orig tarball|sha256|unpacked directory
THIRD_PARTY_SOURCES=(
  "cmark-gfm|0.29.0.gfm.13|cmark-gfm_0.29.0.gfm.13.orig.tar.gz|5abc61798ebd9de5660bc076443c07abad2b8d15dbc11094a3a79644b8ad243a|cmark-gfm-0.29.0.gfm.13"
  "libyaml|0.2.5|libyaml_0.2.5.orig.tar.gz|fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e|libyaml-0.2.5"
)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

missing_apt_packages() {
  local p missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

install_apt_packages() {
  local missing
  missing="$(missing_apt_packages)"
  [ -z "$missing" ] && return 0
  if ! can_apt; then
    die "these Debian packages are missing: $missing
  install them as root:  apt-get install -y $missing"
  fi
  say "installing Debian packages: $missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# The URI of the machine's own Debian archive, read from its apt configuration, so that the
# repository never names a mirror.
debian_archive_uri() {
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri="$(awk '
      /^URIs:/ { u = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i ~ /^(bookworm|trixie|sid|stable|testing|unstable)$/) found = 1 }
      /^$/ { if (found && u != "") { print u; exit } u = ""; found = 0 }
      END { if (found && u != "") print u }' "$f" | head -n 1)"
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk '$1 == "deb" && $3 ~ /^(bookworm|trixie|sid|stable|testing|unstable)$/ {
      for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)"
  fi
  echo "$uri"
}

ensure_trixie_sources() {
  local list=/etc/apt/sources.list.d/galley-trixie-src.sources uri
  if [ ! -f "$list" ]; then
    uri="$(debian_archive_uri)"
    [ -n "$uri" ] || die "cannot find a Debian archive in the apt configuration"
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$uri" >"$list"
  fi
  apt-get update -qq -o Dir::Etc::sourcelist="$list" -o Dir::Etc::sourceparts=- \
    -o APT::Get::List-Cleanup=0 >/dev/null
}

fetch_third_party_sources() {
  mkdir -p "$DOWNLOADS" "$SOURCES"
  local entry name version tarball sha dir updated=0
  for entry in "${THIRD_PARTY_SOURCES[@]}"; do
    IFS='|' read -r name version tarball sha dir <<<"$entry"
    [ -f "$SOURCES/$dir/.galley-verified" ] && continue
    if ! echo "$sha  $DOWNLOADS/$tarball" | sha256sum -c --status 2>/dev/null; then
      can_apt || die "the $name $version source is missing: as root, add a deb-src entry for
  Debian trixie and run  apt-get source --download-only $name/trixie  in $DOWNLOADS"
      [ "$updated" = 1 ] || { ensure_trixie_sources; updated=1; }
      say "downloading the $name $version source package (Debian trixie)"
      # The .dsc and Debian tarball may be gone from the archive; the orig tarball is all
      # we build from, so apt's exit status is not the judge: the hash below is.
      (cd "$DOWNLOADS" && apt-get source --download-only -qq "$name/trixie" >/dev/null 2>&1) || true
      echo "$sha  $DOWNLOADS/$tarball" | sha256sum -c --status 2>/dev/null ||
        die "$tarball is missing or does not match its SHA-256 ($sha)"
    fi
    rm -rf "${SOURCES:?}/$dir"
    tar -xzf "$DOWNLOADS/$tarball" -C "$SOURCES"
    [ -d "$SOURCES/$dir" ] || die "$tarball did not unpack into $dir"
    touch "$SOURCES/$dir/.galley-verified"
    say "$name $version source ready in .cache/src/$dir"
  done
}

install_npm_packages() {
  command -v node >/dev/null 2>&1 || die "Node.js (>= 18) is missing: apt-get install nodejs npm"
  local stamp="$ROOT/node_modules/.galley-lock-sha256" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

main() {
  install_apt_packages
  fetch_third_party_sources
  install_npm_packages
}

main "$@"
