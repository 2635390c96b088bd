#pragma once

#include "sqlresultset.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace uaip {

class PgConnection;
class PgResult;

// Reads what a statement of the SQL console returned (SqlRunner's results, and the pages of
// its cursors) into the console's rows: text values, a null QVariant for SQL NULL.
class SqlResultReader
{
public:
    // The columns, their types and the rows of pg into set (a command tag of SELECT when it
    // has none).
    static void readRows(const PgResult &pg, SqlResultSet *set);
    // Schema and name of the one table every column of pg comes from (empty otherwise), and
    // that table's generated and identity columns, into set.
    static void readSource(PgConnection &connection, const PgResult &pg, SqlResultSet *set);
    static QList<QVariantList> rowsOf(const PgResult &pg);

private:
    static QStringList sourceTable(PgConnection &connection, const PgResult &pg);
};

} // namespace uaip
