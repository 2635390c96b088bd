// Issue 59, point 2: the guard reads the table as it is now, and the dry run decides what up
// decides. A table analyzed small and grown since (autovacuum off, no ANALYZE) is estimated as
// the planner does (its density times its pages now), so CREATE INDEX on it is refused by
// --max-blocking-rows in the dry run and in up. Type changes PostgreSQL does in the catalog
// (varchar(20) to varchar(50) or to text, numeric(10,2) to numeric(12,2)) pass both, keeping
// the table's file; varchar(50) to varchar(20) and int to bigint stay refused as rewrites.
// uaip:batch on a table without a primary key, or an UPDATE that sets the key, is refused by the
// dry run as by up, before anything runs (nothing left needing attention); a no-transaction
// migration behind a pooler is refused by the dry run as by up. A refused dry run's --json
// carries the forecast (plan[].statements[]).
#include "migrationrunnertestutil.h"
#include "pgbouncer.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList limited(const TestDatabase &db, const QString &dir, const QString &rows)
{
    return on(db, dir) << QStringLiteral("--max-blocking-rows") << rows;
}

QString filenode(TestDatabase &db, const char *table)
{
    return db.scalar(QByteArray("SELECT pg_relation_filenode('") + table + "')");
}

QString needingAttention(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE NOT success");
}

} // namespace

class TestGuardReadsNow : public QObject
{
    Q_OBJECT

private slots:
    void aTableGrownSinceItsAnalyzeIsBig()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        QVERIFY(w.execScript("CREATE TABLE grown (id int PRIMARY KEY, v int);\n"
                             "ALTER TABLE grown SET (autovacuum_enabled = off);\n"
                             "INSERT INTO grown SELECT g, g FROM generate_series(1, 100) g;\n"
                             "ANALYZE grown;\n"
                             "INSERT INTO grown SELECT g, g FROM generate_series(101, 6000) g;\n")
                    .ok());
        QCOMPARE(db.scalar("SELECT reltuples::int FROM pg_class WHERE relname = 'grown'"),
                 QStringLiteral("100"));
        MigrationFolder f;
        f.add(QStringLiteral("0001_index"), "CREATE INDEX grown_v ON grown (v);\n",
              "DROP INDEX grown_v;\n");
        const QString limit = QStringLiteral("1000");
        const Run dry = migrateInProcess(limited(db, f.path(), limit)
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == 2, qPrintable(dry.out + dry.err));
        QVERIFY2(dry.err.contains(QStringLiteral("--max-blocking-rows")), qPrintable(dry.err));
        const Run up = migrateInProcess(limited(db, f.path(), limit) << QStringLiteral("up"));
        QCOMPARE(up.exitCode, dry.exitCode);
        QVERIFY2(up.err.contains(QStringLiteral("--max-blocking-rows")), qPrintable(up.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'grown_v'"),
                 QStringLiteral("0"));
        // the refused dry run's --json carries the forecast it judged
        const Run json = migrateInProcess(limited(db, f.path(), limit)
                                          << QStringLiteral("up") << QStringLiteral("--dry-run")
                                          << QStringLiteral("--json"));
        QCOMPARE(json.exitCode, 2);
        const QJsonObject doc = json.json();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonArray statements = doc.value(QStringLiteral("plan"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("statements"))
                                          .toArray();
        QVERIFY2(!statements.isEmpty(), qPrintable(json.out));
        const QJsonObject grown = statements.at(0)
                                      .toObject()
                                      .value(QStringLiteral("relations"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QVERIFY2(grown.value(QStringLiteral("rows")).toDouble() > 1000, qPrintable(json.out));
        QVERIFY(!doc.value(QStringLiteral("problems")).toArray().isEmpty());
        // within the limit it runs
        const Run big = migrateInProcess(limited(db, f.path(), QStringLiteral("100000"))
                                         << QStringLiteral("up"));
        QVERIFY2(big.exitCode == 0, qPrintable(big.err));
    }

    // From the hostile round: a density taken from the one page of a table analyzed at one row
    // is no guide; the statistics collector's live tuples count when they are more.
    void aTableAnalyzedAtOneRowAndGrownIsBig()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE one (id int PRIMARY KEY, v int);\n"
                                "ALTER TABLE one SET (autovacuum_enabled = off);\n"
                                "INSERT INTO one VALUES (0, 0);\n"
                                "ANALYZE one;\n"
                                "INSERT INTO one SELECT g, g FROM generate_series(1, 5000) g;\n")
                    .ok());
        // the collector's count arrives when the inserting session reports (within seconds)
        QVERIFY(waitFor(
            [&] {
                return db.scalar("SELECT pg_stat_get_live_tuples('one'::regclass)").toInt() >= 5001;
            },
            30000));
        MigrationFolder f;
        f.add(QStringLiteral("0001_index"), "CREATE INDEX one_v ON one (v);\n",
              "DROP INDEX one_v;\n");
        const Run dry = migrateInProcess(limited(db, f.path(), QStringLiteral("1000"))
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == 2, qPrintable(dry.out + dry.err));
    }

    void catalogOnlyTypeChangesPassAndRewritesDoNot_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("passes");
        QTest::newRow("varchar(20) to varchar(50)")
            << QByteArray("ALTER TABLE typed ALTER COLUMN v TYPE varchar(50);\n") << true;
        QTest::newRow("varchar(20) to text")
            << QByteArray("ALTER TABLE typed ALTER COLUMN v TYPE text;\n") << true;
        QTest::newRow("numeric(10,2) to numeric(12,2)")
            << QByteArray("ALTER TABLE typed ALTER COLUMN n TYPE numeric(12,2);\n") << true;
        QTest::newRow("two in one statement")
            << QByteArray("ALTER TABLE typed ALTER COLUMN v TYPE varchar(60), "
                          "ALTER COLUMN n TYPE numeric(14,2);\n")
            << true;
        QTest::newRow("varchar(50) to varchar(20)")
            << QByteArray("ALTER TABLE typed ALTER COLUMN w TYPE varchar(20);\n") << false;
        QTest::newRow("int to bigint")
            << QByteArray("ALTER TABLE typed ALTER COLUMN i TYPE bigint;\n") << false;
        QTest::newRow("a widening and a rewrite")
            << QByteArray("ALTER TABLE typed ALTER COLUMN v TYPE text, "
                          "ALTER COLUMN i TYPE bigint;\n")
            << false;
        // from the hostile round: the catalog's column is not the one the change meets when an
        // earlier statement renamed it (an int renamed to v, then v to text: a rewrite)
        QTest::newRow("a column renamed before its change")
            << QByteArray("ALTER TABLE typed RENAME COLUMN v TO v_old;\n"
                          "ALTER TABLE typed RENAME COLUMN i TO v;\n"
                          "ALTER TABLE typed ALTER COLUMN v TYPE text;\n")
            << false;
        QTest::newRow("two statements, two widenings")
            << QByteArray("ALTER TABLE typed ALTER COLUMN v TYPE text;\n"
                          "ALTER TABLE typed ALTER COLUMN n TYPE numeric(12,2);\n")
            << true;
        // an expression index is built again, a CHECK checked again
        QTest::newRow("a widening under an expression index")
            << QByteArray("ALTER TABLE typed ALTER COLUMN x TYPE varchar(80);\n") << false;
        QTest::newRow("a widening under a CHECK")
            << QByteArray("ALTER TABLE typed ALTER COLUMN c TYPE varchar(80);\n") << false;
    }
    void catalogOnlyTypeChangesPassAndRewritesDoNot()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, passes);
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE typed (id int PRIMARY KEY, v varchar(20), "
                                "w varchar(50), n numeric(10,2), i int, x varchar(20), "
                                "c varchar(20) CHECK (c <> ''));\n"
                                "CREATE INDEX typed_lower_x ON typed (lower(x));\n"
                                "INSERT INTO typed SELECT g, 'v' || g, 'w' || g, g / 3.0, g, "
                                "'x' || g, 'c' || g FROM generate_series(1, 3000) g;\n"
                                "ANALYZE typed;\n")
                    .ok());
        const QString before = filenode(db, "typed");
        MigrationFolder f;
        f.add(QStringLiteral("0001_type"), sql, "SELECT 1;\n");
        const QString limit = QStringLiteral("100");
        const Run dry = migrateInProcess(limited(db, f.path(), limit)
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        const Run up = migrateInProcess(limited(db, f.path(), limit) << QStringLiteral("up"));
        QCOMPARE(up.exitCode, dry.exitCode);
        if (!passes) {
            QVERIFY2(dry.exitCode == 2, qPrintable(dry.out + dry.err));
            QVERIFY2(up.err.contains(QStringLiteral("may rewrite the table")), qPrintable(up.err));
            QCOMPARE(filenode(db, "typed"), before);
            return;
        }
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.out + dry.err));
        // the lock is still named, without a rewrite
        QVERIFY2(dry.out.contains(QStringLiteral("ACCESS EXCLUSIVE on typed")),
                 qPrintable(dry.out));
        QVERIFY2(!dry.out.contains(QStringLiteral("may rewrite the table")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QStringLiteral("only the catalog")), qPrintable(dry.out));
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QCOMPARE(filenode(db, "typed"), before);
    }

    void batchWalksAreRefusedByTheDryRunAsByUp_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("why");
        QTest::newRow("no primary key")
            << QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=100\n"
                          "UPDATE keyless SET v = v + 1;\n")
            << QStringLiteral("has no primary key");
        QTest::newRow("an UPDATE that sets the key") << QByteArray(
            "-- uaip:no-transaction\n-- uaip:batch rows=100\nUPDATE keyed SET id = id + 100000;\n")
                                                     << QStringLiteral(
                                                            "a column of the primary key");
    }
    void batchWalksAreRefusedByTheDryRunAsByUp()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, why);
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE keyless (id int, v int);\n"
                                "INSERT INTO keyless SELECT g, g FROM generate_series(1, 500) g;\n"
                                "CREATE TABLE keyed (id int PRIMARY KEY, v int);\n"
                                "INSERT INTO keyed SELECT g, g FROM generate_series(1, 500) g;\n")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_first"), "CREATE TABLE before_it (id int);\n",
              "DROP TABLE before_it;\n");
        f.add(QStringLiteral("0002_batch"), sql, "SELECT 1;\n");
        const Run dry = migrateInProcess(on(db, f.path())
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        const Run up = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(dry.exitCode == 2, qPrintable(dry.out + dry.err));
        QCOMPARE(up.exitCode, dry.exitCode);
        QVERIFY2(dry.err.contains(why) && dry.err.contains(QStringLiteral("0002_batch/up.sql:3:1")),
                 qPrintable(dry.err));
        QVERIFY2(up.err.contains(why), qPrintable(up.err));
        // nothing ran, nothing needs attention
        QCOMPARE(db.scalar("SELECT to_regclass('before_it') IS NULL"), QStringLiteral("t"));
        if (db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL")
            != QLatin1String("t"))
            QCOMPARE(needingAttention(db), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT sum(v) FROM keyless"), QStringLiteral("125250"));
        QCOMPARE(db.scalar("SELECT max(id) FROM keyed"), QStringLiteral("500"));
    }

    void aNoTransactionMigrationBehindAPoolerIsRefusedByTheDryRun()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_table"), "CREATE TABLE posts (id int, user_id int);\n",
              "DROP TABLE posts;\n");
        f.add(QStringLiteral("0002_index"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY posts_user ON posts (user_id);\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY posts_user;\n");
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), {});
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QStringList through{QStringLiteral("--dir"), f.path(), QStringLiteral("up")};
        const Run dry = migrateInProcess(bouncer.conninfo(db.name()),
                                         QStringList(through) << QStringLiteral("--dry-run"));
        const Run up = migrateInProcess(bouncer.conninfo(db.name()), through);
        QVERIFY2(dry.exitCode == 2, qPrintable(dry.out + dry.err));
        QCOMPARE(up.exitCode, dry.exitCode);
        QVERIFY2(dry.err.contains(QLatin1String("0002_index"))
                     && dry.err.contains(QLatin1String("connection pooler")),
                 qPrintable(dry.err));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NULL"), QStringLiteral("t"));
    }

    // Issue 59 leftover 1: CREATE INDEX CONCURRENTLY on a partitioned table passed the dry run and
    // failed in up (PostgreSQL: "cannot create index on partitioned table ... concurrently").
    // The dry run, up (even with uaip:allow-blocking) and lint --db refuse it up front, at
    // file:line:col, naming the online form PostgreSQL allows; nothing runs.
    void concurrentIndexOnAPartitionedTableIsRefusedUpFront()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE parted (id int, v int) PARTITION BY RANGE (id);\n"
                                "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) "
                                "TO (100);\n"
                                "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (100) "
                                "TO (200);\n"
                                "INSERT INTO parted SELECT g, g FROM generate_series(0, 199) g;\n")
                    .ok());
        for (const QByteArray &head :
             {QByteArray("-- uaip:no-transaction\n"),
              QByteArray("-- uaip:no-transaction\n-- uaip:allow-blocking a quiet hour\n")}) {
            MigrationFolder f;
            f.add(QStringLiteral("0001_index"),
                  head + "CREATE INDEX CONCURRENTLY parted_v ON parted (v);\n",
                  "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY parted_v;\n");
            const QString at = QStringLiteral("0001_index/up.sql:%1:1").arg(head.count('\n') + 1);
            const Run dry = migrateInProcess(on(db, f.path()) << QStringLiteral("up")
                                                              << QStringLiteral("--dry-run"));
            const Run up = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
            for (const Run &r : {dry, up}) {
                QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
                for (const QString &said :
                     {at, QStringLiteral("partitioned table parted"),
                      QStringLiteral("ON ONLY parted"), QStringLiteral("ATTACH PARTITION")})
                    QVERIFY2(r.err.contains(said), qPrintable(said + u'\n' + r.err));
            }
            QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'parted_v'"),
                     QStringLiteral("0"));
            if (db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL")
                != QLatin1String("t"))
                QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                         QStringLiteral("0"));
            const Run lint
                = migrate(on(db, f.path()) << QStringLiteral("lint") << QStringLiteral("--fail-on")
                                           << QStringLiteral("danger"));
            QVERIFY2(lint.exitCode == 3, qPrintable(lint.out + lint.err));
            QVERIFY2(lint.out.contains(at + QStringLiteral(": danger [refused]"))
                         && lint.out.contains(QStringLiteral("ON ONLY parted")),
                     qPrintable(lint.out));
        }
    }

    // A plain CREATE INDEX on a big partitioned table is refused with the online form that
    // works there (ON ONLY, CONCURRENTLY per partition, ATTACH), never plain CONCURRENTLY.
    void aBigPartitionedTablesIndexIsToldTheFormThatWorks()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE parted (id int, v int) PARTITION BY RANGE (id);\n"
                                "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) "
                                "TO (2000);\n"
                                "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (2000) "
                                "TO (4000);\n"
                                "INSERT INTO parted SELECT g, g FROM generate_series(0, 3999) g;\n"
                                "ANALYZE parted;\n")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_index"), "CREATE INDEX parted_v ON parted (v);\n",
              "DROP INDEX parted_v;\n");
        const Run dry = migrateInProcess(limited(db, f.path(), QStringLiteral("1000"))
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        const Run up = migrateInProcess(limited(db, f.path(), QStringLiteral("1000"))
                                        << QStringLiteral("up"));
        for (const Run &r : {dry, up}) {
            QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
            QVERIFY2(r.err.contains(QStringLiteral("0001_index/up.sql:1:1"))
                         && r.err.contains(QStringLiteral("ON ONLY parted"))
                         && !r.err.contains(QStringLiteral("Use CREATE INDEX CONCURRENTLY")),
                     qPrintable(r.err));
        }
        // the dry run's forecast says the same (its online form)
        const Run json = migrateInProcess(limited(db, f.path(), QStringLiteral("1000"))
                                          << QStringLiteral("up") << QStringLiteral("--dry-run")
                                          << QStringLiteral("--json"));
        QVERIFY2(json.out.contains(QStringLiteral("ON ONLY parted"))
                     && !json.out.contains(QStringLiteral("Use CREATE INDEX CONCURRENTLY")),
                 qPrintable(json.out));
    }
};

QTEST_GUILESS_MAIN(TestGuardReadsNow)
#include "tst_guardreadsnow.moc"
