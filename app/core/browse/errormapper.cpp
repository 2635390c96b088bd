#include "errormapper.h"

#include "db/pgconnection.h"

namespace uaip {

namespace {

const QByteArray kProbe = "SELECT CAST($1 AS %1)";
const QLatin1String kDataExceptionClass("22");

} // namespace

QString ErrorMapper::column(const PgError &error, const TableInfo &table,
                            const SaveStatement &statement, PgConnection *probe)
{
    const bool ourTable = error.table.isEmpty() || error.table == table.name;
    if (!error.column.isEmpty() && ourTable && table.columnIndex(error.column) >= 0)
        return error.column;
    if (!error.constraint.isEmpty() && ourTable) {
        const QStringList columns = table.constraintColumns.value(error.constraint);
        for (const QString &c : columns)
            if (statement.paramColumns.contains(table.columnIndex(c)))
                return c;
        if (!columns.isEmpty())
            return columns.first();
    }
    if (probe && probe->isOpen() && error.sqlState.startsWith(kDataExceptionClass)) {
        for (qsizetype i = 0; i < statement.paramColumns.size(); ++i) {
            const int c = statement.paramColumns[i];
            if (c < 0 || statement.sql.params.value(i).isNull())
                continue;
            const QByteArray sql
                = QByteArray(kProbe).replace("%1", table.columns[c].typeName.toUtf8());
            if (!probe->exec(sql, {statement.sql.params[i]}).ok())
                return table.columns[c].name;
        }
    }
    return QString();
}

} // namespace uaip
