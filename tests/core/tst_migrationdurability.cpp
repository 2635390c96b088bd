// Issue 19, the performance goal on a durable server: a run's migrations each commit on their
// own, but only the run's last COMMIT waits for the WAL flush (its ledger write sets
// synchronous_commit off for the others) — the flushes psql -1 also saves, without giving up one
// transaction per migration. Needs its own durable cluster (the shared test cluster runs with fsync
// off) so that pg_stat_wal counts nothing but this run.
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"

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
        QString error;
        QVERIFY2(m_sandbox->start(Sandbox::Options{true, false}, &error), qPrintable(error));
        QVERIFY2(m_sandbox->createDatabase(QStringLiteral("durable"), &error), qPrintable(error));
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
        QString error;
        if (m_sandbox)
            m_sandbox->stop(&error);
    }

    // 40 transactional migrations up and then down: each direction flushes the WAL a handful
    // of times (the last COMMIT, the lock's and ledger's own writes, the WAL writer's
    // background flushes), not once per migration (41 and 41 before).
    void aRunFlushesTheWalOnceNotPerMigration()
    {
        for (const QString &command : {QStringLiteral("up"), QStringLiteral("down")}) {
            const qint64 before = walSyncs();
            QStringList args{QStringLiteral("--db"), m_conninfo, QStringLiteral("--dir"),
                             m_folder.path(), command};
            if (command == QLatin1String("down"))
                args << QStringLiteral("--all");
            const Run r = migrate(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            const qint64 syncs = walSyncs() - before;
            qInfo("%s of %d migrations: %lld WAL flushes", qPrintable(command), kCount, syncs);
            QVERIFY2(syncs < kCount / 4,
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
        const PgResult rows = c.exec(
            "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'");
        QCOMPARE(rows.value(0, 0), QString::number(kCount));
        const PgResult lsn = c.exec("SELECT pg_current_wal_flush_lsn() >= "
                                    "pg_current_wal_insert_lsn() - 1024");
        QCOMPARE(lsn.value(0, 0), QStringLiteral("t"));
    }

private:
    static constexpr int kCount = 40;

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
