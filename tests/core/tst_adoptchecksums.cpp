// adopt compares the checksums other tools record of the file they ran (issue 36, point 7):
// Flyway's CRC-32 of the file's lines (as Flyway computes it: line breaks and a BOM do not
// count; the values here are zlib's CRC-32 of the lines, computed independently), Prisma's
// SHA-256 of migration.sql (CRLF and LF alike, the old unpadded hex too). The folders are the
// files converted by import-migrations (their header left out of the comparison). A mismatch
// refuses the adoption naming the row, the folder and both checksums, unless
// --accept-checksum names its version (issue 61: that row only); a Flyway baseline after applied
// versioned rows is refused as Flyway does.
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

// The tool's files converted by import-migrations into out.
QString imported(const char *tool, const QString &src, const QString &out)
{
    const ImportResult r = MigrationImporter::read(*ImportFormat::find(QLatin1String(tool)), src);
    if (!r.ok() || !r.byHand.isEmpty())
        qFatal("import: %s", qPrintable((r.problems + r.byHand).join(u'\n')));
    const QString error = ImportWriter::write(r.migrations, out, false);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    return out;
}

AdoptionPlan planFor(TestDatabase &db, const QString &dir, const QString &tool,
                     const QStringList &accept)
{
    Engine e(dir, db.conninfo());
    const auto ledgers = ForeignLedgerReader(e.connection).read(tool);
    if (!ledgers || ledgers.value().size() != 1)
        qFatal("no %s ledger", qPrintable(tool));
    const auto statuses = e.runner->status();
    if (!statuses)
        qFatal("status: %s", qPrintable(why(statuses)));
    return AdoptionPlanner::plan(ledgers.value().first(), statuses.value(), accept);
}

} // namespace

class TestAdoptChecksums : public QObject
{
    Q_OBJECT

private slots:
    // Flyway's checksum, against values computed independently (zlib's CRC-32 of the lines).
    void flywayChecksumAsFlywayComputesIt()
    {
        QCOMPARE(ForeignChecksum::flyway("CREATE TABLE a (id int);\r\n-- two\r\n"), 199491550);
        QCOMPARE(ForeignChecksum::flyway("CREATE TABLE a (id int);\n-- two\n"), 199491550);
        QCOMPARE(ForeignChecksum::flyway("\xEF\xBB\xBF"
                                         "CREATE TABLE b (id int);\rSELECT 1;\n"),
                 -115910119); // the BOM left out, as Flyway's BomFilter does
        QCOMPARE(ForeignChecksum::flyway("CREATE TABLE c (id int);\n"), -2102380136);
        QVERIFY(ForeignChecksum::matches(ForeignChecksum::Kind::PrismaSha256,
                                         "CREATE TABLE p (id int);\n",
                                         QStringLiteral("7a20e326520b28085b0d8dc65f1fad7b1c0aa54e"
                                                        "213cfbe4d1e66e5ffca147df"))); // CRLF's
    }

    void flywayMismatchRefusedUnlessAccepted()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__a.sql"), "CREATE TABLE a (id int);\r\n-- two\r\n");
        put(src + QStringLiteral("/V2__b.sql"),
            "\xEF\xBB\xBF"
            "CREATE TABLE b (id int);\rSELECT 1;\n");
        put(src + QStringLiteral("/V3__c.sql"), "CREATE TABLE c (id int);\n");
        const QString out = imported("flyway", src, tmp.filePath(QStringLiteral("ours")));
        TestDatabase db;
        // V1 and V2 as Flyway recorded them; V3's file was edited after Flyway ran it
        exec(db,
             kFlywayHistoryTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'a', 'SQL', 'V1__a.sql', 199491550, 'x', 1, true), "
                   "(2, '2', 'b', 'SQL', 'V2__b.sql', -115910119, 'x', 1, true), "
                   "(3, '3', 'c', 'SQL', 'V3__c.sql', 12345, 'x', 1, true);");
        AdoptionPlan plan = planFor(db, out, QStringLiteral("flyway"), {});
        QCOMPARE(plan.problems,
                 QStringList{"installed_rank=3 (V3__c.sql): Flyway recorded the checksum 12345, "
                             "but 3_c/up.sql has -2102380136: not the file Flyway ran "
                             "(--accept-checksum 3 takes it over all the same)"});
        plan = planFor(db, out, QStringLiteral("flyway"), {QStringLiteral("3")});
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        QCOMPARE(plan.adoptCount(), 3);
        QVERIFY(
            plan.rows[2].note.contains(QStringLiteral("(taken over with --accept-checksum 3)")));
    }

    // Issue 41, point 10: a versioned SQL row with a NULL checksum (the application role can
    // insert one into flyway_schema_history; Flyway writes a checksum for every SQL migration)
    // is no evidence of what ran: refused, named, unless --accept-checksum 2 takes it over.
    void flywayRowWithoutAChecksumRefusedUnlessAccepted()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__a.sql"), "CREATE TABLE a (id int);\r\n-- two\r\n");
        put(src + QStringLiteral("/V2__b.sql"), "CREATE TABLE b (id int);\n");
        const QString out = imported("flyway", src, tmp.filePath(QStringLiteral("ours")));
        TestDatabase db;
        exec(db,
             kFlywayHistoryTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'a', 'SQL', 'V1__a.sql', 199491550, 'x', 1, true), "
                   "(2, '2', 'b', 'SQL', 'V2__b.sql', NULL, 'app_rw', 1, true);");
        AdoptionPlan plan = planFor(db, out, QStringLiteral("flyway"), {});
        QCOMPARE(plan.problems.size(), 1);
        QVERIFY2(plan.problems.first().startsWith(QStringLiteral("installed_rank=2: Flyway "
                                                                 "recorded no checksum for "
                                                                 "V2__b.sql")),
                 qPrintable(plan.problems.first()));
        plan = planFor(db, out, QStringLiteral("flyway"), {QStringLiteral("2")});
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        QCOMPARE(plan.adoptCount(), 2);
    }

    // Checksums of all zeros and "deadbeef" were once adopted: now refused, each named.
    void prismaMismatchRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/20240101000000_a/migration.sql"), "CREATE TABLE p (id int);\n");
        put(src + QStringLiteral("/20240102000000_b/migration.sql"), "CREATE TABLE q (id int);\n");
        put(src + QStringLiteral("/20240103000000_c/migration.sql"), "CREATE TABLE r (id int);\n");
        put(src + QStringLiteral("/migration_lock.toml"), "provider = \"postgresql\"\n");
        const QString out = imported("prisma", src, tmp.filePath(QStringLiteral("ours")));
        TestDatabase db;
        exec(db,
             kPrismaHistoryTable
                 + "INSERT INTO _prisma_migrations (id, checksum, finished_at, "
                   "migration_name) VALUES "
                   // the CRLF checkout's checksum: Prisma matches it with the LF file
                   "('1', '7a20e326520b28085b0d8dc65f1fad7b1c0aa54e213cfbe4d1e66e5ffca147df', "
                   "'2024-01-01', '20240101000000_a'), "
                   "('2', repeat('0', 64), '2024-01-02', '20240102000000_b'), "
                   "('3', 'deadbeef', '2024-01-03', '20240103000000_c');");
        const AdoptionPlan plan = planFor(db, out, QStringLiteral("prisma"), {});
        QCOMPARE(plan.problems.size(), 2);
        QVERIFY2(plan.problems[0].startsWith(QStringLiteral("id=2 (20240102000000_b): Prisma "
                                                            "recorded the checksum 0000"))
                     && plan.problems[0].contains(
                         QStringLiteral("but 20240102000000_b/up.sql has ")
                         + ForeignChecksum::prisma("CREATE TABLE q (id int);\n")),
                 qPrintable(plan.problems[0]));
        QVERIFY2(plan.problems[1].startsWith(QStringLiteral("id=3 (20240103000000_c): Prisma "
                                                            "recorded the checksum deadbeef, but")),
                 qPrintable(plan.problems[1]));
    }

    // Flyway refuses to baseline a history with migrations: a BASELINE row after applied
    // versioned rows would cover folders that never ran.
    void flywayBaselineAfterVersionedRowsRefused()
    {
        TestDatabase db;
        exec(db,
             kFlywayHistoryTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'a', 'SQL', 'V1__a.sql', NULL, 'x', 1, true), "
                   "(2, '3', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', "
                   "NULL, 'x', 0, true);");
        MigrationFolder f;
        for (const char *id : {"1_a", "2_b", "3_c"})
            f.add(QLatin1String(id), "SELECT 1;\n", "SELECT 1;\n");
        const AdoptionPlan plan
            = planFor(db, f.path(), QStringLiteral("flyway"), {QStringLiteral("1")});
        QCOMPARE(plan.problems,
                 QStringList{"installed_rank=2 (<< Flyway Baseline >>): a baseline after "
                             "installed_rank=1, which Flyway applied before it: Flyway refuses to "
                             "baseline a history that has migrations"});
    }

    // The command line: exit 3 naming the row, nothing adopted; --accept-checksum 1 adopts.
    void theCommandRefusesAndAccepts()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__c.sql"), "CREATE TABLE c (id int);\n");
        const QString out = imported("flyway", src, tmp.filePath(QStringLiteral("ours")));
        TestDatabase db;
        exec(db,
             kFlywayHistoryTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'c', 'SQL', 'V1__c.sql', 7, 'x', 1, true);");
        Run r = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                    << QStringLiteral("flyway"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("installed_rank=1 (V1__c.sql): Flyway recorded the "
                                               "checksum 7, but 1_c/up.sql has -2102380136")),
                 qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));
        r = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                << QStringLiteral("flyway") << QStringLiteral("--accept-checksum")
                                << QStringLiteral("1"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("taken over with --accept-checksum 1")),
                 qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestAdoptChecksums)
#include "tst_adoptchecksums.moc"
