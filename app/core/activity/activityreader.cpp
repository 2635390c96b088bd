#include "activityreader.h"

#include "db/ownbackends.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
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
    const std::vector<PgResult> results
        = m_connection.pipeline({SqlResource::get(QStringLiteral("activity/sql/table_stats.sql")),
                                 SqlResource::get(QStringLiteral("activity/sql/index_stats.sql"))});
    for (const PgResult &r : results)
        if (!r.ok())
            return failed(Error(r.error()), tr("the table statistics"));
    DatabaseStats stats;
    const PgResult &t = results[0];
    for (int i = 0; i < t.rows(); ++i) {
        TableStats s;
        s.schema = t.value(i, "schemaname");
        s.table = t.value(i, "relname");
        s.totalBytes = t.value(i, "total_bytes").toLongLong();
        s.liveTuples = t.value(i, "n_live_tup").toLongLong();
        s.deadTuples = t.value(i, "n_dead_tup").toLongLong();
        s.lastVacuum = t.value(i, "last_vacuum");
        s.lastAutovacuum = t.value(i, "last_autovacuum");
        s.lastAnalyze = t.value(i, "last_analyze");
        s.lastAutoanalyze = t.value(i, "last_autoanalyze");
        s.seqScans = t.value(i, "seq_scan").toLongLong();
        s.indexScans = t.value(i, "idx_scan").toLongLong();
        stats.tables.append(s);
    }
    const PgResult &x = results[1];
    for (int i = 0; i < x.rows(); ++i) {
        IndexStats s;
        s.schema = x.value(i, "schemaname");
        s.table = x.value(i, "relname");
        s.index = x.value(i, "indexrelname");
        s.bytes = x.value(i, "bytes").toLongLong();
        s.scans = x.value(i, "idx_scan").toLongLong();
        s.tuplesRead = x.value(i, "idx_tup_read").toLongLong();
        s.tuplesFetched = x.value(i, "idx_tup_fetch").toLongLong();
        stats.indexes.append(s);
    }
    return stats;
}

} // namespace uaip
