// Failover in the middle of a run (issue 33, point 6): a private primary and a pg_basebackup -R
// standby; uaip-migrate up over a multi-host conninfo with target_session_attrs=read-write; at
// migration 10 of 40 the primary is stopped (pg_ctl stop -m immediate) and the standby promoted.
// The run's outcome is one truthful line, read from the ledger of the server that answers now;
// the rerun finishes on the new primary: every migration recorded once, the ledger equal to the
// schema.
#include "db/sandbox.h"
#include "primaryserver.h"
#include "servertools.h"
#include "standbyserver.h"
#include "uaipmigratetestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestTopologyFailover : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;

private slots:
    void initTestCase()
    {
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        const Status made = m_primary->createDatabase(QStringLiteral("app"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        // a COMMIT is answered once its WAL is written (fsync stays off: a test cluster)
        PgConnection primary;
        QVERIFY(primary.open(m_primary->conninfo()));
        QVERIFY(primary.exec("ALTER SYSTEM SET synchronous_commit = on").ok());
        QVERIFY(primary.exec("SELECT pg_reload_conf()").ok());
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void failoverMidRunThenRerun()
    {
        MigrationFolder f;
        for (int i = 1; i <= 40; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("CREATE TABLE t%1 (id int);\n%2INSERT INTO t%1 VALUES (%1);\n")
                      .arg(i)
                      .arg(i == 10 ? QStringLiteral("SELECT pg_sleep(30);\n") : QString())
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        const QString both = QStringLiteral("host=%1,%2 port=%3,%4 dbname=app user=postgres "
                                            "target_session_attrs=read-write connect_timeout=5")
                                 .arg(m_primary->socketDir(), m_standby->socketDir())
                                 .arg(m_primary->port())
                                 .arg(m_standby->port());
        QProcess run;
        run.start(TestCluster::migrateBinary(),
                  {QStringLiteral("--db"), both, QStringLiteral("--dir"), f.path(),
                   QStringLiteral("up")});
        PgConnection primary;
        QVERIFY(primary.open(m_primary->conninfo(QStringLiteral("app"))));
        QTRY_VERIFY_WITH_TIMEOUT(
            primary.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                           "'SELECT pg_sleep(30)%' AND application_name = 'uaip-migrate'")
                == QLatin1String("1"),
            30000);
        QVERIFY(m_standby->catchUp(m_primary->conninfo(QStringLiteral("app"))));
        primary.close();
        QString out;
        QVERIFY2(ServerTools::run(QStringLiteral("pg_ctl"),
                                  {QStringLiteral("stop"), QStringLiteral("-m"),
                                   QStringLiteral("immediate"), QStringLiteral("-D"),
                                   m_primary->dataDir()},
                                  &out),
                 qPrintable(out));
        QString error;
        QVERIFY2(m_standby->promote(&error), qPrintable(error));
        QVERIFY(run.waitForFinished(60000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitCode(), 1);
        // one truthful line: read from the ledger of the server that answers now
        QVERIFY2(
            err.contains(QLatin1String("0010_step did not commit"))
                && err.contains(
                    QStringLiteral("%1:%2").arg(m_standby->socketDir()).arg(m_standby->port())),
            qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("unknown"))
                     && !err.contains(QLatin1String("rolled back")),
                 qPrintable(err));

        // the rerun, same conninfo: the new primary answers and finishes it (0010 without its
        // sleep now: it never ran, so its file may change)
        f.add(QStringLiteral("0010_step"),
              "CREATE TABLE t10 (id int);\nINSERT INTO t10 VALUES (10);\n", "DROP TABLE t10;\n");
        const Run again = migrate(both, {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        PgConnection now;
        QVERIFY(now.open(both));
        QCOMPARE(now.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("40"));
        QCOMPARE(now.scalar("SELECT count(DISTINCT version) || '/' || count(*) FROM "
                            "uaip_ledger.uaip_migration_events WHERE action = 'apply' AND "
                            "outcome = 'ok'"),
                 QStringLiteral("40/40"));
        // the ledger equals the schema: each recorded step's table, with its one row, and no
        // other
        QCOMPARE(now.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations m "
                            "JOIN pg_class c ON c.relname = 't' || m.version::int "
                            "AND c.relnamespace = 'public'::regnamespace"),
                 QStringLiteral("40"));
        QCOMPARE(now.scalar("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                            "'public'::regnamespace"),
                 QStringLiteral("40"));
    }
};

QTEST_GUILESS_MAIN(TestTopologyFailover)
#include "tst_topologyfailover.moc"
