// import-migrations --from typeorm on classes as real projects write them (issue 36, points 1, 3
// and 11): Prettier's formatting (a trailing comma after the literal, double quotes, an empty
// parameter list) is plain SQL, not "convert by hand"; the folder is what TypeORM records (the
// class's `name` property, else the class name, its timestamp the last 13 digits), whatever the
// file is called, so adopt matches TypeORM's rows and the order is TypeORM's; an up() inside a
// comment or a string is not the method; ${...} is convert by hand at its line.
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "foreign/importwriter.h"
#include "foreign/migrationimporter.h"
#include "ledger/importformat.h"
#include "migrationrunnertestutil.h"

#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

void put(const QTemporaryDir &dir, const QString &rel, const QByteArray &bytes)
{
    QFile f(dir.filePath(rel));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

ImportResult import(const QTemporaryDir &dir)
{
    return MigrationImporter::read(*ImportFormat::find(QStringLiteral("typeorm")), dir.path());
}

QStringList folders(const ImportResult &r)
{
    QStringList out;
    for (const ImportedMigration &m : r.migrations)
        out << m.folder;
    return out;
}

QByteArray body(const QByteArray &sql)
{
    return sql.mid(sql.indexOf('\n') + 1);
}

} // namespace

class TestImportTypeOrm : public QObject
{
    Q_OBJECT

private slots:
    // `prettier --write` of a generated migration: one argument per line, a trailing comma.
    void prettierFormattedClasses()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("1700000000001-AddPosts.ts"),
            "import { MigrationInterface, QueryRunner } from \"typeorm\";\r\n"
            "\r\n"
            "export class AddPosts1700000000001 implements MigrationInterface {\r\n"
            "  name = \"AddPosts1700000000001\";\r\n"
            "\r\n"
            "  public async up(queryRunner: QueryRunner): Promise<void> {\r\n"
            "    await queryRunner.query(\r\n"
            "      `CREATE TABLE \"post\" (\"id\" SERIAL NOT NULL,\r\n"
            "        CONSTRAINT \"PK_post\" PRIMARY KEY (\"id\"))`,\r\n"
            "    );\r\n"
            "    await queryRunner.query(`CREATE INDEX \"IDX_x\" ON \"post\" (\"id\") `, []);\r\n"
            "    await queryRunner.query(\r\n"
            "      \"COMMENT ON TABLE \\\"post\\\" IS 'a, b'\",\r\n"
            "      undefined,\r\n"
            "    );\r\n"
            "  }\r\n"
            "\r\n"
            "  public async down(queryRunner: QueryRunner): Promise<void> {\r\n"
            "    await queryRunner.query(`DROP INDEX \"public\".\"IDX_x\"`);\r\n"
            "    await queryRunner.query(`DROP TABLE \"post\"`);\r\n"
            "  }\r\n"
            "}\r\n");
        const ImportResult r = import(src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QCOMPARE(folders(r), QStringList{QStringLiteral("1700000000001_AddPosts")});
        // the template's CR LF is LF in the string TypeORM sends
        QCOMPARE(body(r.migrations[0].upSql),
                 QByteArray("CREATE TABLE \"post\" (\"id\" SERIAL NOT NULL,\n"
                            "        CONSTRAINT \"PK_post\" PRIMARY KEY (\"id\"));\n"
                            "CREATE INDEX \"IDX_x\" ON \"post\" (\"id\");\n"
                            "COMMENT ON TABLE \"post\" IS 'a, b';\n"));
        QCOMPARE(body(r.migrations[0].downSql),
                 QByteArray("DROP INDEX \"public\".\"IDX_x\";\nDROP TABLE \"post\";\n"));
    }

    // TypeORM records the `name` property, else the class name, and the timestamp of that
    // name's last 13 digits; the file name does not count. Folders, order and adopt follow.
    void theNameAndTimestampTypeOrmRecords()
    {
        QTemporaryDir src;
        // a renamed class: the file keeps its old timestamp and name
        put(src, QStringLiteral("1700000000001-CreateUsers.ts"),
            "export class CreateAccounts1700000000005 {\n"
            "    async up(queryRunner) { await queryRunner.query(`CREATE TABLE accounts (id "
            "int)`); }\n"
            "    async down(queryRunner) { await queryRunner.query(`DROP TABLE accounts`); }\n"
            "}\n");
        // a name property
        put(src, QStringLiteral("1700000000002-Posts.ts"),
            "export class Posts1700000000002 implements MigrationInterface {\n"
            "    public readonly name: string = 'AddPosts1700000000009'\n"
            "    async up(queryRunner) { await queryRunner.query(`CREATE TABLE posts (id "
            "int)`); }\n"
            "}\n");
        // compiled JavaScript: the name set in the constructor
        put(src, QStringLiteral("1700000000003-Tags.js"),
            "class Tags1700000000003 {\n"
            "    constructor() { this.name = \"Tags1700000000004\"; }\n"
            "    async up(queryRunner) { await queryRunner.query(\"CREATE TABLE tags (id "
            "int)\"); }\n"
            "}\n"
            "module.exports = { Tags1700000000003 };\n");
        // a name without a timestamp: TypeORM refuses the class, so do we
        put(src, QStringLiteral("1700000000006-Bad.ts"),
            "export class Bad1700000000006 {\n"
            "    name = 'NoTimestamp'\n"
            "    async up(queryRunner) { await queryRunner.query(`SELECT 1`); }\n"
            "}\n");
        ImportResult r = import(src);
        QCOMPARE(r.byHand,
                 QStringList{"1700000000006-Bad.ts:2: the migration name NoTimestamp does not end "
                             "in a JavaScript timestamp (TypeORM refuses it): convert by hand"});
        QFile::remove(src.filePath(QStringLiteral("1700000000006-Bad.ts")));
        r = import(src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        // in TypeORM's order: by the timestamps it takes from the names
        QCOMPARE(folders(r),
                 (QStringList{"1700000000004_Tags", "1700000000005_CreateAccounts",
                              "1700000000009_AddPosts"}));

        // TypeORM's rows for them, as it writes them: adopt takes each over
        const QTemporaryDir out;
        const QString dir = out.filePath(QStringLiteral("ours"));
        QCOMPARE(ImportWriter::write(r.migrations, dir, false), QString());
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(
                        "CREATE TABLE migrations (id SERIAL NOT NULL PRIMARY KEY, \"timestamp\" "
                        "bigint NOT NULL, name character varying NOT NULL); INSERT INTO "
                        "migrations (\"timestamp\", name) VALUES (1700000000004, "
                        "'Tags1700000000004'), (1700000000005, 'CreateAccounts1700000000005'), "
                        "(1700000000009, 'AddPosts1700000000009');")
                    .ok());
        Engine e(dir, db.conninfo());
        const auto ledgers = ForeignLedgerReader(e.connection).read(QStringLiteral("typeorm"));
        QVERIFY(ledgers && ledgers.value().size() == 1);
        const AdoptionPlan plan
            = AdoptionPlanner::plan(ledgers.value().first(), e.runner->status().value());
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        QCOMPARE(plan.adoptCount(), 3);
        QVERIFY(plan.pending.isEmpty());
    }

    // Seen in a real project's history: two classes of one timestamp (a copied class, its file
    // renamed), a file with '_' after its timestamp, and a file that is no migration. TypeORM
    // runs both classes (it tells its rows apart by name) and every file its glob loads.
    void oneTimestampTwiceAndFileNames()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("1700000000005-first.js"),
            "export class first1700000000005 {\n"
            "    async up(queryRunner) { await queryRunner.query(`CREATE TABLE a (id int)`); }\n"
            "}\n");
        put(src, QStringLiteral("1700000000009-second.js"),
            "export class second1700000000005 {\n"
            "    constructor() { this.name = 'second1700000000005'; }\n"
            "    async up(queryRunner) { await queryRunner.query(`CREATE TABLE b (id int)`); }\n"
            "}\n");
        put(src, QStringLiteral("1700000000007_underscore.js"),
            "export class underscore1700000000007 {\n"
            "    async up(queryRunner) { await queryRunner.query(`CREATE TABLE c (id int)`); }\n"
            "}\n");
        put(src, QStringLiteral("types.d.ts"), "export type X = string;\n");
        put(src, QStringLiteral("helpers.js"), "export const x = 1;\n");
        ImportResult r = import(src);
        QCOMPARE(r.problems,
                 QStringList{"helpers.js:1: not a TypeORM migration name "
                             "(<timestamp>-<Name>.ts): rename it, or leave it out with --exclude "
                             "'helpers.js'"});
        QFile::remove(src.filePath(QStringLiteral("helpers.js")));
        r = import(src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QCOMPARE(folders(r),
                 (QStringList{"1700000000005_first", "1700000000005-1_second",
                              "1700000000007_underscore"}));
        QVERIFY2(r.migrations[1].upSql.contains(
                     "-- import-migrations: version 1700000000005-1: TypeORM records the "
                     "timestamp 1700000000005 for 1700000000005-first.js too"),
                 r.migrations[1].upSql.constData());

        const QTemporaryDir out;
        const QString dir = out.filePath(QStringLiteral("ours"));
        QCOMPARE(ImportWriter::write(r.migrations, dir, false), QString());
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(
                        "CREATE TABLE migrations (id SERIAL NOT NULL PRIMARY KEY, \"timestamp\" "
                        "bigint NOT NULL, name character varying NOT NULL); INSERT INTO "
                        "migrations (\"timestamp\", name) VALUES (1700000000005, "
                        "'second1700000000005'), (1700000000005, 'first1700000000005'), "
                        "(1700000000007, 'underscore1700000000007');")
                    .ok());
        Engine e(dir, db.conninfo());
        const auto ledgers = ForeignLedgerReader(e.connection).read(QStringLiteral("typeorm"));
        QVERIFY(ledgers && ledgers.value().size() == 1);
        const AdoptionPlan plan
            = AdoptionPlanner::plan(ledgers.value().first(), e.runner->status().value());
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        QStringList adopted;
        for (const AdoptItem &i : plan.items())
            adopted << i.version;
        // in TypeORM's id order: second ran before first there
        QCOMPARE(adopted, (QStringList{"1700000000005-1", "1700000000005", "1700000000007"}));
    }

    // Comments and strings are not code: an old class in a block comment, an up() in a line
    // comment and in a string are skipped; the real up() builds its SQL with ${...}: convert
    // by hand at that line.
    void commentsAndStringsAreNotTheMethod()
    {
        QTemporaryDir src;
        put(src, QStringLiteral("1700000000003-Real.ts"),
            "/* the first version:\n"
            "export class Old1700000000001 {\n"
            "    async up(queryRunner) { await queryRunner.query(`DROP TABLE users`); }\n"
            "}\n"
            "*/\n"
            "export class Real1700000000003 {\n"
            "    // async up(queryRunner) { await queryRunner.query(`SELECT 'commented'`); }\n"
            "    private note = \"async up(runner) { runner.query('x') } class Fake1\";\n"
            "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
            "        const table = 'users';\n"
            "        await queryRunner.query(\n"
            "            `DROP TABLE ${table}`,\n"
            "        );\n"
            "    }\n"
            "}\n");
        const ImportResult r = import(src);
        QVERIFY(r.migrations.isEmpty());
        QCOMPARE(r.byHand,
                 QStringList{"1700000000003-Real.ts:10: not a queryRunner.query() with a string "
                             "literal: convert by hand"});

        // the same without the const: the ${...} line is named
        QTemporaryDir src2;
        put(src2, QStringLiteral("1700000000003-Real.ts"),
            "export class Real1700000000003 {\n"
            "    /* async up(queryRunner) { await queryRunner.query(`SELECT 1`); } */\n"
            "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
            "        await queryRunner.query(\n"
            "            `UPDATE posts\n"
            "             SET owner = ${process.env.OWNER}`,\n"
            "        );\n"
            "    }\n"
            "}\n");
        const ImportResult r2 = import(src2);
        QVERIFY(r2.migrations.isEmpty());
        QCOMPARE(r2.byHand,
                 QStringList{"1700000000003-Real.ts:6: queryRunner.query() with SQL built at run "
                             "time (${...}): convert by hand"});
    }
};

QTEST_GUILESS_MAIN(TestImportTypeOrm)
#include "tst_importtypeorm.moc"
