#!/usr/bin/env bash
# The action's first step (action.yml): downloads the release archive of iop for this
# runner, checks it against its .sha256, unpacks it under RUNNER_TEMP and puts it on PATH.
#
# IOP_VERSION     X.Y.Z, vX.Y.Z or latest
# IOP_REPOSITORY  owner/name of the repository whose releases hold iop
# IOP_RELEASES    the releases' address; default https://github.com/IOP_REPOSITORY/releases
set -euo pipefail

repository=${IOP_REPOSITORY:?the repository whose releases hold iop}
releases=${IOP_RELEASES:-https://github.com/$repository/releases}
version=${IOP_VERSION:-latest}

case "${RUNNER_OS:-}" in
  Linux)
    [ "${RUNNER_ARCH:-X64}" = X64 ] || {
      echo "::error::iop's releases hold a Linux build for x86_64 only, not ${RUNNER_ARCH}"
      exit 1
    }
    target=x86_64-unknown-linux-musl
    ext=tar.gz
    ;;
  macOS)
    target=universal-apple-darwin # both Apple silicon and Intel
    ext=tar.gz
    ;;
  Windows)
    target=x86_64-pc-windows-msvc # Windows on Arm runs it too
    ext=zip
    exe=.exe
    ;;
  *)
    echo "::error::no iop release for the runner's system '${RUNNER_OS:-}'"
    exit 1
    ;;
esac

exe=${exe:-}

fetch() {
  curl --fail --silent --show-error --location --retry 3 "$@"
}

if [ "$version" = latest ]; then
  # The latest release's page is where .../releases/latest leads.
  url=$(fetch --head --output /dev/null --write-out '%{url_effective}' "$releases/latest")
  version=${url##*/}
  if [ "$version" = latest ] || [ -z "$version" ]; then
    echo "::error::$releases has no latest release"
    exit 1
  fi
fi
version=${version#v}

name="iop-v$version-$target"
dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/iop-v$version"
mkdir -p "$dir"
echo "iop $version for $target from $releases"
fetch --output "$dir/$name.$ext" "$releases/download/v$version/$name.$ext"
fetch --output "$dir/$name.$ext.sha256" "$releases/download/v$version/$name.$ext.sha256"

cd "$dir"
if command -v sha256sum >/dev/null 2>&1; then
  check=(sha256sum --check --status)
else
  check=(shasum --algorithm 256 --check --status)
fi
if ! "${check[@]}" "$name.$ext.sha256"; then
  echo "::error::$name.$ext does not match its published SHA-256 checksum"
  exit 1
fi
rm -rf "$name"
if [ "$ext" = zip ]; then
  unzip -q "$name.zip"
else
  tar -xzf "$name.tar.gz"
fi

bin="$dir/$name"
if command -v cygpath >/dev/null 2>&1; then
  bin=$(cygpath --windows "$bin")
fi
echo "$bin" >>"${GITHUB_PATH:?}"
"$dir/$name/iop$exe" --version
