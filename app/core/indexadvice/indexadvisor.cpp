#include "indexadvisor.h"

#include "indexcandidates.h"
#include "insights/genericplan.h"
#include "insights/insightsreading.h"
#include "insights/planninglogins.h"
#include "insights/queryshapereader.h"
#include "qualstatsreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "util/jsonstringlist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace uaip {

IndexAdvisor::IndexAdvisor(PgConnection &connection, const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
    , m_logins(std::make_unique<PlanningLogins>(connection))
{ }

IndexAdvisor::~IndexAdvisor() = default;

QByteArray IndexAdvisor::hypopgSql(PgConnection &c, const char *name) const
{
    return SqlResource::of("indexadvice", name)
        .replace("%SCHEMA%",
                 c.quoteIdentifier(
                     m_capabilities.schemaOf(QLatin1String(InsightsCapabilities::kHypopg))));
}

Result<QHash<QString, ResolvedTable>> IndexAdvisor::resolve(PgConnection &c,
                                                            const QStringList &names)
{
    const PgResult r = c.exec(
        SqlResource::of("indexadvice", "resolve_relations"),
        {QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact))});
    if (!r.ok())
        return Error(r.error());
    QHash<QString, ResolvedTable> tables;
    for (int i = 0; i < r.rows(); ++i) {
        ResolvedTable t;
        t.writtenName = r.value(i, "name");
        t.oid = r.value(i, "oid").toLongLong();
        t.schema = r.value(i, "nspname");
        t.table = r.value(i, "relname");
        t.kind = r.value(i, "relkind");
        t.rows = r.value(i, "rows").toLongLong();
        t.columns = JsonStringList::of(r.value(i, "columns"));
        tables.insert(t.writtenName, t);
    }
    return tables;
}

Result<double> IndexAdvisor::costWith(GenericPlan &plans, const IndexCandidate &candidate,
                                      const QString &query, int parameters, const QString &role,
                                      QString *planText)
{
    PgConnection &c = plans.connection();
    // a candidate hypopg refuses (a type without a B-tree class) leaves the transaction usable
    Transaction savepoint(c);
    if (Status s = savepoint.begin(TransactionOptions::nested()); !s)
        return s.error();
    const PgResult h
        = c.exec(hypopgSql(c, "hypothetical_index_create"), {candidate.hypotheticalStatement()});
    if (!h.ok()) {
        savepoint.rollback();
        return Error(h.error());
    }
    Result<ExplainPlan> p = plans.plan(query, parameters, role);
    if (!p) // the transaction usable again for the drop
        savepoint.rollback();
    c.exec(hypopgSql(c, "hypothetical_index_drop"), {h.value(0, "indexrelid")});
    if (!p)
        return p.error();
    if (Status s = savepoint.commit(); !s)
        return s.error();
    *planText = GenericPlan::shape(p.value(), candidate.indexName());
    return p.value().total();
}

IndexAdvisor::Trial IndexAdvisor::bestTrial(GenericPlan &plans, const QueryStat &stat,
                                            const QueryShape &shape,
                                            const QList<IndexCandidate> &candidates,
                                            const ExplainPlan &before, int *tried)
{
    Trial best;
    best.served = {stat.queryId,
                   stat.query,
                   stat.calls,
                   stat.meanMs,
                   before.total(),
                   before.total(),
                   GenericPlan::shape(before),
                   QString()};
    for (const IndexCandidate &candidate : candidates) {
        QString planText;
        const Result<double> cost
            = costWith(plans, candidate, shape.text, shape.parameters, stat.user, &planText);
        ++*tried;
        if (!cost && best.firstError.isEmpty())
            best.firstError = cost.error().toString();
        if (cost && cost.value() < best.served.costAfter) {
            best.index = candidate;
            best.served.costAfter = cost.value();
            best.served.planAfter = planText;
        }
    }
    return best;
}

Result<IndexAdvisor::Attempt> IndexAdvisor::tryStatement(const QueryStat &stat,
                                                         const QueryShape &shape,
                                                         const QList<IndexInfo> &existing,
                                                         int *tried)
{
    const auto notPlanned = [](const QString &refusal) {
        return Attempt{std::nullopt, tr("not planned here: %1").arg(refusal), refusal, {}};
    };
    const auto none = [](const QString &why) { return Attempt{std::nullopt, why, QString(), {}}; };
    // what planning runs, runs with no more rights than the role that ran it
    const Result<PlanningLogins::Seat> seat = m_logins->forRole(stat.user);
    if (!seat)
        return seat.error();
    if (!seat.value().connection)
        return notPlanned(seat.value().refusal);
    PgConnection &c = *seat.value().connection;
    Transaction tx(c);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    GenericPlan plans(c);
    if (Status g = plans.useGenericPlans(); !g)
        return g.error();
    const Result<QString> refusal = plans.actAs(stat.user);
    if (!refusal)
        return refusal.error();
    if (!refusal.value().isEmpty())
        return notPlanned(refusal.value());
    // the names resolve as they did for that role
    if (Status p = plans.useSearchPathOf(stat.user); !p)
        return p.error();
    Result<QHash<QString, ResolvedTable>> tables = resolve(c, shape.relationNames());
    if (!tables)
        return tables.error();
    if (Status p = plans.pinSearchPath(); !p)
        return p.error();
    const QList<IndexCandidate> candidates = IndexCandidates::of(shape, tables.value(), existing);
    if (candidates.isEmpty())
        return none(tr("no column it compares or sorts by lacks an index"));
    c.exec(hypopgSql(c, "hypothetical_index_reset"));
    Result<ExplainPlan> before = plans.plan(shape.text, shape.parameters, stat.user);
    if (!before)
        return none(tr("its generic plan cannot be made: %1").arg(before.error().toString()));
    QStringList planIndexes;
    for (const PlanNode &n : before.value().nodes())
        if (!n.indexName.isEmpty()) // a Bitmap Index Scan names no relation of its own
            planIndexes << n.indexName;
    const Trial best = bestTrial(plans, stat, shape, candidates, before.value(), tried);
    c.exec(hypopgSql(c, "hypothetical_index_reset"));
    if (Status s = tx.end(); !s)
        return s.error();
    if (best.served.costAfter > best.served.costBefore * (1 - kMinSaving)) {
        Attempt a = none(tr("no index tried cuts its cost (%1) by half; the best: %2")
                             .arg(best.served.costBefore, 0, 'f', 2)
                             .arg(best.index.columns.isEmpty()
                                      ? (best.firstError.isEmpty()
                                             ? tr("none helps")
                                             : tr("none could be tried: %1").arg(best.firstError))
                                      : QStringLiteral("%1 (%2)")
                                            .arg(best.index.columns.join(QStringLiteral(", ")))
                                            .arg(best.served.costAfter, 0, 'f', 2)));
        a.planIndexes = planIndexes;
        return a;
    }
    return Attempt{best, QString(), QString(), planIndexes};
}

Result<AdviceReport> IndexAdvisor::advise(const QList<QueryStat> &queries,
                                          const QList<IndexInfo> &existing)
{
    const QString hypopg = QLatin1String(InsightsCapabilities::kHypopg);
    if (!m_capabilities.ready(hypopg))
        return m_capabilities.notReady(hypopg);
    AdviceReport report;
    QString firstRefusal;
    int refusals = 0;
    QStringList ids;
    for (const QueryStat &q : queries)
        ids << q.queryId;
    Result<QHash<QString, QList<QualColumn>>> quals
        = QualstatsReader(m_connection, m_capabilities).read(ids);
    if (!quals)
        report.qualstatsUnread = quals.error().toString();
    for (const QueryStat &q : queries) {
        QString why;
        std::optional<QueryShape> shape;
        if (q.textHidden()) {
            why = tr("its text is another role's (pg_read_all_stats)");
        } else if (Result<QueryShape> read = QueryShapeReader::read(q.query); read) {
            shape = read.take();
        } else {
            why = read.error().toString();
        }
        if (shape && quals && quals.value().contains(q.queryId)) {
            QualstatsReader::addTo(*shape, quals.value().value(q.queryId));
            ++report.qualstatsStatements;
        }
        const Result<Attempt> trial = shape
            ? tryStatement(q, *shape, existing, &report.hypotheticalIndexes)
            : Result<Attempt>(Attempt{std::nullopt, why, QString(), {}});
        if (!trial)
            return trial.error();
        if (shape)
            ++report.statementsTried;
        for (const QString &used : trial.value().planIndexes)
            report.indexesInPlans.insert(used);
        if (!trial.value().refused.isEmpty() && refusals++ == 0)
            firstRefusal = trial.value().refused;
        if (!trial.value().best) {
            report.skipped.append({q.queryId, q.query, trial.value().why});
            continue;
        }
        const Trial &t = *trial.value().best;
        auto same = std::find_if(report.advice.begin(), report.advice.end(),
                                 [&](const IndexAdvice &a) { return a.index == t.index; });
        if (same == report.advice.end())
            report.advice.append({t.index, {t.served}});
        else
            same->served.append(t.served);
    }
    if (refusals > 0 && refusals == report.statementsTried)
        report.notPlanned = firstRefusal;
    std::stable_sort(
        report.advice.begin(), report.advice.end(),
        [](const IndexAdvice &a, const IndexAdvice &b) { return a.saving() > b.saving(); });
    return nameUniquely(report);
}

Result<AdviceReport> IndexAdvisor::nameUniquely(AdviceReport report)
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    QHash<QString, QSet<QString>> taken; // by schema
    for (IndexAdvice &a : report.advice) {
        IndexCandidate &c = a.index;
        const PgResult r = m_connection.exec(SqlResource::of("indexadvice", "relation_names"),
                                             {c.schema, c.generatedStem()});
        if (!r.ok())
            return Error(r.error());
        QSet<QString> &names = taken[c.schema];
        for (int i = 0; i < r.rows(); ++i)
            names.insert(r.value(i, "relname"));
        int suffix = 0;
        while (names.contains(c.generatedName(suffix)))
            ++suffix;
        c.name = c.generatedName(suffix);
        names.insert(c.name);
        for (IndexAdvice::Served &s : a.served) // the plans named the index before it had one
            s.planAfter.replace(c.generatedName(0), c.name);
    }
    if (Status s = tx.end(); !s)
        return s.error();
    return report;
}

} // namespace uaip
