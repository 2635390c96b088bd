// uaip-migrate behind a real PgBouncer (issue 33, point 1): ten runners at once through
// transaction and session pooling apply each migration once, exit 0, and leave no advisory lock
// on the pooled server sessions, so the next run starts at once; a no-transaction migration is
// refused before anything runs, naming the pooler and the fix; baseline leaves no lock behind.
// The runners that race are processes; the single runs before and after them run in the test's
// process (InProcessCli).
#include "pgbouncer.h"
#include "uaipmigratetestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

QString advisoryLocks(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                     "(SELECT oid FROM pg_database WHERE datname = current_database())");
}

} // namespace

class TestMigrationPooler : public QObject
{
    Q_OBJECT

private slots:
    void tenRunnersThroughThePooler_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("isolation");
        QTest::newRow("transaction pooling") << int(PgBouncer::PoolMode::Transaction) << QString();
        QTest::newRow("session pooling") << int(PgBouncer::PoolMode::Session) << QString();
        // the database's default isolation (a role can set its own): a transaction snapshot
        // taken before the lock was granted must not hide a run that committed meanwhile
        QTest::newRow("transaction pooling, repeatable read")
            << int(PgBouncer::PoolMode::Transaction) << QStringLiteral("repeatable read");
        QTest::newRow("transaction pooling, serializable")
            << int(PgBouncer::PoolMode::Transaction) << QStringLiteral("serializable");
    }

    void tenRunnersThroughThePooler()
    {
        QFETCH(int, mode);
        QFETCH(QString, isolation);
        TestDatabase db;
        if (!isolation.isEmpty())
            QVERIFY(db.witness()
                        .exec(QStringLiteral("ALTER DATABASE \"%1\" SET "
                                             "default_transaction_isolation = '%2'")
                                  .arg(db.name(), isolation)
                                  .toUtf8())
                        .ok());
        MigrationFolder f;
        constexpr int kMigrations = 40;
        for (int i = 1; i <= kMigrations; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("CREATE TABLE t%1 (id int);\nINSERT INTO t%1 VALUES (%1);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.mode = PgBouncer::PoolMode(mode);
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int i = 0; i < 10; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(TestCluster::migrateBinary(),
                     {QStringLiteral("--db"), bouncer.conninfo(db.name()), QStringLiteral("--dir"),
                      f.path(), QStringLiteral("--lock-timeout"), QStringLiteral("30s"),
                      QStringLiteral("up")});
            runners.push_back(std::move(p));
        }
        for (auto &p : runners) {
            QVERIFY(p->waitForFinished(120000));
            const QByteArray output = p->readAll();
            QVERIFY2(p->exitCode() == 0, output.constData());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QString::number(kMigrations));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'apply'"),
            QString::number(kMigrations));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE outcome <> 'ok'"),
            QStringLiteral("0"));
        QString all;
        for (int i = 1; i <= kMigrations; ++i)
            all += QStringLiteral("%1SELECT id FROM t%2")
                       .arg(i > 1 ? QStringLiteral(" UNION ALL ") : QString())
                       .arg(i);
        QCOMPARE(db.scalar(("SELECT count(*) || ' ' || sum(id) FROM (" + all + ") x").toUtf8()),
                 QStringLiteral("40 820"));
        // nothing stays on the pooled server sessions (they are still open in the pool)
        QCOMPARE(advisoryLocks(db), QStringLiteral("0"));
        // so the next run, direct, starts at once: it waits 1 ms at most for a lock, so a lock
        // left behind would end it with a lock timeout (exit 4), not "up to date"
        const Run next
            = migrateInProcess(on(db, f.path()) << QStringLiteral("--lock-timeout")
                                                << QStringLiteral("0") << QStringLiteral("up"));
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QVERIFY2(next.out.contains(QLatin1String("up to date")), qPrintable(next.out));
    }

    // Issue 41, point 8: an up and a down (or two downs) through transaction pooling never
    // interleave into a state no serial order gives. 0001-0006 applied; the first runner
    // starts, the second once the first has committed a step of its own; both run at once.
    // Whatever the timing, the ledger ends as a prefix 0001..k with exactly those tables, every
    // event ok, and each runner either finished or stopped (exit 3) saying another run changed
    // the ledger. Before, every round broke (0007-0012 applied with 0001-0006 rolled back, then
    // "0013 apply failed (42P01)").
    void upAndDownNeverInterleave_data()
    {
        QTest::addColumn<QStringList>("first");
        QTest::addColumn<QStringList>("second");
        const QStringList up{QStringLiteral("up")};
        const QStringList all{QStringLiteral("down"), QStringLiteral("--all")};
        const QStringList one{QStringLiteral("down"), QStringLiteral("--steps"),
                              QStringLiteral("1")};
        QTest::newRow("down --all during up") << up << all;
        QTest::newRow("up during down --all") << all << up;
        QTest::newRow("down --steps 1 during up") << up << one;
        QTest::newRow("two downs") << all << all;
    }

    void upAndDownNeverInterleave()
    {
        QFETCH(QStringList, first);
        QFETCH(QStringList, second);
        TestDatabase db;
        MigrationFolder f;
        constexpr int kMigrations = 40;
        for (int i = 1; i <= kMigrations; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("CREATE TABLE t%1 (id int);\nSELECT pg_sleep(0.01);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\nSELECT pg_sleep(0.01);\n").arg(i).toUtf8());
        const Run seeded
            = migrateInProcess(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--to")
                                                << QStringLiteral("0006"));
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.poolSize = 2;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const auto start = [&](const QStringList &command) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(TestCluster::migrateBinary(),
                     QStringList{QStringLiteral("--db"), bouncer.conninfo(db.name()),
                                 QStringLiteral("--dir"), f.path(),
                                 QStringLiteral("--lock-timeout"), QStringLiteral("2min")}
                         + command);
            return p;
        };
        const QString events
            = QStringLiteral("SELECT count(*) FROM uaip_ledger.uaip_migration_events");
        const int before = db.scalar(events.toUtf8()).toInt();
        auto a = start(first);
        // the second starts once the first has done a step of its own
        QVERIFY(
            QTest::qWaitFor([&] { return db.scalar(events.toUtf8()).toInt() > before; }, 30000));
        auto b = start(second);
        QString outputs;
        for (auto *p : {a.get(), b.get()}) {
            QVERIFY(p->waitForFinished(120000));
            const QString out = QString::fromUtf8(p->readAll());
            outputs += out + u'\n';
            QVERIFY2(p->exitCode() == 0
                         || (p->exitCode() == 3 && out.contains(QLatin1String("another run"))),
                     qPrintable(out));
        }
        const int k = db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations").toInt();
        QString prefix;
        for (int i = 1; i <= k; ++i)
            prefix += QStringLiteral("%1%2")
                          .arg(i > 1 ? QStringLiteral(",") : QString())
                          .arg(i, 4, 10, QLatin1Char('0'));
        QCOMPARE(db.scalar("SELECT coalesce(string_agg(version, ',' ORDER BY version), '') "
                           "FROM uaip_ledger.uaip_schema_migrations"),
                 prefix);
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname ~ '^t[0-9]+$' "
                           "AND relnamespace = 'public'::regnamespace")
                     .toInt(),
                 k);
        QCOMPARE(db.scalar("SELECT coalesce(max(substr(relname, 2)::int), 0) FROM pg_class "
                           "WHERE relname ~ '^t[0-9]+$' AND relnamespace = 'public'::regnamespace")
                     .toInt(),
                 k);
        QVERIFY2(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE outcome <> 'ok'")
                     == QLatin1String("0"),
                 qPrintable(outputs));
        // and the next run plans from there
        const Run next = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
    }

    void noTransactionMigrationRefusedBeforeAnythingRuns()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_index"),
              "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY posts_user ON posts (user_id);\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY posts_user;\n");
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), {});
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const Run r = migrateInProcess(bouncer.conninfo(db.name()),
                                       {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("0003_index"))
                     && r.err.contains(QLatin1String("connection pooler"))
                     && r.err.contains(
                         QStringLiteral("%1:%2").arg(bouncer.socketDir()).arg(bouncer.port()))
                     && r.err.contains(QLatin1String("--db")),
                 qPrintable(r.err));
        // nothing ran, not even the migrations before it
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'uaip_ledger'"),
                 QStringLiteral("0"));
        QCOMPARE(advisoryLocks(db), QStringLiteral("0"));
        // a direct connection runs it
        const Run direct = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(direct.exitCode == 0, qPrintable(direct.err));
    }

    void ledgerWritesLeaveNoLockBehind()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), {});
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QStringList through{QStringLiteral("--dir"), f.path()};
        // what 0001 makes is there already: baseline records it without running it
        QVERIFY(db.witness().exec("CREATE TABLE users (id int PRIMARY KEY)").ok());
        const Run baseline = migrateInProcess(bouncer.conninfo(db.name()),
                                              QStringList(through) << QStringLiteral("baseline")
                                                                   << QStringLiteral("1"));
        QVERIFY2(baseline.exitCode == 0, qPrintable(baseline.err));
        QCOMPARE(advisoryLocks(db), QStringLiteral("0"));
        const Run up = migrateInProcess(bouncer.conninfo(db.name()),
                                        QStringList(through) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        const Run down = migrateInProcess(bouncer.conninfo(db.name()),
                                          QStringList(through) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        QCOMPARE(advisoryLocks(db), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY version) "
                           "FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0001"));
    }

    void leftoversOfAnotherPoolClientDoNotReachTheMigration_data()
    {
        QTest::addColumn<QStringList>("up");
        QTest::newRow("transaction per migration") << QStringList{QStringLiteral("up")};
        QTest::newRow("one transaction")
            << QStringList{QStringLiteral("up"), QStringLiteral("--single-transaction")};
    }

    // Another client of the pool left a temporary table and a search_path on the pool's one
    // server session. The run's first transaction got that session as it was: 0002's ALTER TABLE
    // altered the other client's temporary table and 0003 made its table in the other client's
    // schema, while the ledger recorded both as applied.
    void leftoversOfAnotherPoolClientDoNotReachTheMigration()
    {
        QFETCH(QStringList, up);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_acct"), "CREATE TABLE acct (id int);\n", "DROP TABLE acct;\n");
        f.add(QStringLiteral("0002_note"), "ALTER TABLE acct ADD COLUMN note text;\n",
              "ALTER TABLE acct DROP COLUMN note;\n");
        f.add(QStringLiteral("0003_tags"), "CREATE TABLE tags (id int);\n", "DROP TABLE tags;\n");
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.poolSize = 1;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QStringList through{QStringLiteral("--dir"), f.path()};
        const Run first = migrateInProcess(bouncer.conninfo(db.name()),
                                           QStringList(through)
                                               << QStringLiteral("up") << QStringLiteral("--to")
                                               << QStringLiteral("1"));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(db.witness().execScript("CREATE SCHEMA \"lure'; x\"").ok());
        {
            // it leaves them on the server session, which goes back to the pool as it is
            PgConnection other;
            QVERIFY(other.open(bouncer.conninfo(db.name()), QStringLiteral("another-client")));
            QVERIFY(other.exec("CREATE TEMP TABLE acct (id int)").ok());
            QVERIFY(other.execScript("SET search_path TO \"lure'; x\"").ok());
        }
        const Run r = migrateInProcess(bouncer.conninfo(db.name()), QStringList(through) + up);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.acct'::regclass "
                      "AND attname = 'note'"),
            QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT to_regclass('public.tags') IS NOT NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY version) "
                           "FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0001,0002,0003"));
    }

    void lockHeldElsewhereNamesTheHolder()
    {
        // another run (direct) holds the lock: the pooled run waits its time and names it
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), {});
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("lock-holder-test")));
        QVERIFY(holder.exec("SELECT pg_advisory_lock(1969318256, 1)").ok());
        const Run r
            = migrateInProcess(bouncer.conninfo(db.name()),
                               {QStringLiteral("--dir"), f.path(), QStringLiteral("--lock-timeout"),
                                QStringLiteral("300ms"), QStringLiteral("up")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("pid %1").arg(holder.backendPid()))
                     && r.err.contains(QLatin1String("lock-holder-test")),
                 qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationPooler)
#include "tst_migrationpooler.moc"
