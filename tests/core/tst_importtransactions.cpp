// import-migrations and transactions as the tools run them (issue 36, points 4, 5 and 11): a
// Flyway file with a statement that only runs outside a transaction (found in PostgreSQL's parse
// tree: CREATE INDEX CONCURRENTLY, VACUUM, ALTER TYPE ... ADD VALUE and then its use, REINDEX
// SCHEMA) runs outside one, as Flyway runs it, without any .conf; a golang-migrate file's own
// BEGIN; ... COMMIT; is removed with a note, the migration keeping one transaction (and a
// node-pg-migrate SQL file's, which that tool runs inside its own transaction); Flyway
// placeholders are refused with file:line unless given, Flyway's defaults filled as Flyway
// fills them, and adopt still matches Flyway's checksum of the file before replacement. Each
// converted set is applied by our runner (whose plan check refused the old conversions).
#include "foreign/adoptionplanner.h"
#include "foreign/foreignchecksum.h"
#include "foreign/foreignledgerreader.h"
#include "foreign/importwriter.h"
#include "foreign/migrationimporter.h"
#include "importtestutil.h"
#include "ledger/importformat.h"
#include "migrationrunnertestutil.h"
#include "uaipmigratetestutil.h"

#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

const ImportedMigration *find(const ImportResult &r, const QString &folder)
{
    for (const ImportedMigration &m : r.migrations)
        if (m.folder == folder)
            return &m;
    qFatal("no folder %s", qPrintable(folder));
}

// Writes the set into dir and applies it: the runner's result.
RunResult apply(const ImportResult &r, const QString &dir, TestDatabase &db)
{
    const QString error = ImportWriter::write(r.migrations, dir, false);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    Engine e(dir, db.conninfo());
    return e.runner->up();
}

} // namespace

class TestImportTransactions : public QObject
{
    Q_OBJECT

private slots:
    void flywayFilesThatOnlyRunOutsideATransaction()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__t.sql"),
            "CREATE TABLE t (id int);\nCREATE TYPE mood AS ENUM ('a');\n");
        put(src + QStringLiteral("/V2__idx.sql"),
            "-- CONCURRENTLY, and no .conf: Flyway runs it outside a transaction\n"
            "CREATE INDEX CONCURRENTLY t_idx ON t (id);\n");
        // worked on Flyway with PostgreSQL before 12 (ADD VALUE outside a transaction)
        put(src + QStringLiteral("/V3__mood.sql"),
            "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE m (x mood DEFAULT 'b');\n");
        put(src + QStringLiteral("/V4__maintenance.sql"), "VACUUM t;\nREINDEX SCHEMA public;\n");
        // a value added and not used: runs in a transaction, as Flyway on PostgreSQL 12+
        put(src + QStringLiteral("/V5__plain.sql"),
            "ALTER TYPE mood ADD VALUE 'c';\nSELECT 'CREATE INDEX CONCURRENTLY x';\n");
        const ImportResult r
            = MigrationImporter::read(*ImportFormat::find(QStringLiteral("flyway")), src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QVERIFY(!find(r, QStringLiteral("1_t"))->noTransaction);
        QVERIFY(find(r, QStringLiteral("2_idx"))->noTransaction);
        QVERIFY(find(r, QStringLiteral("3_mood"))->noTransaction);
        QVERIFY(find(r, QStringLiteral("4_maintenance"))->noTransaction);
        QVERIFY(!find(r, QStringLiteral("5_plain"))->noTransaction);
        QVERIFY2(find(r, QStringLiteral("2_idx"))
                     ->upSql.startsWith("-- Imported from Flyway V2__idx.sql by uaip-migrate "
                                        "import-migrations.\n-- uaip:no-transaction\n"
                                        "-- import-migrations: runs outside a transaction, as "
                                        "the tool ran it: CREATE INDEX CONCURRENTLY (line 2)\n"
                                        "-- CONCURRENTLY, and no .conf"),
                 find(r, QStringLiteral("2_idx"))->upSql.constData());
        QVERIFY2(find(r, QStringLiteral("3_mood"))
                     ->upSql.contains("ALTER TYPE ... ADD VALUE 'b', then its use (line 2)"),
                 find(r, QStringLiteral("3_mood"))->upSql.constData());
        QVERIFY(find(r, QStringLiteral("4_maintenance"))
                    ->upSql.contains("VACUUM (line 1), REINDEX SCHEMA (line 2)"));

        TestDatabase db;
        const RunResult up = apply(r, tmp.filePath(QStringLiteral("ours")), db);
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 't_idx'"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"),
                 QStringLiteral("a,b,c"));
    }

    void golangMigrateOwnBeginCommit()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/1_users.up.sql"),
            "BEGIN;\nCREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\nCOMMIT;\n");
        put(src + QStringLiteral("/1_users.down.sql"), "begin;\r\nDROP TABLE users;\r\nend;\r\n");
        put(src + QStringLiteral("/2_idx.up.sql"),
            "CREATE INDEX CONCURRENTLY users_idx ON users (id);\n");
        put(src + QStringLiteral("/2_idx.down.sql"), "DROP INDEX CONCURRENTLY users_idx;\n");
        // atomic as golang-migrate ran it: the failure leaves no table behind
        put(src + QStringLiteral("/3_half.up.sql"),
            "START TRANSACTION;\nCREATE TABLE half (id int);\nSELECT 1 / 0;\nCOMMIT;\n");
        put(src + QStringLiteral("/3_half.down.sql"), "DROP TABLE half;\n");
        ImportResult r
            = MigrationImporter::read(*ImportFormat::find(QStringLiteral("golang-migrate")), src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        const ImportedMigration *users = find(r, QStringLiteral("1_users"));
        QVERIFY(users->ownTransactionRemoved && !users->noTransaction);
        // blanked, every line where it was
        QCOMPARE(users->upSql,
                 QByteArray("-- Imported from golang-migrate 1_users.up.sql by uaip-migrate "
                            "import-migrations.\n"
                            "-- import-migrations: the file's own BEGIN (line 1) and COMMIT "
                            "(line 4) blanked: the migration runs in one transaction of its "
                            "own, as before\n"
                            "      \nCREATE TABLE users (id int);\nINSERT INTO users VALUES "
                            "(1);\n       \n"));
        QVERIFY(users->downSql.endsWith("      \r\nDROP TABLE users;\r\n    \r\n"));
        QVERIFY(find(r, QStringLiteral("2_idx"))->noTransaction);
        QVERIFY(find(r, QStringLiteral("3_half"))->ownTransactionRemoved);

        TestDatabase db;
        const QString dir = tmp.filePath(QStringLiteral("ours"));
        const RunResult up = apply(r, dir, db);
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.failure, qPrintable(up.message));
        QCOMPARE(up.failure->error.sqlState(), QStringLiteral("22012")); // division_by_zero
        QCOMPARE(up.steps.size(), 3);
        QVERIFY(!tableExists(db, "half")); // rolled back with its migration
        Engine e(dir, db.conninfo());
        DownTarget two;
        two.steps = 2;
        const RunResult down = e.runner->down(two);
        QVERIFY2(down.ok(), qPrintable(describe(down)));
        QVERIFY(!tableExists(db, "users"));

        // what cannot be unwrapped: convert by hand, at its line
        QTemporaryDir tmp2;
        put(tmp2.filePath(QStringLiteral("1_a.up.sql")),
            "BEGIN ISOLATION LEVEL SERIALIZABLE;\nCREATE TABLE a ();\nCOMMIT;\n");
        put(tmp2.filePath(QStringLiteral("2_b.up.sql")),
            "CREATE TABLE b ();\nCOMMIT;\nCREATE TABLE c ();\n");
        put(tmp2.filePath(QStringLiteral("3_c.up.sql")), "BEGIN;\nCREATE TABLE d ();\n");
        r = MigrationImporter::read(*ImportFormat::find(QStringLiteral("golang-migrate")),
                                    tmp2.path());
        QCOMPARE(r.byHand,
                 (QStringList{"1_a.up.sql:1: the file's own BEGIN ISOLATION LEVEL SERIALIZABLE "
                              "with options: convert by hand",
                              "2_b.up.sql:2: the file's own transaction control (COMMIT) inside "
                              "it: convert by hand",
                              "3_c.up.sql:1: the file's own BEGIN without its COMMIT: convert by "
                              "hand"}));
    }

    // node-pg-migrate runs each SQL migration in a transaction of its own; a file that says
    // BEGIN; ... COMMIT; itself (a real project's base schema did) runs all the same: the inner
    // BEGIN only warns, and a failure before the COMMIT rolls the whole migration back. The
    // import exited 0 with a set our plan check refuses (BEGIN inside a migration).
    void nodePgMigrateOwnBeginCommit()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/1700000000000_users.sql"),
            "-- Up Migration\nBEGIN;\nCREATE TABLE users (id int);\nINSERT INTO users VALUES "
            "(1);\nCOMMIT;\n\n-- Down Migration\nBEGIN;\nDROP TABLE users;\nCOMMIT;\n");
        // statements after the COMMIT (a real project's "SELECT 'created' AS status"): the tool
        // ran them after its commit; they join the migration's transaction
        put(src + QStringLiteral("/1699999999999_z.sql"),
            "-- Up Migration\nBEGIN;\nCREATE TABLE z (id int);\nCOMMIT;\n\n-- Verification\n"
            "SELECT 'created' AS status;\nSELECT 1;\n");
        // atomic as node-pg-migrate ran it: the failure leaves no table behind
        put(src + QStringLiteral("/1700000000001_half.sql"),
            "-- Up Migration\nbegin;\nCREATE TABLE half (id int);\nSELECT 1 / 0;\ncommit;\n");
        ImportResult r
            = MigrationImporter::read(*ImportFormat::find(QStringLiteral("node-pg-migrate")), src);
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        const ImportedMigration *users = find(r, QStringLiteral("1700000000000_users"));
        QVERIFY(users->ownTransactionRemoved && !users->noTransaction);
        // blanked, every line where it was; the note names the file's lines
        QCOMPARE(users->upSql,
                 QByteArray("-- Imported from node-pg-migrate 1700000000000_users.sql by "
                            "uaip-migrate import-migrations.\n"
                            "-- import-migrations: the file's own BEGIN (line 2) and COMMIT "
                            "(line 5) blanked: the migration runs in one transaction of its "
                            "own, as before\n"
                            "      \nCREATE TABLE users (id int);\nINSERT INTO users VALUES "
                            "(1);\n       \n"));
        QVERIFY2(users->downSql.contains("BEGIN (line 8) and COMMIT (line 10)"),
                 users->downSql.constData());
        QVERIFY2(users->downSql.endsWith("      \nDROP TABLE users;\n       \n"),
                 users->downSql.constData());
        QVERIFY(find(r, QStringLiteral("1700000000001_half"))->ownTransactionRemoved);
        const ImportedMigration *z = find(r, QStringLiteral("1699999999999_z"));
        QVERIFY(z->ownTransactionRemoved);
        QVERIFY2(z->upSql.contains("COMMIT (line 4) blanked: the migration runs in one "
                                   "transaction of its own, as before; the statements after "
                                   "that COMMIT (lines 7-8) now run in it too"),
                 z->upSql.constData());

        TestDatabase db;
        const QString dir = tmp.filePath(QStringLiteral("ours"));
        const RunResult up = apply(r, dir, db);
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.failure, qPrintable(up.message));
        QCOMPARE(up.failure->error.sqlState(), QStringLiteral("22012")); // division_by_zero
        QVERIFY(tableExists(db, "users"));
        QVERIFY(!tableExists(db, "half")); // rolled back with its migration
        Engine e(dir, db.conninfo());
        const RunResult down = e.runner->down(DownTarget{});
        QVERIFY2(down.ok(), qPrintable(describe(down)));
        QVERIFY(!tableExists(db, "users"));
    }

    void flywayPlaceholders()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        const QByteArray v1 = "CREATE TABLE ${schema}.t (id int); -- in ${flyway:filename}\n"
                              "COMMENT ON TABLE ${Schema}.t IS 'by ${flyway:user}, $${kept}';\n";
        put(src + QStringLiteral("/V1__s.sql"), v1);
        put(src + QStringLiteral("/V2__raw.sql"), "SELECT '${not_replaced}';\n");
        put(src + QStringLiteral("/V2__raw.sql.conf"), "placeholderReplacement=false\n");
        const ImportFormat &flyway = *ImportFormat::find(QStringLiteral("flyway"));
        ImportResult r = MigrationImporter::read(flyway, src);
        QCOMPARE(r.problems,
                 (QStringList{"V1__s.sql:1: the Flyway placeholder ${schema} has no value (Flyway "
                              "refuses a placeholder without a value too): give it with "
                              "--placeholder schema=VALUE",
                              "V1__s.sql:2: the Flyway placeholder ${Schema} has no value (Flyway "
                              "refuses a placeholder without a value too): give it with "
                              "--placeholder Schema=VALUE",
                              "V1__s.sql:2: the Flyway placeholder ${flyway:user} has no value "
                              "(Flyway fills it with the user it connects as): give it with "
                              "--placeholder flyway:user=VALUE"}));

        ImportOptions options;
        options.placeholders.insert(QStringLiteral("schema"), QStringLiteral("public"));
        options.placeholders.insert(QStringLiteral("flyway:user"), QStringLiteral("app"));
        r = MigrationImporter::read(flyway, src, options);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        const QByteArray up = find(r, QStringLiteral("1_s"))->upSql;
        QCOMPARE(up.mid(up.indexOf("\nCREATE") + 1),
                 QByteArray("CREATE TABLE public.t (id int); -- in V1__s.sql\n"
                            "COMMENT ON TABLE public.t IS 'by app, $${kept}';\n"));
        QVERIFY2(up.contains("-- import-migrations: Flyway placeholders replaced: ${schema}, "
                             "${flyway:filename}, ${flyway:user}\n"),
                 up.constData());
        QVERIFY(find(r, QStringLiteral("2_raw"))->upSql.endsWith("SELECT '${not_replaced}';\n"));

        // Flyway recorded the checksum of the file as written, placeholders and all
        const QString dir = tmp.filePath(QStringLiteral("ours"));
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL, "
                            "version VARCHAR(50), description VARCHAR(200) NOT NULL, type "
                            "VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum "
                            "INTEGER, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP "
                            "NOT NULL DEFAULT now(), execution_time INTEGER NOT NULL, success "
                            "BOOLEAN NOT NULL); INSERT INTO flyway_schema_history VALUES (1, '1', "
                            "'s', 'SQL', 'V1__s.sql', "
                            + QByteArray::number(ForeignChecksum::flyway(v1))
                            + ", 'x', now(), 1, true)")
                .ok());
        QCOMPARE(ImportWriter::write(r.migrations, dir, false), QString());
        Engine e(dir, db.conninfo());
        const auto ledgers = ForeignLedgerReader(e.connection).read(QStringLiteral("flyway"));
        QVERIFY(ledgers && ledgers.value().size() == 1);
        const AdoptionPlan plan
            = AdoptionPlanner::plan(ledgers.value().first(), e.runner->status().value());
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        QCOMPARE(plan.adoptCount(), 1);
        const RunResult adopted = e.runner->adopt(plan.items());
        QVERIFY2(adopted.ok(), qPrintable(describe(adopted)));
        const RunResult rest = e.runner->up(); // V2 was not in Flyway's history
        QVERIFY2(rest.ok(), qPrintable(describe(rest)));
        QCOMPARE(rest.steps.size(), 1);
    }

    // The command line, end to end: the converted Flyway, golang-migrate and node-pg-migrate
    // sets pass our plan check and apply (the old conversions exited 0 and `up` then refused
    // them).
    void theConvertedSetsApply()
    {
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("fw/V1__t.sql")), "CREATE TABLE t (id int);\n");
        put(tmp.filePath(QStringLiteral("fw/V2__idx.sql")),
            "CREATE INDEX CONCURRENTLY t_idx ON t (id);\n");
        put(tmp.filePath(QStringLiteral("go/1_users.up.sql")),
            "BEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n");
        put(tmp.filePath(QStringLiteral("go/1_users.down.sql")), "DROP TABLE users;\n");
        put(tmp.filePath(QStringLiteral("npm/1700000000000_users.sql")),
            "-- Up Migration\nBEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n"
            "-- Down Migration\nDROP TABLE users;\n");
        for (const auto &[tool, dir] :
             {std::pair{"flyway", "fw"}, std::pair{"golang-migrate", "go"},
              std::pair{"node-pg-migrate", "npm"}}) {
            const QString out = tmp.filePath(QLatin1String(dir) + QStringLiteral("-ours"));
            Run r = migrate({QStringLiteral("import-migrations"), QStringLiteral("--from"),
                             QLatin1String(tool), tmp.filePath(QLatin1String(dir)),
                             QStringLiteral("--out"), out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            TestDatabase db;
            r = migrate(on(db, out) << QStringLiteral("up"));
            QVERIFY2(r.exitCode == 0, qPrintable(QLatin1String(tool) + u'\n' + r.out + r.err));
        }
    }

    // The command line: --placeholder NAME=VALUE, refused for another tool or without '='.
    void placeholderOption()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__s.sql"), "CREATE TABLE ${SCHEMA}.t (id int);\n");
        const QStringList base{QStringLiteral("import-migrations"),
                               QStringLiteral("--from"),
                               QStringLiteral("flyway"),
                               src,
                               QStringLiteral("--out"),
                               tmp.filePath(QStringLiteral("ours"))};
        Run r = migrate(base);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("V1__s.sql:1: the Flyway placeholder ${SCHEMA} "
                                               "has no value")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("ours"))));
        r = migrate(base + QStringList{QStringLiteral("--placeholder"), QStringLiteral("schema")});
        QCOMPARE(r.exitCode, 2);
        r = migrate(
            base + QStringList{QStringLiteral("--placeholder"), QStringLiteral("schema=public")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestImportTransactions)
#include "tst_importtransactions.moc"
