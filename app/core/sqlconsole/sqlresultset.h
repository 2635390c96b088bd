#pragma once

#include "resultcopy.h"
#include "sqlparse/textposition.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace uaip {

// What one statement of a run gave: rows (the first page of a server-side cursor, or all rows
// of a statement that cannot be read through one, such as SHOW or EXPLAIN), or a command tag
// with the rows it affected.
struct SqlResultSet
{
    int statementIndex = 0; // in the run
    TextPosition start; // of the statement in the script
    QString statement; // its text
    QStringList columns;
    QList<unsigned int> columnTypes; // type OIDs
    // Schema and name of the one table every column comes from (PQftable), for "Copy as SQL
    // INSERT"; empty when a column is computed or the columns come from several tables.
    QStringList sourceTable;
    // Its generated and GENERATED ALWAYS identity columns (the INSERT leaves the first out and
    // writes the second with OVERRIDING SYSTEM VALUE).
    ResultCopy::SourceColumns sourceColumns;
    QList<QVariantList> rows; // a null QVariant for SQL NULL, else the text value
    // The cursor the rest of the rows come from (FETCH); empty when every row is here.
    QByteArray cursor;
    bool hasRows = false; // the statement returns rows (even none)
    QString commandTag; // "SELECT 0", "INSERT 0 3", "CREATE TABLE", ...
    qint64 affectedRows = -1; // INSERT/UPDATE/DELETE/...; -1 when it does not say
    double durationMs = 0; // until its first page (or its end)
    // Set when the rows of an autocommit run's cursor ended early because the run went on
    // with a statement that needs its own transaction: only the first page is here.
    bool cutShort = false;
};

} // namespace uaip
