// The Activity view against the real sandbox (offscreen): a lock chain of three sessions as a
// three-level tree, the sessions table (filter, sort, idle-in-transaction highlight), cancel
// and terminate through the real actions acting on the right pid, never offered on a read-only
// profile, not for the console's own session, refused on production without the name; the
// statistics tab; a session of another database not acted on unless All databases is checked
// (the question then names that database); the outcome kept in the row, above the status and as
// the job's result after the next refreshes; a stale session (backend_start no longer the
// pid's, or ended since the refresh) is already gone and not signalled.
#include "../core/activitytestutil.h"
#include "activityviewtestutil.h"
#include "testdatabase.h"

#include "activity/activityview.h"
#include "activity/lockchaindemo.h"
#include "activity/lockchaintree.h"
#include "activity/sessiontablemodel.h"
#include "activity/tablestatsmodel.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobs/jobpanel.h"
#include "jobs/sessionworker.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <limits>
#include <memory>

using namespace uaip;
using namespace uaip::test;

namespace {

QString outcomeText(ActivityView &view)
{
    const auto *label = view.findChild<QLabel *>(QStringLiteral("activityOutcome"));
    return label && label->isVisibleTo(&view) ? label->text() : QStringLiteral("(no outcome)");
}

// The text in the column headed `header` of the session's rows (all of them, joined).
QString cell(ActivityView &view, int pid, const QString &header)
{
    const QAbstractItemModel *m = view.proxy();
    int column = -1;
    for (int c = 0; c < m->columnCount(); ++c)
        if (m->headerData(c, Qt::Horizontal).toString() == header)
            column = c;
    if (column < 0)
        return QStringLiteral("(no column %1)").arg(header);
    QStringList texts;
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(SessionTableModel::PidRole).toInt() == pid)
            texts << m->index(r, column).data().toString();
    return texts.join(u'|');
}

bool backendAlive(TestDatabase &db, int pid)
{
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", {pid})
        == QLatin1String("1");
}

} // namespace

class TestActivityView : public QObject
{
    Q_OBJECT
private slots:
    void lockChainIsAThreeLevelTree();
    void cancelAndTerminateTheSelectedSession();
    void neverOfferedOnAReadOnlyProfile();
    void notForTheConsolesOwnSession();
    void productionNeedsTheDatabaseName();
    void otherDatabaseOnlyWhenAllDatabasesIsChecked();
    void outcomeStaysVisible();
    void staleSessionIsAlreadyGone();
    void jobDockShowsAResultThatCameFirst();
    void aJobCancelledFromTheDockSaysSo();
    void statisticsTab();
};

namespace {

// The sessions table beside the lock chain of lockChainIsAThreeLevelTree: A highlighted (idle in
// transaction past 1 s), B and C not; the filter keeps the demo's three sessions, the sort
// orders them by pid.
void sessionTableShowsTheChain(ActivityView &view, TestDatabase &db, const LockChainDemo &demo)
{
    SessionTableModel *model = view.sessions();
    int highlighted = 0;
    bool aHighlighted = false;
    // the server's other databases (tests running beside this one) have sessions of their own
    const auto inOurDatabase = [&db](const QAbstractItemModel *m, int row) {
        return m->index(row, SessionTableModel::Database).data().toString() == db.name();
    };
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        if (inOurDatabase(model, r) && i.data(SessionTableModel::HighlightedRole).toBool()) {
            ++highlighted;
            aHighlighted
                = aHighlighted || i.data(SessionTableModel::PidRole).toInt() == demo.pid(0);
        }
    }
    QVERIFY(aHighlighted);
    QCOMPARE(highlighted, 1);
    // filter and sort
    view.setFilter(QStringLiteral("lock demo"));
    int shownHere = 0;
    for (int r = 0; r < view.proxy()->rowCount(); ++r) {
        QVERIFY(view.proxy()
                    ->index(r, SessionTableModel::Application)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("lock demo")));
        shownHere += inOurDatabase(view.proxy(), r) ? 1 : 0;
    }
    QCOMPARE(shownHere, 3);
    view.table()->sortByColumn(SessionTableModel::Pid, Qt::DescendingOrder);
    int previous = std::numeric_limits<int>::max();
    for (int r = 0; r < view.proxy()->rowCount(); ++r) {
        const int pid = view.proxy()->index(r, 0).data(SessionTableModel::PidRole).toInt();
        QVERIFY(pid < previous);
        previous = pid;
    }
}

} // namespace

void TestActivityView::lockChainIsAThreeLevelTree()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
                .ok());
    LockChainDemo demo;
    const Status started
        = demo.start(db.conninfo(), "SELECT id FROM t WHERE id = 1 FOR UPDATE", 10000);
    QVERIFY2(started.ok(), qPrintable(started.error().toString()));
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.setIdleThresholdSeconds(1);
    // A idles in its transaction past the threshold, as the server sees it (the view reads the
    // same clock_timestamp() - state_change, later)
    QTRY_VERIFY_WITH_TIMEOUT(
        db.scalar("SELECT state = 'idle in transaction' AND clock_timestamp() - state_change "
                  "> interval '1 second' FROM pg_stat_activity WHERE pid = $1",
                  {demo.pid(0)})
            == QLatin1String("t"),
        20000);
    QVERIFY2(refreshNow(view), qPrintable(view.statusText()));
    LockChainTree *tree = view.chainTree();
    QTreeWidgetItem *root = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->data(0, LockChainTree::PidRole).toInt() == demo.pid(0))
            root = tree->topLevelItem(i);
    QVERIFY2(root, "A is not shown as a root blocker");
    QVERIFY(root->text(LockChainTree::Session).contains(QStringLiteral("root blocker")));
    QCOMPARE(root->childCount(), 1);
    QTreeWidgetItem *b = root->child(0);
    QCOMPARE(b->data(0, LockChainTree::PidRole).toInt(), demo.pid(1));
    QCOMPARE(b->text(LockChainTree::Relation), QStringLiteral("public.t"));
    QVERIFY(b->text(LockChainTree::Waits).contains(QStringLiteral("ShareLock")));
    QVERIFY(!b->text(LockChainTree::Waited).isEmpty());
    QCOMPARE(b->childCount(), 1);
    QTreeWidgetItem *c = b->child(0);
    QCOMPARE(c->data(0, LockChainTree::PidRole).toInt(), demo.pid(2));
    QCOMPARE(c->childCount(), 0);
    sessionTableShowsTheChain(view, db, demo);
    if (QTest::currentTestFailed())
        return;
    // a click on a chain node selects its session
    tree->setCurrentItem(c);
    QCOMPARE(view.selectedPid(), demo.pid(2));
}

void TestActivityView::cancelAndTerminateTheSelectedSession()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    SleepingSession other(db.conninfo(), QByteArray());
    QVERIFY(target.ok() && other.ok());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    QString asked;
    view.setAsker(
        [&asked](QWidget *, const QString &question, const QString &, bool typed, QString *) {
            asked = question;
            return !typed;
        });
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid()));
    QVERIFY(view.cancelAction()->isVisible());
    QVERIFY(view.cancelAction()->isEnabled());
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.cancelAction()->trigger();
    QVERIFY(asked.contains(QString::number(target.pid())));
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014"));
    QCOMPARE(PQstatus(target.conn), CONNECTION_OK);

    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(other.pid()));
    done.clear();
    view.terminateAction()->trigger();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    PGresult *r = PQexec(other.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(r), PGRES_FATAL_ERROR);
    PQclear(r);
    PGresult *alive = PQexec(target.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(alive), PGRES_TUPLES_OK);
    PQclear(alive);
}

void TestActivityView::neverOfferedOnAReadOnlyProfile()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db, true));
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid()));
    QVERIFY(!view.cancelAction()->isVisible());
    QVERIFY(!view.terminateAction()->isVisible());
    QVERIFY(!view.cancelAction()->isEnabled());
    bool asked = false;
    view.setAsker([&asked](QWidget *, const QString &, const QString &, bool, QString *) {
        asked = true;
        return true;
    });
    // even when asked directly, the core refuses
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.terminateSelected();
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("read-only")),
             qPrintable(done.first().at(1).toString()));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
}

void TestActivityView::notForTheConsolesOwnSession()
{
    TestDatabase db;
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.setAsker(
        [](QWidget *, const QString &, const QString &, bool, QString *) { return true; });
    QVERIFY(refreshNow(view));
    const int own = view.backendPid();
    QVERIFY(own > 0);
    QVERIFY(view.selectPid(own));
    QVERIFY(view.cancelAction()->isVisible());
    QVERIFY(!view.cancelAction()->isEnabled());
    QVERIFY(!view.terminateAction()->isEnabled());
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.terminateSelected(); // past the disabled button: the core refuses
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("own sessions")),
             qPrintable(done.first().at(1).toString()));
    QCOMPARE(view.backendPid(), own);
    QVERIFY(refreshNow(view));
}

void TestActivityView::productionNeedsTheDatabaseName()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db, false, true));
    QString typed = QStringLiteral("wrong");
    bool typedAsked = false;
    view.setAsker(
        [&](QWidget *, const QString &, const QString &database, bool mustType, QString *name) {
            typedAsked = mustType && database == db.name();
            *name = typed;
            return true;
        });
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid()));
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.cancelAction()->trigger();
    QVERIFY(typedAsked);
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("production")),
             qPrintable(done.first().at(1).toString()));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    QTRY_VERIFY(view.selectPid(target.pid())); // after the refresh that follows
    typed = db.name();
    done.clear();
    view.cancelAction()->trigger();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014"));
}

void TestActivityView::otherDatabaseOnlyWhenAllDatabasesIsChecked()
{
    TestDatabase db;
    TestDatabase other;
    SleepingSession target(other.conninfo(), QByteArray());
    QVERIFY(target.ok());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db, false, true));
    QString asked;
    QString askedDatabase;
    view.setAsker(
        [&](QWidget *, const QString &question, const QString &database, bool, QString *typed) {
            asked = question;
            askedDatabase = database;
            *typed = database;
            return true;
        });
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid())); // listed: the view shows the whole server
    QVERIFY(!view.terminateAction()->isEnabled());
    QVERIFY(!view.cancelAction()->isEnabled());
    // past the disabled button: the core refuses, the session lives
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.terminateSelected();
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(other.name()),
             qPrintable(done.first().at(1).toString()));
    QVERIFY(backendAlive(db, target.pid()));
    PGresult *alive = PQexec(target.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(alive), PGRES_TUPLES_OK);
    PQclear(alive);
    // All databases: offered, the question and the name to type are the session's database
    auto *all = view.findChild<QCheckBox *>(QStringLiteral("activityAllDatabases"));
    QVERIFY(all);
    all->setChecked(true);
    QTRY_VERIFY(view.selectPid(target.pid()));
    QVERIFY(view.terminateAction()->isEnabled());
    done.clear();
    view.terminateAction()->trigger();
    QCOMPARE(askedDatabase, other.name());
    QVERIFY2(asked.contains(other.name()), qPrintable(asked));
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!backendAlive(db, target.pid()), 5000);
}

void TestActivityView::outcomeStaysVisible()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    ActivityView view;
    JobManager manager;
    JobPanel panel(&manager);
    connect(&view, &ActivityView::jobStarted, &manager, &JobManager::announce);
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.setAsker(
        [](QWidget *, const QString &, const QString &, bool, QString *) { return true; });
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid()));
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.terminateAction()->trigger();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    const QString summary = done.first().at(1).toString();
    QVERIFY2(summary.contains(QStringLiteral("terminated")), qPrintable(summary));
    QCOMPARE(view.selectedPid(), target.pid()); // still selected, its outcome in view
    QTRY_VERIFY_WITH_TIMEOUT(!backendAlive(db, target.pid()), 5000);
    // the job dock: the action's entry finished with the result
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("jobList"));
    QVERIFY(list);
    QTreeWidgetItem *entry = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0).contains(QStringLiteral("terminate")))
            entry = list->topLevelItem(i);
    QVERIFY(entry);
    QTRY_COMPARE(entry->text(2), summary);
    // two refreshes later (the session is gone from the server): still there
    QVERIFY(refreshNow(view));
    QVERIFY(refreshNow(view));
    QVERIFY2(outcomeText(view).contains(summary), qPrintable(outcomeText(view)));
    QVERIFY2(
        cell(view, target.pid(), QStringLiteral("Outcome")).contains(QStringLiteral("terminated")),
        qPrintable(cell(view, target.pid(), QStringLiteral("Outcome"))));
    QCOMPARE(cell(view, target.pid(), QStringLiteral("State")), QStringLiteral("ended"));
    QVERIFY(view.selectPid(target.pid()));
    QVERIFY(!view.terminateAction()->isEnabled()); // an ended session's row
}

void TestActivityView::staleSessionIsAlreadyGone()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    auto ended = std::make_unique<SleepingSession>(db.conninfo(), QByteArray());
    QVERIFY(target.ok() && ended->ok());
    const int endedPid = ended->pid();
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.setAsker(
        [](QWidget *, const QString &, const QString &, bool, QString *) { return true; });
    QVERIFY(refreshNow(view));
    // the pid now held by another session than the one shown: what a reused pid looks like
    QList<ActivitySession> shown = view.sessions()->sessions();
    for (ActivitySession &s : shown)
        if (s.pid == target.pid())
            s.backendStart = QStringLiteral("2000-01-01T00:00:00Z");
    view.sessions()->setSessions(shown);
    QVERIFY(view.selectPid(target.pid()));
    QSignalSpy done(&view, &ActivityView::actionFinished);
    view.terminateAction()->trigger();
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("already gone")),
             qPrintable(done.first().at(1).toString()));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout")); // not signalled
    // a session that ended between the refresh and the click
    QVERIFY(refreshNow(view));
    ended.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!backendAlive(db, endedPid), 5000);
    QVERIFY(view.selectPid(endedPid));
    done.clear();
    view.terminateAction()->trigger();
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("already gone")),
             qPrintable(done.first().at(1).toString()));
    QVERIFY(refreshNow(view));
    QVERIFY2(outcomeText(view).contains(QStringLiteral("already gone")),
             qPrintable(outcomeText(view)));
    QVERIFY2(
        cell(view, endedPid, QStringLiteral("Outcome")).contains(QStringLiteral("already gone")),
        qPrintable(cell(view, endedPid, QStringLiteral("Outcome"))));
}

void TestActivityView::jobDockShowsAResultThatCameFirst()
{
    // A quick job (a cancel takes a few milliseconds) may finish on its worker before the job
    // dock has connected to it: the dock shows its result all the same, not "running".
    JobManager manager;
    JobPanel panel(&manager);
    SessionWorker worker(std::nullopt, QStringLiteral("test"));
    auto *job = new FunctionJob(QStringLiteral("Activity: quick"), [](JobContext &) {
        return Result<QString>(QStringLiteral("done at once"));
    });
    // Set on the worker's thread as finished() is emitted there (the dock's queued copy waits).
    auto emitted = std::make_shared<std::atomic_bool>(false);
    QObject::connect(
        job, &Job::finished, job, [emitted] { *emitted = true; }, Qt::DirectConnection);
    worker.post(job);
    QDeadlineTimer deadline(5000);
    while (!*emitted && !deadline.hasExpired())
        QThread::yieldCurrentThread(); // no event processing: the job stays, finished() queued
    QVERIFY(*emitted);
    QVERIFY(job->isFinished());
    manager.announce(job);
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("jobList"));
    QVERIFY(list && list->topLevelItemCount() == 1);
    QTRY_COMPARE(list->topLevelItem(0)->text(2), QStringLiteral("done at once"));
    QCOMPARE(list->topLevelItem(0)->toolTip(2), QStringLiteral("done at once"));
}

void TestActivityView::aJobCancelledFromTheDockSaysSo()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.setAsker(
        [](QWidget *, const QString &, const QString &, bool, QString *) { return true; });
    QVERIFY(refreshNow(view));
    QVERIFY(view.selectPid(target.pid()));
    QPointer<Job> action;
    connect(&view, &ActivityView::jobStarted, this, [&action](Job *job) {
        if (job->title().contains(QStringLiteral("terminate")))
            action = job;
    });
    QSignalSpy done(&view, &ActivityView::actionFinished);
    // The view's own backend stopped: its refresh cannot end, so the terminate surely waits
    // behind it in the worker's queue (a quick refresh let the terminate run first under ASan).
    const int own = view.backendPid();
    QVERIFY(own > 0);
    QVERIFY2(::kill(own, SIGSTOP) == 0, "cannot stop the view's backend (run as root)");
    view.refresh();
    view.terminateAction()->trigger();
    const bool queued = action;
    if (action)
        action->cancel(); // the job dock's Cancel
    QVERIFY(::kill(own, SIGCONT) == 0);
    QVERIFY(queued);
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout")); // not signalled
    QVERIFY2(cell(view, target.pid(), QStringLiteral("Outcome"))
                 .startsWith(QStringLiteral("job cancelled")),
             qPrintable(cell(view, target.pid(), QStringLiteral("Outcome"))));
}

void TestActivityView::statisticsTab()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    QVERIFY(
        w.exec("CREATE TABLE counted (id int PRIMARY KEY) WITH (autovacuum_enabled = off)").ok());
    QVERIFY(w.exec("INSERT INTO counted SELECT generate_series(1, 50)").ok());
    QVERIFY(w.exec("DELETE FROM counted WHERE id <= 20").ok());
    // the DML's counts reach the statistics first (they are flushed when the session idles, at
    // most once a second), so ANALYZE's numbers are the last word
    QVERIFY(w.exec("SELECT pg_stat_force_next_flush()").ok());
    QVERIFY(w.exec("SELECT pg_sleep(0.05)").ok());
    QVERIFY(w.exec("ANALYZE counted").ok());
    ActivityView view;
    view.setPaused(true);
    view.setTarget(specFor(db));
    view.tabs()->setCurrentIndex(ActivityView::TablesTab);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            refreshNow(view);
            for (const TableStats &t : view.tableStats()->tables())
                if (t.table == QLatin1String("counted"))
                    return t.liveTuples == 30 && t.deadTuples == 20;
            return false;
        }(),
        10000);
}

// Issue 60: another session holds ACCESS EXCLUSIVE on a table (in a transaction the test ends
// itself) and a third waits behind it: a refresh with the statistics tab open finishes while the
// lock is held, the sessions table and the lock chain show the holder and the waiter, and the
// locked table's size is shown as the catalog's estimate ("≈").
QTEST_MAIN(TestActivityView)
#include "tst_activityview.moc"
