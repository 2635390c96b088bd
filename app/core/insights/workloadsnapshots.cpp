#include "workloadsnapshots.h"

#include "genericplan.h"
#include "insightsreading.h"
#include "planninglogins.h"
#include "queryshapereader.h"
#include "typedliteralrewrite.h"
#include "workloadreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledgertrust.h"
#include "sqlparse/pgparsetree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

namespace {

const QLatin1String kUndefinedTable("42P01");

QJsonArray queriesJson(const QList<SnapshotQuery> &queries)
{
    QJsonArray out;
    for (const SnapshotQuery &q : queries)
        out.append(QJsonObject{{QStringLiteral("queryid"), q.queryId},
                               {QStringLiteral("query"), q.query},
                               {QStringLiteral("user"), q.user},
                               {QStringLiteral("calls"), q.calls},
                               {QStringLiteral("total_ms"), q.totalMs},
                               {QStringLiteral("rows"), q.rows},
                               {QStringLiteral("plan"), q.plan},
                               {QStringLiteral("cost"), q.cost}});
    return out;
}

QList<SnapshotQuery> queriesOf(const QString &json)
{
    QList<SnapshotQuery> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("queryid")).toString(),
                    o.value(QStringLiteral("query")).toString(),
                    o.value(QStringLiteral("user")).toString(),
                    qint64(o.value(QStringLiteral("calls")).toDouble()),
                    o.value(QStringLiteral("total_ms")).toDouble(),
                    qint64(o.value(QStringLiteral("rows")).toDouble()),
                    o.value(QStringLiteral("plan")).toString(),
                    o.value(QStringLiteral("cost")).toDouble(-1)});
    }
    return out;
}

// A statement of the platform's workload: a SELECT, INSERT, UPDATE, DELETE or MERGE (not a
// transaction's BEGIN or COMMIT, a SET, DDL).
bool isWorkload(const QString &query)
{
    const PgParseTree tree = PgParseTree::parse(TypedLiteralRewrite::preparable(query).toUtf8());
    const QList<PgStatementNode> statements
        = tree.ok() ? tree.statements() : QList<PgStatementNode>();
    if (statements.size() != 1)
        return false;
    switch (statements.first().node->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
        return true;
    default:
        return false;
    }
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

WorkloadSnapshots::WorkloadSnapshots(PgConnection &connection,
                                     const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
    , m_logins(std::make_unique<PlanningLogins>(connection))
{ }

WorkloadSnapshots::~WorkloadSnapshots() = default;

QByteArray WorkloadSnapshots::withSchema(const char *name) const
{
    return SqlResource::of("insights", name)
        .replace("%SCHEMA%",
                 m_connection.quoteIdentifier(
                     m_capabilities.schemaOf(QLatin1String(InsightsCapabilities::kStatements))));
}

Status WorkloadSnapshots::planOne(SnapshotQuery &q, const QueryShape &shape)
{
    const Result<PlanningLogins::Seat> seat = m_logins->forRole(q.user);
    if (!seat)
        return seat.error();
    if (!seat.value().connection) {
        if (m_notPlanned.isEmpty())
            m_notPlanned = seat.value().refusal;
        return {};
    }
    Transaction tx(*seat.value().connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s;
    GenericPlan plans(*seat.value().connection);
    if (Status s = plans.useGenericPlans(); !s)
        return s;
    const Result<QString> refusal = plans.actAs(q.user);
    if (!refusal)
        return refusal.error();
    if (!refusal.value().isEmpty()) {
        if (m_notPlanned.isEmpty())
            m_notPlanned = refusal.value();
        return {};
    }
    if (Result<ExplainPlan> p = plans.plan(shape.text, shape.parameters, q.user)) {
        q.plan = GenericPlan::shape(p.value());
        q.cost = p.value().total();
    }
    return tx.end();
}

Status WorkloadSnapshots::addPlans(QList<SnapshotQuery> &queries)
{
    int planned = 0;
    for (SnapshotQuery &q : queries) {
        const Result<QueryShape> shape = QueryShapeReader::read(q.query);
        if (!shape || planned >= kPlanned)
            continue;
        ++planned;
        if (Status s = planOne(q, *shape); !s)
            return s;
    }
    return {};
}

Result<qint64> WorkloadSnapshots::take(const QStringList &versions)
{
    if (!m_capabilities.ready(QLatin1String(InsightsCapabilities::kStatements)))
        return m_capabilities.notReady(QLatin1String(InsightsCapabilities::kStatements));
    Transaction reading(m_connection);
    if (Status s = reading.begin(InsightsReading::options()); !s)
        return s.error();
    const std::vector<PgResult> read = m_connection.pipeline(
        {withSchema("workload_counters"), withSchema("statements_info")},
        {QVariantList{kStatements, WorkloadReader::ownStatements()}, QVariantList{}});
    for (const PgResult &r : read)
        if (!r.ok())
            return Error(r.error());
    if (Status s = reading.end(); !s)
        return s.error();
    QList<SnapshotQuery> queries;
    for (int i = 0; i < read[0].rows(); ++i)
        if (isWorkload(read[0].value(i, "query")))
            queries.append({read[0].value(i, "queryid"), read[0].value(i, "query"),
                            read[0].value(i, "username"), read[0].value(i, "calls").toLongLong(),
                            read[0].value(i, "total_ms").toDouble(),
                            read[0].value(i, "rows").toLongLong(), QString(), -1});
    if (Status s = addPlans(queries); !s)
        return s.error();
    Transaction tx(m_connection);
    if (Status s = tx.begin(); !s)
        return s.error();
    if (Status s = GenericPlan(m_connection).pinSearchPath(); !s)
        return s.error();
    if (Status s = trusted(); !s)
        return s.error();
    if (PgResult c = m_connection.exec(SqlResource::of("insights", "workload_snapshot_table"));
        !c.ok())
        return Error(c.error());
    if (Status s = LedgerTrust::keepPrivate(m_connection); !s)
        return s.error();
    const QString since = read[1].value(0, "since");
    const PgResult r
        = m_connection.exec(SqlResource::of("insights", "workload_snapshot_insert"),
                            {compact(QJsonArray::fromStringList(versions)),
                             since.isEmpty() ? QVariant() : since, compact(queriesJson(queries))});
    if (!r.ok())
        return Error(r.error());
    if (Status s = tx.commit(); !s)
        return s.error();
    return r.value(0, "id").toLongLong();
}

Status WorkloadSnapshots::trusted()
{
    const Result<QString> refusal = LedgerTrust::refusal(m_connection);
    if (!refusal)
        return refusal.error();
    if (refusal.value().isEmpty())
        return {};
    return Error(ErrorCode::Refused, refusal.value());
}

Result<std::optional<WorkloadSnapshot>> WorkloadSnapshots::of(const QString &version)
{
    return read("workload_snapshot_for", version, false);
}

Result<std::optional<WorkloadSnapshot>> WorkloadSnapshots::fromHistory(const QString &version)
{
    return read("workload_history_before", version, true);
}

Result<std::optional<WorkloadSnapshot>>
WorkloadSnapshots::read(const char *sql, const QString &version, bool fromHistory)
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    if (Status s = trusted(); !s)
        return s.error();
    const PgResult r = m_connection.exec(SqlResource::of("insights", sql), {version});
    if (!r.ok() && r.error().sqlState == kUndefinedTable) // never kept
        return std::optional<WorkloadSnapshot>();
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return std::optional<WorkloadSnapshot>();
    WorkloadSnapshot s;
    s.id = r.value(0, "id").toLongLong();
    s.takenAt = r.value(0, "taken_at");
    s.appliedAt = r.value(0, "applied_at");
    s.statsSince = r.value(0, "stats_since");
    s.queries = queriesOf(r.value(0, "queries"));
    s.fromHistory = fromHistory;
    return std::optional<WorkloadSnapshot>(s);
}

Result<QHash<QString, SnapshotQuery>> WorkloadSnapshots::now(const WorkloadSnapshot &snapshot)
{
    if (!m_capabilities.ready(QLatin1String(InsightsCapabilities::kStatements)))
        return m_capabilities.notReady(QLatin1String(InsightsCapabilities::kStatements));
    QStringList ids;
    QList<SnapshotQuery> queries;
    for (const SnapshotQuery &q : snapshot.queries) {
        ids << q.queryId;
        SnapshotQuery current = q;
        current.calls = 0;
        current.totalMs = 0;
        current.plan.clear();
        current.cost = -1;
        queries << current;
    }
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const PgResult r = m_connection.exec(withSchema("workload_counters_of"),
                                         {compact(QJsonArray::fromStringList(ids))});
    if (!r.ok())
        return Error(r.error());
    const PgResult info = m_connection.exec(withSchema("statements_info"));
    if (!info.ok())
        return Error(info.error());
    m_statsSinceNow = info.value(0, "since");
    if (Status s = tx.end(); !s)
        return s.error();
    QHash<QString, int> rowOf;
    for (int i = 0; i < r.rows(); ++i)
        rowOf.insert(r.value(i, "queryid"), i);
    QList<SnapshotQuery> planned;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        SnapshotQuery &q = queries[i];
        if (const auto row = rowOf.constFind(q.queryId); row != rowOf.constEnd()) {
            q.calls = r.value(*row, "calls").toLongLong();
            q.totalMs = r.value(*row, "total_ms").toDouble();
            q.rows = r.value(*row, "rows").toLongLong();
        }
        if (snapshot.queries[i].cost >= 0) // planned then: planned now
            planned << q;
    }
    if (Status s = addPlans(planned); !s)
        return s.error();
    QHash<QString, SnapshotQuery> byId;
    for (const SnapshotQuery &q : queries)
        byId.insert(q.queryId, q);
    for (const SnapshotQuery &q : planned)
        byId.insert(q.queryId, q);
    return byId;
}

} // namespace uaip
