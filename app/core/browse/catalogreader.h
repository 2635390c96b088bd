#pragma once

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
    static bool listTables(PgConnection &connection, QList<TableSummary> *tables, QString *error);
    static bool readTable(PgConnection &connection, const QString &schema, const QString &name,
                          TableInfo *table, QString *error);

private:
    static ColumnInfo::Kind kindOf(const QString &baseType, const QString &typeType,
                                   const QString &category);
    static QStringList jsonList(const QString &json);
};

} // namespace uaip
