#!/usr/bin/env bash
# Builds the Debian package and the tarball of UAIP Admin from a clean tree:
#   packaging/build-deb.sh        -> build/deb/uaip-admin_<version>_<arch>.deb and .tar.gz
# Installs the Debian packages of packaging/debian-packages.txt when run as root (otherwise
# prints the apt-get line), configures the release preset without tests and benchmarks in a
# fresh build folder, builds, and runs CPack (dependencies from dpkg-shlibdeps).
# Environment: UAIP_JOBS (default: number of cores), UAIP_DEB_BUILD (default build/deb).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
jobs=${UAIP_JOBS:-$(nproc)}
build=${UAIP_DEB_BUILD:-$root/build/deb}

say() { printf '\n==> %s\n' "$*"; }

"$here/install-packages.sh"

say "configuring a clean release build in $build"
rm -rf "$build"
cmake --preset release -S "$root" -B "$build" -DUAIP_BUILD_TESTS=OFF -DUAIP_BUILD_BENCH=OFF >/dev/null
say "building with $jobs jobs"
cmake --build "$build" -j "$jobs"
say "packaging"
(cd "$build" && cpack -G "DEB;TGZ")
(cd "$build" && dpkg-deb --info ./*.deb && ls -la ./*.deb ./*.tar.gz)
