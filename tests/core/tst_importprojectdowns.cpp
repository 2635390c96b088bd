// import-migrations on ente-io/ente's golang-migrate history (124 migrations):
// - a down file with only comments ("-- do nothing", "-- noop since we can't remove a value from
//   an enum") is the project's deliberate no-op: kept with its comments and SELECT 1; so that it
//   runs, counted as "no down needed", never replaced by a generated down (D2); an empty down
//   file (what `migrate create` leaves) still gets one;
// - the refused generated down of an int -> bigint change names the table.column the serial's
//   sequence belongs to (D3);
// - a down file of the project that does not parse is written unchanged, with a warning naming
//   file:line:col and the parser's message (D4).
#include "drift/importdowngenerator.h"
#include "foreign/migrationimporter.h"
#include "importtestutil.h"
#include "ledger/importformat.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QList<ImportedMigration> generated(QList<ImportedMigration> migrations, QStringList *notes)
{
    if (const Status made = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("golang-migrate"), migrations, notes, {});
        !made)
        qFatal("%s", qPrintable(made.error().toString()));
    return migrations;
}

ImportResult import(const char *tool, const QString &src)
{
    return MigrationImporter::read(*ImportFormat::find(QLatin1String(tool)), src);
}

Run importMigrations(const char *tool, const QString &src, const QString &out)
{
    return migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                               QStringLiteral("--json"), QStringLiteral("import-migrations"),
                               QStringLiteral("--from"), QLatin1String(tool), src,
                               QStringLiteral("--out"), out});
}

QJsonObject migrationIn(const Run &r, const QString &folder)
{
    for (const QJsonValue &v : r.json().value(QStringLiteral("migrations")).toArray())
        if (v.toObject().value(QStringLiteral("folder")).toString() == folder)
            return v.toObject();
    return {};
}

// ente's comments-only downs, word for word
constexpr const char *kEnumNoOp
    = "-- noop since we can't remove a value from an enum (a new type would have to be made, "
      "every column moved to it) and a migration is expensive\n";
constexpr const char *kDoNothing = "-- # DO NOTHING\n";

} // namespace

class TestImportProjectDowns : public QObject
{
    Q_OBJECT

private slots:
    // D3: ente's collections.collection_id, a serial int4, altered to bigint
    void bigintSerialNamesTheSequencesColumn()
    {
        QTemporaryDir src;
        put(src.filePath(QStringLiteral("1_init.up.sql")),
            "CREATE TABLE collections (collection_id SERIAL PRIMARY KEY, name text);\n"
            "CREATE TABLE users (user_id SERIAL PRIMARY KEY);\n");
        put(src.filePath(QStringLiteral("1_init.down.sql")), "DROP TABLE collections, users;\n");
        put(src.filePath(QStringLiteral("2_bigint.up.sql")),
            "ALTER TABLE collections ALTER COLUMN collection_id TYPE bigint;\n"
            "ALTER SEQUENCE collections_collection_id_seq AS bigint;\n");
        // ente's 25_alter_ids_to_bigint: the serial made a bigint identity column, whose
        // sequence has the serial's name
        put(src.filePath(QStringLiteral("3_identity.up.sql")),
            "ALTER TABLE users ALTER COLUMN user_id TYPE BIGINT;\n\n"
            "BEGIN;\nALTER TABLE users ALTER user_id DROP DEFAULT;\n"
            "DROP SEQUENCE users_user_id_seq;\nALTER TABLE users\n"
            "    ALTER user_id ADD GENERATED ALWAYS AS IDENTITY (RESTART 1580559962386438);\n"
            "COMMIT;\n");
        const ImportResult r = import("golang-migrate", src.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.review(), QStringList({"2_bigint", "3_identity"}));
        QStringList notes;
        const QList<ImportedMigration> set = generated(r.migrations, &notes);
        // the int -> bigint serial: a down that passed its round trip
        QVERIFY2(set[1].downFromSchema, set[1].downSql.constData());
        const QByteArray &down = set[2].downSql;
        QVERIFY2(
            !down.contains("belongs to ,")
                && down.contains("-- -- REVIEW (not_generated): sequence public.users_user_id_seq "
                                 "changed: it now comes with column public.users.user_id (its "
                                 "CREATE makes it) and is to be one of its own (OWNED BY "
                                 "public.users.user_id): change it by hand"),
            down.constData());
    }

    // D2: ente's golang-migrate downs that only say "do nothing" are kept as they are, run, and
    // are counted as no down needed; the empty down file `migrate create` leaves is not one
    void commentOnlyDownsAreTheProjectsNoOps()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/1_init.up.sql"),
            "CREATE TYPE role AS ENUM ('USER');\nCREATE TABLE t (id int, r role);\n");
        put(src + QStringLiteral("/1_init.down.sql"), "DROP TABLE t;\nDROP TYPE role;\n");
        put(src + QStringLiteral("/2_admin.up.sql"), "ALTER TYPE role ADD VALUE 'ADMIN';\n");
        put(src + QStringLiteral("/2_admin.down.sql"), kEnumNoOp);
        put(src + QStringLiteral("/3_bump.up.sql"), "INSERT INTO t VALUES (1, 'USER');\n");
        put(src + QStringLiteral("/3_bump.down.sql"), kDoNothing);
        put(src + QStringLiteral("/4_u.up.sql"), "CREATE TABLE u (id int);\n");
        put(src + QStringLiteral("/4_u.down.sql"), "");
        const ImportResult r = import("golang-migrate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.review(), QStringList{QStringLiteral("4_u")});
        for (int i : {1, 2}) {
            const ImportedMigration &m = r.migrations[i];
            QVERIFY(m.downKeptNoOp && m.downRunsNothing && !m.downGenerated);
            QVERIFY2(m.downSql.contains(i == 1 ? kEnumNoOp : kDoNothing)
                         && m.downSql.endsWith("\nSELECT 1; -- the project's down runs nothing\n"),
                     m.downSql.constData());
        }
        QVERIFY(!r.migrations[0].downKeptNoOp && !r.migrations[3].downKeptNoOp);

        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run run = importMigrations("golang-migrate", src, out);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject admin = migrationIn(run, QStringLiteral("2_admin"));
        QVERIFY(admin.value(QStringLiteral("down_runs_nothing")).toBool()
                && admin.value(QStringLiteral("down_kept_no_op")).toBool());
        QVERIFY(!admin.value(QStringLiteral("down_generated")).toBool());
        QVERIFY2(migrationIn(run, QStringLiteral("4_u"))
                     .value(QStringLiteral("down_from_schema"))
                     .toBool(),
                 qPrintable(run.out));
        QCOMPARE(read(out + QStringLiteral("/2_admin/down.sql")), r.migrations[1].downSql);
        // every down runs: the whole history rolled back
        TestDatabase db;
        const Run up = migrate(on(db, out) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        const Run down = migrate(on(db, out) << QStringLiteral("down") << QStringLiteral("--all"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_type WHERE typname = 'role'"),
                 QStringLiteral("0"));
    }

    // D2 where the down is a section (dbmate) or diesel's down.sql: comments of the project's are
    // its no-op, the tool's own template or an empty section is no down at all
    void sectionsAndTemplates()
    {
        QTemporaryDir dbmate;
        put(dbmate.filePath(QStringLiteral("1_a.sql")),
            "-- migrate:up\ncreate table a (id int);\n-- migrate:down\n-- keep a: do nothing\n");
        put(dbmate.filePath(QStringLiteral("2_b.sql")),
            "-- migrate:up\ncreate table b (id int);\n-- migrate:down\n\n");
        ImportResult r = import("dbmate", dbmate.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QVERIFY(r.migrations[0].downKeptNoOp && !r.migrations[0].downGenerated);
        QVERIFY2(r.migrations[0].downSql.contains("\n-- keep a: do nothing\n\nSELECT 1;"),
                 r.migrations[0].downSql.constData());
        QCOMPARE(r.review(), QStringList{QStringLiteral("2_b")});
        QTemporaryDir diesel;
        put(diesel.filePath(QStringLiteral("2024-01-01-000000_a/up.sql")),
            "-- Your SQL goes here\nCREATE TABLE a (id int);\n");
        put(diesel.filePath(QStringLiteral("2024-01-01-000000_a/down.sql")),
            "-- This file should undo anything in `up.sql`\n");
        put(diesel.filePath(QStringLiteral("2024-01-02-000000_b/up.sql")), "SELECT 1;\n");
        put(diesel.filePath(QStringLiteral("2024-01-02-000000_b/down.sql")),
            "-- This file should undo anything in `up.sql`\n-- nothing to undo\n");
        r = import("diesel", diesel.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.review(), QStringList{QStringLiteral("20240101000000_a")});
        QVERIFY(r.migrations[1].downKeptNoOp);
    }

    // D4: a down of the project's that does not parse is written unchanged, and named with
    // file:line:col (the section's line in the file) and the parser's message
    void aDownThatDoesNotParseIsNamed()
    {
        QTemporaryDir src;
        put(src.filePath(QStringLiteral("1_a.up.sql")),
            "CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n");
        const QByteArray broken = "DROP TABLE a;\nDROP INDEX IF NOT EXISTS a_id;\n";
        put(src.filePath(QStringLiteral("1_a.down.sql")), broken);
        put(src.filePath(QStringLiteral("2_b.up.sql")), "CREATE TABLE b (id int);\n");
        ImportResult r = import("golang-migrate", src.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        // the other downs are generated and proved all the same
        QStringList notes;
        QVERIFY2(generated(r.migrations, &notes)[1].downFromSchema, qPrintable(notes.join(u'\n')));
        QCOMPARE(r.warnings.size(), 1); // at the parser's file:line:col, not by its words
        QVERIFY2(r.warnings.first().startsWith(QStringLiteral("1_a.down.sql:2:15: ")),
                 qPrintable(r.warnings.first()));
        QVERIFY2(
            r.migrations[0].downSql.endsWith("\n" + broken)
                && r.migrations[0].downSql.contains(
                    "-- import-migrations: the down migration does not parse (1_a.down.sql:2:15: "),
            r.migrations[0].downSql.constData());
        // the command says it too, in --json
        QTemporaryDir out;
        const Run cli
            = importMigrations("golang-migrate", src.path(), out.filePath(QStringLiteral("ours")));
        const QJsonObject warning
            = cli.json().value(QStringLiteral("warnings")).toArray().first().toObject();
        QVERIFY2(cli.exitCode == 0
                     && warning.value(QStringLiteral("kind")).toString() == QLatin1String("warning")
                     && warning.value(QStringLiteral("message")).toString() == r.warnings.first(),
                 qPrintable(cli.out + cli.err));
        QTemporaryDir dbmate;
        put(dbmate.filePath(QStringLiteral("1_b.sql")),
            "-- migrate:up\ncreate table b (id int);\n\n-- migrate:down\ndrop tabel b;\n");
        r = import("dbmate", dbmate.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings[0].startsWith(QStringLiteral("1_b.sql:5:6: ")),
                 qPrintable(r.warnings[0]));
        QVERIFY(!r.migrations[0].downKeptNoOp && !r.migrations[0].downGenerated);
    }
};

QTEST_GUILESS_MAIN(TestImportProjectDowns)
#include "tst_importprojectdowns.moc"
