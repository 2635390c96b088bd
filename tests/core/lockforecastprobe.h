#pragma once

// The probe of tst_lockforecastpglocks.cpp: a row (a statement and its fixture), the blocker
// sessions, and LockProbe, which runs a row and compares what PostgreSQL 15 took (pg_locks) with
// StatementLockForecast's forecast. See the test's header comment.
#include "testdatabase.h"
#include "waitfor.h"

#include "db/pgconnection.h"
#include "db/pgcopy.h"
#include "forecast/lockmode.h"
#include "forecast/statementlockforecast.h"
#include "sqlparse/pgparsetree.h"
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <memory>
#include <thread>
#include <vector>

using namespace uaip;
using namespace uaip::test;

namespace pglocks {

// One statement and its fixture.
struct Row
{
    QByteArray setup; // after every user schema is dropped; "%ROLE%" is the test's role
    QByteArray sql; // "%ROLE%" as in setup
    // Empty: the statement runs in a transaction. Otherwise it runs alone while each of these
    // statements (LOCK TABLE ...) holds its lock from a session of its own.
    QStringList blockers;
    // Relations the statement locks without naming them (allowed to be absent from the forecast).
    QStringList reached;
    QByteArray copyIn; // the data of COPY ... FROM STDIN
    // Run alone and cancelled once it waits behind cancelBlocker, after setup (a partition left
    // "detach pending" by a cancelled DETACH PARTITION CONCURRENTLY).
    QByteArray cancelled;
    QByteArray cancelBlocker;
    bool asRole = false; // the statement runs as the test's role (SET ROLE)

    Row &reaching(const QStringList &relations)
    {
        reached = relations;
        return *this;
    }
    Row &copying(const QByteArray &data)
    {
        copyIn = data;
        return *this;
    }
    Row &afterCancelled(const QByteArray &statement, const QByteArray &blocker)
    {
        cancelled = statement;
        cancelBlocker = blocker;
        return *this;
    }
    Row &ofRole()
    {
        asRole = true;
        return *this;
    }
};

} // namespace pglocks

Q_DECLARE_METATYPE(pglocks::Row)

namespace pglocks {
namespace {

constexpr int kWaitMs = 15000;

// pg_locks' names of the modes, weakest first: LockMode's order (lockdefs.h).
constexpr const char *kPgModes[]
    = {"AccessShareLock", "RowShareLock",          "RowExclusiveLock", "ShareUpdateExclusiveLock",
       "ShareLock",       "ShareRowExclusiveLock", "ExclusiveLock",    "AccessExclusiveLock"};

inline int rankOf(LockMode mode)
{
    return static_cast<int>(mode);
}

inline int rankOf(const QString &pgMode)
{
    for (int i = 0; i < static_cast<int>(std::size(kPgModes)); ++i)
        if (pgMode == QLatin1String(kPgModes[i]))
            return i;
    return -1;
}

inline QString pgModeName(int rank)
{
    return rank < 0 ? QStringLiteral("no lock") : QString::fromLatin1(kPgModes[rank]);
}

// Fixture pieces.
constexpr const char *kT = "CREATE TABLE t (id int PRIMARY KEY, a int, c int, d int);";
constexpr const char *kTNoC = "CREATE TABLE t (id int PRIMARY KEY, a int);";
constexpr const char *kIndex = "CREATE INDEX i ON t (a);";
constexpr const char *kView = "CREATE VIEW v AS SELECT * FROM t;";
constexpr const char *kTriggerFunction
    = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;";
constexpr const char *kTrigger
    = "CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();";
constexpr const char *kP = "CREATE TABLE p (id int PRIMARY KEY);";
constexpr const char *kSchemaS = "CREATE SCHEMA s;";
constexpr const char *kSP = "CREATE SCHEMA s; CREATE TABLE s.p (id int PRIMARY KEY);";
constexpr const char *kST = "CREATE SCHEMA s; CREATE TABLE s.t (id int, a int, c int);";
constexpr const char *kAB = "CREATE TABLE a (id int); CREATE SCHEMA s; CREATE TABLE s.b (id int);";
constexpr const char *kList = "CREATE TABLE p (k int, x int) PARTITION BY LIST (k);";
constexpr const char *kP1 = "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);";
constexpr const char *kLockT = "LOCK TABLE t IN EXCLUSIVE MODE";

inline QByteArray joined(std::initializer_list<const char *> parts)
{
    QByteArray out;
    for (const char *part : parts)
        out += QByteArray(part) + ' ';
    return out;
}

inline Row tx(std::initializer_list<const char *> setup, const char *sql)
{
    Row r;
    r.setup = joined(setup);
    r.sql = sql;
    return r;
}

inline Row alone(std::initializer_list<const char *> setup, const char *sql,
                 const QStringList &blockers)
{
    Row r = tx(setup, sql);
    r.blockers = blockers;
    return r;
}

inline void addColumn()
{
    QTest::addColumn<Row>("row");
}

inline void addRow(const char *name, const Row &r)
{
    QTest::newRow(name) << r;
}

// A relation the forecast names, and the oids it stands for (its table's for an index-table
// entry, the blocked tables for "*").
struct Expected
{
    QString name;
    int rank = 0;
    QList<quint32> oids;
};

// The strongest mode a session holds or waits for on each relation, by oid.
struct Observed
{
    QHash<quint32, int> strongest;
    QHash<quint32, QString> names;
    void add(quint32 oid, const QString &name, int rank)
    {
        strongest[oid] = std::max(strongest.value(oid, -1), rank);
        names[oid] = name;
    }
    QString describe() const
    {
        QStringList out;
        for (auto it = strongest.cbegin(); it != strongest.cend(); ++it)
            out << names.value(it.key()) + u' ' + pgModeName(it.value());
        out.sort();
        return out.join(QStringLiteral(", "));
    }
};

// A session holding a lock the statement under test waits behind.
struct Blocker
{
    std::unique_ptr<PgConnection> connection;
    QString statement;
    QSet<quint32> oids; // the fixture's relations it holds
    bool waitedOn = false;
    void release()
    {
        if (connection)
            connection->exec("ROLLBACK");
        connection.reset();
    }
};

// Runs rows against the test's database: the statement on a session of its own, pg_locks read
// on the database's witness connection.
class LockProbe
{
public:
    LockProbe(TestDatabase &db, const QString &role);
    // What PostgreSQL and the forecast disagree on for the row (empty: nothing).
    QStringList check(const Row &row);

private:
    QByteArray substituted(QByteArray text) const { return text.replace("%ROLE%", m_role); }
    bool prepare(const Row &row, QStringList &problems);
    bool cancelWhileWaiting(const Row &row, QStringList &problems);
    QHash<quint32, QString> fixtureRelations();
    bool openBlockers(const Row &row, const QHash<quint32, QString> &fixture,
                      std::vector<Blocker> &blockers, QStringList &problems);
    QList<Expected> expectations(const LockForecast &forecast, const QSet<quint32> &blocked,
                                 QStringList &problems);
    void runInTransaction(const Row &row, const QByteArray &sql, Observed &seen,
                          QStringList &problems);
    void runAlone(const QByteArray &sql, std::vector<Blocker> &blockers, Observed &seen,
                  QStringList &problems);
    // The blocker holding the relation the session waits for (nullptr: it waits for none of
    // theirs).
    Blocker *waitedBlocker(std::vector<Blocker> &blockers);
    bool waitsForAnything();
    void readLocks(Observed &into);
    static void compare(const QList<Expected> &expected, const Observed &seen,
                        const QHash<quint32, QString> &fixture, const QSet<quint32> &reached,
                        QStringList &problems);
    quint32 oidOf(const QByteArray &query, const QString &relation);

    TestDatabase &m_db;
    QByteArray m_role;
    PgConnection m_session;
    int m_pid = 0;
};

LockProbe::LockProbe(TestDatabase &db, const QString &role)
    : m_db(db)
    , m_role(role.toUtf8())
{
    if (!m_session.open(db.conninfo(), QStringLiteral("uaip-test-statement")))
        qFatal("statement session: %s", qPrintable(m_session.connectionError()));
    m_pid = m_session.backendPid();
}

inline QStringList LockProbe::check(const Row &row)
{
    QStringList problems;
    const QByteArray sql = substituted(row.sql);
    const PgParseTree tree = PgParseTree::parse(sql);
    if (!tree.ok() || tree.statements().size() != 1)
        return {QStringLiteral("not one statement: ") + tree.errorMessage()};
    const LockForecast forecast = StatementLockForecast::of(tree.statements().first().node);
    if (forecast.notChecked)
        return {QStringLiteral("not checked: ") + forecast.notes.join(u' ')};
    if (!prepare(row, problems))
        return problems;
    const QHash<quint32, QString> fixture = fixtureRelations();
    std::vector<Blocker> blockers;
    if (!openBlockers(row, fixture, blockers, problems))
        return problems;
    QSet<quint32> blocked;
    for (const Blocker &b : blockers)
        blocked.unite(b.oids);
    QSet<quint32> reached;
    for (const QString &name : row.reached)
        reached << oidOf("SELECT to_regclass($1)::oid", name);
    const QList<Expected> expected = expectations(forecast, blocked, problems);
    Observed seen;
    if (row.asRole)
        m_session.exec("SET ROLE " + m_role);
    if (row.blockers.isEmpty())
        runInTransaction(row, sql, seen, problems);
    else
        runAlone(sql, blockers, seen, problems);
    if (row.asRole)
        m_session.exec("RESET ROLE");
    if (problems.isEmpty())
        compare(expected, seen, fixture, reached, problems);
    if (!problems.isEmpty())
        problems << QStringLiteral("pg_locks: ") + seen.describe();
    return problems;
}

inline bool LockProbe::prepare(const Row &row, QStringList &problems)
{
    static const QByteArray reset("DROP SCHEMA IF EXISTS public, s, app, archive, \"Sales\" "
                                  "CASCADE; CREATE SCHEMA public; ");
    const PgResult r = m_db.witness().execScript(reset + substituted(row.setup));
    if (!r.ok()) {
        problems << QStringLiteral("fixture: ") + r.error().toString();
        return false;
    }
    return row.cancelled.isEmpty() || cancelWhileWaiting(row, problems);
}

// Runs row.cancelled alone and cancels it once it waits behind row.cancelBlocker.
inline bool LockProbe::cancelWhileWaiting(const Row &row, QStringList &problems)
{
    PgConnection blocker;
    if (!blocker.open(m_db.conninfo(), QStringLiteral("uaip-test-blocker"))
        || !blocker.exec("BEGIN").ok() || !blocker.exec(row.cancelBlocker).ok()) {
        problems << QStringLiteral("blocker of the cancelled statement failed");
        return false;
    }
    std::atomic_bool done{false};
    PgResult result;
    std::thread runner([&] {
        result = m_session.exec(row.cancelled);
        done = true;
    });
    const bool waits = waitFor([&] { return done || waitsForAnything(); }, kWaitMs);
    if (!done)
        m_session.cancel();
    runner.join();
    blocker.exec("ROLLBACK");
    if (!waits || result.error().sqlState != QLatin1String("57014")) {
        problems << QStringLiteral("%1 was not cancelled while it waited: %2")
                        .arg(QString::fromUtf8(row.cancelled), result.error().toString());
        return false;
    }
    return true;
}

// The relations (not indexes) of the fixture, by oid.
inline QHash<quint32, QString> LockProbe::fixtureRelations()
{
    const PgResult r = m_db.witness().exec(
        "SELECT c.oid, c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN "
        "('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'");
    QHash<quint32, QString> out;
    for (int i = 0; i < r.rows(); ++i)
        out.insert(r.value(i, 0).toUInt(), r.value(i, 1));
    return out;
}

inline bool LockProbe::openBlockers(const Row &row, const QHash<quint32, QString> &fixture,
                                    std::vector<Blocker> &blockers, QStringList &problems)
{
    for (const QString &statement : row.blockers) {
        Blocker b;
        b.statement = statement;
        b.connection = std::make_unique<PgConnection>();
        if (!b.connection->open(m_db.conninfo(), QStringLiteral("uaip-test-blocker"))
            || !b.connection->exec("BEGIN").ok() || !b.connection->exec(statement.toUtf8()).ok()) {
            problems << QStringLiteral("blocker failed: ") + statement;
            return false;
        }
        const PgResult held = m_db.witness().exec(
            "SELECT relation::oid FROM pg_locks WHERE pid = $1 AND locktype = 'relation'",
            {b.connection->backendPid()});
        for (int i = 0; i < held.rows(); ++i)
            if (fixture.contains(held.value(i, 0).toUInt()))
                b.oids << held.value(i, 0).toUInt();
        blockers.push_back(std::move(b));
    }
    return true;
}

inline quint32 LockProbe::oidOf(const QByteArray &query, const QString &relation)
{
    return m_db.witness().scalar(query, {relation}).toUInt();
}

// The forecast's relations, resolved before the statement runs (it may drop or rename them).
inline QList<Expected> LockProbe::expectations(const LockForecast &forecast,
                                               const QSet<quint32> &blocked, QStringList &problems)
{
    QList<Expected> out;
    for (const RelationLock &lock : forecast.locks) {
        Expected e;
        e.name = lock.relation.isEmpty() ? QStringLiteral("*") : lock.relation;
        e.rank = rankOf(lock.mode);
        if (lock.relation.isEmpty()) {
            e.oids = blocked.values();
        } else if (lock.ofIndexTable) {
            e.name += QStringLiteral(" (its table)");
            e.oids << oidOf("SELECT indrelid::oid FROM pg_index WHERE indexrelid = "
                            "to_regclass($1)",
                            lock.relation);
        } else {
            e.oids << oidOf("SELECT to_regclass($1)::oid", lock.relation);
        }
        if (e.oids.isEmpty() || e.oids.contains(0u))
            problems << QStringLiteral("%1: not in the fixture").arg(e.name);
        out << e;
    }
    return out;
}

inline void LockProbe::runInTransaction(const Row &row, const QByteArray &sql, Observed &seen,
                                        QStringList &problems)
{
    if (!m_session.exec("BEGIN").ok()) {
        problems << QStringLiteral("BEGIN failed: ") + m_session.connectionError();
        return;
    }
    const PgResult r
        = row.copyIn.isEmpty() ? m_session.execOne(sql) : PgCopy::in(m_session, sql, row.copyIn);
    if (r.ok())
        readLocks(seen);
    else
        problems << QStringLiteral("the statement failed: ") + r.error().toString();
    m_session.exec("ROLLBACK");
}

// Runs the statement on a thread of its own; each time it waits for a relation a blocker holds,
// reads its locks and lets that blocker go.
inline void LockProbe::runAlone(const QByteArray &sql, std::vector<Blocker> &blockers,
                                Observed &seen, QStringList &problems)
{
    std::atomic_bool done{false};
    PgResult result;
    std::thread runner([&] {
        result = m_session.exec(sql);
        done = true;
    });
    while (!done) {
        Blocker *waited = nullptr;
        const bool settled = waitFor(
            [&] {
                waited = done ? nullptr : waitedBlocker(blockers);
                return done || waited;
            },
            kWaitMs);
        if (!settled) {
            problems << QStringLiteral("the statement neither ended nor waited on a blocker");
            break;
        }
        if (!waited)
            break;
        readLocks(seen);
        waited->waitedOn = true;
        waited->release();
    }
    for (Blocker &b : blockers)
        b.release();
    if (!done)
        m_session.cancel();
    runner.join();
    if (!result.ok())
        problems << QStringLiteral("the statement failed: ") + result.error().toString();
    for (const Blocker &b : blockers)
        if (!b.waitedOn)
            problems << QStringLiteral("the statement never waited behind: ") + b.statement;
}

inline Blocker *LockProbe::waitedBlocker(std::vector<Blocker> &blockers)
{
    const PgResult r = m_db.witness().exec("SELECT relation::oid FROM pg_locks WHERE pid = $1 "
                                           "AND locktype = 'relation' AND NOT granted",
                                           {m_pid});
    for (int i = 0; i < r.rows(); ++i)
        for (Blocker &b : blockers)
            if (b.connection && b.oids.contains(r.value(i, 0).toUInt()))
                return &b;
    return nullptr;
}

inline bool LockProbe::waitsForAnything()
{
    return m_db.witness().scalar("SELECT count(*) FROM pg_locks WHERE pid = $1 AND NOT granted",
                                 {m_pid})
        != QLatin1String("0");
}

inline void LockProbe::readLocks(Observed &into)
{
    const PgResult r = m_db.witness().exec(
        "SELECT relation::oid, relation::regclass::text, mode FROM pg_locks WHERE pid = $1 AND "
        "locktype = 'relation' AND database = (SELECT oid FROM pg_database WHERE datname = "
        "current_database())",
        {m_pid});
    for (int i = 0; i < r.rows(); ++i)
        into.add(r.value(i, 0).toUInt(), r.value(i, 1), rankOf(r.value(i, 2)));
}

inline void LockProbe::compare(const QList<Expected> &expected, const Observed &seen,
                               const QHash<quint32, QString> &fixture, const QSet<quint32> &reached,
                               QStringList &problems)
{
    QSet<quint32> named;
    for (const Expected &e : expected) {
        for (const quint32 oid : e.oids) {
            named << oid;
            const int held = seen.strongest.value(oid, -1);
            if (held != e.rank)
                problems << QStringLiteral("%1: the forecast says %2, PostgreSQL takes %3")
                                .arg(e.name, pgModeName(e.rank), pgModeName(held));
        }
    }
    for (auto it = seen.strongest.cbegin(); it != seen.strongest.cend(); ++it) {
        if (it.value() > 0 && fixture.contains(it.key()) && !named.contains(it.key())
            && !reached.contains(it.key()))
            problems << QStringLiteral("%1: PostgreSQL takes %2, the forecast does not name it")
                            .arg(fixture.value(it.key()), pgModeName(it.value()));
    }
    for (const quint32 oid : reached)
        if (seen.strongest.value(oid, -1) <= 0)
            problems << QStringLiteral("%1: the row says the statement reaches it, PostgreSQL "
                                       "takes %2")
                            .arg(fixture.value(oid), pgModeName(seen.strongest.value(oid, -1)));
}

} // namespace
} // namespace pglocks
