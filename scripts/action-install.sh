#!/usr/bin/env bash
# The GitHub Action's install steps (action.yml), a script of its own so
# that it can be tested without GitHub:
#
#   action-install.sh resolve     the version to install and where it goes
#                                 (outputs version, dir, cacheable); actions/cache
#                                 then restores dir for a version it has seen
#   action-install.sh install     the released binary, checksum checked
#                                 (scripts/install-release.sh), unless the cache
#                                 restored it (output installed=true|false)
#   action-install.sh go-install  the fallback when there is no release:
#                                 go install at that version (after setup-go)
#
#   INPUT_VERSION         the version input: a release tag, latest, or empty for
#                         the action's own ref (KUBEWARD_ACTION_REF)
#   KUBEWARD_VERSION, KUBEWARD_DIR  resolve's outputs, for install and go-install
#   KUBEWARD_RELEASE_URL  where releases are (default
#                         https://github.com/kubeward/kubeward/releases/download)
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, GITHUB_OUTPUT, GITHUB_PATH  as GitHub sets them
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base=${KUBEWARD_RELEASE_URL:-https://github.com/kubeward/kubeward/releases/download}
base=${base%/}
module=github.com/kubeward/kubeward/cmd/kubeward

output() { printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:-/dev/null}"; }
die() { echo "kubeward: $*" >&2; exit 1; }

# A version that names a release: only those are downloaded and cached.
is_release() { [[ $1 =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; }

case "${1:-}" in
resolve)
  version=${INPUT_VERSION:-${KUBEWARD_ACTION_REF:-latest}}
  if [ "$version" = latest ]; then
    # releases/latest redirects to releases/tag/<tag>: the tag, so that the
    # cache key is a version and not a moving name.
    url=$(curl -sS -o /dev/null -w '%{redirect_url}' "${base%/download}/latest" 2>/dev/null || true)
    tag=${url##*/tag/}
    if [ -n "$url" ] && [ "$tag" != "$url" ] && is_release "$tag"; then
      version=$tag
    fi
  fi
  cacheable=false
  is_release "$version" && cacheable=true
  [[ $version =~ ^[0-9A-Za-z._/+-]+$ ]] || die "version $version is not a tag, branch or commit"
  dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/kubeward/${version//\//-}/${RUNNER_ARCH:-$(uname -m)}"
  echo "kubeward: version $version"
  output version "$version"
  output dir "$dir"
  output cacheable "$cacheable"
  ;;
install)
  : "${KUBEWARD_VERSION:?resolve first}" "${KUBEWARD_DIR:?resolve first}"
  exe=
  [ "${RUNNER_OS:-}" = Windows ] && exe=.exe
  installed=false
  if [ -x "$KUBEWARD_DIR/kubeward$exe" ]; then
    echo "kubeward: $KUBEWARD_VERSION restored from the cache"
    installed=true
  elif is_release "$KUBEWARD_VERSION"; then
    status=0
    KUBEWARD_OS=${RUNNER_OS:-} KUBEWARD_ARCH=${RUNNER_ARCH:-} \
      "$here/install-release.sh" "$KUBEWARD_VERSION" "$KUBEWARD_DIR" || status=$?
    case "$status" in
      0) installed=true ;;
      3) echo "kubeward: no release binary for $KUBEWARD_VERSION: go install follows" ;;
      *) exit "$status" ;;
    esac
  else
    echo "kubeward: $KUBEWARD_VERSION is not a release: go install follows"
  fi
  if [ "$installed" = true ]; then
    echo "$KUBEWARD_DIR" >>"${GITHUB_PATH:-/dev/null}"
  fi
  output installed "$installed"
  ;;
go-install)
  : "${KUBEWARD_VERSION:?resolve first}" "${KUBEWARD_DIR:?resolve first}"
  command -v go >/dev/null || die "no Go to build kubeward $KUBEWARD_VERSION with"
  mkdir -p "$KUBEWARD_DIR"
  GOBIN="$KUBEWARD_DIR" CGO_ENABLED=0 go install -trimpath "$module@$KUBEWARD_VERSION"
  echo "$KUBEWARD_DIR" >>"${GITHUB_PATH:-/dev/null}"
  ;;
*)
  die "usage: action-install.sh resolve|install|go-install"
  ;;
esac
