// The console's own reads during a lock incident (issue 60, point 1): another session holds
// ACCESS EXCLUSIVE on a table in a transaction this test ends itself, a third waits behind it.
// The Activity reads (sessions, lock chain, table and index statistics), the Entities tree's
// table list and the object browser's reads all finish while the lock is held, and no session of
// the console ever waits on a Lock (pg_stat_activity, sampled all along); a size that could not
// be read exactly is marked estimated. The locked tables' names carry a quote and a newline. The
// analytics panels read the platform's rows, which no catalog holds: each read waits at most
// MetricsQuery::kLockTimeout and says the panel was not read (code locked), never joining the
// incident's lock queue for longer.
#include "activitytestutil.h"
#include "testdatabase.h"
#include "waitfor.h"

#include "activity/activityreader.h"
#include "activity/lockchain.h"
#include "browse/catalogreader.h"
#include "db/pgconnection.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsquery.h"
#include "objects/objectcatalog.h"

#include <QtTest>

#include <chrono>
#include <functional>
#include <future>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kApp = QStringLiteral("uaip console under test");
const QString kOdd = QStringLiteral("odd \"name\"\nhere");
// Far below the holder's life, which ends only when the test ends its transaction.
constexpr int kBoundMs = 15000;

// The incident: holder holds ACCESS EXCLUSIVE on agents and on kOdd in an open transaction,
// waiter waits to read agents.
class Incident
{
public:
    explicit Incident(TestDatabase &db)
        : m_db(db)
    {
        PgConnection &w = m_db.witness();
        const QByteArray odd = w.quoteIdentifier(kOdd);
        m_ready = w.execScript("CREATE TABLE agents (id int PRIMARY KEY, note text);"
                               "INSERT INTO agents SELECT g, repeat('x', 100) "
                               "FROM generate_series(1, 1000) g;"
                               "CREATE TABLE "
                               + odd
                               + " (id int PRIMARY KEY);"
                                 "CREATE VIEW agent_notes AS SELECT id, note FROM agents;"
                                 "ANALYZE agents")
                      .ok()
            && m_holder.open(m_db.conninfo(), QStringLiteral("holder"))
            && m_holder.exec("BEGIN").ok()
            && m_holder.exec("LOCK TABLE agents, " + odd + " IN ACCESS EXCLUSIVE MODE").ok();
        if (!m_ready)
            return;
        m_waiter
            = std::make_unique<SleepingSession>(m_db.conninfo(), "SELECT count(*) FROM agents");
        m_ready = m_waiter->ok() && waitFor([this] { return waiting(m_waiter->pid()); }, kBoundMs);
    }
    ~Incident() { release(); }

    bool ready() const { return m_ready; }
    int holderPid() const { return m_holder.backendPid(); }
    int waiterPid() const { return m_waiter ? m_waiter->pid() : 0; }
    void release()
    {
        if (m_holder.isOpen() && m_holder.inTransaction())
            m_holder.exec("ROLLBACK");
    }
    bool held() { return m_holder.inTransaction(); }
    // Whether pid waits on a heavyweight lock now.
    bool waiting(int pid)
    {
        return m_db.scalar("SELECT count(*) FROM pg_stat_activity "
                           "WHERE pid = $1::int AND wait_event_type = 'Lock'",
                           {pid})
            == QLatin1String("1");
    }
    // The statement a session of the console (kApp) waits on a heavyweight lock in now, or "".
    QString consoleWait()
    {
        return m_db.scalar("SELECT coalesce(string_agg(query, ' | '), '') FROM pg_stat_activity "
                           "WHERE application_name = $1 AND wait_event_type = 'Lock'",
                           {kApp});
    }

    // Runs read on a connection of its own (named kApp) on another thread while the lock is held:
    // an empty string when it finished within the bound and no console session ever waited on a
    // Lock, else what went wrong. The lock is released before a read that did not finish is
    // joined, so a failing test ends.
    QString runs(const std::function<QString(PgConnection &)> &read)
    {
        std::future<QString> done = std::async(std::launch::async, [this, read] {
            PgConnection c;
            if (!c.open(m_db.conninfo(), kApp))
                return QStringLiteral("cannot connect");
            return read(c);
        });
        QString waited;
        const bool finished = waitFor(
            [&] {
                if (waited.isEmpty())
                    waited = consoleWait();
                return done.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
            },
            kBoundMs);
        const bool stillHeld = held();
        release();
        const QString outcome = done.get();
        if (!finished)
            return QStringLiteral("did not finish while the lock was held");
        if (!waited.isEmpty())
            return QStringLiteral("a console session waited on a Lock in: %1").arg(waited);
        if (!stillHeld)
            return QStringLiteral("the holder's transaction ended early");
        return outcome;
    }

private:
    TestDatabase &m_db;
    PgConnection m_holder;
    std::unique_ptr<SleepingSession> m_waiter;
    bool m_ready = false;
};

const CatalogNode *named(const QList<CatalogNode> &nodes, const QString &name)
{
    for (const CatalogNode &n : nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

} // namespace

class TestReadsUnderLock : public QObject
{
    Q_OBJECT
private slots:
    void activitySessionsAndLockChain();
    void activityStatistics();
    void entitiesTableList();
    void objectBrowser();
    void analyticsSaysLocked();
};

void TestReadsUnderLock::analyticsSaysLocked()
{
    TestDatabase db;
    QVERIFY(db.witness()
                .execScript("CREATE TABLE agent_capability_metrics (metric_type text, "
                            "capability_name text); INSERT INTO agent_capability_metrics "
                            "VALUES ('latency', 'search')")
                .ok());
    PgConnection holder;
    QVERIFY(holder.open(db.conninfo(), QStringLiteral("holder")));
    QVERIFY(holder.exec("BEGIN").ok());
    QVERIFY(holder.exec("LOCK TABLE agent_capability_metrics IN ACCESS EXCLUSIVE MODE").ok());
    PgConnection c;
    QVERIFY(c.open(db.conninfo(), kApp));
    // before this change the read waited for the holder: ended here by a statement timeout
    QVERIFY(c.exec("SET statement_timeout = '20s'").ok());
    MetricsCatalog catalog(c);
    const MetricsCatalog::Choices locked = catalog.choices(MetricsPanel::Capability);
    QCOMPARE(locked.error.code(), ErrorCode::Locked);
    QCOMPARE(locked.error.sqlState(), QStringLiteral("55P03"));
    QVERIFY2(locked.error.toString().contains(QLatin1String("the capability panel was not read")),
             qPrintable(locked.error.toString()));
    // nothing stays: no transaction open, the session's own lock_timeout
    QCOMPARE(c.transactionState(), PgConnection::TransactionState::Idle);
    QCOMPARE(c.scalar("SHOW lock_timeout"), QStringLiteral("0"));
    QVERIFY(holder.exec("ROLLBACK").ok());
    const MetricsCatalog::Choices read = catalog.choices(MetricsPanel::Capability);
    QVERIFY2(read.ok(), qPrintable(read.error.toString()));
    QCOMPARE(read.choices.size(), 1);
}

void TestReadsUnderLock::activitySessionsAndLockChain()
{
    TestDatabase db;
    Incident incident(db);
    QVERIFY(incident.ready());
    const int holder = incident.holderPid();
    const int waiter = incident.waiterPid();
    const QString why = incident.runs([&](PgConnection &c) {
        Result<ActivitySnapshot> snap = ActivityReader(c).snapshot();
        if (!snap)
            return snap.error().toString();
        if (!snap.value().session(holder) || !snap.value().session(waiter))
            return QStringLiteral("the holder or the waiter is not among the sessions");
        if (snap.value().session(waiter)->blockedBy != QList<int>{holder})
            return QStringLiteral("the waiter is not blocked by the holder");
        for (const LockChainNode &root : LockChain::build(snap.value()))
            if (root.pid == holder && root.children.size() == 1
                && root.children.first().pid == waiter
                && root.children.first().relation == QLatin1String("public.agents"))
                return QString();
        return QStringLiteral("no lock chain holder → waiter on public.agents");
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestReadsUnderLock::activityStatistics()
{
    TestDatabase db;
    Incident incident(db);
    QVERIFY(incident.ready());
    const QString why = incident.runs([](PgConnection &c) {
        Result<DatabaseStats> stats = ActivityReader(c).stats();
        if (!stats)
            return stats.error().toString();
        const TableStats *agents
            = stats.value().table(QStringLiteral("public"), QStringLiteral("agents"));
        const TableStats *odd = stats.value().table(QStringLiteral("public"), kOdd);
        if (!agents || !odd)
            return QStringLiteral("a locked table is missing from the statistics");
        if (!agents->sizeEstimated || !odd->sizeEstimated)
            return QStringLiteral("a locked table's size is not marked estimated");
        if (agents->totalBytes <= 0) // analyzed: the catalog knows its pages
            return QStringLiteral("agents' estimated size is %1").arg(agents->totalBytes);
        if (agents->liveTuples != 1000 && agents->liveTuples != 0)
            return QStringLiteral("agents' live tuples: %1").arg(agents->liveTuples);
        for (const IndexStats &i : stats.value().indexes)
            if (i.index == QLatin1String("agents_pkey"))
                return i.sizeEstimated ? QString()
                                       : QStringLiteral("agents_pkey's size is not estimated");
        return QStringLiteral("agents_pkey is missing");
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // with the lock gone the sizes are exact again
    PgConnection c;
    QVERIFY(c.open(db.conninfo()));
    Result<DatabaseStats> stats = ActivityReader(c).stats();
    QVERIFY(stats.ok());
    const TableStats *agents
        = stats.value().table(QStringLiteral("public"), QStringLiteral("agents"));
    QVERIFY(agents);
    QVERIFY(!agents->sizeEstimated);
    QVERIFY(agents->totalBytes > 0);
}

void TestReadsUnderLock::entitiesTableList()
{
    TestDatabase db;
    Incident incident(db);
    QVERIFY(incident.ready());
    const QString why = incident.runs([](PgConnection &c) {
        Result<QList<TableSummary>> tables = CatalogReader::listTables(c);
        if (!tables)
            return tables.error().toString();
        bool agents = false;
        bool odd = false;
        for (const TableSummary &t : tables.value()) {
            agents = agents || (t.name == QLatin1String("agents") && t.estimate == 1000);
            odd = odd || t.name == kOdd;
        }
        return agents && odd ? QString()
                             : QStringLiteral("agents (1000 rows) or the odd name is missing");
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestReadsUnderLock::objectBrowser()
{
    TestDatabase db;
    Incident incident(db);
    QVERIFY(incident.ready());
    const QString why = incident.runs([](PgConnection &c) {
        ObjectCatalog catalog(c);
        Result<QList<CatalogNode>> tables
            = catalog.objects(QStringLiteral("public"), ObjectKind::Table);
        if (!tables)
            return tables.error().toString();
        const CatalogNode *agents = named(tables.value(), QStringLiteral("agents"));
        if (!agents || !named(tables.value(), kOdd))
            return QStringLiteral("a locked table is missing from the tree");
        Result<QList<CatalogNode>> children = catalog.children(*agents);
        if (!children)
            return children.error().toString();
        const CatalogNode *pkey = nullptr; // the index (the constraint has the same name)
        for (const CatalogNode &n : children.value())
            if (n.kind == ObjectKind::Index && n.name == QLatin1String("agents_pkey"))
                pkey = &n;
        if (!pkey)
            return QStringLiteral("the index agents_pkey is missing from agents' children");
        // its definition would have waited (pg_get_indexdef opens the table): not read, and
        // its DDL refused as locked, never made up
        if (!pkey->detailLocked || !pkey->detail.isEmpty())
            return QStringLiteral("agents_pkey's definition is not marked unread: %1")
                .arg(pkey->detail);
        if (const Result<QStringList> ddl = catalog.ddl(*pkey);
            ddl || ddl.error().code() != ErrorCode::Locked)
            return QStringLiteral("agents_pkey's DDL is not refused as locked");
        for (const QString &name : {QStringLiteral("agents"), kOdd}) {
            Result<QList<CatalogNode>> found = catalog.lookup(QStringLiteral("public"), name);
            if (!found)
                return found.error().toString();
            const CatalogNode *n = named(found.value(), name);
            if (!n)
                return QStringLiteral("lookup did not find %1").arg(name);
            if (!n->sizeEstimated)
                return QStringLiteral("%1's size is not marked estimated").arg(name);
        }
        return QString();
    });
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestReadsUnderLock)
#include "tst_readsunderlock.moc"
