// Issue 43, point 3: blocking work on big tables is refused before the first statement. A table
// of 2,000 live rows (analyzed) against --max-blocking-rows 1000: CREATE INDEX, a validated CHECK
// and a rewriting type change are refused (exit 2, file:line:col, the table, its rows, the lock,
// what it blocks, the online form), nothing of the plan runs, the dry run says the same; their
// online forms and a migration with -- uaip:allow-blocking go through (the reason in the ledger
// event); a fresh database, where the plan creates the table, is never refused. The table is
// named with a quote and a semicolon. uaip-migrate runs in the test's process (InProcessCli):
// what is checked is its answer, not the process.
#include "live/blockingworkgate.h"
#include "migrationrunnertestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr auto kTable = "\"big\"\"t;x\"";

QByteArray tableUp()
{
    return QByteArray("CREATE TABLE ") + kTable
        + " (id int PRIMARY KEY, n int NOT NULL DEFAULT 0, s varchar(20), m int DEFAULT 1);\n"
          "INSERT INTO "
        + kTable + " (id) SELECT g FROM generate_series(1, 2000) g;\n";
}

// 0001 makes the table; 0002 is the statement under test.
void addPlan(MigrationFolder &f, const QByteArray &second)
{
    f.add(QStringLiteral("0001_table"), tableUp(), QByteArray("DROP TABLE ") + kTable + ";\n");
    f.add(QStringLiteral("0002_change"), second, "SELECT 1;\n");
}

QStringList withLimit(const TestDatabase &db, const QString &dir)
{
    return on(db, dir) << QStringLiteral("--max-blocking-rows") << QStringLiteral("1000");
}

// The plan written (0002: sql), 0001 applied and its table analyzed: 2,000 live rows.
bool tableApplied(TestDatabase &db, MigrationFolder &f, const QByteArray &sql)
{
    addPlan(f, sql);
    return migrateInProcess(withLimit(db, f.path())
                            << QStringLiteral("up") << QStringLiteral("--to")
                            << QStringLiteral("1"))
               .exitCode
        == 0
        && db.witness().exec(QByteArray("ANALYZE ") + kTable).ok();
}

} // namespace

class TestBlockingWorkGate : public QObject
{
    Q_OBJECT

private slots:
    void blockingWorkIsRefusedWithItsOnlineForm_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("lock");
        QTest::addColumn<QString>("online");
        const QByteArray t(kTable);
        QTest::newRow("CREATE INDEX") << "CREATE INDEX big_n ON " + t + " (n);\n"
                                      << "SHARE on"
                                      << "CONCURRENTLY";
        QTest::newRow("validated CHECK")
            << "SELECT 1;\nALTER TABLE " + t + " ADD CONSTRAINT n_pos CHECK (n >= 0);\n"
            << "ACCESS EXCLUSIVE on"
            << "NOT VALID";
        QTest::newRow("rewriting type change")
            << "ALTER TABLE " + t + " ALTER COLUMN n TYPE bigint;\n"
            << "ACCESS EXCLUSIVE on"
            << "column of the new type";
        QTest::newRow("a backfill under an ADD COLUMN's lock")
            << "ALTER TABLE " + t + " ADD COLUMN c int;\nUPDATE " + t + " SET c = n;\n"
            << "ACCESS EXCLUSIVE on"
            << "batches";
        QTest::newRow("SET NOT NULL") << "ALTER TABLE " + t + " ALTER COLUMN m SET NOT NULL;\n"
                                      << "ACCESS EXCLUSIVE on"
                                      << "(m IS NOT NULL) NOT VALID";
    }
    void blockingWorkIsRefusedWithItsOnlineForm()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, lock);
        QFETCH(QString, online);
        TestDatabase db;
        MigrationFolder f;
        QVERIFY(tableApplied(db, f, sql));
        // the refused statement stands on the file's second line when the file has two
        const QString line
            = sql.count('\n') > 1 ? QStringLiteral(":2:1: ") : QStringLiteral(":1:1: ");
        for (const QString &mode : {QStringLiteral("--dry-run"), QStringLiteral("--json")}) {
            const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up") << mode);
            QCOMPARE(r.exitCode, 2);
            const QString text = mode == QLatin1String("--json")
                ? r.json()
                      .value(QStringLiteral("problems"))
                      .toArray()
                      .first()
                      .toObject()
                      .value(QStringLiteral("message"))
                      .toString()
                : r.err;
            QVERIFY2(text.contains(lock + u' ' + QString::fromLatin1(kTable)), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("2,000 rows")), qPrintable(text));
            QVERIFY2(text.contains(online), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("uaip:allow-blocking")), qPrintable(text));
            if (mode == QLatin1String("--dry-run"))
                QVERIFY2(text.contains(QStringLiteral("0002_change/up.sql") + line),
                         qPrintable(text));
        }
        // nothing of the plan ran
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'big_n'"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'n_pos'"),
                 QStringLiteral("0"));
        // below the limit (the default, 100,000) it runs
        const Run def = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(def.exitCode == 0, qPrintable(def.err));
    }

    void onlineFormsAndTheDirectiveGoThrough_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("before"); // run by hand before the plan's last step
        const QByteArray t(kTable);
        QTest::newRow("SET NOT NULL with a validated CHECK")
            << "ALTER TABLE " + t + " ALTER COLUMN m SET NOT NULL;\n"
            << "ALTER TABLE " + t + " ADD CONSTRAINT m_nn CHECK (m IS NOT NULL)";
        QTest::newRow("CONCURRENTLY")
            << "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY big_n ON " + t + " (n);\n"
            << QByteArray();
        QTest::newRow("NOT VALID")
            << "ALTER TABLE " + t + " ADD CONSTRAINT n_pos CHECK (n >= 0) NOT VALID;\n"
            << QByteArray();
        QTest::newRow("allow-blocking")
            << "-- uaip:allow-blocking built once, 2,000 rows = 4 ms\nCREATE INDEX big_n ON " + t
                + " (n);\n"
            << QByteArray();
    }
    void onlineFormsAndTheDirectiveGoThrough()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, before);
        TestDatabase db;
        MigrationFolder f;
        QVERIFY(tableApplied(db, f, sql));
        if (!before.isEmpty())
            QVERIFY(db.witness().exec(before).ok());
        const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString detail = db.scalar("SELECT detail FROM uaip_ledger.uaip_migration_events "
                                         "WHERE version = '0002' AND outcome = 'ok'");
        if (sql.contains("allow-blocking"))
            QCOMPARE(QJsonDocument::fromJson(detail.toUtf8())
                         .object()
                         .value(QStringLiteral("allow_blocking"))
                         .toString(),
                     QStringLiteral("built once, 2,000 rows = 4 ms"));
        else
            QVERIFY2(detail.isEmpty(), qPrintable(detail));
    }

    // SET NOT NULL skips its scan where a valid CHECK (m IS NOT NULL) proves the column: one
    // that an earlier statement of the same plan added, or added NOT VALID and validated, counts
    // (the online form in one -- uaip:no-transaction file); one still NOT VALID, dropped again,
    // on another column or another table does not.
    void setNotNullIsSparedByACheckValidatedEarlierInThePlan_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("spared");
        const QByteArray t(kTable);
        const QByteArray add = "ALTER TABLE " + t + " ADD CONSTRAINT m_nn CHECK (m IS NOT NULL)";
        const QByteArray validate = "ALTER TABLE " + t + " VALIDATE CONSTRAINT m_nn;\n";
        const QByteArray setNotNull = "ALTER TABLE " + t + " ALTER COLUMN m SET NOT NULL;\n";
        const QByteArray noTx = "-- uaip:no-transaction\n";
        QTest::newRow("added NOT VALID, validated") << noTx + add + " NOT VALID;\n" + validate
                + setNotNull + "ALTER TABLE " + t
                + " DROP CONSTRAINT m_nn;\n" << true;
        QTest::newRow("still NOT VALID") << noTx + add + " NOT VALID;\n" + setNotNull << false;
        QTest::newRow("dropped again") << noTx + add + " NOT VALID;\n" + validate + "ALTER TABLE "
                + t + " DROP CONSTRAINT m_nn;\n"
                + setNotNull << false;
        QTest::newRow("another column") << noTx + "ALTER TABLE " + t
                + " ADD CONSTRAINT s_nn CHECK (s IS NOT NULL) NOT VALID;\nALTER TABLE " + t
                + " VALIDATE CONSTRAINT s_nn;\n"
                + setNotNull << false;
        // from the attack round: what may undo the proof between the CHECK and SET NOT NULL
        const QByteArray proved = noTx + add + " NOT VALID;\n" + validate;
        QTest::newRow("dropped through another spelling") << proved + "ALTER TABLE public." + t
                + " DROP CONSTRAINT m_nn;\n" + setNotNull << false;
        QTest::newRow("renamed, then dropped") << proved + "ALTER TABLE " + t
                + " RENAME CONSTRAINT m_nn TO m2;\nALTER TABLE " + t + " DROP CONSTRAINT m2;\n"
                + setNotNull << false;
        QTest::newRow("column dropped and added") << proved + "ALTER TABLE " + t
                + " DROP COLUMN m;\nALTER TABLE " + t + " ADD COLUMN m int DEFAULT 7;\n"
                + setNotNull << false;
        QTest::newRow("search_path set")
            << proved + "SET search_path = public;\n" + setNotNull << false;
        QTest::newRow("a DO block") << proved + "DO $$ BEGIN NULL; END $$;\n" + setNotNull << false;
        QTest::newRow("NO INHERIT")
            << noTx + add + " NO INHERIT NOT VALID;\n" + validate + setNotNull << false;
        QTest::newRow("another table") << noTx
                + "CREATE TABLE other (m int);\nALTER TABLE other ADD CONSTRAINT m_nn CHECK (m IS "
                  "NOT NULL);\n"
                + setNotNull << false;
    }
    void setNotNullIsSparedByACheckValidatedEarlierInThePlan()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, spared);
        TestDatabase db;
        MigrationFolder f;
        QVERIFY(tableApplied(db, f, sql));
        const Run dry = migrateInProcess(withLimit(db, f.path())
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QVERIFY2(dry.exitCode == (spared ? 0 : 2), qPrintable(dry.out + dry.err));
        if (!spared) {
            QVERIFY2(dry.err.contains(QStringLiteral("(m IS NOT NULL) NOT VALID")),
                     qPrintable(dry.err));
            return;
        }
        QVERIFY2(dry.out.contains(QStringLiteral("validated earlier in this plan (m_nn)")),
                 qPrintable(dry.out));
        const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT attnotnull FROM pg_attribute WHERE attname = 'm' AND attrelid "
                           "= '\"big\"\"t;x\"'::regclass"),
                 QStringLiteral("t"));
    }

    // A plan that sets its own search_path does not hide a big table behind an unqualified
    // name: after SET [LOCAL] search_path or a set_config call, the name is matched in every
    // schema and the biggest table counts (a small public table of the same name does not mask
    // it). A table never analyzed counts by its heap alone: 4,000 empty partitions are not big.
    void aSearchPathSetByThePlanDoesNotHideABigTable_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("SET LOCAL") << QByteArray("SET LOCAL search_path = app, public;\n"
                                                 "CREATE INDEX big_v ON big (v);\n");
        QTest::newRow("set_config") << QByteArray("SELECT set_config('search_path', 'app', true);\n"
                                                  "CREATE INDEX big_v ON big (v);\n");
        QTest::newRow("in an earlier migration")
            << QByteArray("-- uaip:no-transaction\nSET search_path = app;\n");
        // from the second attack round: what sets it where the tree cannot see
        QTest::newRow("in a DO block")
            << QByteArray("DO $$ BEGIN SET search_path = app, public; END $$;\n"
                          "CREATE INDEX big_v ON big (v);\n");
        QTest::newRow("through pg_settings")
            << QByteArray("UPDATE pg_settings SET setting = 'app, public' WHERE name = "
                          "'search_path';\nCREATE INDEX big_v ON big (v);\n");
    }
    void aSearchPathSetByThePlanDoesNotHideABigTable()
    {
        QFETCH(QByteArray, sql);
        TestDatabase db;
        PgConnection &w = db.witness();
        QVERIFY(w.execScript("CREATE SCHEMA app;\n"
                             "CREATE TABLE app.big (id int, v int);\n"
                             "INSERT INTO app.big SELECT g, g FROM generate_series(1, 2000) g;\n"
                             "ANALYZE app.big;\n"
                             "CREATE TABLE public.big (id int, v int);\n"
                             "ANALYZE public.big;\n")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_path"), sql, "SELECT 1;\n");
        if (!sql.contains("CREATE INDEX"))
            f.add(QStringLiteral("0002_index"), "CREATE INDEX big_v ON big (v);\n", "SELECT 1;\n");
        const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2,000 rows")), qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'big_v'"),
                 QStringLiteral("0"));
    }
    // A table renamed (or its schema) earlier in the plan is sized as the table it is, not as
    // a name "not in the database yet" (from the second attack round).
    void aTableRenamedInThePlanIsSizedAsItWas_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("table") << QByteArray(
            "ALTER TABLE app.big RENAME TO big_old;\n"
            "ALTER TABLE app.big_old ALTER COLUMN v TYPE bigint;\n");
        QTest::newRow("schema") << QByteArray("ALTER SCHEMA app RENAME TO app2;\n"
                                              "ALTER TABLE app2.big ALTER COLUMN v TYPE bigint;\n");
        QTest::newRow("set schema")
            << QByteArray("CREATE SCHEMA other;\nALTER TABLE app.big SET SCHEMA other;\n"
                          "ALTER TABLE other.big ALTER COLUMN v TYPE bigint;\n");
    }
    void aTableRenamedInThePlanIsSizedAsItWas()
    {
        QFETCH(QByteArray, sql);
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE SCHEMA app;\nCREATE TABLE app.big (id int, v int);\n"
                                "INSERT INTO app.big SELECT g, g FROM generate_series(1, 2000) g;\n"
                                "ANALYZE app.big;\n")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_rename"), sql, "SELECT 1;\n");
        const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2,000 rows")), qPrintable(r.err));
    }

    // A CHECK (p IS NOT NULL) on a composite column tests each field: it proves nothing to SET
    // NOT NULL, whether the plan adds it or the table has it (from the second attack round).
    void aCompositeColumnsCheckProvesNothing_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("in the plan")
            << QByteArray()
            << QByteArray("-- uaip:no-transaction\nALTER TABLE cbig ADD CONSTRAINT p_nn CHECK (p "
                          "IS NOT NULL) NOT VALID;\nALTER TABLE cbig VALIDATE CONSTRAINT p_nn;\n"
                          "ALTER TABLE cbig ALTER COLUMN p SET NOT NULL;\n");
        QTest::newRow("on the table")
            << QByteArray("ALTER TABLE cbig ADD CONSTRAINT p_nn CHECK (p IS NOT NULL)")
            << QByteArray("ALTER TABLE cbig ALTER COLUMN p SET NOT NULL;\n");
    }
    void aCompositeColumnsCheckProvesNothing()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, sql);
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TYPE pair AS (a int, b int);\n"
                                "CREATE TABLE cbig (id int, p pair);\n"
                                "INSERT INTO cbig SELECT g, row(g, g)::pair FROM "
                                "generate_series(1, 2000) g;\nANALYZE cbig;\n")
                    .ok());
        if (!before.isEmpty())
            QVERIFY(db.witness().exec(before).ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_not_null"), sql, "SELECT 1;\n");
        const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("(p IS NOT NULL) NOT VALID")), qPrintable(r.err));
    }

    void emptyPartitionsNeverAnalyzedAreNotBig()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE parted (id int, v int) PARTITION BY RANGE (id);\n"
                                "DO $$ BEGIN FOR i IN 0..399 LOOP EXECUTE format('CREATE TABLE "
                                "parted_%s PARTITION OF parted FOR VALUES FROM (%s) TO (%s)', i, "
                                "i * 10, i * 10 + 10); END LOOP; END $$;\n"
                                "CREATE INDEX parted_id ON parted (id);\n")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_check"),
              "ALTER TABLE parted ADD CONSTRAINT v_pos CHECK (v >= 0);\n", "SELECT 1;\n");
        const Run r
            = migrateInProcess(on(db, f.path()) << QStringLiteral("--max-blocking-rows")
                                                << QStringLiteral("100") << QStringLiteral("up"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    // From the attack round: an inheritance parent counts its children's rows (ALTER TABLE
    // without ONLY rewrites them all), and a table never analyzed counts by its size on disk.
    void inheritedAndNeverAnalyzedTablesAreCounted()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        QVERIFY(w.exec("CREATE TABLE par (id int, v int)").ok());
        QVERIFY(w.exec("CREATE TABLE kid () INHERITS (par)").ok());
        QVERIFY(w.exec("INSERT INTO kid SELECT g, g FROM generate_series(1, 2000) g").ok());
        QVERIFY(w.exec("ANALYZE par").ok());
        QVERIFY(w.exec("ANALYZE kid").ok());
        QVERIFY(w.exec("CREATE TABLE noan (id int, v int) WITH (autovacuum_enabled = false)").ok());
        QVERIFY(w.exec("INSERT INTO noan SELECT g, g FROM generate_series(1, 5000) g").ok());
        QCOMPARE(db.scalar("SELECT reltuples FROM pg_class WHERE relname = 'noan'"),
                 QStringLiteral("-1"));
        for (const QByteArray &sql :
             {QByteArray("ALTER TABLE par ALTER COLUMN v TYPE bigint;\n"),
              QByteArray("ALTER TABLE noan ALTER COLUMN v TYPE bigint;\n")}) {
            MigrationFolder f;
            f.add(QStringLiteral("0001_change"), sql, "SELECT 1;\n");
            const Run r = migrateInProcess(withLimit(db, f.path()) << QStringLiteral("up"));
            QVERIFY2(r.exitCode == 2, qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("2,000 rows"))
                         || r.err.contains(QStringLiteral("never analyzed")),
                     qPrintable(r.err));
        }
    }

    // The plan creates the table: nothing of it exists yet, nothing is refused; the engine (the
    // GUI's and the fleet's path) refuses as the CLI does.
    void theEngineRefusesAndAFreshDatabaseIsNever()
    {
        TestDatabase db;
        MigrationFolder f;
        addPlan(f, QByteArray("CREATE INDEX big_n ON ") + kTable + " (n);\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_blockingworkgate")));
        MigrationRunner::Options o;
        o.maxBlockingRows = 1000;
        MigrationRunner fresh(c, source.migrations(), o);
        const RunResult all = fresh.up();
        QVERIFY2(all.ok(), qPrintable(all.message));
        QVERIFY(fresh.down({DownTarget::Kind::Steps, 1, {}}).ok());
        QVERIFY(db.witness().exec(QByteArray("ANALYZE ") + kTable).ok());
        MigrationRunner again(c, source.migrations(), o);
        const RunResult refused = again.up();
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QCOMPARE(refused.planProblems.size(), 1);
        QCOMPARE(refused.planProblems.first().kind, QStringLiteral("blocking"));
        QCOMPARE(refused.planProblems.first().line, 1);
        QVERIFY2(refused.message.contains(QStringLiteral("--max-blocking-rows")),
                 qPrintable(refused.message));
        QCOMPARE(ledgerCount(db), 1);
    }
};

QTEST_GUILESS_MAIN(TestBlockingWorkGate)
#include "tst_blockingworkgate.moc"
