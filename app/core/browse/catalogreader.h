#pragma once

#include "error/result.h"

#include "tableinfo.h"
#include "tablesummary.h"

#include <QList>

namespace uaip {

class PgConnection;
class PgResult;

// Reads the catalog (SQL in browse/sql/*.sql): the relations for the tree, and one relation's
// columns, keys and constraints. Runs on whatever thread owns the connection.
class CatalogReader
{
public:
    // Every relation for the tree (browse/sql/tables.sql: one catalog statement, never waiting
    // on a table lock) with its estimate, primary key, domain and extension; also what the tree
    // reads again for fresh estimates.
    static Result<QList<TableSummary>> listTables(PgConnection &connection);
    // A relation that is gone: 42P01 with schema and table set.
    static Result<TableInfo> readTable(PgConnection &connection, const QString &schema,
                                       const QString &name);
    // What the first page needs, from the catalogs a new session reads fastest: the relation,
    // its columns' names, types and limits, and the primary key. Not read: defaults, enum
    // labels, sortability (false), constraints, foreign keys; readTable reads everything.
    static Result<TableInfo> readFirst(PgConnection &connection, const QString &schema,
                                       const QString &name);

private:
    static TableInfo tableOf(PgConnection &connection, const QString &schema, const QString &name,
                             const PgResult &rel, const PgResult &cols);
    static ColumnInfo::Kind kindOf(const QString &baseType, const QString &typeType,
                                   const QString &category);
    static QStringList jsonList(const QString &json);
};

} // namespace uaip
