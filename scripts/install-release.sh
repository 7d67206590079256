#!/usr/bin/env bash
# Installs a released kubeward binary for this machine's OS and architecture:
# downloads kubeward_<os>_<arch> and the release's checksums.txt (made by
# `make release`), checks the binary's SHA-256 against it, and only then
# puts it in DIR. Used by the pre-commit hook (scripts/pre-commit-install.sh)
# and the GitHub Action (scripts/action-install.sh).
#
#   scripts/install-release.sh VERSION DIR
#
#   KUBEWARD_RELEASE_URL  where releases are (default
#                         https://github.com/kubeward/kubeward/releases/download);
#                         VERSION/<file> is fetched from it
#   KUBEWARD_OS, KUBEWARD_ARCH  the platform, when not this machine's
#
# Exit status: 0 installed (DIR/kubeward, or DIR/kubeward.exe on Windows);
# 3 there is no release of VERSION for this platform (the caller may build
# instead); 1 anything else, a checksum that does not match above all: a
# binary that is not the released one is never run, and never replaced by a
# build behind the user's back.
set -euo pipefail

die() { echo "kubeward: $*" >&2; exit 1; }
[ "$#" -eq 2 ] || die "usage: install-release.sh VERSION DIR"
version=$1 dir=$2
base=${KUBEWARD_RELEASE_URL:-https://github.com/kubeward/kubeward/releases/download}
base=${base%/}

os=${KUBEWARD_OS:-$(uname -s)}
case "$os" in
  Linux | linux) os=linux ;;
  Darwin | darwin | macOS) os=darwin ;;
  MINGW* | MSYS* | CYGWIN* | Windows* | windows) os=windows ;;
  *) echo "kubeward: no release is built for $os" >&2; exit 3 ;;
esac
arch=${KUBEWARD_ARCH:-$(uname -m)}
case "$arch" in
  x86_64 | amd64 | X64 | x64) arch=amd64 ;;
  aarch64 | arm64 | ARM64) arch=arm64 ;;
  *) echo "kubeward: no release is built for $arch" >&2; exit 3 ;;
esac
exe=
[ "$os" = windows ] && exe=.exe
name="kubeward_${os}_${arch}${exe}"

if command -v sha256sum >/dev/null; then
  sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null; then
  sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
else
  die "neither sha256sum nor shasum is installed: the download cannot be checked"
fi

# fetch URL FILE: 0 fetched, 3 not found (no such release), 1 other failures.
fetch() {
  local code
  if command -v curl >/dev/null; then
    code=$(curl -sS -L --retry 2 --connect-timeout 20 -o "$2" -w '%{http_code}' "$1") || die "downloading $1 failed"
    case "$code" in
      2??) return 0 ;;
      404) return 3 ;;
    esac
    die "downloading $1: HTTP $code"
  elif command -v wget >/dev/null; then
    local log
    log=$(wget -q -S -O "$2" "$1" 2>&1) && return 0
    case "$log" in
      *" 404 "*) return 3 ;;
    esac
    die "downloading $1 failed"
  fi
  die "neither curl nor wget is installed: kubeward cannot be downloaded"
}

mkdir -p "$dir"
tmp=$(mktemp -d "$dir/.download.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

status=0
fetch "$base/$version/checksums.txt" "$tmp/checksums.txt" || status=$?
if [ "$status" -eq 3 ]; then
  echo "kubeward: no release $version at $base" >&2
  exit 3
fi
want=$(awk -v f="$name" '$2 == f || $2 == "*" f { print $1; exit }' "$tmp/checksums.txt")
if [ -z "$want" ]; then
  echo "kubeward: release $version has no $name (checksums.txt does not list it)" >&2
  exit 3
fi
status=0
fetch "$base/$version/$name" "$tmp/$name" || status=$?
if [ "$status" -eq 3 ]; then
  die "release $version lists $name in checksums.txt but has no such file"
fi
got=$(sha256 "$tmp/$name")
if [ "$got" != "$want" ]; then
  die "$base/$version/$name: SHA-256 $got does not match checksums.txt ($want): refusing to install it"
fi
chmod 0755 "$tmp/$name"
# A rename within one folder: a concurrent run sees the old binary or the
# new one, never half of one.
mv -f "$tmp/$name" "$dir/kubeward$exe"
echo "kubeward: installed $version ($os/$arch) from $base, SHA-256 checked" >&2
