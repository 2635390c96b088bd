// Issue 45's hostile round: what an attack on import round three found, each held now.
// - a file's own COMMIT with a comment holding ';' before its own ';': blanking stopped at the
//   comment's ';' and brought the rest of the comment (DROP TABLE keep) to life;
// - BEGIN/COMMIT around statements and CREATE INDEX CONCURRENTLY: the tool ran the pair atomic
//   and the rest outside a transaction; our runner does one or the other: convert by hand;
// - PREPARE TRANSACTION inside the pair: transaction control, convert by hand;
// - an empty migration (Prisma's --create-only): SELECT 1; stands in, the set stays valid;
// - two tables swapped (A <-> B): the generated down dropped their columns, the rows lost:
//   refused, saying why, after an up.sql that renames;
// - an imported body edited after the import: adopt no longer trusts the kept source checksum;
// - the tool's own table named through COMMENT ON, RENAME TO and a DO block; a project's own
//   audit.schema_migrations is its own;
// - --exclude with an invalid or empty pattern; a file name with a line break; a Flyway
//   migration in a subdirectory (Flyway finds it): each refused with its reason;
// - a table whose column name holds a line break is not taken for golang-migrate's.
#include "drift/importdowngenerator.h"
#include "foreign/foreignchecksum.h"
#include "foreign/importedmigration.h"
#include "foreign/migrationimporter.h"
#include "importtestutil.h"
#include "ledger/importformat.h"
#include "sqlparse/sqlsplitter.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

ImportResult import(const char *tool, const QString &dir, const ImportOptions &options = {})
{
    return MigrationImporter::read(*ImportFormat::find(QLatin1String(tool)), dir, options);
}

// The statements of an imported up.sql, one line each.
QStringList statements(const QByteArray &sql)
{
    QStringList out;
    for (const SqlStatement &s : SqlSplitter::split(sql).statements)
        out << QString::fromUtf8(s.text.simplified());
    return out;
}

} // namespace

class TestImportHostile : public QObject
{
    Q_OBJECT

private slots:
    void blankingNeverBringsACommentToLife()
    {
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("1_x.up.sql")),
            "BEGIN;\nSELECT 1;\nCOMMIT -- ; DROP TABLE keep\n;\n");
        put(tmp.filePath(QStringLiteral("2_y.up.sql")), "BEGIN;\nSELECT 2;\nCOMMIT /* ; */ ;\n");
        const ImportResult r = import("golang-migrate", tmp.path());
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QCOMPARE(statements(r.migrations[0].upSql), QStringList{"SELECT 1"});
        QCOMPARE(statements(r.migrations[1].upSql), QStringList{"SELECT 2"});
    }

    void whatOurRunnerCannotRunAsTheToolDidIsByHand()
    {
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("V1__a.sql")),
            "BEGIN;\nCREATE TABLE p1 (i int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY p1_i ON p1 "
            "(i);\n");
        put(tmp.filePath(QStringLiteral("V2__b.sql")),
            "BEGIN;\nCREATE TABLE p2 (i int);\nPREPARE TRANSACTION 'x';\nCOMMIT;\n");
        const ImportResult r = import("flyway", tmp.path());
        QCOMPARE(r.byHand.size(), 2);
        QVERIFY2(r.byHand[0].startsWith(QStringLiteral("V1__a.sql:1: the file's own BEGIN/COMMIT "
                                                       "and a statement that only runs outside a "
                                                       "transaction (CREATE INDEX CONCURRENTLY "
                                                       "(line 4)): split it by hand")),
                 qPrintable(r.byHand[0]));
        QVERIFY2(r.byHand[1].startsWith(QStringLiteral("V2__b.sql:3: the file's own transaction "
                                                       "control (PREPARE TRANSACTION 'x')")),
                 qPrintable(r.byHand[1]));
    }

    void anEmptyMigrationGetsAStatement()
    {
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("20240101000000_a/migration.sql")),
            "CREATE TABLE a (id int);\n");
        put(tmp.filePath(QStringLiteral("20240102000000_b/migration.sql")),
            "-- This is an empty migration.");
        const ImportResult r = import("prisma", tmp.path());
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(statements(r.migrations[1].upSql), QStringList{"SELECT 1"});
        QList<ImportedMigration> set = r.migrations;
        QStringList notes;
        const Status generated = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), set, &notes, {});
        QVERIFY2(generated, qPrintable(generated.error().toString()));
        QVERIFY2(set[0].downFromSchema && set[1].downRunsNothing, qPrintable(notes.join(u'\n')));
    }

    void aSwapIsNeverARollbackThatLosesRows()
    {
        ImportedMigration init;
        init.folder = QStringLiteral("20240101000000_init");
        init.source = init.folder + QStringLiteral("/migration.sql");
        init.upSql = "CREATE TABLE \"A\" (x text PRIMARY KEY);\nCREATE TABLE \"B\" (y int PRIMARY "
                     "KEY);\n";
        init.downSql = "SELECT 1;\n";
        init.downGenerated = true;
        ImportedMigration swap = init;
        swap.folder = QStringLiteral("20240102000000_swap");
        swap.source = swap.folder + QStringLiteral("/migration.sql");
        swap.upSql = "ALTER TABLE \"A\" RENAME TO tmp;\nALTER TABLE \"B\" RENAME TO \"A\";\n"
                     "ALTER TABLE tmp RENAME TO \"B\";\n";
        // a rename beside a new table: dropping the new table loses nothing, and is proved
        ImportedMigration beside = init;
        beside.folder = QStringLiteral("20240103000000_beside");
        beside.source = beside.folder + QStringLiteral("/migration.sql");
        beside.upSql = "ALTER TABLE \"A\" RENAME COLUMN y TO z;\nCREATE TABLE extra (id int);\n";
        QList<ImportedMigration> set{init, swap, beside};
        QStringList notes;
        const Status generated = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), set, &notes, {});
        QVERIFY2(generated, qPrintable(generated.error().toString()));
        QVERIFY(!set[1].downFromSchema);
        QVERIFY2(set[2].downFromSchema, qPrintable(notes.join(u'\n')));
        QVERIFY2(set[1].downSql.contains("-- Why no down.sql was generated: the up.sql renames or "
                                         "moves a table or a column (line 1: ALTER TABLE \"A\" "
                                         "RENAME TO tmp) and the generated down.sql drops the "
                                         "column public.\""),
                 set[1].downSql.constData());
    }

    void theToolsTableHoweverNamed()
    {
        QTemporaryDir tmp;
        const QList<QByteArray> named{
            "COMMENT ON TABLE schema_migrations IS 'x';\n",
            "COMMENT ON COLUMN schema_migrations.version IS 'x';\n",
            "CREATE TABLE other (id int);\nALTER TABLE other RENAME TO schema_migrations;\n",
            "DO $$ BEGIN EXECUTE 'ALTER TABLE Schema_Migrations ADD x int'; END $$;\n"};
        for (int i = 0; i < named.size(); ++i)
            put(tmp.filePath(QStringLiteral("%1_n.up.sql").arg(i + 1)), named[i]);
        put(tmp.filePath(QStringLiteral("9_own.up.sql")),
            "CREATE SCHEMA audit;\nCREATE TABLE audit.schema_migrations (id int);\n"
            "ALTER TABLE audit.schema_migrations ADD note text;\n");
        const ImportResult r = import("golang-migrate", tmp.path());
        QCOMPARE(r.byHand.size(), 4);
        for (const QString &b : r.byHand)
            QVERIFY2(b.contains(QStringLiteral("changes golang-migrate's own table")),
                     qPrintable(b));
        QVERIFY(!r.byHand.join(u'\n').contains(QStringLiteral("9_own")));
    }

    void oddNamesAndPatternsAreRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__a.sql"), "SELECT 1;\n");
        put(src + QStringLiteral("/V2__b\nc.sql"), "SELECT 2;\n");
        put(src + QStringLiteral("/sub/deeper/V3__c.sql"), "SELECT 3;\n");
        const ImportResult r = import("flyway", src);
        QCOMPARE(r.problems,
                 (QStringList{"sub/deeper/V3__c.sql:1: in a subdirectory, where Flyway finds it "
                              "too: move it up, or leave the subdirectory out with --exclude",
                              "V2__b?c.sql:1: a file name with a line break or another control "
                              "character: rename it"}));
        for (const char *glob : {"[", ""}) {
            const Run run
                = migrate(QStringList{QStringLiteral("import-migrations"), QStringLiteral("--from"),
                                      QStringLiteral("flyway"), src, QStringLiteral("--out"),
                                      tmp.filePath(QStringLiteral("o")),
                                      QStringLiteral("--exclude"), QLatin1String(glob)});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("not a pattern")), qPrintable(run.err));
        }
    }

    void anEditedBodyIsNotTheFileTheToolRan()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        const QByteArray v1 = "BEGIN;\nCREATE TABLE t1 (id int);\nCOMMIT;\n";
        put(src + QStringLiteral("/V1__t.sql"), v1);
        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run imported
            = migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                                  QStringLiteral("import-migrations"), QStringLiteral("--from"),
                                  QStringLiteral("flyway"), src, QStringLiteral("--out"), out});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        QFile up(out + QStringLiteral("/1_t/up.sql"));
        QVERIFY(up.open(QIODevice::Append));
        up.write("DROP TABLE t1;\n");
        up.close();
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE t1 (id int);\n"
                                "CREATE TABLE flyway_schema_history (installed_rank int NOT NULL, "
                                "version varchar(50), description varchar(200) NOT NULL, type "
                                "varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum "
                                "int, installed_by varchar(100) NOT NULL, installed_on timestamp "
                                "NOT NULL DEFAULT now(), execution_time int NOT NULL, success "
                                "boolean NOT NULL);\n"
                                "INSERT INTO flyway_schema_history (installed_rank, version, "
                                "description, type, script, checksum, installed_by, "
                                "execution_time, success) VALUES (1, '1', 't', 'SQL', "
                                "'V1__t.sql', "
                                + QByteArray::number(ForeignChecksum::flyway(v1))
                                + ", 'x', 1, true);")
                    .ok());
        const Run adopt = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                              << QStringLiteral("flyway"));
        QCOMPARE(adopt.exitCode, 3);
        QVERIFY2(adopt.err.contains(QStringLiteral("not the file Flyway ran")),
                 qPrintable(adopt.err));
    }

    void aColumnNameWithALineBreakIsNotTheTools()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE schema_migrations (\"version bigint\ndirty\" "
                                "boolean);")
                    .ok());
        MigrationFolder f;
        addTwo(f);
        const Run r
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("foreign"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.json().value(QStringLiteral("ledgers")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportHostile)
#include "tst_importhostile.moc"
