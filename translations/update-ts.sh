#!/usr/bin/env bash
# Regenerates translations/uaip_de.ts from the sources of both binaries (app/ and ui/: every
# tr() and QCoreApplication::translate), keeping the translations already made and dropping
# messages no longer in the sources. The same as `cmake --build build/dev --target
# update_translations`, without a build tree.
#   translations/update-ts.sh [TS_FILE...]      default: translations/uaip_de.ts
# LUPDATE names the lupdate to run (default: Qt 6's, from qtpaths6 or /usr/lib/qt6/bin).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)
    for candidate in "$bins/lupdate" /usr/lib/qt6/bin/lupdate; do
        if [ -x "$candidate" ]; then lupdate=$candidate; break; fi
    done
fi
[ -n "$lupdate" ] || { echo "lupdate not found: apt-get install qt6-l10n-tools" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$root/translations/uaip_de.ts"
cd "$root"
exec "$lupdate" -no-obsolete -locations relative -extensions cpp,h -recursive app ui -ts "$@"
