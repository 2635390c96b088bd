#!/usr/bin/env bash
# Installs the Debian packages of packaging/debian-packages.txt that are missing: with apt-get
# when run as root, otherwise prints the apt-get line to run and exits 2.
# Then brings PostgreSQL 17's parser into .deps/ (fetch-libpg-query.sh: Debian 12 has 15's only).
# Used by bootstrap.sh (demo, test) and build-deb.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/debian-packages.txt")
# What installed packages provide counts too: NodeSource's nodejs provides (and conflicts
# with) npm, so asking apt for Debian's npm beside it would fail.
mapfile -t provided < <(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' 2>/dev/null |
    awk '$1 == "ii" && NF > 1 { $1 = ""; print }' | tr ',' '\n' |
    sed -e 's/([^)]*)//g' -e 's/^ *//' -e 's/ *$//')
# (looked up in an array, not with `printf | grep -q`: under pipefail grep -q's early exit
# fails printf with SIGPIPE, and a provided package then counts as missing)
declare -A isProvided=()
for p in "${provided[@]}"; do
    [ -n "$p" ] && isProvided[$p]=1
done
missing=()
for p in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = 'install ok installed' ] && continue
    [ -n "${isProvided[$p]:-}" ] && continue
    missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    printf '\n==> all %s Debian packages present\n' "${#wanted[@]}"
    exec "$here/fetch-libpg-query.sh"
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. Run as root:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
fi
printf '\n==> installing %s Debian packages: %s\n' "${#missing[@]}" "${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
"$here/fetch-libpg-query.sh"
