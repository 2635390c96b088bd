#include "schemaalterplanner.h"

#include "ddlattributes.h"

#include "migrationgenerator.h"

#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace uaip {

using Phase = MigrationGenerator::Phase;
using namespace ddl;

namespace {

using Action = SchemaAlterPlanner::Action;
using Plan = SchemaAlterPlanner::Plan;

void add(Plan &plan, int phase, const QString &key, const QString &sql,
         const QString &destructive = {})
{
    plan.actions << Action{Action::Kind::Add, phase, key, sql, destructive, nullptr};
}

void drop(Plan &plan, const DdlObject &o, const QString &destructive = {})
{
    plan.actions << Action{Action::Kind::Drop, 0, {}, {}, destructive, &o};
}

void create(Plan &plan, const DdlObject &o)
{
    plan.actions << Action{Action::Kind::Create, 0, {}, {}, {}, &o};
}

void leaveAsIs(Plan &plan, const QString &key, const QString &message)
{
    plan.actions << Action{Action::Kind::LeaveAsIs, 0, key, {}, message, nullptr};
}

} // namespace

SchemaAlterPlanner::SchemaAlterPlanner(const DdlCatalog &to, QSet<QString> reshapedTables)
    : m_to(to)
    , m_reshapedTables(std::move(reshapedTables))
{ }

SchemaAlterPlanner::Plan SchemaAlterPlanner::plan(const DdlObject &before,
                                                  const DdlObject &after) const
{
    Plan plan;
    const QString k = before.key();
    const QString &kind = before.kind;
    if (kind == u"column")
        alterColumn(before, after, plan);
    else if (kind == u"table")
        alterTable(before, after, plan);
    else if (kind == u"sequence")
        alterSequence(before, after, plan);
    else if (kind == u"type")
        alterType(before, after, plan);
    else if (kind == u"function" || kind == u"owner" || kind == u"comment on")
        plan.actions << Action{Action::Kind::Replace, 0, k, {}, {}, &after};
    else if (kind == u"extension")
        add(plan, Phase::CreateExtension, k, attr(after, "update"));
    else if (kind == u"grant") {
        add(plan, Phase::Revoke, k, before.dropSql);
        add(plan, Phase::Grant, k, after.createSql);
    } else if (notGenerated(kind)) {
        leaveAsIs(plan, k, tr("%1 changed and is not generated: change it by hand").arg(k));
    } else if (kind != u"schema") {
        drop(plan, before);
        create(plan, after);
    }
    return plan;
}

void SchemaAlterPlanner::alterTable(const DdlObject &before, const DdlObject &after,
                                    Plan &plan) const
{
    const QString k = before.key();
    if (attr(before, "partition") != attr(after, "partition")
        || attr(before, "partitioned") != attr(after, "partitioned")
        || before.definition.section(u' ', 3) != after.definition.section(u' ', 3)) {
        add(plan, Phase::DropTable, k, before.dropSql + u'\n' + after.createSql,
            tr("%1 changes how it is partitioned: the table is dropped and created again").arg(k));
        return;
    }
    QStringList sql;
    const QString t = after.name;
    if (attr(before, "persistence") != attr(after, "persistence"))
        sql << QStringLiteral("ALTER TABLE %1 SET %2;")
                   .arg(t,
                        attr(after, "persistence") == u"u" ? QStringLiteral("UNLOGGED")
                                                           : QStringLiteral("LOGGED"));
    if (attr(before, "rls") != attr(after, "rls"))
        sql << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                   .arg(t,
                        attr(after, "rls") == u"true" ? QStringLiteral("ENABLE")
                                                      : QStringLiteral("DISABLE"));
    if (attr(before, "force_rls") != attr(after, "force_rls"))
        sql << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                   .arg(t,
                        attr(after, "force_rls") == u"true" ? QStringLiteral("FORCE")
                                                            : QStringLiteral("NO FORCE"));
    if (!sql.isEmpty())
        add(plan, Phase::AlterTable, k, sql.join(u'\n'));
}

void SchemaAlterPlanner::alterSequence(const DdlObject &before, const DdlObject &after,
                                       Plan &plan) const
{
    const QString k = before.key();
    if (attr(before, "sequence_options") != attr(after, "sequence_options"))
        add(plan, Phase::CreateSequence, k,
            QStringLiteral("ALTER SEQUENCE %1 %2;")
                .arg(after.name, attr(after, "sequence_options")));
    if (attr(before, "persistence") != attr(after, "persistence"))
        add(plan, Phase::CreateSequence, k,
            QStringLiteral("ALTER SEQUENCE %1 SET %2;")
                .arg(after.name,
                     attr(after, "persistence") == u"u" ? QStringLiteral("UNLOGGED")
                                                        : QStringLiteral("LOGGED")));
    if (attr(before, "owned_by") != attr(after, "owned_by"))
        add(plan, Phase::SequenceOwnedBy, k,
            QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;")
                .arg(after.name,
                     attr(after, "owned_by").isEmpty() ? QStringLiteral("NONE")
                                                       : attr(after, "owned_by")));
}

void SchemaAlterPlanner::alterType(const DdlObject &before, const DdlObject &after,
                                   Plan &plan) const
{
    const QString k = before.key();
    const QString typtype = attr(after, "typtype");
    if (typtype != attr(before, "typtype") || typtype == u"c") {
        drop(plan, before,
             tr("%1 is dropped and created again: columns of that type stop it").arg(k));
        create(plan, after);
        return;
    }
    if (typtype == u"d")
        alterDomain(before, after, plan);
    else
        alterEnum(before, after, plan);
}

void SchemaAlterPlanner::alterDomain(const DdlObject &before, const DdlObject &after,
                                     Plan &plan) const
{
    const QString k = before.key();
    if (attr(before, "base") != attr(after, "base")) {
        drop(plan, before,
             tr("%1 changes its base type: the domain is dropped and created "
                "again")
                 .arg(k));
        create(plan, after);
        return;
    }
    QStringList sql;
    if (attr(before, "default") != attr(after, "default"))
        sql << (attr(after, "default").isEmpty()
                    ? QStringLiteral("ALTER DOMAIN %1 DROP DEFAULT;").arg(after.name)
                    : QStringLiteral("ALTER DOMAIN %1 SET DEFAULT %2;")
                          .arg(after.name, attr(after, "default")));
    if (attr(before, "not_null") != attr(after, "not_null"))
        sql << QStringLiteral("ALTER DOMAIN %1 %2 NOT NULL;")
                   .arg(after.name,
                        attr(after, "not_null") == u"true" ? QStringLiteral("SET")
                                                           : QStringLiteral("DROP"));
    if (!sql.isEmpty())
        add(plan, Phase::CreateType, k, sql.join(u'\n'));
}

void SchemaAlterPlanner::alterEnum(const DdlObject &before, const DdlObject &after,
                                   Plan &plan) const
{
    const QString k = before.key();
    const QStringList oldLabels = attrList(before, "labels");
    const QStringList newLabels = attrList(after, "labels");
    const QStringList quoted = attrList(after, "quoted_labels");
    if (isSubsequence(oldLabels, newLabels)) {
        QStringList sql;
        for (qsizetype i = 0; i < newLabels.size(); ++i) {
            if (oldLabels.contains(newLabels[i]))
                continue;
            plan.addedLabels << quoted[i];
            sql << (i > 0 ? QStringLiteral("ALTER TYPE %1 ADD VALUE %2 AFTER %3;")
                                .arg(after.name, quoted[i], quoted[i - 1])
                          : QStringLiteral("ALTER TYPE %1 ADD VALUE %2 BEFORE %3;")
                                .arg(after.name, quoted[i], quoted[i + 1]));
        }
        add(plan, Phase::CreateType, k, sql.join(u'\n'));
        return;
    }
    // Values removed or reordered: the type is made again and its columns converted.
    QStringList sql{attr(before, "rename_old"), after.createSql};
    for (const QJsonValue &v : before.attrs.value(QLatin1String("used_by")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString table = c.value(QLatin1String("table")).toString();
        const QString column = c.value(QLatin1String("column")).toString();
        // A column of the enum's array type is converted through text[] the same way.
        const QString brackets
            = c.value(QLatin1String("array")).toBool() ? QStringLiteral("[]") : QString();
        // The default the column ends up with (the old one may name a removed value).
        const DdlObject *target = m_to.find(QStringLiteral("column %1.%2").arg(table, column));
        const QString dflt = target ? attr(*target, "default") : QString();
        if (!c.value(QLatin1String("default")).toString().isEmpty())
            sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;")
                       .arg(table, column);
        sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3%4 USING %2::text%4::%3%4;")
                   .arg(table, column, after.name, brackets);
        if (!dflt.isEmpty())
            sql << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
                       .arg(table, column, dflt);
    }
    sql << QStringLiteral("DROP TYPE %1;").arg(attr(before, "old_name"));
    add(plan, Phase::CreateType, k, sql.join(u'\n'),
        tr("%1 loses or reorders values: the type is made again, and a row holding a "
           "removed value makes it fail")
            .arg(k));
}

void SchemaAlterPlanner::alterColumn(const DdlObject &before, const DdlObject &after,
                                     Plan &plan) const
{
    const QString k = before.key();
    const QString t = attr(after, "table");
    const QString c = attr(after, "column");
    const auto stmt = [&](const QString &clause) {
        return QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3;").arg(t, c, clause);
    };
    // a new stored expression, or a virtual column (PostgreSQL 18) made, changed or undone:
    // none of them is an ALTER (18 refuses DROP EXPRESSION on a virtual column)
    if ((attr(before, "generated") != attr(after, "generated")
         && !attr(after, "generated").isEmpty())
        || attr(before, "virtual") != attr(after, "virtual")) {
        add(plan, Phase::AlterColumn, k, before.dropSql + u'\n' + after.createSql,
            tr("%1 gets a new generation expression: the column is dropped and added again")
                .arg(k));
        return;
    }
    QStringList sql;
    QString destructive;
    if (!attr(before, "generated").isEmpty() && attr(after, "generated").isEmpty())
        sql << stmt(QStringLiteral("DROP EXPRESSION"));
    if (!attr(before, "identity").isEmpty() && attr(after, "identity").isEmpty())
        sql << stmt(QStringLiteral("DROP IDENTITY"));
    const bool typeChanged = typeClause(before) != typeClause(after);
    const bool defaultChanged = attr(before, "default") != attr(after, "default");
    if ((defaultChanged || typeChanged) && !attr(before, "default").isEmpty())
        sql << stmt(QStringLiteral("DROP DEFAULT"));
    if (typeChanged) {
        // No cast leads from one enum to another (42846): through text, as an enum's
        // re-creation converts its columns
        const QString via = attr(before, "enum") == u"e" ? QStringLiteral("::text")
            : attr(before, "enum") == u"a"               ? QStringLiteral("::text[]")
                                                         : QString();
        sql << stmt(QStringLiteral("TYPE %1 USING %2%3::%4")
                        .arg(typeClause(after), c, via, attr(after, "type")));
        if (!MigrationGenerator::widens(attr(before, "type"), attr(after, "type")))
            destructive = tr("%1 changes type from %2 to %3, which may not keep every value")
                              .arg(k, typeClause(before), typeClause(after));
    }
    if ((defaultChanged || typeChanged) && !attr(after, "default").isEmpty())
        sql << stmt(QStringLiteral("SET DEFAULT %1").arg(attr(after, "default")));
    if (attr(before, "not_null") != attr(after, "not_null"))
        sql << stmt(attr(after, "not_null") == u"true" ? QStringLiteral("SET NOT NULL")
                                                       : QStringLiteral("DROP NOT NULL"));
    const QString identity = attr(after, "identity");
    if (!identity.isEmpty() && identity != attr(before, "identity")) {
        const QString how
            = identity == u"a" ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT");
        sql << stmt(attr(before, "identity").isEmpty()
                        ? QStringLiteral("ADD GENERATED %1 AS IDENTITY").arg(how)
                        : QStringLiteral("SET GENERATED %1").arg(how));
    }
    if (attr(before, "statistics") != attr(after, "statistics"))
        sql << stmt(QStringLiteral("SET STATISTICS %1").arg(attr(after, "statistics")));
    if (!sql.isEmpty()) {
        add(plan, Phase::AlterColumn, k, sql.join(u'\n'), destructive);
    } else if (attr(before, "position") != attr(after, "position")) {
        // A column dropped or added before it moved it; PostgreSQL cannot move a column.
        if (!m_reshapedTables.contains(before.parent))
            leaveAsIs(plan, k,
                      tr("%1 is at another position (column order cannot be changed in "
                         "place)")
                          .arg(k));
        else
            leaveAsIs(plan, k, {});
    }
}

bool SchemaAlterPlanner::needsNoTransaction(const QList<DdlStep> &steps,
                                            const QStringList &addedLabels)
{
    if (addedLabels.isEmpty())
        return false;
    for (const DdlStep &s : steps) {
        if (s.heldBack || s.sql.contains(u"ADD VALUE"))
            continue;
        for (const QString &label : addedLabels)
            if (s.sql.contains(label))
                return true;
    }
    return false;
}

} // namespace uaip
