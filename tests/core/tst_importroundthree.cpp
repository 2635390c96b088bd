// Issue 45, coming from another tool, round three:
// - a Prisma or Flyway file with its own BEGIN; ... COMMIT; (Prisma's template for changing an
//   enum, Flyway in lower case) is imported with them blanked and a note, applies, gets proved
//   downs, and adopts without --accept-checksum: the header keeps the checksum of the file the
//   tool ran (point 1);
// - the generated down converts a column from one enum type to another through text (42846
//   without it; point 4);
// - a down.sql that refuses to run says why in its comments: the error, what differed, and the
//   generated SQL that was refused (point 7); the problems of a refused plan are printed, not
//   only "2 problem(s) in the plan";
// - a data-only migration's down runs nothing: "no down needed, data not restored", never
//   counted as proved (point 8);
// - --accept-checksum is recorded: the adopt event and --json keep both checksums (point 9);
// - a Prisma folder with only a migration.ts is named with what it holds, and --exclude leaves
//   it out (point 6);
// - a statement changing the tool's own table is convert by hand at file:line, and the tool's
//   table with a column a migration added is still the tool's (point 3);
// - a renamed table (its serial, key and index too) is renamed back by the generated down, its
//   rows kept (point 5).
#include "drift/importdowngenerator.h"
#include "foreign/foreignchecksum.h"
#include "foreign/importedmigration.h"
#include "importtestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QList<ImportedMigration> generated(QList<ImportedMigration> migrations, QStringList *notes)
{
    if (const Status made = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), migrations, notes, {});
        !made)
        qFatal("%s", qPrintable(made.error().toString()));
    return migrations;
}

Run importMigrations(const char *tool, const QString &src, const QString &out)
{
    return migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                               QStringLiteral("--json"), QStringLiteral("import-migrations"),
                               QStringLiteral("--from"), QLatin1String(tool), src,
                               QStringLiteral("--out"), out});
}

// Prisma's own template for an enum losing a value (what `prisma migrate dev` writes), twice in
// one file, with a statement after the last COMMIT.
constexpr const char *kPrismaInit
    = "-- CreateEnum\nCREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'GUEST');\n\n"
      "-- CreateEnum\nCREATE TYPE \"Plan\" AS ENUM ('FREE', 'PRO', 'OLD');\n\n"
      "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL NOT NULL,\n"
      "    \"role\" \"Role\" NOT NULL DEFAULT 'USER',\n    \"plan\" \"Plan\" NOT NULL DEFAULT "
      "'FREE',\n\n    CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\")\n);\n";
constexpr const char *kPrismaEnums
    = "-- AlterEnum\nBEGIN;\nCREATE TYPE \"Role_new\" AS ENUM ('USER', 'ADMIN');\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"role\" DROP DEFAULT;\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role_new\" USING (\"role\"::text::"
      "\"Role_new\");\nALTER TYPE \"Role\" RENAME TO \"Role_old\";\n"
      "ALTER TYPE \"Role_new\" RENAME TO \"Role\";\nDROP TYPE \"Role_old\";\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"role\" SET DEFAULT 'USER';\nCOMMIT;\n\n"
      "-- AlterEnum\nBEGIN;\nCREATE TYPE \"Plan_new\" AS ENUM ('FREE', 'PRO');\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"plan\" DROP DEFAULT;\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"plan\" TYPE \"Plan_new\" USING (\"plan\"::text::"
      "\"Plan_new\");\nALTER TYPE \"Plan\" RENAME TO \"Plan_old\";\n"
      "ALTER TYPE \"Plan_new\" RENAME TO \"Plan\";\nDROP TYPE \"Plan_old\";\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"plan\" SET DEFAULT 'FREE';\nCOMMIT;\n\n"
      "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n";

QJsonObject migrationIn(const Run &r, const QString &folder)
{
    for (const QJsonValue &v : r.json().value(QStringLiteral("migrations")).toArray())
        if (v.toObject().value(QStringLiteral("folder")).toString() == folder)
            return v.toObject();
    return {};
}

} // namespace

class TestImportRoundThree : public QObject
{
    Q_OBJECT

private slots:
    void prismaEnumTemplateImportsAppliesAndAdopts()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/20240101000000_init/migration.sql"), kPrismaInit);
        put(src + QStringLiteral("/20240102000000_enums/migration.sql"), kPrismaEnums);
        put(src + QStringLiteral("/migration_lock.toml"), "provider = \"postgresql\"\n");
        // the project's own TypeScript data migration (point 6): named, then left out
        put(src + QStringLiteral("/20240101500000_seed/migration.ts"), "export {};\n");
        const QString out = tmp.filePath(QStringLiteral("ours"));
        Run r = importMigrations("prisma", src, out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QStringLiteral("only migration.ts")), qPrintable(r.out));
        r = migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                                QStringLiteral("--json"), QStringLiteral("import-migrations"),
                                QStringLiteral("--from"), QStringLiteral("prisma"), src,
                                QStringLiteral("--out"), out, QStringLiteral("--exclude"),
                                QStringLiteral("*_seed")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.json().value(QStringLiteral("excluded")).toArray().at(0).toString(),
                 QStringLiteral("20240101500000_seed"));
        const QJsonObject enums = migrationIn(r, QStringLiteral("20240102000000_enums"));
        QVERIFY(enums.value(QStringLiteral("own_transaction_removed")).toBool());
        QVERIFY2(enums.value(QStringLiteral("down_from_schema")).toBool(), qPrintable(r.out));
        QVERIFY(migrationIn(r, QStringLiteral("20240101000000_init"))
                    .value(QStringLiteral("down_from_schema"))
                    .toBool());
        const QByteArray up = read(out + QStringLiteral("/20240102000000_enums/up.sql"));
        QVERIFY2(up.contains("-- import-migrations: source checksum "
                             + ForeignChecksum::prisma(kPrismaEnums).toUtf8()),
                 up.constData());
        QVERIFY2(up.contains("the file's own BEGIN and COMMIT blanked at lines 2 and 10, 13 and "
                             "21: the migration runs in one transaction of its own"),
                 up.constData());
        QVERIFY(!up.contains("BEGIN;") && !up.contains("COMMIT;"));

        // The database as Prisma left it: the files as psql runs them, and its history.
        TestDatabase db;
        exec(db, kPrismaInit);
        exec(db, "INSERT INTO \"User\" (role, plan) VALUES ('ADMIN', 'PRO');");
        exec(db, kPrismaEnums);
        exec(db,
             kPrismaHistoryTable
                 + "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, "
                   "applied_steps_count) VALUES ('1', '"
                 + ForeignChecksum::prisma(kPrismaInit).toUtf8()
                 + "', '2024-01-01', '20240101000000_init', 1), ('2', '"
                 + ForeignChecksum::prisma(kPrismaEnums).toUtf8()
                 + "', '2024-01-02', '20240102000000_enums', 1);");
        Run adopt = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                        << QStringLiteral("prisma"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        // the next rollback is Prisma's last migration, and the data stays
        Run down = migrate(on(db, out) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QCOMPARE(db.scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum "
                           "e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'Role'"),
                 QStringLiteral("USER,ADMIN,GUEST"));
        QCOMPARE(db.scalar("SELECT role::text || ' ' || plan::text FROM \"User\""),
                 QStringLiteral("ADMIN PRO"));

        // A second import gives the same files.
        QVERIFY(QDir(src + QStringLiteral("/20240101500000_seed")).removeRecursively());
        const QString again = tmp.filePath(QStringLiteral("again"));
        QCOMPARE(importMigrations("prisma", src, again).exitCode, 0);
        for (const char *f : {"/20240101000000_init/down.sql", "/20240102000000_enums/up.sql",
                              "/20240102000000_enums/down.sql"})
            QCOMPARE(read(again + QLatin1String(f)), read(out + QLatin1String(f)));
    }

    // Flyway in lower case: the file's begin; ... commit; inside Flyway's own transaction.
    void flywayLowerCaseBeginCommitAdopts()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        const QByteArray v1 = "create table item (id int primary key);\n";
        const QByteArray v2 = "begin;\nalter table item add column price numeric;\n"
                              "update item set price = 0;\ncommit;\n";
        put(src + QStringLiteral("/V1__item.sql"), v1);
        put(src + QStringLiteral("/V2__price.sql"), v2);
        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run r = importMigrations("flyway", src, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(migrationIn(r, QStringLiteral("2_price"))
                    .value(QStringLiteral("own_transaction_removed"))
                    .toBool());
        TestDatabase db;
        exec(db, v1 + v2);
        exec(db,
             kFlywayHistoryTable
                 + QStringLiteral("INSERT INTO flyway_schema_history (installed_rank, version, "
                                  "description, type, script, checksum, installed_by, "
                                  "execution_time, success) VALUES "
                                  "(1, '1', 'item', 'SQL', 'V1__item.sql', %1, 'x', 1, true), "
                                  "(2, '2', 'price', 'SQL', 'V2__price.sql', %2, 'x', 1, "
                                  "true);")
                       .arg(ForeignChecksum::flyway(v1))
                       .arg(ForeignChecksum::flyway(v2))
                       .toUtf8());
        const Run adopt = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                              << QStringLiteral("flyway"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        const Run down = migrate(on(db, out) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name = "
                           "'price'"),
                 QStringLiteral("0"));
    }

    // Point 3: a golang-migrate project that adds a column to schema_migrations and drops it
    // later. The import lists those statements to convert by hand (file:line); the tool's table
    // with the extra column is still the tool's, and adopt takes it over.
    void aMigrationThatChangesTheToolsTable()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/1_init.up.sql"), "CREATE TABLE users (id int);\n");
        put(src + QStringLiteral("/1_init.down.sql"), "DROP TABLE users;\n");
        put(src + QStringLiteral("/2_mark.up.sql"),
            "CREATE TABLE t2 (id int);\n\nALTER TABLE schema_migrations\n    ADD COLUMN "
            "applied_by text;\n");
        put(src + QStringLiteral("/2_mark.down.sql"),
            "DROP TABLE t2;\nALTER TABLE public.schema_migrations DROP COLUMN applied_by;\n");
        const Run r = importMigrations("golang-migrate", src, tmp.filePath(QStringLiteral("o")));
        QCOMPARE(r.exitCode, 3);
        const QString byHand = QJsonDocument(r.json().value(QStringLiteral("by_hand")).toArray())
                                   .toJson(QJsonDocument::Compact);
        QVERIFY2(
            byHand.contains(QStringLiteral(
                "2_mark.up.sql:3: changes golang-migrate's own table schema_migrations "
                "(ALTER TABLE schema_migrations ADD COLUMN applied_by text): our ledger is "
                "kept elsewhere"))
                && byHand.contains(QStringLiteral("2_mark.down.sql:2: changes golang-migrate's "
                                                  "own table schema_migrations")),
            qPrintable(byHand));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("o"))));

        // The database at version 2, and the set converted by hand.
        TestDatabase db;
        exec(db,
             "CREATE TABLE users (id int); CREATE TABLE t2 (id int);\n"
             "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty "
             "boolean NOT NULL);\nALTER TABLE schema_migrations ADD COLUMN applied_by text;\n"
             "INSERT INTO schema_migrations VALUES (2, false, 'ci');");
        MigrationFolder f;
        f.add(QStringLiteral("1_init"), "CREATE TABLE users (id int);\n", "DROP TABLE users;\n");
        f.add(QStringLiteral("2_mark"), "CREATE TABLE t2 (id int);\n", "DROP TABLE t2;\n");
        const Run foreign
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("foreign"));
        QVERIFY2(foreign.exitCode == 0, qPrintable(foreign.out + foreign.err));
        const QJsonObject ledger
            = foreign.json().value(QStringLiteral("ledgers")).toArray().at(0).toObject();
        QCOMPARE(ledger.value(QStringLiteral("tool")).toString(), QStringLiteral("golang-migrate"));
        QCOMPARE(ledger.value(QStringLiteral("extra_columns")).toArray().at(0).toString(),
                 QStringLiteral("applied_by text"));
        const Run adopt
            = migrate(on(db, f.path()) << QStringLiteral("adopt") << QStringLiteral("--from")
                                       << QStringLiteral("golang-migrate"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
    }

    void enumToEnumDownGoesThroughText()
    {
        QStringList notes;
        const QList<ImportedMigration> set = generated(
            {withoutDown(QStringLiteral("20240101000000_init"),
                         "CREATE TYPE \"Colour\" AS ENUM ('RED', 'BLUE');\n"
                         "CREATE TYPE \"Hue\" AS ENUM ('RED', 'BLUE', 'GREEN');\n"
                         "CREATE TABLE \"Paint\" (id int, c \"Colour\" NOT NULL DEFAULT 'RED', cs "
                         "\"Colour\"[]);\n"
                         "INSERT INTO \"Paint\" VALUES (1, 'BLUE', '{RED,BLUE}');\n"),
             withoutDown(
                 QStringLiteral("20240102000000_hue"),
                 "ALTER TABLE \"Paint\" ALTER COLUMN c DROP DEFAULT;\n"
                 "ALTER TABLE \"Paint\" ALTER COLUMN c TYPE \"Hue\" USING c::text::\"Hue\";\n"
                 "ALTER TABLE \"Paint\" ALTER COLUMN c SET DEFAULT 'RED';\n"
                 "ALTER TABLE \"Paint\" ALTER COLUMN cs TYPE \"Hue\"[] USING "
                 "cs::text[]::\"Hue\"[];\n")},
            &notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
        QVERIFY2(set[1].downFromSchema && !set[1].downRunsNothing, set[1].downSql.constData());
        QVERIFY2(set[1].downSql.contains("USING c::text::\"Colour\";"), set[1].downSql.constData());
        QVERIFY2(set[1].downSql.contains("USING cs::text[]::\"Colour\"[];"),
                 set[1].downSql.constData());
    }

    // Point 5: a table renamed, with its serial, its key and an index renamed too: the down
    // renames them back (the rows stay), instead of a DROP that takes the sequence with it.
    void aRenamedTableIsRenamedBack()
    {
        QStringList notes;
        const QList<ImportedMigration> set = generated(
            {withoutDown(QStringLiteral("20240101000000_init"),
                         "CREATE TABLE \"Old\" (id serial PRIMARY KEY, name text NOT NULL,\n"
                         "    parent int REFERENCES \"Old\"(id));\n"
                         "CREATE INDEX \"Old_name_idx\" ON \"Old\" (name);\n"
                         "CREATE TABLE child (id int, old_id int REFERENCES \"Old\"(id));\n"),
             withoutDown(QStringLiteral("20240102000000_rename"),
                         "ALTER TABLE \"Old\" RENAME TO \"New\";\n"
                         "ALTER TABLE \"New\" RENAME CONSTRAINT \"Old_pkey\" TO \"New_pkey\";\n"
                         "ALTER INDEX \"Old_name_idx\" RENAME TO \"New_name_idx\";\n")},
            &notes);
        QVERIFY2(notes.isEmpty(), set[1].downSql.constData());
        const QByteArray &down = set[1].downSql;
        QVERIFY2(set[1].downFromSchema && !set[1].downRunsNothing, down.constData());
        QVERIFY2(down.contains("\nALTER TABLE public.\"New\" RENAME TO \"Old\";\n")
                     && down.contains("ALTER TABLE public.\"Old\" RENAME CONSTRAINT \"New_pkey\" "
                                      "TO \"Old_pkey\";")
                     && down.contains("ALTER INDEX public.\"New_name_idx\" RENAME TO "
                                      "\"Old_name_idx\";")
                     && !down.contains("DROP TABLE"),
                 down.constData());
        // on a database with rows, the rows stay and the serial goes on
        TestDatabase db;
        exec(db, set[0].upSql + "INSERT INTO \"Old\" (name) VALUES ('a'), ('b');\n" + set[1].upSql);
        exec(db, "BEGIN;\n" + down + "COMMIT;\n");
        exec(db, "INSERT INTO \"Old\" (name) VALUES ('c');");
        QCOMPARE(db.scalar("SELECT string_agg(id || name, ',' ORDER BY id) FROM \"Old\""),
                 QStringLiteral("1a,2b,3c"));
    }

    void refusingDownsSayWhy()
    {
        QStringList notes;
        QList<ImportedMigration> set = generated(
            {withoutDown(QStringLiteral("20240101000000_init"),
                         "CREATE TABLE public.t (id int);\n"
                         "CREATE AGGREGATE public.total (int) (sfunc = int4pl, stype = int);\n"),
             withoutDown(QStringLiteral("20240102000000_broken"),
                         "CREATE TABLE public.u (id int);\nSELECT 1 / 0;\n"),
             withoutDown(QStringLiteral("20240103000000_after"),
                         "CREATE TABLE public.v (id int);\n")},
            &notes);
        QCOMPARE(notes.size(), 3);
        const QByteArray &first = set[0].downSql;
        QVERIFY2(!set[0].downFromSchema
                     && first.contains("\n-- Why no down.sql was generated: the generated "
                                       "down.sql did not pass its round trip: the schema was not "
                                       "restored: ")
                     && first.contains("aggregate public.total(integer)")
                     && first.contains("-- The generated down.sql that was refused, for "
                                       "reference:\n")
                     && first.contains("\n-- DROP TABLE public.t;\n")
                     && first.contains("RAISE EXCEPTION")
                     && !first.contains("round2/"), // the same bytes from the same input
                 first.constData());
        for (int i : {1, 2}) {
            QVERIFY2(set[i].downSql.contains(
                         "-- Why no down.sql was generated: 20240102000000_broken's up.sql fails "
                         "on an empty database (")
                         && set[i].downSql.contains("22012"), // division_by_zero
                     set[i].downSql.constData());
        }
    }

    void dataOnlyDownRunsNothing()
    {
        QStringList notes;
        const QList<ImportedMigration> set
            = generated({withoutDown(QStringLiteral("20240101000000_init"),
                                     "CREATE TABLE public.t (id int);\n"),
                         withoutDown(QStringLiteral("20240102000000_rows"),
                                     "INSERT INTO public.t VALUES (1), (2);\n")},
                        &notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
        QVERIFY(set[0].downFromSchema && !set[0].downRunsNothing);
        QVERIFY(set[1].downFromSchema && set[1].downRunsNothing);
    }

    void acceptedChecksumsAreRecorded()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__c.sql"), "CREATE TABLE c (id int);\n");
        const QString out = tmp.filePath(QStringLiteral("ours"));
        QCOMPARE(importMigrations("flyway", src, out).exitCode, 0);
        TestDatabase db;
        exec(db,
             kFlywayHistoryTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'c', 'SQL', 'V1__c.sql', 7, 'x', 1, true);");
        const Run adopt
            = migrate(on(db, out) << QStringLiteral("--json") << QStringLiteral("adopt")
                                  << QStringLiteral("--from") << QStringLiteral("flyway")
                                  << QStringLiteral("--accept-checksum") << QStringLiteral("1"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        const QJsonObject accepted = adopt.json()
                                         .value(QStringLiteral("rows"))
                                         .toArray()
                                         .at(0)[QStringLiteral("accepted_checksum")]
                                         .toObject();
        QCOMPARE(accepted.value(QStringLiteral("recorded")).toString(), QStringLiteral("7"));
        QCOMPARE(accepted.value(QStringLiteral("file")).toString(), QStringLiteral("-2102380136"));
        const Run history
            = migrate(on(db, out) << QStringLiteral("--json") << QStringLiteral("history"));
        QVERIFY2(history.out.contains(QStringLiteral(
                     "checksum accepted with --accept-checksum 1: Flyway recorded 7, 1_c/up.sql "
                     "has -2102380136")),
                 qPrintable(history.out));
    }
};

QTEST_GUILESS_MAIN(TestImportRoundThree)
#include "tst_importroundthree.moc"
