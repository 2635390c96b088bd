// import-migrations, the converter (MigrationImporter): each tool's files written exactly as the
// tool writes them (dbmate's sections and transaction:false, golang-migrate's pairs, Flyway's V/U
// files, .conf and R__ repeatables, node-pg-migrate's markers and JavaScript files,
// diesel's folders and metadata.toml, Prisma's migration.sql folders, TypeORM's classes), with a
// BOM, CRLF, quotes and a missing down; the converted set applied on the sandbox, a generated
// down.sql failing with the file's name.
#include "foreign/importwriter.h"
#include "foreign/migrationimporter.h"
#include "ledger/importformat.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

void put(const QTemporaryDir &dir, const QString &rel, const QByteArray &bytes)
{
    const QString path = dir.filePath(rel);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

ImportResult import(const char *tool, const QTemporaryDir &dir)
{
    const ImportFormat *format = ImportFormat::find(QString::fromLatin1(tool));
    if (!format)
        qFatal("no format %s", tool);
    return MigrationImporter::read(*format, dir.path());
}

QStringList folders(const ImportResult &r)
{
    QStringList out;
    for (const ImportedMigration &m : r.migrations)
        out << m.folder;
    return out;
}

// Writes the set into out and applies it on a fresh sandbox database; the runner's result.
RunResult applyAll(const ImportResult &r, TestDatabase &db, MigrationSource &source,
                   const QTemporaryDir &out = QTemporaryDir())
{
    const QString target = out.filePath(QStringLiteral("converted"));
    const QString error = ImportWriter::write(r.migrations, target, false);
    if (!error.isEmpty()) {
        RunResult failed;
        failed.outcome = RunResult::Outcome::BadInput;
        failed.message = error;
        return failed;
    }
    if (!source.load(target)) {
        RunResult failed;
        failed.outcome = RunResult::Outcome::BadInput;
        failed.message = source.errors().join(u'\n');
        return failed;
    }
    MigrationRunner runner(db.witness(), source.migrations(), {});
    return runner.up();
}

// TypeORM migrations: as `typeorm migration:generate` writes one, a JavaScript one, and three to
// convert by hand (SQL built at run time, parameters, the query builder).
void putTypeOrmMigrations(const QTemporaryDir &src)
{
    // as `typeorm migration:generate` writes it
    put(src, QStringLiteral("1700000000001-AddPosts.ts"),
        "import { MigrationInterface, QueryRunner } from \"typeorm\";\n"
        "\n"
        "export class AddPosts1700000000001 implements MigrationInterface {\n"
        "    name = 'AddPosts1700000000001'\n"
        "\n"
        "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "        await queryRunner.query(`CREATE TABLE \"post\" (\"id\" SERIAL NOT NULL, "
        "\"title\" character varying NOT NULL DEFAULT 'it''s', CONSTRAINT "
        "\"PK_be5fda3aac270b134ff9c21cdee\" PRIMARY KEY (\"id\"))`);\n"
        "        await queryRunner.query(`CREATE INDEX \"IDX_title\" ON \"post\" (\"title\") "
        "`);\n"
        "    }\n"
        "\n"
        "    public async down(queryRunner: QueryRunner): Promise<void> {\n"
        "        await queryRunner.query(`DROP INDEX \"public\".\"IDX_title\"`);\n"
        "        await queryRunner.query(`DROP TABLE \"post\"`);\n"
        "    }\n"
        "\n"
        "}\n");
    // JavaScript, quoted strings with escapes, a comment, no down()
    put(src, QStringLiteral("1700000000002-Seed.js"),
        "module.exports = class Seed1700000000002 {\n"
        "  async up(runner) {\n"
        "    // one row\n"
        "    await runner.query('INSERT INTO post (title) VALUES (\\'a\\nb\\')');\n"
        "    await runner.query(\"UPDATE post SET title = title || '\\u00e9'\")\n"
        "  }\n"
        "};\n");
    // built at run time, with parameters, through the query builder: by hand, at the line
    put(src, QStringLiteral("1700000000003-Dynamic.ts"),
        "export class Dynamic1700000000003 {\n"
        "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "        await queryRunner.query(`DROP TABLE ${\"x\"}`);\n"
        "    }\n"
        "}\n");
    put(src, QStringLiteral("1700000000004-Params.ts"),
        "export class Params1700000000004 {\n"
        "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "        await queryRunner.query(`DELETE FROM post WHERE id = $1`, [1]);\n"
        "    }\n"
        "}\n");
    put(src, QStringLiteral("1700000000005-Builder.ts"),
        "export class Builder1700000000005 {\n"
        "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "        await queryRunner.query(`SELECT 1`);\n"
        "        await queryRunner.createTable(new Table({ name: \"x\" }));\n"
        "    }\n"
        "}\n");
}

} // namespace

class TestImportMigrations : public QObject
{
    Q_OBJECT

private slots:
    void dbmate()
    {
        QTemporaryDir src;
        // as `dbmate new` writes them, filled in
        put(src, QStringLiteral("20240101120000_create_users.sql"),
            "-- migrate:up\ncreate table users (id int primary key, name text default 'it''s');\n"
            "\n-- migrate:down\ndrop table users;\n\n");
        put(src, QStringLiteral("20240102120000_add_index.sql"),
            "-- migrate:up transaction:false\ncreate index concurrently users_name on users "
            "(name);\n\n-- migrate:down transaction:false\ndrop index concurrently users_name;\n");
        // Windows line ends, a BOM, and an empty down section
        put(src, QStringLiteral("20240103120000_seed.sql"),
            "\xEF\xBB\xBF-- migrate:up\r\ninsert into users values (1, 'a');\r\n\r\n-- "
            "migrate:down\r\n\r\n");
        put(src, QStringLiteral("README.md"), "not a migration\n");
        const ImportResult r = import("dbmate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r),
                 QStringList({"20240101120000_create_users", "20240102120000_add_index",
                              "20240103120000_seed"}));
        QCOMPARE(r.migrations[0].upSql,
                 QByteArray("-- Imported from dbmate 20240101120000_create_users.sql by "
                            "uaip-migrate import-migrations.\ncreate table users (id int primary "
                            "key, name text default 'it''s');\n\n"));
        QCOMPARE(r.migrations[0].downSql,
                 QByteArray("-- Imported from dbmate 20240101120000_create_users.sql by "
                            "uaip-migrate import-migrations.\ndrop table users;\n\n"));
        QVERIFY(r.migrations[1].noTransaction);
        QVERIFY(r.migrations[1].upSql.contains("\n-- uaip:no-transaction\ncreate index"));
        QVERIFY(r.migrations[1].downSql.contains("\n-- uaip:no-transaction\ndrop index"));
        QVERIFY(!r.migrations[0].noTransaction);
        // the CRLF kept byte for byte, the BOM gone
        QVERIFY(r.migrations[2].upSql.endsWith("\ninsert into users values (1, 'a');\r\n\r\n"));
        QVERIFY(!r.migrations[2].upSql.contains("\xEF\xBB\xBF"));
        QVERIFY(r.migrations[2].downGenerated);
        QCOMPARE(r.review(), QStringList{"20240103120000_seed"});
        QVERIFY(r.migrations[2].downSql.startsWith("-- REVIEW: "));

        TestDatabase db;
        MigrationSource source;
        const QTemporaryDir out;
        const RunResult up = applyAll(r, db, source, out);
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT name FROM users"), QStringLiteral("a"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_name'"),
                 QStringLiteral("1"));
        // the generated down.sql refuses, naming the file
        MigrationRunner runner(db.witness(), source.migrations(), {});
        const RunResult down = runner.down(DownTarget{DownTarget::Kind::Steps, 1, {}});
        QVERIFY(!down.ok());
        QVERIFY2(down.message.contains(
                     QStringLiteral("20240103120000_seed.sql has no down migration in dbmate")),
                 qPrintable(down.message + down.problems.join(u'\n')));
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("1"));
    }

    // dbmate takes any name after the digits; fluidity-app's files are VERSION-name.sql: the
    // name without its leading '-'
    void dbmateNameAfterADash()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("20240104120000-networks.sql"),
            "-- migrate:up\ncreate table networks (id int);\n-- migrate:down\n"
            "drop table networks;\n");
        const ImportResult r = import("dbmate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList{"20240104120000_networks"});
    }

    void dbmateRefusals()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("1_a.sql"), "-- migrate:down\ndrop table a;\n-- migrate:up\nx;\n");
        put(src, QStringLiteral("2_b.sql"),
            "-- a comment\n\ncreate table b ();\n-- migrate:up\nselect 1;\n");
        put(src, QStringLiteral("3_c.sql"), "select 1;\n");
        put(src, QStringLiteral("x_d.sql"), "-- migrate:up\nselect 1;\n");
        const ImportResult r = import("dbmate", src);
        QCOMPARE(
            r.problems,
            QStringList({"x_d.sql:1: not a dbmate migration name (VERSION_name.sql): rename it, or "
                         "leave it out with --exclude 'x_d.sql'",
                         "1_a.sql:1: the down section comes before the up section",
                         "2_b.sql:3: statements before the up section",
                         "3_c.sql:1: no up section (a line like \"-- migrate:up\")"}));
        QTemporaryDir src2;
        put(src2, QStringLiteral("1_a.sql"), "-- migrate:up\nselect 1;\n-- migrate:down\n");
        put(src2, QStringLiteral("01_b.sql"), "-- migrate:up\nselect 1;\n-- migrate:down\n");
        const ImportResult dup = import("dbmate", src2);
        QCOMPARE(dup.problems, QStringList{"1_a.sql:1: version 1 again (also 01_b.sql)"});
    }

    void quotesInAFileName()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("20240104000000_it's 100% $$done$$.sql"),
            "-- migrate:up\ncreate table q (id int);\n-- migrate:down\n");
        const ImportResult r = import("dbmate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList{"20240104000000_it_s_100____done__"});
        TestDatabase db;
        MigrationSource source;
        const QTemporaryDir out;
        QVERIFY(applyAll(r, db, source, out).ok());
        MigrationRunner runner(db.witness(), source.migrations(), {});
        const RunResult down = runner.down(DownTarget{DownTarget::Kind::Steps, 1, {}});
        QVERIFY(!down.ok());
        QVERIFY2(down.message.contains(
                     QStringLiteral("20240104000000_it's 100% $$done$$.sql has no down migration")),
                 qPrintable(down.message + down.problems.join(u'\n')));
    }

    void golangMigrate()
    {
        QTemporaryDir src;
        // as `migrate create -ext sql -seq` names them
        put(src, QStringLiteral("000001_create_users.up.sql"),
            "CREATE TABLE users (id serial PRIMARY KEY);\n");
        put(src, QStringLiteral("000001_create_users.down.sql"), "DROP TABLE users;\n");
        put(src, QStringLiteral("000002_add_email.up.sql"),
            "ALTER TABLE users ADD COLUMN email text;\n");
        const ImportResult r = import("golang-migrate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList({"000001_create_users", "000002_add_email"}));
        QCOMPARE(r.migrations[0].downSql,
                 QByteArray("-- Imported from golang-migrate 000001_create_users.down.sql by "
                            "uaip-migrate import-migrations.\nDROP TABLE users;\n"));
        QVERIFY(!r.migrations[0].downGenerated);
        QCOMPARE(r.review(), QStringList{"000002_add_email"});
        TestDatabase db;
        MigrationSource source;
        QVERIFY(applyAll(r, db, source).ok());

        QTemporaryDir orphan;
        put(orphan, QStringLiteral("3_x.down.sql"), "select 1;\n");
        QCOMPARE(import("golang-migrate", orphan).problems,
                 QStringList{"3_x.down.sql:1: a down migration without its up migration"});
    }

    void flyway()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("V1__init.sql"), "create table t (id int);\n");
        put(src, QStringLiteral("V1_1__add_users.sql"), "create table users (id int);\n");
        put(src, QStringLiteral("U1_1__add_users.sql"), "drop table users;\n");
        put(src, QStringLiteral("V2__index.sql"), "create index concurrently t_id on t (id);\n");
        put(src, QStringLiteral("V2__index.sql.conf"), "executeInTransaction=false\n");
        const ImportResult r = import("flyway", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList({"1_init", "1-1_add_users", "2_index"}));
        QVERIFY(!r.migrations[1].downGenerated);
        QVERIFY(r.migrations[1].downSql.endsWith("drop table users;\n"));
        QVERIFY(r.migrations[2].noTransaction);
        QCOMPARE(r.review(), QStringList({"1_init", "2_index"}));
        TestDatabase db;
        MigrationSource source;
        const RunResult up = applyAll(r, db, source);
        QVERIFY2(up.ok(), qPrintable(up.message));

        // a repeatable migration comes after the versioned ones (tst_importrepeatables)
        put(src, QStringLiteral("R__views.sql"), "create or replace view v as select 1;\n");
        const ImportResult withRepeatable = import("flyway", src);
        QVERIFY2(withRepeatable.ok(), qPrintable(withRepeatable.problems.join(u'\n')));
        QCOMPARE(folders(withRepeatable),
                 QStringList({"1_init", "1-1_add_users", "2_index", "2-1000001_views"}));
    }

    void nodePgMigrate()
    {
        QTemporaryDir src;
        // `node-pg-migrate create --migration-file-language sql`
        put(src, QStringLiteral("1700000000000_create-users.sql"),
            "-- Up Migration\nCREATE TABLE users (id int);\n\n-- Down Migration\nDROP TABLE "
            "users;\n");
        // no marker: the whole file is the up migration (node-pg-migrate's getActions)
        put(src, QStringLiteral("1700000000001_add-name.sql"),
            "ALTER TABLE users ADD COLUMN name text;\n");
        // the down section first, as node-pg-migrate allows
        put(src, QStringLiteral("1700000000003_posts.sql"),
            "-- Down Migration\nDROP TABLE posts;\n-- up migration\nCREATE TABLE posts (id "
            "int);\n");
        put(src, QStringLiteral("1700000000002_js-one.js"),
            "/* eslint-disable camelcase */\n\nexports.up = (pgm) => {\n  "
            "pgm.createTable('x', {});\n};\n");
        const ImportResult r = import("node-pg-migrate", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r),
                 QStringList({"1700000000000_create-users", "1700000000001_add-name",
                              "1700000000003_posts"}));
        QVERIFY(
            r.migrations[2].upSql.endsWith(" import-migrations.\nCREATE TABLE posts (id int);\n"));
        QVERIFY(r.migrations[2].downSql.endsWith(" import-migrations.\nDROP TABLE posts;\n"));
        QVERIFY(r.migrations[0].downSql.endsWith("\nDROP TABLE users;\n"));
        QVERIFY(r.migrations[1].upSql.endsWith("\nALTER TABLE users ADD COLUMN name text;\n"));
        QVERIFY(r.migrations[1].downGenerated);
        QCOMPARE(r.byHand,
                 QStringList{"1700000000002_js-one.js:3: a JavaScript or TypeScript "
                             "migration: convert by hand"});
        TestDatabase db;
        MigrationSource source;
        QVERIFY(applyAll(r, db, source).ok());
    }

    void diesel()
    {
        QTemporaryDir src;
        // `diesel migration generate create_users`
        put(src, QStringLiteral("2024-01-01-000000_create_users/up.sql"),
            "CREATE TABLE users (id SERIAL PRIMARY KEY);\n");
        put(src, QStringLiteral("2024-01-01-000000_create_users/down.sql"), "DROP TABLE users;\n");
        put(src, QStringLiteral("2024-01-02-000000_index/up.sql"),
            "CREATE INDEX CONCURRENTLY users_id ON users (id);\n");
        put(src, QStringLiteral("2024-01-02-000000_index/metadata.toml"),
            "run_in_transaction = false\n");
        put(src, QStringLiteral("00000000000000_diesel_initial_setup/up.sql"), "SELECT 1;\n");
        put(src, QStringLiteral("00000000000000_diesel_initial_setup/down.sql"), "SELECT 1;\n");
        const ImportResult r = import("diesel", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r),
                 QStringList({"00000000000000_diesel_initial_setup", "20240101000000_create_users",
                              "20240102000000_index"}));
        QVERIFY(r.migrations[2].noTransaction);
        QVERIFY(r.migrations[2].downGenerated);
        QVERIFY(r.migrations[2].upSql.contains("-- uaip:no-transaction\nCREATE INDEX"));
        TestDatabase db;
        MigrationSource source;
        const RunResult up = applyAll(r, db, source);
        QVERIFY2(up.ok(), qPrintable(up.message));

        put(src, QStringLiteral("2024-01-03-000000_empty/down.sql"), "SELECT 1;\n");
        QCOMPARE(import("diesel", src).problems,
                 QStringList{"2024-01-03-000000_empty/up.sql:1: missing: the folder has no "
                             "up.sql, only down.sql (leave such folders out with --exclude "
                             "'2024-01-03-000000_empty')"});
    }

    // crates.io's history mixes diesel 1's 20140924113530_x with diesel 2's
    // 2017-08-31-230457_x; diesel records and orders both by their digits (20170831230457), so
    // the imported versions are those digits: dashed folders kept as groups sorted 2017-... before
    // 20140924..., and a table was used by a migration run before the one creating it.
    void dieselMixedVersionStyles()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("20140924113530_create_users/up.sql"),
            "CREATE TABLE users (id int PRIMARY KEY);\n");
        put(src, QStringLiteral("20140924113530_create_users/down.sql"), "DROP TABLE users;\n");
        put(src, QStringLiteral("2017-08-31-230457_invitations/up.sql"),
            "CREATE TABLE invitations (user_id int REFERENCES users);\n");
        put(src, QStringLiteral("2017-08-31-230457_invitations/down.sql"),
            "DROP TABLE invitations;\n");
        put(src, QStringLiteral("2026-07-30-140000-0000_users_index/up.sql"),
            "CREATE INDEX users_id ON users (id);\n");
        const ImportResult r = import("diesel", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r),
                 QStringList({"20140924113530_create_users", "20170831230457_invitations",
                              "202607301400000000_users_index"}));
        TestDatabase db;
        MigrationSource source;
        const RunResult up = applyAll(r, db, source);
        QVERIFY2(up.ok(), qPrintable(up.message));
    }

    void prisma()
    {
        QTemporaryDir src;
        // `prisma migrate dev`: a folder per migration, migration.sql, no down; the lock file
        put(src, QStringLiteral("migration_lock.toml"), "provider = \"postgresql\"\n");
        put(src, QStringLiteral("20240101120000_init/migration.sql"),
            "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL NOT NULL,\n    CONSTRAINT "
            "\"User_pkey\" PRIMARY KEY (\"id\")\n);\n");
        put(src, QStringLiteral("20240102120000_add_email/migration.sql"),
            "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;\n");
        const ImportResult r = import("prisma", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList({"20240101120000_init", "20240102120000_add_email"}));
        QCOMPARE(r.review(), folders(r)); // no down scripts in Prisma
        QVERIFY(r.migrations[1].upSql.endsWith("\n-- AlterTable\nALTER TABLE \"User\" ADD COLUMN "
                                               "\"email\" TEXT;\n"));
        TestDatabase db;
        MigrationSource source;
        const RunResult up = applyAll(r, db, source);
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                           "'User'"),
                 QStringLiteral("2"));

        // A project's own TypeScript data migration beside Prisma's folders: named with what
        // it holds, and left out with --exclude (listed as left out).
        put(src, QStringLiteral("20240103120000_backfill/migration.ts"), "export {};\n");
        put(src, QStringLiteral("20240104120000_empty/.keep"), "");
        QCOMPARE(import("prisma", src).problems,
                 (QStringList{"20240103120000_backfill/migration.sql:1: missing: the folder has "
                              "no migration.sql, only migration.ts (leave such folders out with "
                              "--exclude '20240103120000_backfill')",
                              "20240104120000_empty/migration.sql:1: missing: the folder has no "
                              "migration.sql, only .keep (leave such folders out with --exclude "
                              "'20240104120000_empty')"}));
        ImportOptions options;
        options.exclude = QStringList{QStringLiteral("*_backfill"), QStringLiteral("*_empty")};
        const ImportResult left = MigrationImporter::read(
            *ImportFormat::find(QStringLiteral("prisma")), src.path(), options);
        QVERIFY2(left.ok(), qPrintable(left.problems.join(u'\n')));
        QCOMPARE(folders(left), folders(r));
        QCOMPARE(left.excluded, (QStringList{"20240103120000_backfill", "20240104120000_empty"}));
    }

    void typeorm()
    {
        QTemporaryDir src;
        putTypeOrmMigrations(src);
        const ImportResult r = import("typeorm", src);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(folders(r), QStringList({"1700000000001_AddPosts", "1700000000002_Seed"}));
        QCOMPARE(r.migrations[0].upSql,
                 QByteArray("-- Imported from TypeORM 1700000000001-AddPosts.ts by uaip-migrate "
                            "import-migrations.\nCREATE TABLE \"post\" (\"id\" SERIAL NOT NULL, "
                            "\"title\" character varying NOT NULL DEFAULT 'it''s', CONSTRAINT "
                            "\"PK_be5fda3aac270b134ff9c21cdee\" PRIMARY KEY (\"id\"));\nCREATE "
                            "INDEX \"IDX_title\" ON \"post\" (\"title\");\n"));
        QVERIFY(r.migrations[0].downSql.endsWith(
            "\nDROP INDEX \"public\".\"IDX_title\";\nDROP TABLE \"post\";\n"));
        QCOMPARE(QString::fromUtf8(r.migrations[1].upSql).section(u'\n', 1),
                 QStringLiteral("INSERT INTO post (title) VALUES ('a\nb');\nUPDATE post SET title "
                                "= title || '\u00e9';\n"));
        QVERIFY(r.migrations[1].downGenerated);
        QCOMPARE(r.byHand,
                 QStringList({"1700000000003-Dynamic.ts:3: queryRunner.query() with SQL built at "
                              "run time (${...}): convert by hand",
                              "1700000000004-Params.ts:3: queryRunner.query() with SQL built at "
                              "run time or with parameters: convert by hand",
                              "1700000000005-Builder.ts:4: not a queryRunner.query() with a string "
                              "literal: convert by hand"}));
        TestDatabase db;
        MigrationSource source;
        const QTemporaryDir out;
        const RunResult up = applyAll(r, db, source, out);
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT title FROM post"), QStringLiteral("a\nb\u00e9"));
        MigrationRunner runner(db.witness(), source.migrations(), {});
        QVERIFY(!runner.down(DownTarget{DownTarget::Kind::Steps, 1, {}}).ok()); // Seed: no down
    }
};

QTEST_MAIN(TestImportMigrations)
#include "tst_importmigrations.moc"
