#include "sqlresultreader.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"

namespace uaip {

void SqlResultReader::readRows(const PgResult &pg, SqlResultSet *set)
{
    set->hasRows = true;
    set->columns.clear();
    set->columnTypes.clear();
    for (int c = 0; c < pg.columns(); ++c) {
        set->columns.append(pg.columnName(c));
        set->columnTypes.append(pg.columnType(c));
    }
    set->rows = rowsOf(pg);
    if (set->commandTag.isEmpty())
        set->commandTag = QStringLiteral("SELECT");
}

void SqlResultReader::readSource(PgConnection &connection, const PgResult &pg, SqlResultSet *set)
{
    set->sourceTable = sourceTable(connection, pg);
    if (set->sourceTable.isEmpty())
        return;
    // Without them the INSERT names every column (the old form), so a failed read only loses
    // the refinement, never rows.
    if (Result<ResultCopy::SourceColumns> columns
        = ResultCopy::readSourceColumns(connection, set->sourceTable))
        set->sourceColumns = columns.take();
}

QStringList SqlResultReader::sourceTable(PgConnection &connection, const PgResult &pg)
{
    const quint32 table = pg.columns() > 0 ? pg.columnTable(0) : 0; // 0: InvalidOid
    if (table == 0)
        return {};
    for (int c = 1; c < pg.columns(); ++c)
        if (pg.columnTable(c) != table)
            return {};
    PgResult name = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/source_table.sql")), {qint64(table)});
    if (!name.ok() || name.rows() != 1)
        return {}; // the INSERT asks for the table's name then
    return {name.value(0, 0), name.value(0, 1)};
}

QList<QVariantList> SqlResultReader::rowsOf(const PgResult &pg)
{
    QList<QVariantList> rows;
    const int n = pg.rows();
    const int columns = pg.columns();
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(pg.isNull(r, c) ? QVariant() : QVariant(pg.value(r, c)));
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace uaip
