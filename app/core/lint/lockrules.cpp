#include "lockrules.h"

#include "forecast/lockforecasttree.h"
#include "scriptstatementrules.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/sqlstatement.h"

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

QString reindexTarget(PgQuery__ReindexObjectType kind)
{
    switch (kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
        return QStringLiteral("INDEX");
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
        return QStringLiteral("TABLE");
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
        return QStringLiteral("SCHEMA");
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM:
        return QStringLiteral("SYSTEM");
    default:
        return QStringLiteral("DATABASE");
    }
}

// A CHECK or NOT NULL of a domain; DEFAULT and COLLATE constrain nothing.
bool isDomainRule(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && node->constraint
        && (node->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK
            || node->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL);
}

} // namespace

LockRules::LockRules(LintContext &context)
    : m_context(context)
{ }

void LockRules::lintReindex(const PgQuery__ReindexStmt &reindex)
{
    if (LockForecastTree::option(reindex.params, reindex.n_params, "concurrently")
        || m_context.isNewTable(reindex.relation))
        return;
    const QString relation = ParseTreeNames::relationName(reindex.relation);
    const QString name
        = reindex.relation ? relation : ParseTreeNames::quoteIdentifier(reindex.name);
    m_context.add(Severity::Warning, Kind::ReindexWithoutConcurrently, name,
                  tr("REINDEX %1 %2 without CONCURRENTLY blocks writes to the table, and reads "
                     "that use the index, until it is rebuilt; use REINDEX ... CONCURRENTLY in a "
                     "-- uaip:no-transaction migration")
                      .arg(reindexTarget(reindex.kind), name),
                  relation);
}

void LockRules::lintVacuum(const PgQuery__VacuumStmt &vacuum)
{
    if (!vacuum.is_vacuumcmd || !LockForecastTree::option(vacuum.options, vacuum.n_options, "full"))
        return;
    QStringList tables;
    for (size_t i = 0; i < vacuum.n_rels; ++i) {
        const PgQuery__Node *node = vacuum.rels[i];
        if (node && node->node_case == PG_QUERY__NODE__NODE_VACUUM_RELATION && node->vacuum_relation
            && !m_context.isNewTable(node->vacuum_relation->relation))
            tables.append(ParseTreeNames::relationName(node->vacuum_relation->relation));
    }
    if (vacuum.n_rels == 0)
        tables.append(QString()); // every table of the database
    for (const QString &table : tables)
        addRewrite(Kind::VacuumFull, table);
}

void LockRules::lintCluster(const PgQuery__ClusterStmt &cluster)
{
    if (!m_context.isNewTable(cluster.relation))
        addRewrite(Kind::Cluster, ParseTreeNames::relationName(cluster.relation));
}

void LockRules::addRewrite(LintFinding::Kind kind, const QString &table)
{
    const QString message = kind == Kind::VacuumFull
        ? tr("VACUUM FULL %1 rewrites the table while it blocks reads and writes; use plain "
             "VACUUM, or pg_repack to compact the table online")
              .arg(table.isEmpty() ? tr("of every table") : table)
        : tr("CLUSTER %1 rewrites the table in index order while it blocks reads and writes; "
             "pg_repack --order-by does the same online")
              .arg(table.isEmpty() ? tr("of every clustered table") : table);
    m_context.add(Severity::Warning, kind, table, message, table);
}

void LockRules::lintCreateDomain(const PgQuery__CreateDomainStmt &domain)
{
    bool constrained = false;
    for (size_t i = 0; i < domain.n_constraints; ++i)
        constrained = constrained || isDomainRule(domain.constraints[i]);
    if (constrained)
        addDomain(Kind::CreateDomainWithConstraint, domain.domainname, domain.n_domainname);
}

void LockRules::lintAlterDomain(const PgQuery__AlterDomainStmt &domain)
{
    // subtype 'C': ADD CONSTRAINT
    if (QByteArray(domain.subtype) == "C" && isDomainRule(domain.def)
        && !domain.def->constraint->skip_validation)
        addDomain(Kind::AlterDomainAddConstraint, domain.type_name, domain.n_type_name);
}

void LockRules::addDomain(LintFinding::Kind kind, PgQuery__Node *const *names, size_t count)
{
    const QString name = ParseTreeNames::qualifiedName(ParseTreeNames::stringValues(names, count));
    const QString message = kind == Kind::CreateDomainWithConstraint
        ? tr("CREATE DOMAIN %1 with a constraint ties the rule to every column of the domain: "
             "changing it later checks all of them at once while their tables are locked against "
             "writes; put a CHECK on each table's column instead, which can be added NOT VALID "
             "and validated table by table")
        : tr("ALTER DOMAIN %1 ADD CONSTRAINT checks every column of the domain in every table "
             "while it blocks writes to them; add it NOT VALID and run ALTER DOMAIN ... VALIDATE "
             "CONSTRAINT separately");
    m_context.add(Severity::Warning, kind, name, message.arg(name));
}

void LockRules::lintTransaction(const PgQuery__TransactionStmt &transaction)
{
    switch (transaction.kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        m_context.setInBlock(true);
        break;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
        m_context.setInBlock(false);
        break;
    default:
        break;
    }
}

void LockRules::lintInBlock(const QByteArray &text)
{
    SqlStatement statement;
    statement.text = text;
    const QString command = ScriptStatementRules::refusedInTransaction(statement);
    if (command.isEmpty())
        return;
    m_context.add(Severity::Danger, Kind::RefusedInTransactionBlock, QString(),
                  tr("%1 inside BEGIN ... COMMIT fails: PostgreSQL refuses it in a transaction "
                     "block; run it after the COMMIT")
                      .arg(command));
}

} // namespace uaip
