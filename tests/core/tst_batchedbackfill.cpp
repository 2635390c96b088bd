// Issue 43, point 4: batched backfills. A uaip:batch migration runs each UPDATE, DELETE and
// INSERT ... SELECT in committed batches along its table's primary key, each batch and the
// ledger's position in one transaction: a run killed with kill -9 or cancelled resumes after the
// last batch that committed and never changes a row twice (each row's counter ends at 1). The
// table's name holds a quote and a semicolon; its key is composite; the statement's own WHERE
// is an OR (the batch's range must not bind to one side of it).
#include "approle.h"
#include "migrationrunnertestutil.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QJsonArray>
#include <QMutex>
#include <atomic>
#include <future>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr auto kTable = "\"ev\"\"t;s\"";

// 0001: the table, rows rows with a composite key (tenant, id); n counts the backfill's visits.
void addTable(MigrationFolder &f, int rows)
{
    f.add(QStringLiteral("0001_table"),
          QByteArray("CREATE TABLE ") + kTable
              + " (tenant text, id int, n int NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id));\n"
                "INSERT INTO "
              + kTable + " SELECT 't' || (g % 3), g FROM generate_series(1, "
              + QByteArray::number(rows) + ") g;\n",
          QByteArray("DROP TABLE ") + kTable + ";\n");
}

// 0002's up: a column added, then every even id (and id 1) visited once, batch by batch. The
// WHERE is an AND at its top (the key range joins it as one more argument, as the parser
// flattens it: from the attack round) over an OR (which keeps its meaning).
QByteArray backfillUp(const QByteArray &batch, const QByteArray &step = "1")
{
    return "-- uaip:no-transaction\n-- uaip:batch " + batch + "\nALTER TABLE " + kTable
        + " ADD COLUMN flag int;\nUPDATE " + kTable + " AS e SET n = e.n + " + step
        + ", flag = e.id % 3 WHERE (e.id % 2 = 0 OR e.id = 1) AND e.n >= 0;\n";
}

void addBackfill(MigrationFolder &f, const QByteArray &batch)
{
    f.add(QStringLiteral("0002_backfill"), backfillUp(batch),
          QByteArray("ALTER TABLE ") + kTable + " DROP COLUMN flag;\n");
}

// "visited once / not visited / visited twice" counts: each row must be in the first two.
QString visits(TestDatabase &db)
{
    return db.scalar(QByteArray("SELECT count(*) FILTER (WHERE n = 1 AND (id % 2 = 0 OR id = 1)) "
                                "|| '/' || count(*) FILTER (WHERE n = 0 AND id % 2 = 1 AND id > 1) "
                                "|| '/' || count(*) FILTER (WHERE n > 1) FROM ")
                     + kTable);
}

QString position(TestDatabase &db, const char *key)
{
    return db.scalar("SELECT progress_batch::jsonb ->> $1 FROM uaip_ledger.uaip_schema_migrations "
                     "WHERE version = '0002'",
                     {QString::fromLatin1(key)});
}

// Runs e's up until its first batch committed (its pause must be long), then cancels it: the
// run's result; none when it did not get that far or did not stop.
std::optional<RunResult> cancelAfterFirstBatch(Engine &e)
{
    std::atomic_int batches{0};
    QObject::connect(
        e.runner.get(), &MigrationRunner::backfillProgress, e.runner.get(),
        [&](const BackfillProgress &p) { batches = p.batches; }, Qt::DirectConnection);
    std::future<RunResult> future = std::async(std::launch::async, [&] { return e.runner->up(); });
    const bool started = waitFor([&] { return batches.load() == 1; }, 30000);
    e.runner->cancel();
    if (!started || future.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

} // namespace

class TestBatchedBackfill : public QObject
{
    Q_OBJECT

private slots:
    void runsInCommittedBatches()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 1000);
        addBackfill(f, "rows=100");
        Engine e(f.path(), db.conninfo());
        QMutex mutex;
        QStringList lines;
        QList<qint64> walked; // the job's progress bar follows this signal
        QObject::connect(
            e.runner.get(), &MigrationRunner::message, e.runner.get(),
            [&](const QString &line) {
                const QMutexLocker lock(&mutex);
                lines << line;
            },
            Qt::DirectConnection);
        QObject::connect(
            e.runner.get(), &MigrationRunner::backfillProgress, e.runner.get(),
            [&](const BackfillProgress &p) { walked << p.walked; }, Qt::DirectConnection);
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(visits(db), QStringLiteral("501/499/0"));
        QCOMPARE(walked.size(), 10);
        QCOMPARE(walked.first(), 100);
        QCOMPARE(walked.last(), 1000);
        QCOMPARE(r.backfills.size(), 1);
        const BackfillProgress &b = r.backfills.first();
        QCOMPARE(b.batches, 10);
        QCOMPARE(b.changed, 501);
        QCOMPARE(b.total, 1000);
        QVERIFY(b.done);
        QVERIFY2(b.at.endsWith(QStringLiteral("0002_backfill/up.sql:4:1")), qPrintable(b.at));
        // each batch committed on its own: the rows carry ten transaction ids
        QCOMPARE(db.scalar(QByteArray("SELECT count(DISTINCT xmin::text) FROM ") + kTable
                           + " WHERE n = 1"),
                 QStringLiteral("10"));
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("1000 of 1000 rows walked")),
                 qPrintable(lines.join(u'\n')));
        QCOMPARE(db.scalar("SELECT state || coalesce(progress_batch, '-') FROM "
                           "uaip_ledger.uaip_schema_migrations WHERE version = '0002'"),
                 QStringLiteral("applied-"));
    }

    // Issue 59, point 6: the keys walked are the keys the batches walked, never the table's
    // estimate at the start: a table analyzed at 1,000 rows of which 51 went since (no
    // autovacuum, no ANALYZE) walks 949 keys and changes 949 rows, never "1000 walked".
    void walkedCountsTheKeysNotTheEstimate()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 1000);
        f.add(QStringLiteral("0002_all"),
              QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=100\nUPDATE ") + kTable
                  + " SET n = n + 1;\n",
              "SELECT 1;\n");
        QCOMPARE(migrate(on(db, f.path())
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                     .exitCode,
                 0);
        QVERIFY(db.witness()
                    .execScript(QByteArray("ALTER TABLE ") + kTable
                                + " SET (autovacuum_enabled = off);\nANALYZE " + kTable
                                + ";\nDELETE FROM " + kTable + " WHERE id % 20 = 0 OR id = 7;")
                    .ok());
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.backfills.size(), 1);
        const BackfillProgress &b = r.backfills.first();
        QCOMPARE(b.changed, 949);
        QCOMPARE(b.walked, 949);
        QCOMPARE(b.batches, 10);
    }

    // kill -9 in the middle: the ledger holds the last committed batch's position; repair
    // --resume goes on from there, and no row is visited twice.
    void resumesAfterKill()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 1000);
        addBackfill(f, "rows=50 pause=150ms");
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(TestCluster::migrateBinary(), on(db, f.path()) << QStringLiteral("up"));
        QVERIFY(p.waitForStarted());
        QVERIFY2(waitFor([&] { return position(db, "batches").toInt() >= 3; }, 60000),
                 qPrintable(QString::fromUtf8(p.readAllStandardError())));
        p.kill();
        QVERIFY(p.waitForFinished());
        const int batches = position(db, "batches").toInt();
        QVERIFY(batches >= 3 && batches < 20);
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("dirty"));
        QCOMPARE(db.scalar(QByteArray("SELECT count(*) FROM ") + kTable + " WHERE n = 1"),
                 position(db, "changed"));
        const Run status = migrate(on(db, f.path()) << QStringLiteral("status"));
        QVERIFY2(status.out.contains(QStringLiteral("0002")), qPrintable(status.out));
        const Run resumed
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("repair")
                                       << QStringLiteral("--resume") << QStringLiteral("0002")
                                       << QStringLiteral("--yes"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        QCOMPARE(visits(db), QStringLiteral("501/499/0"));
        const QJsonObject backfill
            = resumed.json().value(QStringLiteral("backfills")).toArray().first().toObject();
        QCOMPARE(backfill.value(QStringLiteral("rows_walked")).toInt(), 1000);
        QCOMPARE(backfill.value(QStringLiteral("batches")).toInt(), 20);
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("applied"));
    }

    // A Cancel during the pause between two batches stops the run there; what committed
    // stays, and the resume finishes it.
    void cancelStopsBetweenBatches()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 300);
        addBackfill(f, "rows=100 pause=5s");
        Engine e(f.path(), db.conninfo());
        const std::optional<RunResult> r = cancelAfterFirstBatch(e);
        QVERIFY(r && r->cancelled);
        QCOMPARE(position(db, "batches"), QStringLiteral("1"));
        QCOMPARE(db.scalar(QByteArray("SELECT count(*) FROM ") + kTable + " WHERE n = 1"),
                 position(db, "changed"));
        // the pause is not part of the statement: a resume may change it
        f.write(QStringLiteral("0002_backfill/up.sql"), backfillUp("rows=100 pause=1ms"));
        Engine again(f.path(), db.conninfo());
        const RunResult resumed = again.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("2"))});
        QVERIFY2(resumed.ok(), qPrintable(describe(resumed)));
        QCOMPARE(visits(db), QStringLiteral("151/149/0"));
    }

    // A Cancel while a batch runs: that batch is rolled back whole (the server cancels it), the
    // ones before it stay, the ledger names them, and the resume finishes without doing any
    // row twice.
    void cancelDuringABatch()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 40);
        const auto up = [](const char *sleep) {
            return QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=10\nUPDATE ") + kTable
                + " SET n = n + 1 WHERE pg_sleep(" + sleep + ") IS NOT NULL;\n";
        };
        f.add(QStringLiteral("0002_slow"), up("0.05"), "SELECT 1;\n");
        Engine e(f.path(), db.conninfo());
        std::atomic_int batches{0};
        QObject::connect(
            e.runner.get(), &MigrationRunner::backfillProgress, e.runner.get(),
            [&](const BackfillProgress &p) { batches = p.batches; }, Qt::DirectConnection);
        std::future<RunResult> future
            = std::async(std::launch::async, [&] { return e.runner->up(); });
        // the second batch is running (0.5 s of sleeps) when the Cancel comes
        QVERIFY(waitFor([&] { return batches.load() == 1; }, 30000));
        QVERIFY(waitFor(
            [&] {
                return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                 "AND query LIKE 'UPDATE%pg_sleep%' AND pid <> pg_backend_pid()")
                    == QLatin1String("1");
            },
            10000));
        e.runner->cancel();
        QVERIFY(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        const RunResult r = future.get();
        QVERIFY2(r.cancelled, qPrintable(describe(r)));
        QCOMPARE(position(db, "batches"), QStringLiteral("1"));
        QCOMPARE(db.scalar(QByteArray("SELECT sum(n) FROM ") + kTable), QStringLiteral("10"));
        f.write(QStringLiteral("0002_slow/up.sql"), up("0.05"));
        Engine again(f.path(), db.conninfo());
        const RunResult resumed = again.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("2"))});
        QVERIFY2(resumed.ok(), qPrintable(describe(resumed)));
        QCOMPARE(db.scalar(QByteArray("SELECT min(n) || '/' || max(n) FROM ") + kTable),
                 QStringLiteral("1/1"));
    }

    // The statement itself edited after some batches ran: the resume is refused.
    void editedStatementIsNotResumed()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 300);
        addBackfill(f, "rows=100 pause=5s");
        Engine e(f.path(), db.conninfo());
        QVERIFY(cancelAfterFirstBatch(e));
        f.write(QStringLiteral("0002_backfill/up.sql"), backfillUp("rows=100 pause=5s", "2"));
        Engine edited(f.path(), db.conninfo());
        const RunResult r = edited.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("2"))});
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(QStringLiteral("changed since 1 of its batch")),
                 qPrintable(r.message));
        QCOMPARE(position(db, "batches"), QStringLiteral("1"));
    }

    // A batch that meets a row lock of the application's (a non-owner role in a long
    // transaction) gives up after one short attempt, is rolled back and sent again; the
    // application's own queries run meanwhile; once the transaction ends the batches finish.
    void aBatchWaitsInShortAttempts()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 300);
        f.add(QStringLiteral("0002_backfill"),
              QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=100\nUPDATE ") + kTable
                  + " AS e SET n = e.n + 1 WHERE e.id % 2 = 0 OR e.id = 1;\n",
              "SELECT 1;\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_batchedbackfill")));
        MigrationRunner::Options o;
        o.lockWaitMs = 5000;
        o.lockTimeoutMs = 30000;
        o.lockAttemptMs = 100;
        o.client = QStringLiteral("tst_batchedbackfill");
        MigrationRunner runner(c, source.migrations(), o);
        QVERIFY(runner.up(*MigrationVersion::parse(QStringLiteral("1"))).ok());
        AppRole app(db, QStringLiteral("SELECT, UPDATE"));
        PgConnection holder;
        QVERIFY2(holder.open(app.conninfo(), QStringLiteral("analytics")),
                 qPrintable(holder.connectionError()));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec(QByteArray("UPDATE ") + kTable + " SET n = n WHERE id = 150").ok());
        std::atomic_int attempts{0};
        QObject::connect(
            &runner, &MigrationRunner::lockWaiting, &runner,
            [&](const LockAttempt &) { ++attempts; }, Qt::DirectConnection);
        std::future<RunResult> future = std::async(std::launch::async, [&] { return runner.up(); });
        const auto release = qScopeGuard([&] { holder.exec("ROLLBACK"); });
        QVERIFY(waitFor([&] { return attempts.load() >= 2; }, 15000));
        PgConnection platform;
        QVERIFY(platform.open(app.conninfo(), QStringLiteral("platform")));
        QVERIFY(platform.exec("SET lock_timeout = '1s'").ok());
        for (int id : {2, 151, 299}) {
            const PgResult r
                = platform.exec(QByteArray("UPDATE ") + kTable + " SET n = n WHERE id = $1", {id});
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        }
        holder.exec("ROLLBACK");
        QVERIFY(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        const RunResult r = future.get();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.lockAttempts.size() >= 2);
        QVERIFY2(r.lockAttempts.first().scope.contains(QStringLiteral("batch")),
                 qPrintable(r.lockAttempts.first().scope));
        QCOMPARE(visits(db), QStringLiteral("151/149/0"));
    }

    void insertSelectAndDelete()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 250);
        f.add(QStringLiteral("0002_copy"),
              QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=40\n"
                         "CREATE TABLE copy (tenant text, id int, n int);\n"
                         "INSERT INTO copy VALUES ('x', -1, 0);\n"
                         "INSERT INTO copy SELECT 'y', g, 0 FROM generate_series(-3, -2) g;\n"
                         "INSERT INTO copy SELECT s.tenant, s.id, s.n + 1 FROM ")
                  + kTable + " s WHERE s.tenant <> 't0';\nDELETE FROM " + kTable
                  + " WHERE tenant = 't0';\n",
              "DROP TABLE copy;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        // VALUES and generate_series read no table: each ran once, as written
        QCOMPARE(db.scalar("SELECT count(*) || '/' || sum(n) FROM copy"),
                 QStringLiteral("170/167"));
        QCOMPARE(db.scalar(QByteArray("SELECT count(*) FROM ") + kTable), QStringLiteral("167"));
        QCOMPARE(r.backfills.size(), 2);
        QCOMPARE(r.backfills.at(0).batches, 7);
        QCOMPARE(r.backfills.at(1).changed, 83);
    }

    // Refused before anything runs: statements whose batches would change what they do.
    void refusesWhatBatchesWouldChange_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<QString>("why");
        const QByteArray from = QByteArray(" FROM ") + kTable;
        QTest::newRow("aggregate") << "INSERT INTO sums SELECT count(*)" + from << "aggregate";
        QTest::newRow("group by") << "INSERT INTO sums SELECT id" + from + " GROUP BY id"
                                  << "GROUP BY";
        QTest::newRow("limit") << "INSERT INTO sums SELECT id" + from + " LIMIT 5"
                               << "LIMIT";
        QTest::newRow("with") << "WITH x AS (SELECT 1) UPDATE " + QByteArray(kTable) + " SET n = 1"
                              << "WITH";
        QTest::newRow("join") << "INSERT INTO sums SELECT a.id" + from + " a, sums b"
                              << "exactly one table";
        // libpg_query 15-4.0 writes a keyword as a named argument unquoted: refused here, not
        // at the first batch after the statements before it committed (from the attack round)
        QTest::newRow("not written back faithfully")
            << "UPDATE " + QByteArray(kTable) + " SET n = n + f(\"select\" => 1)"
            << "cannot be written with a key range";
    }
    void refusesWhatBatchesWouldChange()
    {
        QFETCH(QByteArray, statement);
        QFETCH(QString, why);
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 10);
        f.add(QStringLiteral("0002_bad"),
              "-- uaip:no-transaction\n-- uaip:batch\nCREATE TABLE sums (n bigint);\n" + statement
                  + ";\n",
              "DROP TABLE sums;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.message.contains(why) && r.message.contains(QStringLiteral("up.sql:4:1")),
                 qPrintable(r.message));
        QVERIFY(!tableExists(db, "sums"));
        QCOMPARE(ledgerCount(db), 1);
    }

    // What batches would change, only visible with the walked table's key or the catalog:
    // stopped at the statement, nothing of it run.
    void refusedAtTheStatement_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<QString>("why");
        const QByteArray t = kTable;
        QTest::newRow("sets a key column") << "UPDATE " + t + " SET id = id + 1000"
                                           << QStringLiteral("a column of the primary key");
        QTest::newRow("a user-defined aggregate")
            << "INSERT INTO sums SELECT my_sum(n) FROM " + t << QStringLiteral("aggregate my_sum");
        QTest::newRow("a built-in aggregate not on any list")
            << "INSERT INTO sums SELECT bit_xor(id) FROM " + t
            << QStringLiteral("aggregate bit_xor");
        QTest::newRow("inserts into the table it reads")
            << "INSERT INTO " + t + " (tenant, id) SELECT tenant, id + 1000 FROM " + t
            << QStringLiteral("reads");
        QTest::newRow("reads itself in a subquery")
            << "UPDATE " + t + " SET n = 1 WHERE id IN (SELECT id FROM " + t + " LIMIT 10)"
            << QStringLiteral("reads");
    }
    void refusedAtTheStatement()
    {
        QFETCH(QByteArray, statement);
        QFETCH(QString, why);
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 30);
        f.add(QStringLiteral("0002_sums"),
              "CREATE TABLE sums (n bigint);\nCREATE AGGREGATE my_sum (int) "
              "(sfunc = int4pl, stype = int, initcond = '0');\n",
              "DROP AGGREGATE my_sum (int);\nDROP TABLE sums;\n");
        f.add(QStringLiteral("0003_bad"),
              "-- uaip:no-transaction\n-- uaip:batch rows=10\n" + statement + ";\n", "SELECT 1;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(why) && r.message.contains(QStringLiteral("up.sql:3:1")),
                 qPrintable(r.message));
        QCOMPARE(db.scalar(QByteArray("SELECT count(*) || '/' || max(n) || '/' || max(id) FROM ")
                           + kTable),
                 QStringLiteral("30/0/30"));
        QCOMPARE(db.scalar("SELECT count(*) FROM sums"), QStringLiteral("0"));
    }

    // A resume reads the position back in the spelling it was written in, whatever the script
    // SET before (the SET is not run again), and refuses to go on with a table the statement
    // now names differently.
    void resumesWhateverTheScriptSet_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<bool>("resumes");
        QTest::newRow("DateStyle SQL, DMY") << QByteArray("SET DateStyle = 'SQL, DMY';\n") << true;
        QTest::newRow("extra_float_digits 0")
            << QByteArray("SET extra_float_digits = 0;\n") << true;
        QTest::newRow("search_path to another table")
            << QByteArray("SET search_path = other, public;\n") << false;
    }
    void resumesWhateverTheScriptSet()
    {
        QFETCH(QByteArray, before);
        QFETCH(bool, resumes);
        TestDatabase db;
        MigrationFolder f;
        const QByteArray table
            = "(k timestamp, f float8, n int NOT NULL DEFAULT 0, PRIMARY KEY (k, f))";
        f.add(QStringLiteral("0001_user"),
              "CREATE SCHEMA other;\nCREATE TABLE \"user\" " + table
                  + ";\nCREATE TABLE other.\"user\" " + table
                  + ";\nINSERT INTO \"user\" (k, f) SELECT timestamp '2024-01-01' + g * "
                    "interval '1 day', 0.1 + g * 0.2 FROM generate_series(1, 60) g;\n"
                    "INSERT INTO other.\"user\" SELECT * FROM \"user\";\n",
              "DROP TABLE \"user\";\nDROP SCHEMA other CASCADE;\n");
        const auto up = [&](const char *pause) {
            return "-- uaip:no-transaction\n-- uaip:batch rows=10 pause=" + QByteArray(pause) + "\n"
                + before + "UPDATE \"user\" SET n = n + 1;\n";
        };
        f.add(QStringLiteral("0002_backfill"), up("5s"), "SELECT 1;\n");
        Engine e(f.path(), db.conninfo());
        const std::optional<RunResult> cancelled = cancelAfterFirstBatch(e);
        QVERIFY(cancelled);
        QVERIFY2(cancelled->message.contains(QStringLiteral("1 of its batch")),
                 qPrintable(cancelled->message));
        f.write(QStringLiteral("0002_backfill/up.sql"), up("1ms"));
        Engine again(f.path(), db.conninfo());
        const RunResult r = again.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("2"))});
        const QString counts = db.scalar("SELECT count(*) FILTER (WHERE n = 1) || '/' || "
                                         "count(*) FILTER (WHERE n <> 1) FROM \"user\"");
        const QString others = db.scalar("SELECT count(*) FILTER (WHERE n = 1) || '/' || "
                                         "count(*) FILTER (WHERE n <> 1) FROM other.\"user\"");
        if (resumes) {
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(counts, QStringLiteral("60/0"));
        } else {
            QVERIFY(!r.ok());
            QVERIFY2(r.message.contains(QStringLiteral("its batches ran on")),
                     qPrintable(r.message));
            QCOMPARE(counts, QStringLiteral("0/60"));
        }
        QCOMPARE(others, resumes ? QStringLiteral("0/60") : QStringLiteral("10/50"));
    }

    // A table without a primary key stops the run at that statement, naming it.
    void needsAPrimaryKey()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_heap"),
              "-- uaip:no-transaction\n-- uaip:batch rows=10\n"
              "CREATE TABLE heap (id int);\nUPDATE heap SET id = id + 1;\n",
              "DROP TABLE heap;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("heap"))
                     && r.message.contains(QStringLiteral("no primary key"))
                     && r.message.contains(QStringLiteral("up.sql:4:1")),
                 qPrintable(r.message));
        // our refusal, not a server error: no SQLSTATE made up for it
        QVERIFY(r.failure);
        QCOMPARE(r.failure->error.code(), ErrorCode::Refused);
        QCOMPARE(r.failure->error.arg(QStringLiteral("table")).toString(), QStringLiteral("heap"));
        QVERIFY(r.failure->error.sqlState().isEmpty());
        QCOMPARE(r.failure->position.line, 4);
        QVERIFY(tableExists(db, "heap"));
    }

    // A batched statement inside the file's own BEGIN ... COMMIT is refused at that statement
    // (each batch commits on its own): the file's transaction is rolled back, nothing changed.
    void refusedInsideTheFilesOwnTransaction()
    {
        TestDatabase db;
        MigrationFolder f;
        addTable(f, 30);
        f.add(QStringLiteral("0002_inside"),
              QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=10\nBEGIN;\nUPDATE ") + kTable
                  + " SET n = n + 1;\nCOMMIT;\n",
              "SELECT 1;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(r.failure);
        QCOMPARE(r.failure->error.code(), ErrorCode::Refused);
        QVERIFY(r.failure->error.sqlState().isEmpty());
        QCOMPARE(r.failure->position.line, 4);
        QCOMPARE(r.failure->error.arg(QStringLiteral("line")).toInt(), 4);
        QVERIFY(!r.cancelled);
        QCOMPARE(db.scalar(QByteArray("SELECT sum(n) FROM ") + kTable), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestBatchedBackfill)
#include "tst_batchedbackfill.moc"
