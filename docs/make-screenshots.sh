#!/usr/bin/env bash
# Regenerates the README's pictures: docs/screenshots/<view>.png, one per view of uaip-admin
# and the rollback preview, taken by its screenshot mode on a throwaway sandbox with demo data.
# Needs xvfb-run (package xvfb).
#   docs/make-screenshots.sh [--lang de] [PATH/TO/uaip-admin]
# Default: build/dev/bin/uaip-admin, then build/release/bin/uaip-admin, then uaip-admin on PATH.
# --lang de: the German window (LANG=de_DE.UTF-8, as a German desktop starts it) into
# docs/screenshots/de/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
lang=
if [ "${1:-}" = --lang ]; then
    lang=${2:?--lang needs a language code, e.g. de}
    shift 2
fi
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
out="$here/screenshots${lang:+/$lang}"
mkdir -p "$out"
# The window's language comes from the environment as on a desktop (no generated glibc locale
# needed: Qt reads LANG itself); UAIP_LANG would override it.
window_lang=C.UTF-8
[ -z "$lang" ] || window_lang="${lang}_$(echo "$lang" | tr '[:lower:]' '[:upper:]').UTF-8"
# A sandbox cluster of its own. The screenshot mode renders from a scratch database it makes
# there (the bundled migrations and its demo data applied, dropped at the end): the sandbox's
# own database "uaip" is neither read nor written.
"$migrate" sandbox start --data-dir "$work/sandbox" >/dev/null
# Fresh settings (no saved profiles or window geometry).
env -u UAIP_LANG -u LC_ALL -u LC_MESSAGES LANG="$window_lang" XDG_CONFIG_HOME="$work/config" \
    xvfb-run -a -s '-screen 0 1600x1000x24' \
    "$admin" --sandbox --sandbox-dir "$work/sandbox" --screenshot "$out"
ls -la "$out"
