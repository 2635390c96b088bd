#!/usr/bin/env bash
# squawk (squawk-cli from npm, which ships its Linux binary; version pinned in package-lock.json)
# and `uaip-migrate lint --json` on the same fixtures (fixtures/*.sql, one small file per
# lock-safety rule, our own text): every lock-relevant finding of squawk's must have a finding
# of ours at the same statement (compare.js holds the one table of squawk rule -> our kinds and
# the squawk rules it ignores, with the reason). Prints the counts: squawk findings,
# lock-relevant ones, matched by ours, ours extra.
# Fixtures write one statement per line (squawk reports a line inside the statement, we report
# the statement's first); a file whose header says -- uaip:no-transaction runs outside a
# transaction, every other one in one (squawk --assume-in-transaction, as our runner does).
# Environment (set by CTest): UAIP_MIGRATE_BIN, UAIP_SQUAWK_CACHE (the npm install, kept in the
# build tree and redone only when package-lock.json changes).
# Exit 77 (skipped, with the reason) only when npm cannot install squawk and CI is unset; under
# CI (the environment variable CI set and non-empty) that is a failure (exit 1).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${UAIP_MIGRATE_BIN:?}
cache=${UAIP_SQUAWK_CACHE:?}

# skip REASON: exit 77 with the reason outside CI, fail (exit 1) under CI.
skip() {
    if [ -n "${CI:-}" ]; then
        echo "FAIL: CI is set, so this cannot be skipped: $*" >&2
        exit 1
    fi
    echo "SKIPPED: $*"
    exit 77
}

mkdir -p "$cache"
if [ ! -d "$cache/node_modules" ] || ! cmp -s "$here/package-lock.json" "$cache/installed-lock.json"; then
    if ! command -v npm >/dev/null; then
        skip "npm is not installed (packaging/bootstrap.sh installs nodejs and npm)"
    fi
    rm -rf "$cache/node_modules" "$cache/installed-lock.json"
    cp "$here/package.json" "$here/package-lock.json" "$cache/"
    # npm install, not npm ci: the lock holds only the platform's build of squawk's binary
    # package that wrote it (see tests/foreign/run.sh)
    if ! (cd "$cache" && npm install --no-audit --no-fund --loglevel=error); then
        rm -rf "$cache/node_modules"
        skip "npm install failed (no network or registry?): cannot install squawk-cli"
    fi
    cp "$here/package-lock.json" "$cache/installed-lock.json"
fi
squawk=$cache/node_modules/.bin/squawk
"$squawk" --version >/dev/null || { echo "FAIL: squawk does not run on this machine" >&2; exit 1; }

work=$(mktemp -d /tmp/uaip-squawk.XXXXXX)
trap 'rm -rf "$work"' EXIT

# our migrations: one folder per fixture, its text as up.sql
n=0
intx=()
notx=()
for f in "$here"/fixtures/*.sql; do
    n=$((n + 1))
    name=$(basename "$f" .sql)
    dir=$work/migrations/$(printf '%04d' "$n")_$name
    mkdir -p "$dir"
    cp "$f" "$dir/up.sql"
    printf -- '-- nothing to undo\nSELECT 1;\n' >"$dir/down.sql"
    if grep -qi '^-- *uaip:no-transaction' "$f"; then notx+=("$f"); else intx+=("$f"); fi
done

# squawk exits 1 when it finds something: its JSON is what counts
"$squawk" --reporter json --assume-in-transaction "${intx[@]}" >"$work/squawk-tx.json" || true
"$squawk" --reporter json "${notx[@]}" >"$work/squawk-notx.json" || true
lint_status=0
"$bin" --dir "$work/migrations" --json lint >"$work/ours.json" || lint_status=$?
# 3: findings under --fail-on; lint fails only for syntax errors without it
[ "$lint_status" = 0 ] || { echo "FAIL: uaip-migrate lint exited $lint_status" >&2; cat "$work/ours.json" >&2; exit 1; }

node "$here/compare.js" "$work/squawk-tx.json" "$work/squawk-notx.json" "$work/ours.json"
