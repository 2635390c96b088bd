// Replication in Activity (issue 33, point 5): uaip-migrate activity --replication [--json]
// against a private primary and a pg_basebackup -R standby started by the test. On the primary
// the standby with its lag in bytes and time, and the replication slots with the WAL each
// keeps (an inactive slot that keeps WAL flagged); on the standby its receive and replay lag.
#include "activity/replicationreader.h"
#include "db/sandbox.h"
#include "primaryserver.h"
#include "standbyserver.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

class TestTopologyReplication : public QObject
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
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
        // a slot nobody uses, reserving WAL from now on; then WAL it has to keep
        PgConnection primary;
        QVERIFY(primary.open(m_primary->conninfo()));
        QVERIFY(primary.exec("SELECT pg_create_physical_replication_slot('forgotten', true)").ok());
        QVERIFY(
            primary.exec("CREATE TABLE filler AS SELECT g FROM generate_series(1, 20000) g").ok());
        QVERIFY(m_standby->catchUp(m_primary->conninfo()));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void primaryShowsStandbysAndSlots()
    {
        // the standby's first status report can take a moment
        Run r;
        QJsonArray standbys;
        for (int i = 0; i < 50 && standbys.isEmpty(); ++i, QTest::qWait(100)) {
            r = migrate(m_primary->conninfo(),
                        {QStringLiteral("--json"), QStringLiteral("activity"),
                         QStringLiteral("--replication")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            standbys = r.json().value(QStringLiteral("standbys")).toArray();
        }
        QCOMPARE(standbys.size(), 1);
        const QJsonObject standby = standbys.first().toObject();
        QCOMPARE(standby.value(QStringLiteral("state")).toString(), QStringLiteral("streaming"));
        QVERIFY(standby.value(QStringLiteral("replay_behind_bytes")).isDouble());
        QVERIFY(standby.value(QStringLiteral("replay_behind_bytes")).toDouble() >= 0);
        const QJsonArray slotList = r.json().value(QStringLiteral("slots")).toArray();
        QCOMPARE(slotList.size(), 1);
        const QJsonObject slot = slotList.first().toObject();
        QCOMPARE(slot.value(QStringLiteral("name")).toString(), QStringLiteral("forgotten"));
        QCOMPARE(slot.value(QStringLiteral("active")).toBool(), false);
        QVERIFY(slot.value(QStringLiteral("retained_bytes")).toDouble() > 100000);
        QCOMPARE(slot.value(QStringLiteral("inactive_keeps_wal")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("inactive_slots_keeping_wal")).toInt(), 1);
        // and in words
        const Run text = migrate(m_primary->conninfo(),
                                 {QStringLiteral("activity"), QStringLiteral("--replication")});
        QVERIFY2(text.out.contains(QLatin1String("standbys streaming from it: 1"))
                     && text.out.contains(QLatin1String("forgotten (physical, inactive)"))
                     && text.out.contains(QLatin1String("! inactive, and it keeps WAL")),
                 qPrintable(text.out));
    }

    void standbyShowsItsLag()
    {
        const Run r = migrate(m_standby->conninfo(QStringLiteral("postgres")),
                              {QStringLiteral("--json"), QStringLiteral("activity"),
                               QStringLiteral("--replication")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject receiver = r.json().value(QStringLiteral("receiver")).toObject();
        QCOMPARE(receiver.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        QCOMPARE(receiver.value(QStringLiteral("replay_behind_bytes")).toDouble(), 0.0);
        QVERIFY(!receiver.value(QStringLiteral("received_lsn")).toString().isEmpty());
        QCOMPARE(r.json()
                     .value(QStringLiteral("server"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
                 QStringLiteral("standby"));
        const Run text = migrate(m_standby->conninfo(QStringLiteral("postgres")),
                                 {QStringLiteral("activity"), QStringLiteral("--replication")});
        QVERIFY2(text.out.contains(QLatin1String("receiving from"))
                     && text.out.contains(QLatin1String("replay 0 bytes behind")),
                 qPrintable(text.out));
    }

    void bytesForPeople()
    {
        QCOMPARE(ReplicationReader::bytesText(1536 * 1024), QStringLiteral("1.5 MiB"));
    }
};

QTEST_GUILESS_MAIN(TestTopologyReplication)
#include "tst_topologyreplication.moc"
