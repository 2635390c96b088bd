#!/usr/bin/env bash
# Regenerates the README's pictures: docs/screenshots/<view>.png, one per view of uaip-admin
# and the rollback preview, taken by its screenshot mode on a throwaway sandbox with demo data.
# Needs xvfb-run (package xvfb).
#   docs/make-screenshots.sh [PATH/TO/uaip-admin]
# Default: build/dev/bin/uaip-admin, then build/release/bin/uaip-admin, then uaip-admin on PATH.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
admin=${1:-}
if [ -z "$admin" ]; then
    for candidate in "$root/build/dev/bin/uaip-admin" "$root/build/release/bin/uaip-admin" \
        "$(command -v uaip-admin || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then admin=$candidate; break; fi
    done
fi
[ -n "$admin" ] || { echo "uaip-admin not found: build it or pass its path" >&2; exit 2; }
migrate=$(dirname "$admin")/uaip-migrate
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb xauth" >&2; exit 2; }

work=$(mktemp -d /tmp/uaip-screenshots.XXXXXX)
cleanup() {
    "$migrate" sandbox stop --data-dir "$work/sandbox" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
out="$here/screenshots"
mkdir -p "$out"
# A sandbox of its own, migrated and seeded as the README's quick start does (the screenshot
# mode would do both itself, but the Entities view lists the tables and their estimates as they
# were when it connected).
"$migrate" sandbox start --data-dir "$work/sandbox" >/dev/null
"$migrate" --sandbox --data-dir "$work/sandbox" up >/dev/null
"$migrate" --sandbox --data-dir "$work/sandbox" seed demo --scale 20000 >/dev/null
# Fresh settings (no saved profiles or window geometry).
XDG_CONFIG_HOME="$work/config" xvfb-run -a -s '-screen 0 1600x1000x24' \
    "$admin" --sandbox --sandbox-dir "$work/sandbox" --screenshot "$out"
ls -la "$out"
