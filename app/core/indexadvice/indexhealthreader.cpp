#include "indexhealthreader.h"

#include "indexhealthrules.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "insights/insightsreading.h"
#include "ledger/ledger.h"
#include "util/jsonstringlist.h"

#include <algorithm>

namespace uaip {

namespace {

bool ledgers(const IndexInfo &index)
{
    return index.schema == QLatin1String(Ledger::kSchema);
}

bool isTrue(const PgResult &r, int row, const char *column)
{
    return r.value(row, column) == QLatin1String("t");
}

IndexInfo indexOf(const PgResult &r, int i)
{
    IndexInfo x;
    x.oid = r.value(i, "index_oid").toLongLong();
    x.schema = r.value(i, "schemaname");
    x.table = r.value(i, "tablename");
    x.name = r.value(i, "indexname");
    x.definition = r.value(i, "definition");
    x.accessMethod = r.value(i, "amname");
    x.keys = r.value(i, "indkey").split(u' ', Qt::SkipEmptyParts);
    x.keyCount = r.value(i, "key_columns").toInt();
    x.operatorClasses = r.value(i, "indclass").split(u' ', Qt::SkipEmptyParts);
    x.collations = r.value(i, "indcollation").split(u' ', Qt::SkipEmptyParts);
    x.sortOptions = r.value(i, "indoption").split(u' ', Qt::SkipEmptyParts);
    x.nullsNotDistinct = isTrue(r, i, "indnullsnotdistinct");
    x.immediate = isTrue(r, i, "indimmediate");
    x.partition = isTrue(r, i, "is_partition");
    x.locked = isTrue(r, i, "locked");
    x.expressions = r.value(i, "expressions");
    x.predicate = r.value(i, "predicate");
    x.columnNames = JsonStringList::of(r.value(i, "column_names"));
    x.bytes = r.value(i, "bytes").toLongLong();
    x.scans = r.value(i, "idx_scan").toLongLong();
    x.unique = isTrue(r, i, "indisunique");
    x.primary = isTrue(r, i, "indisprimary");
    x.valid = isTrue(r, i, "indisvalid");
    x.ready = isTrue(r, i, "indisready");
    x.replicaIdentity = isTrue(r, i, "indisreplident");
    x.backsConstraint = isTrue(r, i, "backs_constraint");
    x.constraints = r.value(i, "constraints");
    x.tableRows = r.value(i, "table_rows").toLongLong();
    return x;
}

} // namespace

IndexHealthReader::IndexHealthReader(PgConnection &connection,
                                     const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

Error IndexHealthReader::failed(const Error &error, const QString &what) const
{
    return error.in(tr("cannot read %1 of %2").arg(what, m_connection.database()));
}

Result<IndexHealthReport> IndexHealthReader::read()
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return failed(s.error(), tr("the indexes"));
    const std::vector<PgResult> results
        = m_connection.pipeline({SqlResource::of("indexadvice", "index_health"),
                                 SqlResource::of("indexadvice", "stats_reset")});
    for (const PgResult &r : results)
        if (!r.ok())
            return failed(Error(r.error()), tr("the indexes"));
    IndexHealthReport report;
    for (int i = 0; i < results[0].rows(); ++i)
        report.indexes.append(indexOf(results[0], i));
    report.statsReset = results[1].value(0, "stats_reset");
    // the server's start, or its last crash recovery: that discards every count (idx_scan too)
    // but moves neither pg_postmaster_start_time() nor the database's stats_reset, so the
    // shared statistics' reset tells it (stats_reset.sql)
    report.serverStart = results[1].value(0, "counting_started");
    // the console's own ledger is not the DBA's to tune: nothing is proposed for its indexes
    QList<IndexInfo> platform;
    std::copy_if(report.indexes.cbegin(), report.indexes.cend(), std::back_inserter(platform),
                 [](const IndexInfo &i) { return !ledgers(i); });
    report.findings = IndexHealthRules::findings(platform);
    for (IndexFinding &f : report.findings)
        if (f.kind == IndexFinding::Kind::Unused)
            f.countedSince = report.countedSince();
    if (Status s = tx.end(); !s)
        return s.error();
    return report;
}

Status IndexHealthReader::readDensity(IndexInfo &index, const QByteArray &sql)
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s;
    const PgResult r = m_connection.exec(sql, {index.oid});
    if (!r.ok())
        return failed(Error(r.error()), tr("the bloat of index %1").arg(index.qualifiedName()));
    index.leafDensity = r.value(0, "avg_leaf_density").toDouble();
    index.leafFragmentation = r.value(0, "leaf_fragmentation").toDouble();
    return tx.end();
}

Status IndexHealthReader::bloat(IndexHealthReport &report, int count)
{
    const QString extension = QLatin1String(InsightsCapabilities::kPgstattuple);
    if (!m_capabilities.ready(extension))
        return m_capabilities.notReady(extension);
    const QByteArray sql
        = SqlResource::of("indexadvice", "index_bloat")
              .replace("%SCHEMA%",
                       m_connection.quoteIdentifier(m_capabilities.schemaOf(extension)));
    QList<IndexInfo *> btrees;
    for (IndexInfo &i : report.indexes)
        if (i.valid && i.accessMethod == QLatin1String("btree") && !ledgers(i))
            btrees.append(&i);
    std::stable_sort(btrees.begin(), btrees.end(),
                     [](const IndexInfo *a, const IndexInfo *b) { return a->bytes > b->bytes; });
    for (IndexInfo *i : btrees.mid(0, count)) {
        if (Status s = readDensity(*i, sql); !s)
            return s;
        IndexFinding f;
        if (IndexHealthRules::bloated(*i, &f))
            report.findings.append(f);
    }
    return {};
}

} // namespace uaip
