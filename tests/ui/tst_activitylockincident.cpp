// The Activity view during a lock incident (issue 60 point 1): another session holds ACCESS
// EXCLUSIVE on a table and a second waits behind it; a refresh still finishes, the sessions table
// shows both, the lock chain has the holder as its root and the waiter below, and the locked
// table's size is the catalog's estimate ("≈").
#include "../core/activitytestutil.h"
#include "activityviewtestutil.h"
#include "testdatabase.h"

#include "activity/activityview.h"
#include "activity/lockchaintree.h"
#include "activity/sessiontablemodel.h"
#include "activity/tablestatsmodel.h"
#include "db/pgconnection.h"

#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestActivityLockIncident : public QObject
{
    Q_OBJECT

private slots:
    void panesFillDuringALockIncident();
};

void TestActivityLockIncident::panesFillDuringALockIncident()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE agents (id int PRIMARY KEY, note text);"
                            "INSERT INTO agents SELECT g, 'x' FROM generate_series(1, 100) g;"
                            "ANALYZE agents")
                .ok());
    PgConnection holder;
    QVERIFY(holder.open(db.conninfo(), QStringLiteral("holder")));
    QVERIFY(holder.exec("BEGIN").ok());
    QVERIFY(holder.exec("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE").ok());
    SleepingSession waiter(db.conninfo(), "SELECT count(*) FROM agents");
    QVERIFY(waiter.ok());
    QTRY_VERIFY_WITH_TIMEOUT(db.scalar("SELECT wait_event_type FROM pg_stat_activity "
                                       "WHERE pid = $1::int",
                                       {waiter.pid()})
                                 == QLatin1String("Lock"),
                             10000);
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.tabs()->setCurrentIndex(ActivityView::TablesTab);
    // refreshNow waits 10 s at most; the holder keeps its lock until the test rolls back
    const bool refreshed = refreshNow(view);
    const bool held = holder.inTransaction();
    QString size;
    for (int r = 0; r < view.tableStats()->rowCount(); ++r)
        if (view.tableStats()->index(r, TableStatsModel::Table).data().toString()
            == QLatin1String("agents"))
            size = view.tableStats()->index(r, TableStatsModel::Size).data().toString();
    bool holderShown = false;
    bool waiterShown = false;
    for (int r = 0; r < view.proxy()->rowCount(); ++r) {
        const int pid = view.proxy()->index(r, 0).data(SessionTableModel::PidRole).toInt();
        holderShown = holderShown || pid == holder.backendPid();
        waiterShown = waiterShown || pid == waiter.pid();
    }
    const LockChainTree *tree = view.chainTree();
    const QTreeWidgetItem *root = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->data(0, LockChainTree::PidRole).toInt() == holder.backendPid())
            root = tree->topLevelItem(i);
    holder.exec("ROLLBACK");
    QVERIFY2(refreshed, "the refresh did not finish while the lock was held");
    QVERIFY(held);
    QVERIFY(holderShown);
    QVERIFY(waiterShown);
    QVERIFY2(root, "the holder is not a root of the lock chain");
    QCOMPARE(root->childCount(), 1);
    QCOMPARE(root->child(0)->data(0, LockChainTree::PidRole).toInt(), waiter.pid());
    QVERIFY2(size.startsWith(QStringLiteral("≈")), qPrintable(size));
    QCOMPARE(endOfCommand(waiter.conn, 10000), QString());
}

QTEST_MAIN(TestActivityLockIncident)
#include "tst_activitylockincident.moc"
