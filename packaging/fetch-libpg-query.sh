#!/usr/bin/env bash
# Brings PostgreSQL 17's parser (libpg_query 17, Debian 13's libpg-query-dev) into .deps/ of the
# source tree, where CMake looks for it (PG_QUERY_ROOT). Debian 12 ships libpg_query 15 only;
# Debian 13's static libpg_query.a needs nothing of the C library that Debian 12 lacks, so it
# links and runs here (docs/architecture.md, "The parser"). The package is fetched by name with
# apt from Debian 13's signed index on the mirror this system's apt uses, with apt state of its
# own: nothing is installed, no system file changes. Run by install-packages.sh; idempotent.
# Environment: UAIP_DEPS_DIR (default <source>/.deps).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
deps=${UAIP_DEPS_DIR:-$root/.deps}
major=17
dest="$deps/libpg_query-$major"
arch=$(dpkg --print-architecture)

if [ -f "$dest/VERSION" ] && [ -f "$dest/lib/libpg_query.a" ] && [ -f "$dest/include/pg_query.h" ]; then
    printf '\n==> libpg_query %s present in %s\n' "$(cat "$dest/VERSION")" "$dest"
    exit 0
fi

# The mirror this system's apt fetches Debian 12 from (its proxy settings apply too).
mirror=$(apt-get indextargets --format '$(RELEASE) $(SITE)' 2>/dev/null |
    awk '$1 == "bookworm" { print $2; exit }')
mirror=${mirror:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || { echo "fetch-libpg-query: $keyring is missing (package debian-archive-keyring)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/uaip-libpg-query.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc"
echo "deb [signed-by=$keyring] $mirror trixie main" >"$work/etc/sources.list"
apt_opts=(-o "Dir::Etc::sourcelist=$work/etc/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Dir::State::status=/dev/null"
    -o "Acquire::Languages=none" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)")
printf '\n==> fetching libpg_query %s (Debian 13 libpg-query-dev) from %s\n' "$major" "$mirror"
apt-get "${apt_opts[@]}" -qq update
(cd "$work" && apt-get "${apt_opts[@]}" -qq download "libpg-query-dev:$arch")
deb=$(ls "$work"/libpg-query-dev_*.deb)
version=$(dpkg-deb -f "$deb" Version)
case "$version" in
    "$major"-*) ;;
    *) echo "fetch-libpg-query: Debian 13 has libpg-query-dev $version, not $major-*" >&2; exit 1 ;;
esac
dpkg-deb -x "$deb" "$work/x"
rm -rf "$dest.new"
mkdir -p "$dest.new/lib"
cp -a "$work/x/usr/include" "$dest.new/include"
cp "$work/x/usr/lib/"*/libpg_query.a "$dest.new/lib/"
cp "$work/x/usr/share/doc/libpg-query-dev/copyright" "$dest.new/copyright"
echo "$version" >"$dest.new/VERSION"
rm -rf "$dest"
mv "$dest.new" "$dest"
printf '==> libpg_query %s in %s\n' "$version" "$dest"
