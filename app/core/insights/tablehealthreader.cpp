#include "tablehealthreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "insightsreading.h"

namespace uaip {

namespace {

QList<TableHealth> tablesOf(const PgResult &r)
{
    QList<TableHealth> out;
    for (int i = 0; i < r.rows(); ++i) {
        TableHealth t;
        t.oid = r.value(i, "table_oid").toLongLong();
        t.schema = r.value(i, "schemaname");
        t.table = r.value(i, "relname");
        t.bytes = r.value(i, "bytes").toLongLong();
        t.liveTuples = r.value(i, "n_live_tup").toLongLong();
        t.deadTuples = r.value(i, "n_dead_tup").toLongLong();
        t.modifiedSinceAnalyze = r.value(i, "n_mod_since_analyze").toLongLong();
        t.lastVacuum = r.value(i, "last_vacuum");
        t.lastAutovacuum = r.value(i, "last_autovacuum");
        t.lastAnalyze = r.value(i, "last_analyze");
        t.lastAutoanalyze = r.value(i, "last_autoanalyze");
        t.xidAge = r.value(i, "xid_age").toLongLong();
        t.mxidAge = r.value(i, "mxid_age").toLongLong();
        t.freezeMaxAge = r.value(i, "freeze_max_age").toLongLong();
        out.append(t);
    }
    return out;
}

XminBlocker::Kind kindOf(const QString &kind)
{
    if (kind == QLatin1String("slot"))
        return XminBlocker::Kind::Slot;
    if (kind == QLatin1String("prepared"))
        return XminBlocker::Kind::Prepared;
    if (kind == QLatin1String("standby"))
        return XminBlocker::Kind::Standby;
    return XminBlocker::Kind::Session;
}

QList<XminBlocker> blockersOf(const PgResult &r)
{
    QList<XminBlocker> out;
    const int ageMs = r.columnIndex("age_ms");
    for (int i = 0; i < r.rows(); ++i) {
        XminBlocker b;
        b.kind = kindOf(r.value(i, "kind"));
        b.name = r.value(i, "name");
        b.owner = r.value(i, "owner");
        b.database = r.value(i, "datname");
        b.application = r.value(i, "application_name");
        b.state = r.value(i, "state");
        b.xminAge = r.value(i, "xmin_age").toLongLong();
        b.ageMs = r.isNull(i, ageMs) ? -1 : r.value(i, ageMs).toLongLong();
        b.detail = r.value(i, "detail");
        out.append(b);
    }
    return out;
}

QList<DatabaseWraparound> databasesOf(const PgResult &r)
{
    QList<DatabaseWraparound> out;
    for (int i = 0; i < r.rows(); ++i) {
        DatabaseWraparound d;
        d.database = r.value(i, "datname");
        d.xidAge = r.value(i, "xid_age").toLongLong();
        d.mxidAge = r.value(i, "mxid_age").toLongLong();
        d.freezeMaxAge = r.value(i, "freeze_max_age").toLongLong();
        d.headroom = r.value(i, "xid_headroom").toLongLong();
        d.allowsConnections = r.value(i, "allows_connections") == QLatin1String("t");
        out.append(d);
    }
    return out;
}

QList<SequenceHeadroom> sequencesOf(const PgResult &r)
{
    QList<SequenceHeadroom> out;
    for (int i = 0; i < r.rows(); ++i) {
        SequenceHeadroom s;
        s.schema = r.value(i, "schemaname");
        s.sequence = r.value(i, "sequencename");
        s.dataType = r.value(i, "data_type");
        s.lastValue = r.value(i, "last_value");
        s.bound = r.value(i, "bound");
        s.increment = r.value(i, "increment_by").toLongLong();
        s.cycles = r.value(i, "cycle") == QLatin1String("t");
        s.ownerTable = r.value(i, "owner_table");
        s.ownerColumn = r.value(i, "owner_column");
        s.columnType = r.value(i, "column_type");
        s.readable = r.value(i, "readable") == QLatin1String("t");
        s.remaining = r.value(i, "remaining");
        s.used = r.value(i, "used").toDouble();
        out.append(s);
    }
    return out;
}

} // namespace

TableHealthReader::TableHealthReader(PgConnection &connection,
                                     const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

Error TableHealthReader::failed(const Error &error, const QString &what) const
{
    return error.in(tr("cannot read %1 of %2").arg(what, m_connection.database()));
}

Result<TableHealthReport> TableHealthReader::read(int tableLimit, int sequenceLimit)
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return failed(s.error(), tr("the table health"));
    const std::vector<PgResult> results = m_connection.pipeline(
        {SqlResource::of("insights", "table_health"), SqlResource::of("insights", "xmin_horizon"),
         SqlResource::of("insights", "wraparound"),
         SqlResource::of("insights", "sequence_headroom")},
        {QVariantList{tableLimit}, QVariantList{}, QVariantList{}, QVariantList{sequenceLimit}});
    for (const PgResult &r : results)
        if (!r.ok())
            return failed(Error(r.error()), tr("the table health"));
    TableHealthReport report;
    report.tables = tablesOf(results[0]);
    report.xminBlockers = blockersOf(results[1]);
    report.databases = databasesOf(results[2]);
    report.sequences = sequencesOf(results[3]);
    if (Status s = tx.end(); !s)
        return s.error();
    return report;
}

Status TableHealthReader::bloat(TableHealth &table)
{
    const QString extension = QLatin1String(InsightsCapabilities::kPgstattuple);
    if (!m_capabilities.ready(extension))
        return m_capabilities.notReady(extension);
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return failed(s.error(), tr("the bloat of %1.%2").arg(table.schema, table.table));
    const PgResult r = m_connection.exec(
        SqlResource::of("insights", "table_bloat")
            .replace("%SCHEMA%", m_connection.quoteIdentifier(m_capabilities.schemaOf(extension))),
        {table.oid});
    if (!r.ok())
        return failed(Error(r.error()), tr("the bloat of %1.%2").arg(table.schema, table.table));
    table.freePercent = r.value(0, "approx_free_percent").toDouble();
    table.deadPercent = r.value(0, "dead_tuple_percent").toDouble();
    return tx.end();
}

} // namespace uaip
