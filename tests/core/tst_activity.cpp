// The Activity core against the real sandbox: a lock chain of three sessions read as a
// three-level tree, the migration lock named, cancel and terminate acting on the right pid and
// refused where they must be (a session of another database unless all databases, then with
// that database's name typed on production), a stale pid (backend_start no longer its) already
// gone and never signalled, table statistics with known live and dead tuples.
#include "activitytestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include "activity/activityreader.h"
#include "activity/lockchain.h"
#include "activity/lockchaindemo.h"
#include "activity/sessioncontrol.h"
#include "db/ownbackends.h"
#include "db/pgconnection.h"
#include "ledger/migrationlock.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const LockChainNode *chainOf(const QList<LockChainNode> &chains, int rootPid)
{
    for (const LockChainNode &n : chains)
        if (n.pid == rootPid)
            return &n;
    return nullptr;
}

bool backendAlive(TestDatabase &db, int pid)
{
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", {pid})
        == QLatin1String("1");
}

// An action aimed at the session with this pid as it is now (its backend_start read first).
SessionAction aimAt(PgConnection &c, int pid,
                    SessionAction::Kind kind = SessionAction::Kind::Cancel)
{
    SessionAction a;
    a.kind = kind;
    a.pid = pid;
    const Result<std::optional<ActivitySession>> t = SessionControl(c).target(pid);
    if (t.ok() && t.value())
        a.backendStart = t.value()->backendStart;
    return a;
}

} // namespace

class TestActivity : public QObject
{
    Q_OBJECT
private slots:
    void lockChainOfThreeIsAThreeLevelTree();
    void migrationLockIsNamed();
    void cancelEndsTheTargetsStatement();
    void terminateDropsTheTargetsConnection();
    void refusals();
    void refusedOnAReadOnlySession();
    void otherDatabasesSessionsOnlyWithAllDatabases();
    void aStaleSessionIsAlreadyGone();
    void aSessionWhoseStartIsHiddenIsRefused();
    void statsListKnownLiveAndDeadTuples();
};

void TestActivity::lockChainOfThreeIsAThreeLevelTree()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
                .ok());
    LockChainDemo demo;
    const Status started
        = demo.start(db.conninfo(), "SELECT id FROM t WHERE id = 1 FOR UPDATE", 10000);
    QVERIFY2(started.ok(), qPrintable(started.error().toString()));
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    Result<ActivitySnapshot> snap = ActivityReader(c).snapshot();
    QVERIFY2(snap.ok(), snap.ok() ? "" : qPrintable(snap.error().toString()));
    const ActivitySession *a = snap.value().session(demo.pid(0));
    QVERIFY(a);
    QVERIFY(a->state.startsWith(QLatin1String("idle in transaction")));
    QVERIFY(!a->own);
    QCOMPARE(snap.value().session(demo.pid(2))->blockedBy, QList<int>{demo.pid(1)});
    QVERIFY(snap.value().session(c.backendPid())->own);

    const QList<LockChainNode> chains = LockChain::build(snap.value());
    const LockChainNode *root = chainOf(chains, demo.pid(0));
    QVERIFY2(root, "A is not a root blocker");
    QCOMPARE(root->depth(), 3);
    QCOMPARE(root->children.size(), 1);
    const LockChainNode &b = root->children.first();
    QCOMPARE(b.pid, demo.pid(1));
    QCOMPARE(b.children.size(), 1);
    const LockChainNode &cNode = b.children.first();
    QCOMPARE(cNode.pid, demo.pid(2));
    QVERIFY(cNode.children.isEmpty());
    QVERIFY(root->lockType.isEmpty()); // the root waits on nobody
    QCOMPARE(b.relation, QStringLiteral("public.t"));
    QCOMPARE(cNode.relation, QStringLiteral("public.t"));
    QCOMPARE(b.mode, QStringLiteral("ShareLock")); // on A's transaction id
    QCOMPARE(cNode.lockType, QStringLiteral("tuple"));
    QVERIFY(b.waitedMs >= 0);
    QVERIFY(!b.waitsForMigrationLock);
}

void TestActivity::migrationLockIsNamed()
{
    TestDatabase db;
    PgConnection holder;
    QVERIFY(holder.open(db.conninfo()));
    MigrationLock lock(holder);
    QVERIFY(lock.acquire(1000, nullptr).ok());
    QVERIFY(lock.held());
    SleepingSession waiter(db.conninfo(),
                           QStringLiteral("SELECT pg_advisory_lock(%1, %2)")
                               .arg(MigrationLock::kClassId)
                               .arg(MigrationLock::kObjectId)
                               .toUtf8());
    QVERIFY(waiter.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    QList<LockChainNode> chains;
    QTRY_VERIFY_WITH_TIMEOUT((chains = LockChain::build(ActivityReader(c).snapshot().value()),
                              chainOf(chains, holder.backendPid()) != nullptr),
                             5000);
    const LockChainNode *root = chainOf(chains, holder.backendPid());
    QVERIFY(root->holdsMigrationLock);
    QVERIFY(root->own);
    QCOMPARE(root->children.size(), 1);
    QCOMPARE(root->children.first().pid, waiter.pid());
    QVERIFY(root->children.first().waitsForMigrationLock);
    QCOMPARE(root->children.first().lockType, QStringLiteral("advisory"));
    lock.release();
    QCOMPARE(endOfCommand(waiter.conn, 5000), QString());
}

void TestActivity::cancelEndsTheTargetsStatement()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    SleepingSession bystander(db.conninfo());
    QVERIFY(target.ok() && bystander.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    const SessionAction cancel = aimAt(c, target.pid());
    QVERIFY(!cancel.backendStart.isEmpty());
    const Result<SessionOutcome> r = SessionControl(c).run(cancel);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
    QVERIFY(r.value().signalled);
    QCOMPARE(r.value().database, db.name());
    // the pg_sleep(60) ended cancelled, not run out; its backend runs nothing any more
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014")); // query_canceled
    QCOMPARE(db.scalar("SELECT state FROM pg_stat_activity WHERE pid = $1::int", {target.pid()}),
             QStringLiteral("idle"));
    // the connection stays, the other session's statement runs on
    QCOMPARE(PQstatus(target.conn), CONNECTION_OK);
    QCOMPARE(endOfCommand(bystander.conn, 200), QStringLiteral("timeout"));
}

void TestActivity::terminateDropsTheTargetsConnection()
{
    TestDatabase db;
    SleepingSession target(db.conninfo(), QByteArray());
    SleepingSession bystander(db.conninfo(), QByteArray());
    QVERIFY(target.ok() && bystander.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    const SessionAction terminate = aimAt(c, target.pid(), SessionAction::Kind::Terminate);
    const Result<SessionOutcome> r = SessionControl(c).run(terminate);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
    QVERIFY(r.value().signalled);
    QTRY_VERIFY_WITH_TIMEOUT(!backendAlive(db, terminate.pid), 5000);
    PGresult *after = PQexec(target.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(after), PGRES_FATAL_ERROR);
    PQclear(after);
    QVERIFY(PQstatus(target.conn) != CONNECTION_OK);
    PGresult *other = PQexec(bystander.conn, "SELECT 1");
    QCOMPARE(PQresultStatus(other), PGRES_TUPLES_OK);
    PQclear(other);
}

void TestActivity::refusals()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    PgConnection another; // a second session of this process
    QVERIFY(another.open(db.conninfo()));
    QVERIFY(OwnBackends::contains(another.backendPid()));
    QVERIFY(!OwnBackends::contains(target.pid()));
    SessionControl control(c);
    auto refused = [&](const SessionAction &a, const char *why) {
        const Result<SessionOutcome> r = control.run(a);
        if (r.ok())
            return QStringLiteral("not refused");
        if (!SessionControl::isRefusal(r.error()))
            return QStringLiteral("not a refusal: ") + r.error().toString();
        if (!r.error().toString().contains(QLatin1String(why)))
            return QStringLiteral("other reason: ") + r.error().toString();
        return QString();
    };
    for (SessionAction::Kind kind : {SessionAction::Kind::Cancel, SessionAction::Kind::Terminate}) {
        SessionAction a = aimAt(c, target.pid(), kind);
        const QString start = a.backendStart;
        a.readOnlyProfile = true;
        QCOMPARE(refused(a, "read-only"), QString());
        a.readOnlyProfile = false;
        a.pid = c.backendPid();
        QCOMPARE(refused(a, "own sessions"), QString());
        a.pid = another.backendPid();
        QCOMPARE(refused(a, "own sessions"), QString());
        a.pid = target.pid();
        a.production = true;
        a.confirmation = db.name() + QStringLiteral("x");
        QCOMPARE(refused(a, "production"), QString());
        a.confirmation.clear();
        QCOMPARE(refused(a, "production"), QString());
        a.production = false;
        a.backendStart.clear();
        QCOMPARE(refused(a, "not known when the session started"), QString());
        a.backendStart = start;
        a.pid = 999999;
        const Result<SessionOutcome> gone = control.run(a);
        QVERIFY(gone.ok());
        QVERIFY(gone.value().gone);
        QVERIFY(!gone.value().signalled);
        QVERIFY2(gone.value().message.contains(QStringLiteral("already gone")),
                 qPrintable(gone.value().message));
    }
    // nothing reached the target; the others are alive
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    QVERIFY(another.isOpen());
    QCOMPARE(another.scalar("SELECT 1"), QStringLiteral("1"));
    // production with the database name typed: it acts
    SessionAction confirmed = aimAt(c, target.pid());
    confirmed.production = true;
    confirmed.confirmation = db.name();
    const Result<SessionOutcome> r = control.run(confirmed);
    QVERIFY2(r.ok() && r.value().signalled,
             r.ok() ? qPrintable(r.value().message) : qPrintable(r.error().toString()));
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("57014"));
}

void TestActivity::refusedOnAReadOnlySession()
{
    // What a read-only profile's session is at the server (default_transaction_read_only):
    // refused by the core even when the caller does not say the profile is read-only.
    TestDatabase db;
    SleepingSession target(db.conninfo());
    PgConnection readOnly;
    QVERIFY(readOnly.open(db.conninfo()
                          + QStringLiteral(" options='-c default_transaction_read_only=on'")));
    QCOMPARE(readOnly.scalar("SHOW default_transaction_read_only"), QStringLiteral("on"));
    const SessionAction a = aimAt(readOnly, target.pid());
    const Result<SessionOutcome> r = SessionControl(readOnly).run(a);
    QVERIFY(!r.ok());
    QVERIFY(SessionControl::isRefusal(r.error()));
    QVERIFY2(r.error().toString().contains(QLatin1String("read-only")),
             qPrintable(r.error().toString()));
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
}

void TestActivity::otherDatabasesSessionsOnlyWithAllDatabases()
{
    TestDatabase db;
    TestDatabase other;
    SleepingSession target(other.conninfo());
    QVERIFY(target.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    SessionControl control(c);
    for (SessionAction::Kind kind : {SessionAction::Kind::Cancel, SessionAction::Kind::Terminate}) {
        SessionAction a = aimAt(c, target.pid(), kind);
        QVERIFY(!a.backendStart.isEmpty());
        const Result<SessionOutcome> r = control.run(a);
        QVERIFY(!r.ok());
        QVERIFY(SessionControl::isRefusal(r.error()));
        QVERIFY2(r.error().toString().contains(other.name()), qPrintable(r.error().toString()));
        // production, the connected database's name typed: not enough for another database's
        a.production = true;
        a.confirmation = db.name();
        QVERIFY(!control.run(a).ok()); // not all databases
        a.allDatabases = true;
        const Result<SessionOutcome> wrongName = control.run(a);
        QVERIFY(!wrongName.ok());
        QVERIFY(SessionControl::isRefusal(wrongName.error()));
        QVERIFY2(wrongName.error().toString().contains(
                     QStringLiteral("production database %1").arg(other.name())),
                 qPrintable(wrongName.error().toString()));
    }
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    QCOMPARE(PQstatus(target.conn), CONNECTION_OK);
    // all databases, the session's database typed: it acts
    SessionAction a = aimAt(c, target.pid(), SessionAction::Kind::Terminate);
    a.allDatabases = true;
    a.production = true;
    a.confirmation = other.name();
    const Result<SessionOutcome> r = control.run(a);
    QVERIFY2(r.ok() && r.value().signalled,
             r.ok() ? qPrintable(r.value().message) : qPrintable(r.error().toString()));
    QCOMPARE(r.value().database, other.name());
    QCOMPARE(endOfCommand(target.conn, 5000), QStringLiteral("connection"));
}

void TestActivity::aStaleSessionIsAlreadyGone()
{
    TestDatabase db;
    SleepingSession target(db.conninfo());
    QVERIFY(target.ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    SessionControl control(c);
    // the pid, but as held by an older session: what a pid reused since the refresh looks like
    for (SessionAction::Kind kind : {SessionAction::Kind::Cancel, SessionAction::Kind::Terminate}) {
        SessionAction a = aimAt(c, target.pid(), kind);
        const QString now = a.backendStart;
        a.backendStart = QStringLiteral("2000-01-01T00:00:00Z");
        const Result<SessionOutcome> r = control.run(a);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QVERIFY(r.value().gone);
        QVERIFY(!r.value().signalled);
        QVERIFY2(r.value().message.contains(QStringLiteral("already gone")),
                 qPrintable(r.value().message));
        QVERIFY2(r.value().message.contains(now), qPrintable(r.value().message));
        // a second off is another session too (the start is kept to the microsecond)
        QVERIFY(now.contains(u'.'));
    }
    QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    // a session that ended since: already gone, with its own start
    auto ended = std::make_unique<SleepingSession>(db.conninfo(), QByteArray());
    SessionAction a = aimAt(c, ended->pid(), SessionAction::Kind::Terminate);
    ended.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!backendAlive(db, a.pid), 5000);
    const Result<SessionOutcome> r = control.run(a);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
    QVERIFY(r.value().gone);
    QVERIFY2(r.value().message.contains(QStringLiteral("already gone")),
             qPrintable(r.value().message));
    const Result<std::optional<ActivitySession>> none = SessionControl(c).target(a.pid);
    QVERIFY(none.ok() && !none.value().has_value());
}

void TestActivity::aSessionWhoseStartIsHiddenIsRefused()
{
    // A role that may signal (pg_signal_backend) but not see another role's session details
    // (no pg_read_all_stats): the session's start is hidden from it, so the pid cannot be told
    // from a newer session's. Refused, saying why, nothing signalled (not "already gone").
    TestDatabase db;
    PgConnection &w = db.witness();
    const QByteArray signaller = w.quoteIdentifier(QStringLiteral("s_") + db.name());
    const QByteArray owner = w.quoteIdentifier(QStringLiteral("o_") + db.name());
    QVERIFY(w.exec("CREATE ROLE " + signaller
                   + " LOGIN PASSWORD 'uaip-test-login' IN ROLE pg_signal_backend")
                .ok());
    QVERIFY(w.exec("CREATE ROLE " + owner + " LOGIN PASSWORD 'uaip-test-login'").ok());
    {
        SleepingSession target(db.conninfo() + QStringLiteral(" user=o_") + db.name());
        QVERIFY(target.ok());
        PgConnection c;
        QVERIFY(c.open(db.conninfo() + QStringLiteral(" user=s_") + db.name()));
        SessionControl control(c);
        const Result<std::optional<ActivitySession>> seen = control.target(target.pid());
        QVERIFY(seen.ok() && seen.value().has_value());
        QVERIFY(seen.value()->backendStart.isEmpty());
        SessionAction a;
        a.pid = target.pid();
        const Result<SessionOutcome> unknown = control.run(a);
        QVERIFY(!unknown.ok() && SessionControl::isRefusal(unknown.error()));
        QVERIFY2(unknown.error().toString().contains(QStringLiteral("pg_read_all_stats")),
                 qPrintable(unknown.error().toString()));
        // its true start, given: still refused, the server does not show it to this role
        SessionControl witness(w);
        a.backendStart = witness.target(target.pid()).value()->backendStart;
        QVERIFY(!a.backendStart.isEmpty());
        const Result<SessionOutcome> hidden = control.run(a);
        QVERIFY(!hidden.ok() && SessionControl::isRefusal(hidden.error()));
        QVERIFY2(hidden.error().toString().contains(QStringLiteral("pg_read_all_stats")),
                 qPrintable(hidden.error().toString()));
        QCOMPARE(endOfCommand(target.conn, 300), QStringLiteral("timeout"));
    }
    QVERIFY(w.exec("DROP ROLE " + signaller).ok());
    QVERIFY(w.exec("DROP ROLE " + owner).ok());
}

void TestActivity::statsListKnownLiveAndDeadTuples()
{
    TestDatabase db;
    PgConnection &w = db.witness();
    QVERIFY(w.exec("CREATE TABLE counted (id int PRIMARY KEY, v text) "
                   "WITH (autovacuum_enabled = off)")
                .ok());
    QVERIFY(w.exec("INSERT INTO counted SELECT g, 'x' FROM generate_series(1, 100) g").ok());
    QVERIFY(w.exec("DELETE FROM counted WHERE id <= 30").ok());
    QVERIFY(w.exec("SELECT count(*) FROM counted").ok()); // a sequential scan
    // the DML's counts reach the statistics first (they are flushed when the session idles, at
    // most once a second), so ANALYZE's numbers are the last word
    QVERIFY(w.exec("SELECT pg_stat_force_next_flush()").ok());
    QVERIFY(w.exec("SELECT pg_sleep(0.05)").ok());
    QVERIFY(w.exec("ANALYZE counted").ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    const TableStats *t = nullptr;
    Result<DatabaseStats> stats = DatabaseStats();
    QTRY_VERIFY_WITH_TIMEOUT(
        (stats = ActivityReader(c).stats(),
         stats.ok()
             && (t = stats.value().table(QStringLiteral("public"), QStringLiteral("counted")))
             && t->liveTuples == 70 && t->deadTuples == 30),
        5000);
    QVERIFY(!t->lastAnalyze.isEmpty());
    QVERIFY(t->lastVacuum.isEmpty());
    QVERIFY(t->seqScans >= 1);
    QVERIFY(t->totalBytes > 0);
    bool pkey = false;
    for (const IndexStats &i : stats.value().indexes)
        pkey = pkey || i.index == QLatin1String("counted_pkey");
    QVERIFY(pkey);
}

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
