#include "activityreader.h"

#include "db/ownbackends.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/migrationlock.h"

namespace uaip {

namespace {

qint64 age(const PgResult &r, int row, const char *column)
{
    const int c = r.columnIndex(column);
    return r.isNull(row, c) ? -1 : r.value(row, c).toLongLong();
}

QList<int> pidList(const QString &text)
{
    QList<int> pids;
    for (const QString &p : text.split(u',', Qt::SkipEmptyParts))
        pids.append(p.toInt());
    return pids;
}

// A lock_timeout ended the statement (SQLSTATE lock_not_available).
constexpr const char *kLockNotAvailable = "55P03";
// How long a statistics read may wait for a table lock taken after it looked at pg_locks; then
// it reads the catalog's estimates instead. Never longer: the refresh must not stall.
constexpr const char *kStatsLockTimeout = "100ms";

bool isTrue(const PgResult &r, int row, const char *column)
{
    return r.value(row, column) == QLatin1String("t");
}

TableStats tableStats(const PgResult &t, int i)
{
    TableStats s;
    s.schema = t.value(i, "schemaname");
    s.table = t.value(i, "relname");
    s.totalBytes = t.value(i, "total_bytes").toLongLong();
    s.sizeEstimated = isTrue(t, i, "size_estimated");
    s.liveTuples = t.value(i, "n_live_tup").toLongLong();
    s.deadTuples = t.value(i, "n_dead_tup").toLongLong();
    s.lastVacuum = t.value(i, "last_vacuum");
    s.lastAutovacuum = t.value(i, "last_autovacuum");
    s.lastAnalyze = t.value(i, "last_analyze");
    s.lastAutoanalyze = t.value(i, "last_autoanalyze");
    s.seqScans = t.value(i, "seq_scan").toLongLong();
    s.indexScans = t.value(i, "idx_scan").toLongLong();
    return s;
}

IndexStats indexStats(const PgResult &x, int i)
{
    IndexStats s;
    s.schema = x.value(i, "schemaname");
    s.table = x.value(i, "relname");
    s.index = x.value(i, "indexrelname");
    s.bytes = x.value(i, "bytes").toLongLong();
    s.sizeEstimated = isTrue(x, i, "size_estimated");
    s.scans = x.value(i, "idx_scan").toLongLong();
    s.tuplesRead = x.value(i, "idx_tup_read").toLongLong();
    s.tuplesFetched = x.value(i, "idx_tup_fetch").toLongLong();
    return s;
}

} // namespace

ActivityReader::ActivityReader(PgConnection &connection)
    : m_connection(connection)
{ }

Error ActivityReader::failed(const Error &error, const QString &what) const
{
    return error.in(tr("cannot read %1 on %2").arg(what, m_connection.database()));
}

Result<ActivitySnapshot> ActivityReader::snapshot()
{
    const QVariantList key{MigrationLock::kClassId, MigrationLock::kObjectId};
    const std::vector<PgResult> results
        = m_connection.pipeline({SqlResource::get(QStringLiteral("activity/sql/sessions.sql")),
                                 SqlResource::get(QStringLiteral("activity/sql/lock_waits.sql"))},
                                {key, key});
    for (const PgResult &r : results)
        if (!r.ok())
            return failed(Error(r.error()), tr("the server activity"));
    ActivitySnapshot snap;
    snap.database = m_connection.database();
    const PgResult &s = results[0];
    for (int i = 0; i < s.rows(); ++i) {
        ActivitySession a;
        a.pid = s.value(i, "pid").toInt();
        a.user = s.value(i, "usename");
        a.database = s.value(i, "datname");
        a.application = s.value(i, "application_name");
        a.client = s.value(i, "client");
        a.state = s.value(i, "state");
        a.waitEventType = s.value(i, "wait_event_type");
        a.waitEvent = s.value(i, "wait_event");
        a.transactionMs = age(s, i, "xact_ms");
        a.queryMs = age(s, i, "query_ms");
        a.stateMs = age(s, i, "state_ms");
        a.backendStart = s.value(i, "backend_start");
        a.query = s.value(i, "query");
        a.blockedBy = pidList(s.value(i, "blocked_by"));
        a.holdsMigrationLock = s.value(i, "holds_migration_lock") == QLatin1String("t");
        a.own = OwnBackends::contains(a.pid);
        snap.sessions.append(a);
    }
    const PgResult &w = results[1];
    for (int i = 0; i < w.rows(); ++i) {
        LockWait l;
        l.pid = w.value(i, "pid").toInt();
        l.lockType = w.value(i, "locktype");
        l.mode = w.value(i, "mode");
        l.relation = w.value(i, "relation");
        l.waitedMs = qMax<qint64>(0, w.value(i, "waited_ms").toLongLong());
        l.migrationLock = w.value(i, "migration_lock") == QLatin1String("t");
        snap.waits.append(l);
    }
    return snap;
}

Result<DatabaseStats> ActivityReader::stats()
{
    Result<DatabaseStats> exact = readStats(false);
    if (!exact && exact.error().sqlState() == QLatin1String(kLockNotAvailable))
        exact = readStats(true); // a lock came between the look at pg_locks and the read
    if (!exact)
        return failed(exact.error(), tr("the table statistics"));
    return exact;
}

Result<DatabaseStats> ActivityReader::readStats(bool catalogOnly)
{
    TransactionOptions options = TransactionOptions::readOnlyRolledBack();
    options.savepointWhenNested = true;
    options.settings = {{QStringLiteral("lock_timeout"), QString::fromLatin1(kStatsLockTimeout)}};
    Transaction tx(m_connection);
    if (const Status begun = tx.begin(options); !begun)
        return begun.error();
    const QVariantList params{catalogOnly};
    const PgResult t = m_connection.exec(
        SqlResource::get(QStringLiteral("activity/sql/table_stats.sql")), params);
    if (!t.ok())
        return Error(t.error());
    const PgResult x = m_connection.exec(
        SqlResource::get(QStringLiteral("activity/sql/index_stats.sql")), params);
    if (!x.ok())
        return Error(x.error());
    tx.end();
    DatabaseStats stats;
    for (int i = 0; i < t.rows(); ++i)
        stats.tables.append(tableStats(t, i));
    for (int i = 0; i < x.rows(); ++i)
        stats.indexes.append(indexStats(x, i));
    return stats;
}

} // namespace uaip
