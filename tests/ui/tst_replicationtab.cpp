// The Activity view's Replication tab (issue 33, point 5): on a private primary with a
// pg_basebackup -R standby and a forgotten slot, the tab lists the standby with its lag and the
// slot with the WAL it keeps, flagged in the danger colour; on the standby it says what it
// receives and how far replay is behind.
#include "activity/activityview.h"
#include "activity/replicationpanel.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "primaryserver.h"
#include "standbyserver.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace uaip;
using namespace uaip::test;

class TestReplicationTab : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;

    static SessionSpec specOf(const QString &socketDir, int port)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("replication");
        p.host = socketDir;
        p.port = port;
        p.user = QStringLiteral("postgres");
        p.database = QStringLiteral("postgres");
        p.sslMode = QStringLiteral("disable");
        return SessionSpec::from(p, QString(), QStringLiteral("test"));
    }

    // The view on spec, the Replication tab shown and read.
    static bool showReplication(ActivityView &view, const SessionSpec &spec)
    {
        QSignalSpy refreshed(&view, &ActivityView::refreshed);
        view.setTarget(spec);
        view.show();
        if (!refreshed.wait(10000))
            return false;
        refreshed.clear();
        view.tabs()->setCurrentIndex(ActivityView::ReplicationTab);
        return refreshed.wait(10000) && refreshed.last().first().toBool();
    }

private slots:
    void initTestCase()
    {
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
        PgConnection primary;
        QVERIFY(primary.open(m_primary->conninfo()));
        QVERIFY(primary.exec("SELECT pg_create_physical_replication_slot('forgotten', true)").ok());
        QVERIFY(
            primary.exec("CREATE TABLE filler AS SELECT g FROM generate_series(1, 20000) g").ok());
        QVERIFY(m_standby->catchUp(m_primary->conninfo()));
        // the standby's first status report
        QTRY_VERIFY_WITH_TIMEOUT(primary.scalar("SELECT count(*) FROM pg_stat_replication")
                                     == QLatin1String("1"),
                                 10000);
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void primaryListsStandbyAndFlagsTheSlot()
    {
        ActivityView view;
        QVERIFY(showReplication(view, specOf(m_primary->socketDir(), m_primary->port())));
        QCOMPARE(view.replication()->standbyTree()->topLevelItemCount(), 1);
        QCOMPARE(view.replication()->standbyTree()->topLevelItem(0)->text(2),
                 QStringLiteral("streaming"));
        QCOMPARE(view.replication()->slotTree()->topLevelItemCount(), 1);
        const QTreeWidgetItem *slot = view.replication()->slotTree()->topLevelItem(0);
        QCOMPARE(slot->text(0), QStringLiteral("forgotten"));
        QVERIFY2(slot->toolTip(0).contains(QLatin1String("keeps WAL")),
                 qPrintable(slot->toolTip(0)));
        QVERIFY2(view.replication()->summary().contains(QLatin1String("1 standby"))
                     && view.replication()->summary().contains(
                         QLatin1String("1 inactive replication slot")),
                 qPrintable(view.replication()->summary()));
    }

    void standbySaysWhatItReceives()
    {
        ActivityView view;
        QVERIFY(showReplication(view, specOf(m_standby->socketDir(), m_standby->port())));
        QVERIFY2(view.replication()->summary().contains(QLatin1String("This server is a standby "
                                                                      "receiving from"))
                     && view.replication()->summary().contains(QLatin1String("replay 0 bytes "
                                                                             "behind")),
                 qPrintable(view.replication()->summary()));
    }
};

QTEST_MAIN(TestReplicationTab)
#include "tst_replicationtab.moc"
