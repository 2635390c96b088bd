#include "workloadhistory.h"

#include "insightsreading.h"
#include "workloadreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledgertrust.h"

#include <QTimeZone>

namespace uaip {

namespace {

const QLatin1String kNoHistoryTable("42P01");

QDateTime historyUtc(const QString &ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), QTimeZone::utc());
}

// The history's writes: READ WRITE, names found in pg_catalog only, a lock waited on briefly
// (a table an ALTER holds makes the sample fail, never queue behind it).
TransactionOptions historyWriting()
{
    TransactionOptions o;
    o.access = TransactionOptions::Access::ReadWrite;
    o.settings = InsightsReading::options().settings;
    return o;
}

} // namespace

WorkloadHistory::WorkloadHistory(PgConnection &connection, const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

QByteArray WorkloadHistory::withSchema(const char *name) const
{
    return SqlResource::of("insights", name)
        .replace("%SCHEMA%",
                 m_connection.quoteIdentifier(
                     m_capabilities.schemaOf(QLatin1String(InsightsCapabilities::kStatements))));
}

Status WorkloadHistory::prepare()
{
    const PgResult ledger
        = m_connection.exec(SqlResource::of("insights", "workload_history_ledger"));
    if (!ledger.ok())
        return Error(ledger.error());
    if (ledger.value(0, "present") != QLatin1String("t"))
        return Error(ErrorCode::NotFound,
                     tr("database %1 has no migration ledger (schema uaip_ledger), where the "
                        "workload history is kept: run \"uaip-migrate up\" or \"baseline\" "
                        "there first")
                         .arg(m_connection.database()),
                     {{QStringLiteral("database"), m_connection.database()}});
    const Result<QString> refusal = LedgerTrust::refusal(m_connection);
    if (!refusal)
        return refusal.error();
    if (!refusal.value().isEmpty())
        return Error(ErrorCode::Refused, refusal.value());
    for (const char *table : {"workload_history_samples_table", "workload_history_statements_table",
                              "workload_history_tables_table", "workload_history_texts_table"})
        if (const PgResult r = m_connection.exec(SqlResource::of("insights", table)); !r.ok())
            return Error(r.error()).in(tr("cannot make the workload history's tables"));
    return LedgerTrust::keepPrivate(m_connection);
}

Result<int> WorkloadHistory::recordStatements(qint64 sample)
{
    const PgResult r = m_connection.exec(withSchema("workload_history_statements_insert"),
                                         {sample, kStatements, WorkloadReader::ownStatements()});
    if (!r.ok())
        return Error(r.error()).in(
            tr("cannot read pg_stat_statements in %1").arg(m_connection.database()));
    return r.value(0, "kept").toInt();
}

Result<int> WorkloadHistory::prune(const Bounds &bounds)
{
    const qint64 keep
        = bounds.keepSeconds > 0 ? bounds.keepSeconds : qint64(bounds.keepDays) * 24 * 3600;
    const PgResult pruned = m_connection.exec(SqlResource::of("insights", "workload_history_prune"),
                                              {keep, qMax(1, bounds.maxSamples)});
    if (!pruned.ok())
        return Error(pruned.error());
    if (const PgResult t
        = m_connection.exec(SqlResource::of("insights", "workload_history_texts_prune"));
        !t.ok())
        return Error(t.error());
    return pruned.value(0, "pruned").toInt();
}

Result<HistoryRecord> WorkloadHistory::record(const Bounds &bounds)
{
    const QString statements = QLatin1String(InsightsCapabilities::kStatements);
    if (bounds.keepSeconds <= 0 && bounds.keepDays < 1)
        return Error(ErrorCode::BadInput,
                     tr("the history must be kept a day or more, not %1 days").arg(bounds.keepDays),
                     {{QStringLiteral("keep_days"), bounds.keepDays}});
    HistoryRecord out;
    out.statementsRecorded = m_capabilities.ready(statements);
    out.statementsMissing = m_capabilities.howToEnable(statements);
    out.keepDays = bounds.keepDays;
    out.maxSamples = bounds.maxSamples;
    Transaction tx(m_connection);
    if (Status s = tx.begin(historyWriting()); !s)
        return s.error();
    if (Status s = prepare(); !s)
        return s.error();
    QVariant since;
    if (out.statementsRecorded) {
        const PgResult info = m_connection.exec(withSchema("statements_info"));
        if (!info.ok())
            return Error(info.error());
        if (!info.value(0, "since").isEmpty())
            since = info.value(0, "since");
    }
    const PgResult sample
        = m_connection.exec(SqlResource::of("insights", "workload_history_sample_insert"),
                            {since, out.statementsRecorded});
    if (!sample.ok())
        return Error(sample.error());
    out.sampleId = sample.value(0, "id").toLongLong();
    out.takenAt = sample.value(0, "taken_at");
    out.connections = sample.value(0, "connections").toInt();
    out.active = sample.value(0, "active").toInt();
    out.idleInTransaction = sample.value(0, "idle_in_transaction").toInt();
    if (out.statementsRecorded) {
        const Result<int> kept = recordStatements(out.sampleId);
        if (!kept)
            return kept.error();
        out.statements = kept.value();
    }
    const PgResult tables = m_connection.exec(
        SqlResource::of("insights", "workload_history_tables_insert"), {out.sampleId, kTables});
    if (!tables.ok())
        return Error(tables.error());
    out.tables = tables.value(0, "kept").toInt();
    const Result<int> pruned = prune(bounds);
    if (!pruned)
        return pruned.error();
    out.prunedSamples = pruned.value();
    if (Status s = tx.commit(); !s)
        return s.error();
    return out;
}

Result<QHash<qint64, int>> WorkloadHistory::readSamples(const Window &window,
                                                        WorkloadHistorySeries &out)
{
    const PgResult r = m_connection.exec(
        SqlResource::of("insights", "workload_history_samples_read"), {window.days});
    if (!r.ok())
        return Error(r.error());
    QHash<qint64, int> indexOf;
    m_samples.clear();
    for (int i = 0; i < r.rows(); ++i) {
        const QDateTime at = historyUtc(r.value(i, "taken_ms"));
        indexOf.insert(r.value(i, "id").toLongLong(), i);
        m_samples.append({at, r.value(i, "stats_since"),
                          r.value(i, "statements_recorded") == QLatin1String("t")});
        out.connections.append({at, r.value(i, "connections").toInt(), r.value(i, "active").toInt(),
                                r.value(i, "idle_in_transaction").toInt()});
    }
    out.samples = r.rows();
    if (!m_samples.isEmpty()) {
        out.first = m_samples.constFirst().at;
        out.last = m_samples.constLast().at;
    }
    return indexOf;
}

Status WorkloadHistory::readQueries(const Window &window, const QHash<qint64, int> &indexOf,
                                    WorkloadHistorySeries &out)
{
    const PgResult r = m_connection.exec(
        SqlResource::of("insights", "workload_history_statements_read"),
        {window.days, window.queryId.isEmpty() ? QVariant() : QVariant(window.queryId),
         window.queryId.isEmpty() ? window.queries : 1});
    if (!r.ok())
        return Error(r.error());
    QList<HistorySegments::Counters> counters;
    for (int i = 0; i < r.rows(); ++i) {
        const QString id = r.value(i, "queryid");
        if (out.queries.isEmpty() || out.queries.constLast().queryId != id) {
            if (!out.queries.isEmpty())
                out.queries.last().points = HistorySegments::points(m_samples, counters);
            counters.clear();
            out.queries.append({id,
                                r.value(i, "query"),
                                r.value(i, "username"),
                                r.value(i, "window_ms").toDouble(),
                                {}});
        }
        counters.append({int(indexOf.value(r.value(i, "sample_id").toLongLong(), -1)),
                         r.value(i, "calls").toLongLong(), r.value(i, "total_ms").toDouble()});
    }
    if (!out.queries.isEmpty())
        out.queries.last().points = HistorySegments::points(m_samples, counters);
    return {};
}

Status WorkloadHistory::readTables(const Window &window, const QHash<qint64, int> &indexOf,
                                   WorkloadHistorySeries &out)
{
    const PgResult r = m_connection.exec(
        SqlResource::of("insights", "workload_history_tables_read"),
        {window.days, window.table.isEmpty() ? QVariant() : QVariant(window.table),
         window.table.isEmpty() ? window.tables : 1 << 20});
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i) {
        const QString schema = r.value(i, "schemaname");
        const QString name = r.value(i, "relname");
        if (out.tables.isEmpty() || out.tables.constLast().schema != schema
            || out.tables.constLast().name != name)
            out.tables.append({schema, name, {}});
        const int sample = int(indexOf.value(r.value(i, "sample_id").toLongLong(), -1));
        if (sample < 0)
            continue;
        out.tables.last().points.append({m_samples.at(sample).at, r.value(i, "bytes").toLongLong(),
                                         r.value(i, "live").toLongLong(),
                                         r.value(i, "dead").toLongLong()});
    }
    return {};
}

Status WorkloadHistory::readMigrations(const Window &window, WorkloadHistorySeries &out)
{
    const PgResult r = m_connection.exec(SqlResource::of("insights", "workload_history_migrations"),
                                         {window.days});
    if (!r.ok() && r.error().sqlState == kNoHistoryTable)
        return {};
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i)
        out.migrations.append({r.value(i, "version"), r.value(i, "name"), r.value(i, "action"),
                               historyUtc(r.value(i, "happened_ms"))});
    return {};
}

Result<WorkloadHistorySeries> WorkloadHistory::series(const Window &window)
{
    if (window.days < 1)
        return Error(ErrorCode::BadInput,
                     tr("the history's window must be a day or more, not %1").arg(window.days),
                     {{QStringLiteral("days"), window.days}});
    WorkloadHistorySeries out;
    out.days = window.days;
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const PgResult ledger
        = m_connection.exec(SqlResource::of("insights", "workload_history_ledger"));
    if (!ledger.ok())
        return Error(ledger.error());
    if (ledger.value(0, "present") != QLatin1String("t"))
        return out; // no ledger: nothing recorded yet
    const Result<QString> refusal = LedgerTrust::refusal(m_connection);
    if (!refusal)
        return refusal.error();
    if (!refusal.value().isEmpty())
        return Error(ErrorCode::Refused, refusal.value());
    const Result<QHash<qint64, int>> indexOf = readSamples(window, out);
    if (!indexOf && indexOf.error().sqlState() == kNoHistoryTable)
        return out; // never recorded: no history table yet
    if (!indexOf)
        return indexOf.error();
    if (Status s = readQueries(window, indexOf.value(), out); !s)
        return s.error();
    if (Status s = readTables(window, indexOf.value(), out); !s)
        return s.error();
    if (Status s = readMigrations(window, out); !s)
        return s.error();
    if (Status s = tx.end(); !s)
        return s.error();
    return out;
}

} // namespace uaip
