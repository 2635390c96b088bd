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

# skip, npm_install
. "$here/../support/npm-install.sh"
npm_install "$here" "$cache" "squawk-cli"
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
