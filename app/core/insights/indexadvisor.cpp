#include "indexadvisor.h"

#include "indexcandidates.h"
#include "queryshapereader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transactionguard.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace uaip {

namespace {

constexpr const char *kStatementName = "uaip_advice";
const QLatin1String kDuplicatePrepared("42P05");

// A plan's nodes depth first, "Limit > Sort > Seq Scan on events", a hypothetical index named
// as it would be built.
QString planShape(const ExplainPlan &plan, const QString &hypotheticalName)
{
    QStringList parts;
    for (const PlanNode &n : plan.nodes()) {
        QString part = n.nodeType;
        if (!n.indexName.isEmpty())
            part += QStringLiteral(" using ")
                + (n.indexName.startsWith(u'<') ? hypotheticalName : n.indexName);
        if (!n.relation.isEmpty())
            part += QStringLiteral(" on ") + n.relation;
        parts << part;
    }
    return parts.join(QStringLiteral(" > "));
}

QStringList jsonStrings(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

IndexAdvisor::IndexAdvisor(PgConnection &connection, const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

QByteArray IndexAdvisor::hypopgSql(const char *name) const
{
    return SqlResource::of("insights", name)
        .replace("%SCHEMA%",
                 m_connection.quoteIdentifier(
                     m_capabilities.schemaOf(QLatin1String(InsightsCapabilities::kHypopg))));
}

DbResult<QHash<QString, ResolvedTable>> IndexAdvisor::resolve(const QStringList &names)
{
    const PgResult r = m_connection.exec(
        SqlResource::of("insights", "resolve_relations"),
        {QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact))});
    if (!r.ok())
        return r.error();
    QHash<QString, ResolvedTable> tables;
    for (int i = 0; i < r.rows(); ++i) {
        ResolvedTable t;
        t.writtenName = r.value(i, "name");
        t.oid = r.value(i, "oid").toLongLong();
        t.schema = r.value(i, "nspname");
        t.table = r.value(i, "relname");
        t.kind = r.value(i, "relkind");
        t.rows = r.value(i, "rows").toLongLong();
        t.columns = jsonStrings(r.value(i, "columns"));
        tables.insert(t.writtenName, t);
    }
    return tables;
}

DbResult<ExplainPlan> IndexAdvisor::plan(const QString &query, int parameters)
{
    const QByteArray name(kStatementName);
    QStringList nulls;
    for (int i = 0; i < parameters; ++i)
        nulls << QStringLiteral("NULL");
    const QByteArray explain
        = SqlResource::of("insights", "explain_prepared")
              .replace("%NAME%", name)
              .replace("%ARGS%",
                       nulls.isEmpty() ? QByteArray()
                                       : u'(' + nulls.join(QStringLiteral(", ")).toLatin1() + ')');
    const QByteArray deallocate
        = SqlResource::of("insights", "deallocate_prepared").replace("%NAME%", name);
    const auto undo = [&](const PgError &error) -> PgError {
        m_connection.exec(SqlResource::of("insights", "rollback_to_savepoint"));
        return error;
    };
    if (PgResult s = m_connection.exec(SqlResource::of("insights", "savepoint")); !s.ok())
        return s.error();
    PgResult prepared = m_connection.prepare(name, query.toUtf8());
    if (!prepared.ok() && prepared.error().sqlState == kDuplicatePrepared) {
        // left on this server session by an advice that was cut off
        undo(prepared.error());
        m_connection.exec(deallocate);
        m_connection.exec(SqlResource::of("insights", "savepoint"));
        prepared = m_connection.prepare(name, query.toUtf8());
    }
    if (!prepared.ok())
        return undo(prepared.error());
    const PgResult r = m_connection.exec(explain);
    if (!r.ok()) {
        undo(r.error());
        m_connection.exec(deallocate);
        return r.error();
    }
    m_connection.exec(deallocate);
    QString error;
    std::optional<ExplainPlan> p = ExplainPlan::fromJson(r.value(0, 0).toUtf8(), &error);
    if (!p) {
        PgError e;
        e.message = error;
        return e;
    }
    return *p;
}

DbResult<double> IndexAdvisor::costWith(const IndexCandidate &candidate, const QString &query,
                                        int parameters, QString *planText)
{
    const PgResult h = m_connection.exec(hypopgSql("hypothetical_index_create"),
                                         {candidate.hypotheticalStatement()});
    if (!h.ok())
        return h.error();
    DbResult<ExplainPlan> p = plan(query, parameters);
    m_connection.exec(hypopgSql("hypothetical_index_drop"), {h.value(0, "indexrelid")});
    if (!p)
        return p.error();
    *planText = planShape(p.value(), candidate.indexName());
    return p.value().total();
}

DbResult<std::optional<IndexAdvisor::Trial>>
IndexAdvisor::tryStatement(const QueryStat &stat, const QueryShape &shape,
                           const QList<IndexCandidate> &candidates, QString *why, int *tried)
{
    TransactionGuard tx(m_connection);
    if (DbStatus s = tx.begin(QByteArrayLiteral("BEGIN READ ONLY")); !s)
        return s.error();
    if (PgResult g = m_connection.exec(SqlResource::of("insights", "local_generic_plan")); !g.ok())
        return g.error();
    DbResult<ExplainPlan> before = plan(stat.query, shape.parameters);
    if (!before) {
        *why = tr("its generic plan cannot be made: %1").arg(before.error().message);
        return std::optional<Trial>();
    }
    Trial best;
    best.served = {stat.queryId,
                   stat.query,
                   stat.calls,
                   stat.meanMs,
                   before.value().total(),
                   before.value().total(),
                   planShape(before.value(), QString()),
                   QString()};
    for (const IndexCandidate &c : candidates) {
        QString planText;
        const DbResult<double> cost = costWith(c, stat.query, shape.parameters, &planText);
        ++*tried;
        if (cost && cost.value() < best.served.costAfter) {
            best.index = c;
            best.served.costAfter = cost.value();
            best.served.planAfter = planText;
        }
    }
    m_connection.exec(hypopgSql("hypothetical_index_reset"));
    if (DbStatus s = tx.commit(); !s)
        return s.error();
    if (best.served.costAfter > best.served.costBefore * (1 - kMinSaving)) {
        *why = tr("no index tried cuts its cost (%1) by half; the best: %2")
                   .arg(best.served.costBefore, 0, 'f', 2)
                   .arg(best.index.columns.isEmpty()
                            ? tr("none helps")
                            : QStringLiteral("%1 (%2)")
                                  .arg(best.index.columns.join(QStringLiteral(", ")))
                                  .arg(best.served.costAfter, 0, 'f', 2));
        return std::optional<Trial>();
    }
    return std::optional<Trial>(best);
}

DbResult<AdviceReport> IndexAdvisor::advise(const QList<QueryStat> &queries,
                                            const QList<IndexInfo> &existing)
{
    const QString hypopg = QLatin1String(InsightsCapabilities::kHypopg);
    if (!m_capabilities.ready(hypopg)) {
        PgError e;
        e.sqlState = QStringLiteral("55000");
        e.message = m_capabilities.howToEnable(hypopg);
        return e;
    }
    AdviceReport report;
    QList<std::pair<QueryStat, QueryShape>> work;
    QStringList names;
    for (const QueryStat &q : queries) {
        QString why;
        if (q.textHidden())
            why = tr("its text is another role's (pg_read_all_stats)");
        else if (const std::optional<QueryShape> shape = QueryShapeReader::read(q.query, &why)) {
            work.append({q, *shape});
            for (const QString &n : shape->relationNames())
                if (!names.contains(n))
                    names << n;
        }
        if (!why.isEmpty())
            report.skipped.append({q.queryId, q.query, why});
    }
    DbResult<QHash<QString, ResolvedTable>> tables = resolve(names);
    if (!tables)
        return tables.error();
    for (const auto &[stat, shape] : work) {
        const QList<IndexCandidate> candidates
            = IndexCandidates::of(shape, tables.value(), existing);
        QString why;
        if (candidates.isEmpty())
            why = tr("no column it compares or sorts by lacks an index");
        DbResult<std::optional<Trial>> trial = candidates.isEmpty()
            ? DbResult<std::optional<Trial>>(std::optional<Trial>())
            : tryStatement(stat, shape, candidates, &why, &report.hypotheticalIndexes);
        if (!trial)
            return trial.error();
        ++report.statementsTried;
        if (!trial.value()) {
            report.skipped.append({stat.queryId, stat.query, why});
            continue;
        }
        const Trial &t = *trial.value();
        auto same = std::find_if(report.advice.begin(), report.advice.end(),
                                 [&](const IndexAdvice &a) { return a.index == t.index; });
        if (same == report.advice.end())
            report.advice.append({t.index, {t.served}});
        else
            same->served.append(t.served);
    }
    std::stable_sort(
        report.advice.begin(), report.advice.end(),
        [](const IndexAdvice &a, const IndexAdvice &b) { return a.saving() > b.saving(); });
    return report;
}

} // namespace uaip
