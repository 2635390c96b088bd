#include "onlinechangewriter.h"

#include "onlinecatalog.h"
#include "onlinecolumnchecks.h"
#include "onlinecolumncopy.h"
#include "onlinecolumnsplit.h"

#include "forecast/planforecast.h"
#include "forecast/statementlockforecast.h"
#include "ledger/migrationversion.h"
#include "live/typechangerewrites.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "util/sqlcomment.h"

#include <QCryptographicHash>

namespace uaip {

namespace {

// The table's own row triggers on INSERT or UPDATE, when it has any: each fires on every row
// the backfill updates, a BEFORE one that sorts after the sync trigger sees (and may change) the
// old column after it was copied, and a function that names the renamed column breaks once the
// contract drops it (no dependency tells, and the contract gate reads no function body).
std::optional<QString> triggerNote(const OnlineCatalog::Table &table,
                                   const OnlineColumnCopy::Plan &plan)
{
    if (table.rowTriggers.isEmpty())
        return std::nullopt;
    const QByteArray sync
        = OnlineColumnCopy::helperName(plan.hash, QStringLiteral("sync")).toUtf8();
    QStringList named;
    for (const OnlineCatalog::Table::Trigger &t : table.rowTriggers) {
        const QString name = OnlineColumnChecks::quotedName(t.name);
        if (!t.before)
            named << OnlineChangeWriter::tr("%1 (AFTER)").arg(name);
        else if (t.name.toUtf8() > sync) // PostgreSQL fires them by name, in byte order
            //: a BEFORE trigger that PostgreSQL fires after the expand's own sync trigger
            named << OnlineChangeWriter::tr("%1 (BEFORE, fires after the sync trigger)").arg(name);
        else
            named << OnlineChangeWriter::tr("%1 (BEFORE)").arg(name);
    }
    const QString a = OnlineColumnChecks::quotedName(plan.old.name);
    //: %1 the table, %2 its triggers, %3 the old column, %4 the new one
    QString note = OnlineChangeWriter::tr(
                       "%1 has row triggers of its own on INSERT or UPDATE: %2. Each fires on "
                       "every row the expand's backfill updates (an audit row, an updated_at "
                       "set again); a BEFORE trigger that fires after the sync trigger and "
                       "changes %3 leaves %4 unequal to it.")
                       .arg(OnlineColumnChecks::tableText(table), named.join(QStringLiteral(", ")),
                            a, OnlineColumnChecks::quotedName(plan.copy));
    if (!plan.typeChange)
        note += u' '
            + OnlineChangeWriter::tr("A trigger function that names %1 fails once the contract "
                                     "drops it: no dependency says so, and the contract gate "
                                     "reads no function body.")
                  .arg(a);
    return note;
}

// Each script splits into the statements written: no name or expression made it more or less.
Status splitsAsWritten(const OnlineChangeScripts &scripts)
{
    for (const QByteArray *text :
         {&scripts.expandUp, &scripts.expandDown, &scripts.contractUp, &scripts.contractDown}) {
        if (text->isEmpty())
            continue;
        const SqlSplitResult split = SqlSplitter::split(*text);
        if (!split.ok())
            return Error(ErrorCode::BadInput,
                         OnlineChangeWriter::tr("the online form written does not parse: %1")
                             .arg(split.error->toString()));
    }
    return {};
}

} // namespace

Result<OnlineChangeScripts> OnlineChangeWriter::write(PgConnection &catalog,
                                                      const OnlineChange &change,
                                                      const QString &expandVersion)
{
    if (const Result<MigrationVersion> version = MigrationVersion::parse(expandVersion); !version)
        return version.error().in(tr("the expand's version"));
    Result<OnlineChangeScripts> scripts = OnlineChangeScripts{};
    switch (change.kind) {
    case OnlineChange::Kind::RenameTable:
        scripts = renameTable(catalog, change, expandVersion);
        break;
    case OnlineChange::Kind::SetNotNull:
        scripts = setNotNull(catalog, change, expandVersion);
        break;
    case OnlineChange::Kind::RenameColumn:
    case OnlineChange::Kind::ChangeType:
        scripts = copyColumn(catalog, change, expandVersion);
        break;
    case OnlineChange::Kind::SplitColumn:
        scripts = splitColumn(catalog, change, expandVersion);
        break;
    }
    if (!scripts)
        return scripts;
    if (const Status split = splitsAsWritten(*scripts); !split)
        return split.error();
    return scripts;
}

Result<OnlineChangeScripts> OnlineChangeWriter::copyColumn(PgConnection &catalog,
                                                           const OnlineChange &change,
                                                           const QString &expandVersion)
{
    const auto found = OnlineColumnChecks::tableAndColumn(catalog, change);
    if (!found)
        return found.error();
    const OnlineCatalog::Table *table = &found->first;
    const OnlineCatalog::Column *column = &found->second;
    const bool typeChange = change.kind == OnlineChange::Kind::ChangeType;
    if (typeChange) {
        const Result<std::optional<OnlineChangeScripts>> single = catalogOnlyTypeChange(
            catalog, change, OnlineColumnChecks::tableText(*table), column->type);
        if (!single)
            return single.error();
        if (single->has_value())
            return **single;
    } else if (const std::optional<Error> taken
               = OnlineColumnChecks::nameTaken(catalog, *table, change.newName)) {
        return *taken;
    }
    OnlineColumnCopy::Plan plan;
    if (const std::optional<Error> no
        = OnlineColumnChecks::copyRefusal(catalog, *table, *column, typeChange, &plan.indexes))
        return *no;
    const Result<QList<OnlineCatalog::Grant>> grants
        = OnlineCatalog::columnGrants(catalog, *table, *column);
    if (!grants)
        return grants.error();
    plan.grants = *grants;
    plan.typeChange = typeChange;
    plan.schema = table->schema;
    plan.table = table->name;
    plan.old = *column;
    plan.hash = OnlineColumnChecks::hashOf(change, *table);
    plan.describe = change.describe();
    plan.usingExpr = change.usingExpr;
    if (typeChange) {
        plan.copy = OnlineColumnCopy::helperName(plan.hash, {});
        plan.copyType = QString::fromUtf8(change.newType);
    } else {
        plan.copy = change.newName;
        plan.copyType = column->type
            + (column->collation.isEmpty() ? QString()
                                           : QStringLiteral(" COLLATE ") + column->collation);
    }
    OnlineChangeScripts scripts;
    OnlineColumnCopy(plan).write(scripts, expandVersion);
    if (typeChange && !change.usingExpr.isEmpty())
        scripts.notes << tr("The trigger computes the new column with the USING expression over "
                            "each row written; a name in it that is also a PL/pgSQL variable "
                            "(new, old, found, tg_op) is ambiguous there.");
    if (const std::optional<QString> triggers = triggerNote(*table, plan))
        scripts.notes << *triggers;
    if (!plan.indexes.isEmpty())
        scripts.notes << tr("%n index(es) built again CONCURRENTLY by the expand.", nullptr,
                            int(plan.indexes.size()));
    return scripts;
}

Result<OnlineChangeScripts> OnlineChangeWriter::splitColumn(PgConnection &catalog,
                                                            const OnlineChange &change,
                                                            const QString &expandVersion)
{
    using C = OnlineColumnChecks;
    const auto found = C::tableAndColumn(catalog, change);
    if (!found)
        return found.error();
    const OnlineCatalog::Table *table = &found->first;
    const OnlineCatalog::Column *column = &found->second;
    for (const OnlineSplitPart &part : change.parts)
        if (const std::optional<Error> taken = C::nameTaken(catalog, *table, part.name))
            return *taken;
    QList<OnlineCatalog::Index> indexes;
    if (const std::optional<Error> no = C::copyRefusal(catalog, *table, *column, false, &indexes))
        return *no;
    if (!indexes.isEmpty())
        //: %1 the column, %2 the index
        return C::refused(C::columnText(*table, column->name),
                          tr("is in index %1, which the split drops with the column: drop it in "
                             "a migration of its own first")
                              .arg(C::quotedName(indexes.first().name)));
    OnlineColumnSplit::Plan plan{table->schema,    table->name,     *column,
                                 change.parts,     change.joinExpr, C::hashOf(change, *table),
                                 change.describe()};
    OnlineChangeScripts scripts;
    OnlineColumnSplit(plan).write(scripts, expandVersion);
    scripts.notes << tr("A row written through the new columns gets %1 from them by the join "
                        "expression; what %1 held beyond them is not kept for such a row.")
                         .arg(C::quotedName(column->name));
    if (table->columnGrants)
        scripts.notes << tr("%1 has column grants; the new columns do not get them: grant them "
                            "on them by hand where they are needed.")
                             .arg(C::tableText(*table));
    return scripts;
}

Result<std::optional<OnlineChangeScripts>>
OnlineChangeWriter::catalogOnlyTypeChange(PgConnection &catalog, const OnlineChange &change,
                                          const QString &qualifiedTable, const QString &oldType)
{
    QString statement = QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3")
                            .arg(qualifiedTable, OnlineColumnChecks::quotedName(change.column),
                                 QString::fromUtf8(change.newType));
    if (!change.usingExpr.isEmpty())
        statement += QStringLiteral(" USING ") + QString::fromUtf8(change.usingExpr);
    statement += u';';
    const PgParseTree tree = PgParseTree::parse(statement.toUtf8());
    if (!tree.ok() || tree.statements().size() != 1)
        return Error(
            ErrorCode::BadInput,
            tr("the type change written again does not parse: %1").arg(tree.errorMessage()));
    PlanForecast forecast;
    PlanForecast::Script script;
    StatementForecast item;
    item.forecast = StatementLockForecast::of(tree.statements().first().node);
    bool changes = false;
    for (const RelationLock &lock : std::as_const(item.forecast.locks)) {
        RelationSize size; // known: the catalog is asked (its numbers decide nothing here)
        size.name = lock.relation;
        forecast.sizes.insert(lock.relation, size);
        changes = changes || !lock.typeChanges.isEmpty();
    }
    script.statements << item;
    forecast.scripts << script;
    if (const Status spared = TypeChangeRewrites::spareCatalogOnly(catalog, forecast, {}); !spared)
        return spared.error();
    for (const RelationLock &lock :
         std::as_const(forecast.scripts.first().statements.first().forecast.locks))
        if (lock.maybeRewrites || lock.rewrites || lock.scans)
            return std::optional<OnlineChangeScripts>();
    if (!changes)
        return std::optional<OnlineChangeScripts>();
    OnlineChangeScripts scripts;
    scripts.single = true;
    const QString head = SqlComment::line(SqlComment::text(
        QStringLiteral("%1: PostgreSQL changes only the catalog (no rewrite, no scan); ACCESS "
                       "EXCLUSIVE is held for a moment.")
            .arg(change.describe())));
    scripts.expandUp = (head + u'\n' + statement + u'\n').toUtf8();
    scripts.expandDown
        = (SqlComment::line(QStringLiteral("Back to the old type.")) + u'\n'
           + QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3;\n")
                 .arg(qualifiedTable, OnlineColumnChecks::quotedName(change.column), oldType))
              .toUtf8();
    scripts.notes << tr("%1: PostgreSQL changes only the catalog, so this is one plain migration, "
                        "no expand and contract.")
                         .arg(change.describe());
    return std::optional<OnlineChangeScripts>(scripts);
}

Result<OnlineChangeScripts> OnlineChangeWriter::setNotNull(PgConnection &catalog,
                                                           const OnlineChange &change,
                                                           const QString &expandVersion)
{
    const auto found = OnlineColumnChecks::tableAndColumn(catalog, change);
    if (!found)
        return found.error();
    const OnlineCatalog::Table *table = &found->first;
    const OnlineCatalog::Column *column = &found->second;
    const QString name = OnlineColumnChecks::columnText(*table, column->name);
    if (column->notNull)
        return Error(ErrorCode::Conflict, tr("%1 is NOT NULL already").arg(name),
                     {{QStringLiteral("column"), name}});
    if (!OnlineColumnChecks::checkProvesNotNull(column->typeKind))
        return OnlineColumnChecks::refused(
            name,
            tr("is of a composite type or a domain, which no CHECK proves NOT "
               "NULL"));
    const QString t = OnlineColumnChecks::tableText(*table);
    const QString c = OnlineColumnChecks::quotedName(column->name);
    const QString k = OnlineColumnChecks::quotedName(OnlineColumnCopy::helperName(
        OnlineColumnChecks::hashOf(change, *table), QStringLiteral("not_null")));
    const QString add
        = QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;\n"
                         "ALTER TABLE %1 VALIDATE CONSTRAINT %2;\n")
              .arg(t, k, c);
    const auto line
        = [](const QString &text) { return SqlComment::line(SqlComment::text(text)) + u'\n'; };
    OnlineChangeScripts scripts;
    scripts.expandUp
        = (QStringLiteral("-- uaip:no-transaction\n-- uaip:expand\n--\n")
           + line(QStringLiteral("Online change, the expand: %1.").arg(change.describe()))
           + line(QStringLiteral("A CHECK (%1 IS NOT NULL) added NOT VALID (a moment of ACCESS "
                                 "EXCLUSIVE), then validated without blocking writes; each "
                                 "statement commits on its own.")
                      .arg(c))
           + u'\n' + add)
              .toUtf8();
    scripts.expandDown
        = (line(QStringLiteral("Online change, the expand undone: %1.").arg(change.describe()))
           + u'\n' + QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2;\n").arg(t, k))
              .toUtf8();
    scripts.contractUp
        = (QStringLiteral("-- uaip:contract-of ") + expandVersion + QStringLiteral("\n--\n")
           + line(QStringLiteral("Online change, the contract: %1.").arg(change.describe()))
           + line(QStringLiteral("SET NOT NULL, which the valid CHECK spares its scan; the CHECK "
                                 "dropped."))
           + u'\n'
           + QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;\n"
                            "ALTER TABLE %1 DROP CONSTRAINT %3;\n")
                 .arg(t, c, k))
              .toUtf8();
    scripts.contractDown
        = (QStringLiteral("-- uaip:no-transaction\n--\n")
           + line(QStringLiteral("Online change, the contract undone: %1.").arg(change.describe()))
           + u'\n' + add
           + QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP NOT NULL;\n").arg(t, c))
              .toUtf8();
    return scripts;
}

Result<OnlineChangeScripts> OnlineChangeWriter::renameTable(PgConnection &catalog,
                                                            const OnlineChange &change,
                                                            const QString &expandVersion)
{
    const Result<OnlineCatalog::Table> table = OnlineCatalog::table(catalog, change.tableText());
    if (!table)
        return table.error();
    const QString old = OnlineColumnChecks::tableText(*table);
    if (table->kind != 'r' && table->kind != 'p')
        return OnlineColumnChecks::refused(old, tr("is no table"));
    const QString renamed = ParseTreeNames::qualifiedName({table->schema, change.newName});
    const Result<bool> taken = OnlineCatalog::nameTaken(catalog, table->schema, change.newName);
    if (!taken)
        return taken.error();
    if (*taken)
        return Error(ErrorCode::Conflict, tr("%1 exists already").arg(renamed),
                     {{QStringLiteral("table"), renamed}});
    const Result<QList<OnlineCatalog::Grant>> grants = OnlineCatalog::grants(catalog, *table);
    if (!grants)
        return grants.error();
    static const QStringList privileges{QStringLiteral("SELECT"),   QStringLiteral("INSERT"),
                                        QStringLiteral("UPDATE"),   QStringLiteral("DELETE"),
                                        QStringLiteral("TRUNCATE"), QStringLiteral("REFERENCES"),
                                        QStringLiteral("TRIGGER")};
    QStringList view{QStringLiteral("CREATE VIEW %1 WITH (security_invoker = true) AS SELECT * "
                                    "FROM %2;")
                         .arg(old, renamed)};
    for (const OnlineCatalog::Grant &grant : *grants) {
        if (!privileges.contains(grant.privilege))
            return OnlineColumnChecks::refused(
                old, tr("has the privilege %1, which a view does not take").arg(grant.privilege));
        view << QStringLiteral("GRANT %1 ON %2 TO %3%4;")
                    .arg(grant.privilege, old,
                         grant.grantee.isEmpty() ? QStringLiteral("PUBLIC")
                                                 : OnlineColumnChecks::quotedName(grant.grantee),
                         grant.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
    }
    const auto line
        = [](const QString &text) { return SqlComment::line(SqlComment::text(text)) + u'\n'; };
    const QString views = view.join(u'\n') + u'\n';
    OnlineChangeScripts scripts;
    scripts.expandUp
        = (QStringLiteral("-- uaip:expand\n--\n")
           + line(QStringLiteral("Online change, the expand: %1.").arg(change.describe()))
           + line(QStringLiteral("The table takes its new name; a view of the old name (security "
                                 "invoker, automatically updatable) keeps the old name working "
                                 "for reads and writes, with the table's grants; one transaction."))
           + u'\n'
           + QStringLiteral("ALTER TABLE %1 RENAME TO %2;\n")
                 .arg(old, OnlineColumnChecks::quotedName(change.newName))
           + views)
              .toUtf8();
    scripts.expandDown
        = (line(QStringLiteral("Online change, the expand undone: %1.").arg(change.describe()))
           + u'\n'
           + QStringLiteral("DROP VIEW %1;\nALTER TABLE %2 RENAME TO %3;\n")
                 .arg(old, renamed, OnlineColumnChecks::quotedName(table->name)))
              .toUtf8();
    scripts.contractUp
        = (QStringLiteral("-- uaip:contract-of ") + expandVersion + QStringLiteral("\n--\n")
           + line(QStringLiteral("Online change, the contract: %1.").arg(change.describe()))
           + line(QStringLiteral("The view of the old name dropped.")) + u'\n'
           + QStringLiteral("DROP VIEW %1;\n").arg(old))
              .toUtf8();
    scripts.contractDown
        = (line(QStringLiteral("Online change, the contract undone: %1.").arg(change.describe()))
           + line(QStringLiteral("The view of the old name again, with the table's grants."))
           + u'\n' + views)
              .toUtf8();
    //: %1 the old name (a view during the expand), %2 the new one
    scripts.notes << tr("Until the contract %1 is a view: COPY ... FROM and TRUNCATE of it fail "
                        "(a view takes neither), as do CREATE INDEX and ALTER TABLE ... ADD "
                        "COLUMN on it; a writer or migration that needs them names %2 from the "
                        "expand on.")
                         .arg(old, renamed);
    if (table->columnGrants)
        scripts.notes << tr("%1 has column grants; the view of the old name does not get them: "
                            "grant them on it by hand if the old name needs them.")
                             .arg(old);
    return scripts;
}

} // namespace uaip
