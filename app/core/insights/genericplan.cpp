#include "genericplan.h"

#include "plansafety.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

namespace {

constexpr const char *kStatementName = "uaip_advice";
const QLatin1String kDuplicatePrepared("42P05");

} // namespace

GenericPlan::GenericPlan(PgConnection &connection)
    : m_connection(connection)
{ }

Status GenericPlan::useGenericPlans()
{
    if (PgResult g = m_connection.exec(SqlResource::of("insights", "local_generic_plan")); !g.ok())
        return Error(g.error());
    return {};
}

Result<QString> GenericPlan::actAs(const QString &role)
{
    if (role.isEmpty())
        return tr("the role that ran it is not known here");
    if (role == QLatin1String("none")) // SET ROLE none is RESET ROLE: the console's own rights
        return tr("a role named none cannot be acted as");
    const PgResult rights
        = m_connection.exec(SqlResource::of("insights", "planning_rights"), {role});
    if (!rights.ok())
        return Error(rights.error());
    if (rights.rows() != 1)
        return tr("the session's login role is not in pg_roles");
    if (const QString refusal = rights.value(0, "refusal"); !refusal.isEmpty())
        return refusal;
    const PgResult r = m_connection.exec(SqlResource::of("insights", "act_as_role"), {role});
    if (!r.ok())
        return tr("the console cannot act as role %1, which ran it (%2)")
            .arg(role, r.error().message);
    // on every seat: code of a role lesser than the statement's would gain that role's rights
    return PlanSafety::refusal(m_connection);
}

Status GenericPlan::useSearchPathOf(const QString &role)
{
    const PgResult r = m_connection.exec(SqlResource::of("insights", "role_search_path"),
                                         {role.isEmpty() ? QVariant() : role});
    if (!r.ok())
        return Error(r.error());
    return {};
}

Status GenericPlan::pinSearchPath()
{
    const PgResult r = m_connection.exec(SqlResource::of("insights", "pinned_search_path"));
    if (!r.ok())
        return Error(r.error());
    return {};
}

Result<ExplainPlan> GenericPlan::plan(const QString &query, int parameters, const QString &role)
{
    if (Status s = useSearchPathOf(role); !s)
        return s.error();
    Result<ExplainPlan> p = planHere(query, parameters, role);
    if (Status s = pinSearchPath(); !s)
        return s.error();
    return p;
}

Status GenericPlan::refusedNow(const QString &role)
{
    const Status pinned = pinSearchPath();
    if (!pinned)
        return pinned;
    const Result<QString> refusal = PlanSafety::refusal(m_connection);
    if (!refusal)
        return refusal.error();
    if (!refusal.value().isEmpty()) {
        return Error(ErrorCode::Refused, tr("not planned: %1").arg(refusal.value()));
    }
    // the same search_path again: the prepared statement is not parsed anew
    return useSearchPathOf(role);
}

Result<ExplainPlan> GenericPlan::planHere(const QString &query, int parameters, const QString &role)
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
    // a failure is rolled back to this savepoint: the caller's transaction goes on
    Transaction savepoint(m_connection);
    if (Status s = savepoint.begin(TransactionOptions::nested()); !s)
        return s.error();
    PgResult prepared = m_connection.prepare(name, query.toUtf8());
    if (!prepared.ok() && prepared.error().sqlState == kDuplicatePrepared) {
        // left on this server session by a plan that was cut off
        savepoint.rollback();
        m_connection.exec(deallocate);
        if (Status s = savepoint.begin(TransactionOptions::nested()); !s)
            return s.error();
        prepared = m_connection.prepare(name, query.toUtf8());
    }
    if (!prepared.ok()) {
        savepoint.rollback();
        return Error(prepared.error());
    }
    // names are resolved now: checked again right before planning runs anything
    if (const Status refused = refusedNow(role); !refused) {
        savepoint.rollback();
        m_connection.exec(deallocate);
        return refused.error();
    }
    const PgResult r = m_connection.exec(explain);
    if (!r.ok()) {
        savepoint.rollback();
        m_connection.exec(deallocate);
        return Error(r.error());
    }
    m_connection.exec(deallocate);
    if (Status s = savepoint.commit(); !s)
        return s.error();
    Result<ExplainPlan> p = ExplainPlan::fromJson(r.value(0, 0).toUtf8());
    if (!p)
        return p.error();
    return p.take();
}

QString GenericPlan::shape(const ExplainPlan &plan, const QString &hypotheticalName)
{
    QStringList parts;
    for (const PlanNode &n : plan.nodes()) {
        QString part = n.nodeType;
        if (!n.indexName.isEmpty())
            part += QStringLiteral(" using ")
                + (n.indexName.startsWith(u'<') && !hypotheticalName.isEmpty() ? hypotheticalName
                                                                               : n.indexName);
        if (!n.relation.isEmpty())
            part += QStringLiteral(" on ") + n.relation;
        parts << part;
    }
    return parts.join(QStringLiteral(" > "));
}

} // namespace uaip
