#!/usr/bin/env bash
# The real tools, end to end: generates N (default 50) migrations for each of dbmate,
# node-pg-migrate and TypeORM (npm, versions pinned in package-lock.json; TypeORM with a custom
# migrationsTableName), runs each tool on a fresh database of the test sandbox, then
# `uaip-migrate import-migrations --verify` (dbmate's and node-pg-migrate's SQL files and
# TypeORM's JavaScript classes into our folders, proved against the tool's database), `foreign`,
# `adopt --dry-run`, `adopt` and `status` on those folders: every entry adopted, 0 pending, one adopt event per migration, and the
# tool's table not written (its rows and their xmin unchanged).
# Environment (set by CTest): UAIP_MIGRATE_BIN, UAIP_TEST_SANDBOX_DIR, UAIP_FOREIGN_CACHE (the
# npm install, kept in the build tree and redone only when package-lock.json changes).
# Exit 77 (skipped, with the reason) only when npm cannot install the tools and CI is unset;
# under CI (the environment variable CI set and non-empty) that is a failure (exit 1): CI never
# stays green because the foreign tools did not run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${UAIP_MIGRATE_BIN:?}
cache=${UAIP_FOREIGN_CACHE:?}
count=${UAIP_FOREIGN_COUNT:-50}

# skip, npm_install
. "$here/../support/npm-install.sh"
npm_install "$here" "$cache" "dbmate, node-pg-migrate and typeorm"
cp "$here/run-tools.js" "$cache/run-tools.js"

eval "$("$bin" sandbox env --data-dir "${UAIP_TEST_SANDBOX_DIR:?}")"
work=$(mktemp -d /tmp/uaip-foreign.XXXXXX)
databases=()
cleanup() {
    for d in "${databases[@]}"; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ms() { date +%s%3N; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);console.log(($1)(j))})"; }

# check TOOL ID DB TABLE [--table NAME]: foreign, adopt --dry-run, adopt, status, ledger
check() {
    local label=$1 id=$2 db=$3 table=$4
    shift 4
    local conn="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db"
    local dir="$work/$id/ours"
    local snapshot
    snapshot=$(psql -d "$db" -Atc "SELECT md5(string_agg(t.xmin::text || ':' || t::text, ',' ORDER BY t::text)) FROM $table t")

    local t0 t1 t2 out
    t0=$(ms)
    out=$("$bin" --db "$conn" foreign --json "$@") || fail "$label: foreign failed: $out"
    t1=$(ms)
    local found
    found=$(echo "$out" | json "j => j.ledgers.filter(l => l.tool === '$id' && l.table === '$table' && l.applied === $count).length")
    [ "$found" = 1 ] || fail "$label: foreign did not list $table with $count applied: $out"
    echo "$label: foreign found $table with $count applied entries ($((t1 - t0)) ms)"

    out=$("$bin" --db "$conn" --dir "$dir" adopt --from "$id" --dry-run "$@") \
        || fail "$label: adopt --dry-run refused: $out"
    grep -q "would adopt $count migration" <<<"$out" || fail "$label: dry run: $out"
    [ "$(psql -d "$db" -Atc "SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL")" = t ] \
        || fail "$label: the dry run wrote a ledger"

    t1=$(ms)
    out=$("$bin" --db "$conn" --dir "$dir" adopt --from "$id" "$@") || fail "$label: adopt: $out"
    t2=$(ms)
    echo "$label: $(echo "$out" | tail -1) ($((t2 - t1)) ms)"

    out=$("$bin" --db "$conn" --dir "$dir" status --json) || fail "$label: status failed: $out"
    local pending applied
    pending=$(echo "$out" | json "j => j.migrations.filter(m => m.state === 'pending').length")
    applied=$(echo "$out" | json "j => j.migrations.filter(m => m.state === 'applied').length")
    [ "$pending" = 0 ] && [ "$applied" = "$count" ] \
        || fail "$label: status shows $pending pending, $applied applied: $out"
    local events
    events=$(psql -d "$db" -Atc "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'adopt' AND detail LIKE '$label public.$table %'")
    [ "$events" = "$count" ] || fail "$label: $events adopt events naming $table, expected $count"
    [ "$(psql -d "$db" -Atc "SELECT md5(string_agg(t.xmin::text || ':' || t::text, ',' ORDER BY t::text)) FROM $table t")" = "$snapshot" ] \
        || fail "$label: $table was written"
    echo "$label: status 0 pending, $count applied; $table unchanged"
}

# import LABEL ID DB SRC [--table NAME]: import-migrations --from ID SRC --out $work/ID/ours
# --verify against the database the tool migrated: every file converted, the same schema
import() {
    local label=$1 id=$2 db=$3 src=$4
    shift 4
    local conn="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db"
    local t0 t1 out
    t0=$(ms)
    out=$("$bin" --db "$conn" --data-dir "$UAIP_TEST_SANDBOX_DIR" import-migrations --from "$id" \
        "$src" --out "$work/$id/ours" --verify "$@") || fail "$label: import-migrations: $out"
    t1=$(ms)
    grep -q "wrote $count migration(s) from $label" <<<"$out" || fail "$label: import: $out"
    grep -q "the same schema" <<<"$out" || fail "$label: import --verify: $out"
    [ "$(find "$work/$id/ours" -name up.sql | wc -l)" = "$count" ] || fail "$label: not $count folders"
    echo "$label: import-migrations converted $count files, verified on a sandbox ($((t1 - t0)) ms)"
}

# newdb NAME: a fresh database in $db (not in a subshell: cleanup drops what is listed)
newdb() {
    db="uaip_foreign_$1_$$"
    createdb "$db"
    databases+=("$db")
}

# dbmate: db/migrations/VERSION_name.sql with -- migrate:up / -- migrate:down
newdb dbmate
mkdir -p "$work/dbmate/db/migrations"
for i in $(seq 1 "$count"); do
    v=$(printf '202401010%05d' "$i")
    printf -- '-- migrate:up\nCREATE TABLE t%02d (id integer PRIMARY KEY, note text);\n\n-- migrate:down\nDROP TABLE t%02d;\n' \
        "$i" "$i" >"$work/dbmate/db/migrations/${v}_create_t$i.sql"
done
(cd "$work/dbmate" && DATABASE_URL="postgres://$PGUSER@/$db?socket=$PGHOST&port=$PGPORT&sslmode=disable" \
    "$cache/node_modules/.bin/dbmate" --no-dump-schema up >/dev/null)
import dbmate dbmate "$db" "$work/dbmate/db/migrations"
check dbmate dbmate "$db" schema_migrations

# node-pg-migrate: migrations/TIMESTAMP_name.sql with -- Up Migration / -- Down Migration
# (SQL migrations, which import-migrations converts; its JavaScript ones are listed to convert
# by hand)
newdb pgm
mkdir -p "$work/node-pg-migrate/migrations"
for i in $(seq 1 "$count"); do
    ts=$((1700000000000 + i))
    printf -- '-- Up Migration\nCREATE TABLE t%02d (id integer PRIMARY KEY, note text);\n\n-- Down Migration\nDROP TABLE t%02d;\n' \
        "$i" "$i" >"$work/node-pg-migrate/migrations/${ts}_create-t$i.sql"
done
node "$cache/run-tools.js" pgm "$work/node-pg-migrate/migrations" "$db"
import node-pg-migrate node-pg-migrate "$db" "$work/node-pg-migrate/migrations"
check node-pg-migrate node-pg-migrate "$db" pgmigrations

# TypeORM: classes <Name><timestamp>, in a table of a custom name (migrationsTableName)
newdb typeorm
mkdir -p "$work/typeorm/migrations"
for i in $(seq 1 "$count"); do
    ts=$((1700000000000 + i))
    name=$(printf 'CreateT%02d%s' "$i" "$ts")
    printf 'module.exports.%s = class %s {\n  async up(queryRunner) { await queryRunner.query(`CREATE TABLE t%02d (id integer PRIMARY KEY, note text)`); }\n  async down(queryRunner) { await queryRunner.query(`DROP TABLE t%02d`); }\n};\n' \
        "$name" "$name" "$i" "$i" >"$work/typeorm/migrations/$ts-CreateT$i.js"
done
node "$cache/run-tools.js" typeorm "$work/typeorm/migrations" "$db" typeorm_history
import TypeORM typeorm "$db" "$work/typeorm/migrations" --table typeorm_history
check TypeORM typeorm "$db" typeorm_history --table typeorm_history

echo "all three tools' histories adopted"
