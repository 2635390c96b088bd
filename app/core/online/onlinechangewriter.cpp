#include "onlinechangewriter.h"

#include "onlinecatalog.h"
#include "onlinecolumncopy.h"

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

QString quotedName(const QString &name)
{
    return ParseTreeNames::quoteIdentifier(name);
}

// The helper objects' hash: the same change, the same names.
QString hashOf(const OnlineChange &change, const OnlineCatalog::Table &table)
{
    const QByteArray key = QByteArray::number(int(change.kind)) + '\0' + table.schema.toUtf8()
        + '\0' + table.name.toUtf8() + '\0' + change.column.toUtf8() + '\0'
        + change.newName.toUtf8() + '\0' + change.newType + '\0' + change.usingExpr;
    return QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(10));
}

// schema.table.column as messages name it.
QString columnText(const OnlineCatalog::Table &table, const QString &column)
{
    return ParseTreeNames::qualifiedName({table.schema, table.name, column});
}

QString tableText(const OnlineCatalog::Table &table)
{
    return ParseTreeNames::qualifiedName({table.schema, table.name});
}

Error refused(const QString &object, const QString &why)
{
    //: %1 the column or table, %2 why
    return Error(ErrorCode::Refused,
                 OnlineChangeWriter::tr("%1 %2: no online form is written for it; write the "
                                        "change as a plain migration and run it in a quiet hour, "
                                        "or remove what holds it first")
                     .arg(object, why),
                 {{QStringLiteral("object"), object}});
}

// The table, and why no column of it can be copied online (partitioned, inherited, no key).
Result<OnlineCatalog::Table> columnTable(PgConnection &catalog, const OnlineChange &change)
{
    Result<OnlineCatalog::Table> table = OnlineCatalog::table(catalog, change.tableText());
    if (!table)
        return table;
    const QString name = tableText(*table);
    if (table->kind == 'p' || table->partition)
        return refused(name, OnlineChangeWriter::tr("is a partitioned table or a partition"));
    if (table->kind != 'r')
        return refused(name, OnlineChangeWriter::tr("is no table"));
    if (table->inherits)
        return refused(name, OnlineChangeWriter::tr("has inheritance parents or children"));
    return table;
}

Result<OnlineCatalog::Column> existingColumn(PgConnection &catalog,
                                             const OnlineCatalog::Table &table, const QString &name)
{
    const Result<std::optional<OnlineCatalog::Column>> column
        = OnlineCatalog::column(catalog, table, name);
    if (!column)
        return column.error();
    if (!column->has_value())
        return Error(ErrorCode::NotFound,
                     OnlineChangeWriter::tr("%1 does not exist on the database read")
                         .arg(columnText(table, name)),
                     {{QStringLiteral("column"), columnText(table, name)}});
    return **column;
}

// A type whose CHECK (x IS NOT NULL) does not prove x NOT NULL to PostgreSQL (a composite
// tests each field; a domain or pseudo-type is not looked into: scalar_columns.sql).
bool checkProvesNotNull(char typeKind)
{
    return typeKind != 'c' && typeKind != 'd' && typeKind != 'p';
}

QString constraintWords(const QString &kind)
{
    if (kind == u"p")
        return OnlineChangeWriter::tr("the primary key");
    if (kind == u"f")
        return OnlineChangeWriter::tr("a foreign key");
    if (kind == u"c")
        return OnlineChangeWriter::tr("a CHECK constraint");
    if (kind == u"u")
        return OnlineChangeWriter::tr("a UNIQUE constraint");
    if (kind == u"x")
        return OnlineChangeWriter::tr("an exclusion constraint");
    if (kind == u"view")
        return OnlineChangeWriter::tr("a view");
    if (kind == u"rule")
        return OnlineChangeWriter::tr("a rule");
    if (kind == u"generated")
        return OnlineChangeWriter::tr("a generated column");
    return OnlineChangeWriter::tr("an object");
}

// Why the column cannot be copied online (or the failed read); none when it can (its plain
// indexes are kept).
std::optional<Error> copyRefusal(PgConnection &catalog, const OnlineCatalog::Table &table,
                                 const OnlineCatalog::Column &column, bool typeChange,
                                 QList<OnlineCatalog::Index> *plainIndexes)
{
    const QString name = columnText(table, column.name);
    if (column.identity || column.generated)
        return refused(name, OnlineChangeWriter::tr("is an identity or generated column"));
    if (column.notNull && !checkProvesNotNull(column.typeKind))
        return refused(name,
                       OnlineChangeWriter::tr("is NOT NULL of a composite type or a domain, "
                                              "which no CHECK proves NOT NULL"));
    const Result<QList<OnlineCatalog::Use>> uses = OnlineCatalog::uses(catalog, table, column);
    if (!uses)
        return uses.error();
    for (const OnlineCatalog::Use &use : *uses)
        //: %1 what holds the column as the server names it, %2 its kind (a view, a foreign key)
        return refused(
            name,
            OnlineChangeWriter::tr("is in %1 (%2)").arg(use.object, constraintWords(use.kind)));
    const Result<QList<OnlineCatalog::Index>> indexes
        = OnlineCatalog::indexes(catalog, table, column);
    if (!indexes)
        return indexes.error();
    for (const OnlineCatalog::Index &index : *indexes) {
        QString why;
        if (index.expressions)
            why = OnlineChangeWriter::tr("an expression");
        else if (index.partial)
            why = OnlineChangeWriter::tr("a partial index");
        else if (!index.plain)
            why = OnlineChangeWriter::tr("of several columns");
        else if (!index.valid)
            why = OnlineChangeWriter::tr("invalid: a build that failed");
        else if (typeChange && (!index.opclass.isEmpty() || !index.collation.isEmpty()))
            why = OnlineChangeWriter::tr("an operator class or collation of the old type");
        if (!why.isEmpty())
            //: %1 the index, %2 why it cannot be built again (an expression, a partial index)
            return refused(
                name,
                OnlineChangeWriter::tr("is in index %1 (%2)").arg(quotedName(index.name), why));
        *plainIndexes << index;
    }
    if (!table.hasPrimaryKey)
        return refused(tableText(table),
                       OnlineChangeWriter::tr("has no primary key, along which the backfill "
                                              "walks in batches"));
    return std::nullopt;
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
    const Result<OnlineCatalog::Table> table = columnTable(catalog, change);
    if (!table)
        return table.error();
    const Result<OnlineCatalog::Column> column = existingColumn(catalog, *table, change.column);
    if (!column)
        return column.error();
    const bool typeChange = change.kind == OnlineChange::Kind::ChangeType;
    if (typeChange) {
        const Result<std::optional<OnlineChangeScripts>> single
            = catalogOnlyTypeChange(catalog, change, tableText(*table), column->type);
        if (!single)
            return single.error();
        if (single->has_value())
            return **single;
    } else {
        const Result<std::optional<OnlineCatalog::Column>> taken
            = OnlineCatalog::column(catalog, *table, change.newName);
        if (!taken)
            return taken.error();
        if (taken->has_value())
            return Error(ErrorCode::Conflict,
                         tr("%1 exists already").arg(columnText(*table, change.newName)),
                         {{QStringLiteral("column"), columnText(*table, change.newName)}});
    }
    OnlineColumnCopy::Plan plan;
    if (const std::optional<Error> no
        = copyRefusal(catalog, *table, *column, typeChange, &plan.indexes))
        return *no;
    plan.typeChange = typeChange;
    plan.schema = table->schema;
    plan.table = table->name;
    plan.old = *column;
    plan.hash = hashOf(change, *table);
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
    if (table->columnGrants)
        scripts.notes << tr("%1 has column grants; the new column does not get them: grant them "
                            "on it by hand where they are needed.")
                             .arg(tableText(*table));
    if (!plan.indexes.isEmpty())
        scripts.notes << tr("%n index(es) built again CONCURRENTLY by the expand.", nullptr,
                            int(plan.indexes.size()));
    return scripts;
}

Result<std::optional<OnlineChangeScripts>>
OnlineChangeWriter::catalogOnlyTypeChange(PgConnection &catalog, const OnlineChange &change,
                                          const QString &qualifiedTable, const QString &oldType)
{
    QString statement
        = QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3")
              .arg(qualifiedTable, quotedName(change.column), QString::fromUtf8(change.newType));
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
    scripts.expandDown = (SqlComment::line(QStringLiteral("Back to the old type.")) + u'\n'
                          + QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3;\n")
                                .arg(qualifiedTable, quotedName(change.column), oldType))
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
    const Result<OnlineCatalog::Table> table = columnTable(catalog, change);
    if (!table)
        return table.error();
    const Result<OnlineCatalog::Column> column = existingColumn(catalog, *table, change.column);
    if (!column)
        return column.error();
    const QString name = columnText(*table, column->name);
    if (column->notNull)
        return Error(ErrorCode::Conflict, tr("%1 is NOT NULL already").arg(name),
                     {{QStringLiteral("column"), name}});
    if (!checkProvesNotNull(column->typeKind))
        return refused(name,
                       tr("is of a composite type or a domain, which no CHECK proves NOT "
                          "NULL"));
    const QString t = tableText(*table);
    const QString c = quotedName(column->name);
    const QString k = quotedName(
        OnlineColumnCopy::helperName(hashOf(change, *table), QStringLiteral("not_null")));
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
    const QString old = tableText(*table);
    if (table->kind != 'r' && table->kind != 'p')
        return refused(old, tr("is no table"));
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
            return refused(
                old, tr("has the privilege %1, which a view does not take").arg(grant.privilege));
        view << QStringLiteral("GRANT %1 ON %2 TO %3%4;")
                    .arg(grant.privilege, old,
                         grant.grantee.isEmpty() ? QStringLiteral("PUBLIC")
                                                 : quotedName(grant.grantee),
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
           + QStringLiteral("ALTER TABLE %1 RENAME TO %2;\n").arg(old, quotedName(change.newName))
           + views)
              .toUtf8();
    scripts.expandDown
        = (line(QStringLiteral("Online change, the expand undone: %1.").arg(change.describe()))
           + u'\n'
           + QStringLiteral("DROP VIEW %1;\nALTER TABLE %2 RENAME TO %3;\n")
                 .arg(old, renamed, quotedName(table->name)))
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
    if (table->columnGrants)
        scripts.notes << tr("%1 has column grants; the view of the old name does not get them: "
                            "grant them on it by hand if the old name needs them.")
                             .arg(old);
    return scripts;
}

} // namespace uaip
