#include "droprules.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/tableref.h"

#include <QStringList>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

} // namespace

DropRules::DropRules(LintContext &context)
    : m_context(context)
{ }

void DropRules::lintDrop(const PgQuery__DropStmt &drop)
{
    const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    for (size_t i = 0; i < drop.n_objects; ++i) {
        const PgQuery__Node *object = drop.objects[i];
        if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && dropsNewTable(object))
            continue; // made by this file: nothing from before is lost
        const QString name = ParseTreeNames::objectName(object, drop.remove_type);
        Finding finding = findingFor(drop, name);
        if (cascade && !finding.cascadeSaid) {
            finding.severity = Severity::Danger;
            finding.message
                = tr("%1; CASCADE also drops every object that depends on it").arg(finding.message);
        }
        const bool locksTable = drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
            || drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
        m_context.add(finding.severity, finding.kind, name, finding.message,
                      locksTable ? name : QString());
    }
}

bool DropRules::dropsNewTable(const PgQuery__Node *object)
{
    QStringList parts;
    if (object && object->node_case == PG_QUERY__NODE__NODE_LIST && object->list)
        parts = ParseTreeNames::stringValues(object->list->items, object->list->n_items);
    TableRef table;
    table.name = parts.isEmpty() ? QString() : parts.takeLast();
    table.schema = parts.isEmpty() ? QString() : parts.takeLast();
    if (!m_context.isNewTable(table))
        return false;
    m_context.forgetNewTable(table);
    return true;
}

DropRules::Finding DropRules::findingFor(const PgQuery__DropStmt &drop, const QString &name)
{
    const PgQuery__ObjectType type = drop.remove_type;
    const QString noun = ParseTreeNames::objectNoun(type);
    const QString keyword = QStringLiteral("DROP ") + noun.toUpper();
    const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        return {Severity::Danger, Kind::DropTable,
                tr("DROP TABLE %1 destroys the table and all its rows").arg(name)};
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        return {Severity::Danger, Kind::DropSchema,
                cascade ? tr("DROP SCHEMA %1 CASCADE destroys the schema "
                             "and every table, row and object in it")
                              .arg(name)
                        : tr("DROP SCHEMA %1 removes the schema (it fails "
                             "unless the schema is empty)")
                              .arg(name),
                true};
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        return {Severity::Danger, Kind::DropType,
                cascade ? tr("%1 %2 CASCADE removes the %3 and drops every "
                             "column that uses it, with its data")
                              .arg(keyword, name, noun)
                        : tr("%1 %2 removes the %3 (it fails while a "
                             "column still uses it)")
                              .arg(keyword, name, noun),
                true};
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        QString message = tr("DROP INDEX %1 removes the index; queries that used it "
                             "may become slow")
                              .arg(name);
        if (!drop.concurrent) {
            message = tr("%1, and it blocks all access to the table while it waits for "
                         "its lock (use DROP INDEX CONCURRENTLY)")
                          .arg(message);
        }
        return {Severity::Warning, Kind::DropIndex, message};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        return {Severity::Danger, Kind::DropOther,
                tr("DROP SEQUENCE %1 destroys the sequence and its current "
                   "value")
                    .arg(name)};
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return {Severity::Warning, Kind::DropOther,
                tr("DROP FOREIGN TABLE %1 removes the foreign table (the "
                   "remote data stays)")
                    .arg(name)};
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        return {Severity::Warning, Kind::DropOther,
                tr("%1 %2 removes the %3; what it did or enforced stops "
                   "happening")
                    .arg(keyword, name, noun)};
    default:
        return {Severity::Warning, Kind::DropOther,
                tr("%1 %2 removes the %3; anything that still uses it "
                   "will fail")
                    .arg(keyword, name, noun)};
    }
}

void DropRules::lintDropDatabase(const PgQuery__DropdbStmt &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.dbname);
    m_context.add(Severity::Danger, Kind::DropDatabase, name,
                  tr("DROP DATABASE %1 destroys the database and everything in it").arg(name));
}

void DropRules::lintDropOwned(const PgQuery__DropOwnedStmt &drop)
{
    QStringList roles;
    for (size_t i = 0; i < drop.n_roles; ++i)
        roles.append(ParseTreeNames::objectName(drop.roles[i],
                                                PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED));
    const QString name = roles.join(QStringLiteral(", "));
    m_context.add(Severity::Danger, Kind::DropOther, name,
                  tr("DROP OWNED BY %1 drops every object the role owns, with its "
                     "data")
                      .arg(name));
}

void DropRules::lintDropRole(const PgQuery__DropRoleStmt &drop)
{
    for (size_t i = 0; i < drop.n_roles; ++i) {
        const QString name = ParseTreeNames::objectName(
            drop.roles[i], PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED);
        m_context.add(Severity::Warning, Kind::DropOther, name,
                      tr("DROP ROLE %1 removes the role; logins and grants that use "
                         "it stop working")
                          .arg(name));
    }
}

void DropRules::lintDropTablespace(const PgQuery__DropTableSpaceStmt &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.tablespacename);
    m_context.add(Severity::Warning, Kind::DropOther, name,
                  tr("DROP TABLESPACE %1 removes the tablespace").arg(name));
}

void DropRules::lintDropSubscription(const PgQuery__DropSubscriptionStmt &drop)
{
    const QString name = ParseTreeNames::quoteIdentifier(drop.subname);
    m_context.add(Severity::Warning, Kind::DropOther, name,
                  tr("DROP SUBSCRIPTION %1 stops replication from its publisher").arg(name));
}

} // namespace uaip
