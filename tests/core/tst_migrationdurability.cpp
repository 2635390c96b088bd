// Durability of what a run reports (issue 19, revised by issue 32, P3): every migration's COMMIT
// waits for the WAL flush (synchronous_commit as the server has it, as psql's COMMITs), so a
// step printed ok survives a crash. Needs its own durable cluster (the shared test cluster runs
// with fsync off) so that pg_stat_wal counts nothing but this run; the commit setting itself is
// checked on the shared one, with the database's synchronous_commit on.
#include "migrationrunnertestutil.h"
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "servertools.h"

#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

class TestMigrationDurability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<Sandbox>(m_dir.path() + QStringLiteral("/sandbox"));
        const Status started = m_sandbox->start(Sandbox::Options{true, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        const Status made = m_sandbox->createDatabase(QStringLiteral("durable"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        m_conninfo = m_sandbox->conninfo(QStringLiteral("durable"));
        // no background flush during a run: what is flushed, a COMMIT flushed
        PgConnection c;
        QVERIFY(c.open(m_conninfo));
        QVERIFY(c.exec("ALTER SYSTEM SET wal_writer_delay = '10s'").ok());
        QVERIFY(c.exec("SELECT pg_reload_conf()").ok());
        // (A COMMIT that drops a table always waits for the flush: PostgreSQL removes the
        // files right after it. So only the first migration creates one.)
        m_folder.add(QStringLiteral("0001_seen"), "CREATE TABLE seen (n int);\n",
                     "DROP TABLE seen;\n");
        for (int i = 2; i <= kCount; ++i)
            m_folder.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                         QStringLiteral("INSERT INTO seen VALUES (%1);\n").arg(i).toUtf8(),
                         QStringLiteral("DELETE FROM seen WHERE n = %1;\n").arg(i).toUtf8());
    }

    void cleanupTestCase()
    {
        if (m_sandbox)
            m_sandbox->stop();
    }

    // 40 transactional migrations up and then down: every migration's COMMIT waits for the
    // WAL flush, as psql's do (issue 32, P3: each step is reported ok only once it is
    // durable); before, a run flushed a handful of times, not once per migration.
    void everyMigrationFlushesTheWal()
    {
        for (const QString &command : {QStringLiteral("up"), QStringLiteral("down")}) {
            const qint64 before = walSyncs();
            QStringList args{QStringLiteral("--db"), m_conninfo, QStringLiteral("--dir"),
                             m_folder.path(), command};
            if (command == QLatin1String("down"))
                args << QStringLiteral("--all");
            const Run r = migrate(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            // a backend's WAL statistics reach pg_stat_wal when it exits, a moment after its
            // client did: wait for them (bounded), then judge
            qint64 syncs = 0;
            (void)QTest::qWaitFor(
                [&] {
                    syncs = walSyncs() - before;
                    return syncs >= kCount;
                },
                10000);
            qInfo("%s of %d migrations: %lld WAL flushes", qPrintable(command), kCount, syncs);
            QVERIFY2(syncs >= kCount,
                     qPrintable(QStringLiteral("%1 flushed the WAL %2 times for %3 migrations")
                                    .arg(command)
                                    .arg(syncs)
                                    .arg(kCount)));
        }
    }

    // And the run is durable when it reports success: its last COMMIT waited for the flush,
    // so nothing it wrote is still only in the WAL buffers (with every COMMIT deferred, the
    // whole run would wait there for the WAL writer, 10 s here).
    void theLastCommitIsFlushed()
    {
        const Run r = migrate({QStringLiteral("--db"), m_conninfo, QStringLiteral("--dir"),
                               m_folder.path(), QStringLiteral("up")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        PgConnection c;
        QVERIFY(c.open(m_conninfo));
        // every migration's row is there, and the last one's commit is in the flushed WAL
        const PgResult rows = c.execScript(
            "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'");
        QCOMPARE(rows.value(0, 0), QString::number(kCount));
        const PgResult lsn = c.exec("SELECT pg_current_wal_flush_lsn() >= "
                                    "pg_current_wal_insert_lsn() - 1024");
        QCOMPARE(lsn.value(0, 0), QStringLiteral("t"));
    }

    // Issue 32, P3: a step is reported ok only once its COMMIT is durable, so every COMMIT
    // waits for the flush: a deferred constraint trigger records synchronous_commit as each
    // migration's COMMIT runs (the database's default is on; the shared test cluster's off).
    // Before, every migration but the run's last committed with it off: a crash could take
    // back steps already printed ok.
    void everyMigrationCommitsSynchronously()
    {
        QCOMPARE(commitSettingsUnder(QStringLiteral("on"), 5), QStringLiteral("on,on,on,on"));
    }

    // Issue 41, point 9: on a database running synchronous_commit = off (event ingestion tuned
    // for throughput) each migration's COMMIT still waits for the flush.
    void everyMigrationCommitsSynchronouslyWhereTheDatabaseDefersCommits()
    {
        QCOMPARE(commitSettingsUnder(QStringLiteral("off"), 4), QStringLiteral("on,on,on"));
    }

    // Issue 41, point 9: the crash itself. A server running synchronous_commit = off with the
    // WAL writer asleep for 10 s; 40 migrations reported ok, then the server stops at once
    // (immediate: no shutdown checkpoint, as a crash) and starts again: all 40 are in the
    // ledger. Before, the last steps reported ok were gone.
    void okSurvivesACrashWhereTheServerDefersCommits()
    {
        const Status made = m_sandbox->createDatabase(QStringLiteral("deferred"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        const QString conninfo = m_sandbox->conninfo(QStringLiteral("deferred"));
        {
            PgConnection c;
            QVERIFY(c.open(conninfo));
            QVERIFY(c.exec("ALTER DATABASE deferred SET synchronous_commit = off").ok());
        }
        const Run r = migrate({QStringLiteral("--db"), conninfo, QStringLiteral("--dir"),
                               m_folder.path(), QStringLiteral("up")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QString output;
        QVERIFY2(ServerTools::run(QStringLiteral("pg_ctl"),
                                  {QStringLiteral("stop"), QStringLiteral("-m"),
                                   QStringLiteral("immediate"), QStringLiteral("-D"),
                                   m_sandbox->dataDir()},
                                  &output),
                 qPrintable(output));
        const Status started = m_sandbox->start(Sandbox::Options{true, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        PgConnection c;
        QVERIFY(c.open(conninfo));
        QCOMPARE(c.exec("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations "
                        "WHERE state = 'applied'")
                     .value(0, 0),
                 QString::number(kCount));
    }

    // Issue 32, P3: when the connection went during a run and the ledger cannot be read on a
    // new one either, the outcome is unknown: one line says so, and nothing after it says the
    // migration was rolled back. The run connects as a role of its own; 0002 takes its LOGIN
    // away and commits, 0003 ends its own session.
    void anUnknownOutcomeIsNotCalledRolledBack()
    {
        TestDatabase keeper; // a connection for the role's cleanup after db is gone
        Run r;
        const QString role = QStringLiteral("tst_unknown_") + keeper.name();
        {
            TestDatabase db;
            QVERIFY(db.witness()
                        .exec(QStringLiteral(
                                  "CREATE ROLE %1 SUPERUSER LOGIN PASSWORD 'uaip-test-login'")
                                  .arg(role)
                                  .toUtf8())
                        .ok());
            MigrationFolder f;
            f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                  "DROP TABLE users;\n");
            f.add(QStringLiteral("0002_shut"),
                  QStringLiteral("ALTER ROLE %1 NOLOGIN;\n").arg(role).toUtf8(), "SELECT 1;\n");
            f.add(QStringLiteral("0003_gone"), "SELECT pg_terminate_backend(pg_backend_pid());\n",
                  "SELECT 1;\n");
            r = migrate({QStringLiteral("--db"), db.conninfo() + QStringLiteral(" user=") + role,
                         QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        }
        QVERIFY(keeper.witness().exec(QStringLiteral("DROP ROLE %1").arg(role).toUtf8()).ok());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("unknown")), qPrintable(r.out + r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("rolled back")), qPrintable(r.out + r.err));
    }

private:
    static constexpr int kCount = 40;

    // Migrations 0002..last insert into t, whose deferred constraint trigger records
    // synchronous_commit as each migration's COMMIT runs, on a database whose default is
    // `setting`: what the COMMITs saw, comma-separated.
    static QString commitSettingsUnder(const QString &setting, int last)
    {
        TestDatabase db;
        if (!db.witness()
                 .exec(QStringLiteral("ALTER DATABASE %1 SET synchronous_commit = %2")
                           .arg(db.name(), setting)
                           .toUtf8())
                 .ok())
            return QStringLiteral("(cannot set it)");
        MigrationFolder f;
        f.add(QStringLiteral("0001_seen"),
              "CREATE TABLE seen_sc (v text);\n"
              "CREATE FUNCTION log_sc() RETURNS trigger LANGUAGE plpgsql AS $$\n"
              "BEGIN INSERT INTO seen_sc VALUES (current_setting('synchronous_commit'));\n"
              "RETURN NULL; END $$;\n"
              "CREATE TABLE t (id int);\n"
              "CREATE CONSTRAINT TRIGGER sc AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED\n"
              "  FOR EACH ROW EXECUTE FUNCTION log_sc();\n",
              "DROP TABLE t;\nDROP FUNCTION log_sc();\nDROP TABLE seen_sc;\n");
        for (int i = 2; i <= last; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("INSERT INTO t VALUES (%1);\n").arg(i).toUtf8(),
                  QStringLiteral("DELETE FROM t WHERE id = %1;\n").arg(i).toUtf8());
        const Run r = migrate(on(db, f.path()) << QStringLiteral("up"));
        if (r.exitCode != 0)
            return r.out + r.err;
        return db.scalar("SELECT string_agg(v, ',') FROM seen_sc");
    }

    qint64 walSyncs() const
    {
        PgConnection c;
        if (!c.open(m_conninfo))
            qFatal("cannot connect: %s", qPrintable(c.connectionError()));
        // the statistics collector's view is per transaction snapshot: ask it fresh
        c.exec("SELECT pg_stat_clear_snapshot()");
        return c.exec("SELECT wal_sync FROM pg_stat_wal").value(0, 0).toLongLong();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_conninfo;
    MigrationFolder m_folder;
};

QTEST_GUILESS_MAIN(TestMigrationDurability)
#include "tst_migrationdurability.moc"
