#!/usr/bin/env bash
# The pre-commit hooks' entry (.pre-commit-hooks.yaml, language: script):
# runs kubeward with the hook's arguments, installing it first if needed.
#
# pre-commit checks this repository out at the rev the user pinned. When that
# commit is a release's tag, the released binary is downloaded and its
# checksum checked (scripts/install-release.sh): seconds, where building
# kubeward (Helm, client-go, Kustomize, OPA) takes minutes. Otherwise, or
# when the release has no binary for this platform, kubeward is built from
# the checkout with Go. Either way it is kept under
# ${XDG_CACHE_HOME:-~/.cache}/kubeward/ and later runs start it at once.
#
#   KUBEWARD_VERSION      the release to use instead of the checkout's tag
#   KUBEWARD_RELEASE_URL  where releases are (see install-release.sh)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kubeward
exe=
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) exe=.exe ;; esac

# git, run on the hook's checkout. A hook runs inside `git commit`, which
# sets GIT_DIR, GIT_INDEX_FILE and others for the user's repository: they
# must not leak into questions about this one.
hookgit() {
  env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE -u GIT_COMMON_DIR -u GIT_OBJECT_DIRECTORY \
    -u GIT_ALTERNATE_OBJECT_DIRECTORIES -u GIT_PREFIX git -C "$here" "$@"
}

commit=$(hookgit rev-parse HEAD 2>/dev/null || echo unknown)
# Which binary this checkout resolved to, so that later runs need neither
# git's remote nor the network.
resolved="$cache/resolved/$commit"
if [ "$commit" != unknown ] && [ -z "${KUBEWARD_VERSION:-}" ] && [ -f "$resolved" ]; then
  bin=$(cat "$resolved")
  [ -x "$bin" ] && exec "$bin" "$@"
fi

# The release tag of this checkout: pre-commit fetches only the commit, so
# a tag is looked up on the remote it was cloned from when it is not local.
release_tag() {
  hookgit describe --tags --exact-match HEAD 2>/dev/null && return
  hookgit ls-remote --tags origin 2>/dev/null | awk -v c="$commit" '
    $1 == c { t = $2; sub("^refs/tags/", "", t); sub("\\^\\{\\}$", "", t); print t; exit }'
}
version=${KUBEWARD_VERSION:-$(release_tag || true)}

mkdir -p "$cache/resolved"
# One install at a time: pre-commit runs a hook in several processes at once.
if command -v flock >/dev/null; then
  exec 9>"$cache/.install.lock"
  flock 9
fi

bin=
if [ -n "$version" ]; then
  bin="$cache/$version/kubeward$exe"
  if [ ! -x "$bin" ]; then
    status=0
    "$here/scripts/install-release.sh" "$version" "$cache/$version" || status=$?
    case "$status" in
      0) ;;
      3) bin= ;;
      *) exit "$status" ;;
    esac
  fi
fi
if [ -z "$bin" ]; then
  bin="$cache/build-$commit/kubeward$exe"
  if [ ! -x "$bin" ]; then
    command -v go >/dev/null || {
      echo "kubeward: no released binary for ${version:-this rev} and no Go to build one: pin a released rev, install Go, or use the kubeward-lint-golang hook" >&2
      exit 2
    }
    echo "kubeward: no released binary for ${version:-commit $commit}: building it from source (minutes, once)" >&2
    mkdir -p "$cache/build-$commit"
    tmp=$(mktemp "$cache/build-$commit/.kubeward.XXXXXX")
    # Go's usual flags, so that its build cache serves this build too.
    (cd "$here" && go build -buildvcs=false \
      -ldflags "-s -w -X main.version=${version:-$commit} -X main.commit=$commit" \
      -o "$tmp" ./cmd/kubeward) || { rm -f "$tmp"; exit 2; }
    mv -f "$tmp" "$bin"
  fi
fi
[ "$commit" != unknown ] && [ -z "${KUBEWARD_VERSION:-}" ] && printf '%s\n' "$bin" >"$resolved"
exec 9>&-
exec "$bin" "$@"
