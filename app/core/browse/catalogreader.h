#pragma once

#include "db/dbresult.h"

#include "tableinfo.h"
#include "tablesummary.h"

#include <QList>

namespace uaip {

class PgConnection;

// Reads the catalog (SQL in browse/sql/*.sql): the relations for the tree, and one relation's
// columns, keys and constraints. Runs on whatever thread owns the connection.
class CatalogReader
{
public:
    static DbResult<QList<TableSummary>> listTables(PgConnection &connection);
    // A relation that is gone: 42P01 with schema and table set.
    static DbResult<TableInfo> readTable(PgConnection &connection, const QString &schema,
                                         const QString &name);

private:
    static ColumnInfo::Kind kindOf(const QString &baseType, const QString &typeType,
                                   const QString &category);
    static QStringList jsonList(const QString &json);
};

} // namespace uaip
