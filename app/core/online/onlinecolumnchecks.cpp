#include "onlinecolumnchecks.h"

#include "onlinechange.h"
#include "onlinechangewriter.h"

#include "sqlparse/parsetreenames.h"

#include <QCryptographicHash>

namespace uaip {

QString OnlineColumnChecks::quotedName(const QString &name)
{
    return ParseTreeNames::quoteIdentifier(name);
}

// The helper objects' hash: the same change, the same names.
QString OnlineColumnChecks::hashOf(const OnlineChange &change, const OnlineCatalog::Table &table)
{
    QByteArray key = QByteArray::number(int(change.kind)) + '\0' + table.schema.toUtf8() + '\0'
        + table.name.toUtf8() + '\0' + change.column.toUtf8() + '\0' + change.newName.toUtf8()
        + '\0' + change.newType + '\0' + change.usingExpr;
    QByteArray split = change.joinExpr; // a split: its columns and expressions too
    for (const OnlineSplitPart &p : change.parts)
        split += '\0' + p.name.toUtf8() + '\0' + p.type + '\0' + p.expr;
    if (!change.parts.isEmpty())
        key += '\0' + split;
    return QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(10));
}

// schema.table.column as messages name it.
QString OnlineColumnChecks::columnText(const OnlineCatalog::Table &table, const QString &column)
{
    return ParseTreeNames::qualifiedName({table.schema, table.name, column});
}

QString OnlineColumnChecks::tableText(const OnlineCatalog::Table &table)
{
    return ParseTreeNames::qualifiedName({table.schema, table.name});
}

Error OnlineColumnChecks::refused(const QString &object, const QString &why)
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
Result<OnlineCatalog::Table> OnlineColumnChecks::columnTable(PgConnection &catalog,
                                                             const OnlineChange &change)
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

Result<OnlineCatalog::Column> OnlineColumnChecks::existingColumn(PgConnection &catalog,
                                                                 const OnlineCatalog::Table &table,
                                                                 const QString &name)
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
bool OnlineColumnChecks::checkProvesNotNull(char typeKind)
{
    return typeKind != 'c' && typeKind != 'd' && typeKind != 'p';
}

QString OnlineColumnChecks::constraintWords(const QString &kind)
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
    if (kind == u"n") // PostgreSQL 18: a NOT NULL not yet validated is a constraint of its own
        return OnlineChangeWriter::tr("a NOT VALID NOT NULL constraint");
    if (kind == u"view")
        return OnlineChangeWriter::tr("a view");
    if (kind == u"rule")
        return OnlineChangeWriter::tr("a rule");
    if (kind == u"generated")
        return OnlineChangeWriter::tr("a generated column");
    if (kind == u"sequence")
        return OnlineChangeWriter::tr("a sequence the column owns, as a serial column's");
    if (kind == u"policy")
        return OnlineChangeWriter::tr("a row-level security policy");
    if (kind == u"trigger")
        return OnlineChangeWriter::tr("a trigger's UPDATE OF list");
    if (kind == u"statistics")
        return OnlineChangeWriter::tr("extended statistics");
    return OnlineChangeWriter::tr("an object");
}

// Why the column cannot be copied online (or the failed read); none when it can (its plain
// indexes are kept).
std::optional<Error> OnlineColumnChecks::copyRefusal(PgConnection &catalog,
                                                     const OnlineCatalog::Table &table,
                                                     const OnlineCatalog::Column &column,
                                                     bool typeChange,
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
        else if (index.replicaIdentity)
            why = OnlineChangeWriter::tr("the table's replica identity");
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

Result<std::pair<OnlineCatalog::Table, OnlineCatalog::Column>>
OnlineColumnChecks::tableAndColumn(PgConnection &catalog, const OnlineChange &change)
{
    Result<OnlineCatalog::Table> table = columnTable(catalog, change);
    if (!table)
        return table.error();
    Result<OnlineCatalog::Column> column = existingColumn(catalog, *table, change.column);
    if (!column)
        return column.error();
    return std::pair{table.take(), column.take()};
}

std::optional<Error> OnlineColumnChecks::nameTaken(PgConnection &catalog,
                                                   const OnlineCatalog::Table &table,
                                                   const QString &name)
{
    const Result<std::optional<OnlineCatalog::Column>> taken
        = OnlineCatalog::column(catalog, table, name);
    if (!taken)
        return taken.error();
    if (!taken->has_value())
        return std::nullopt;
    return Error(ErrorCode::Conflict,
                 OnlineChangeWriter::tr("%1 exists already").arg(columnText(table, name)),
                 {{QStringLiteral("column"), columnText(table, name)}});
}

} // namespace uaip
