#include "referencesearch.h"

#include "catalogreader.h"
#include "db/pgconnection.h"
#include "querybuilder.h"

namespace uaip {

Result<QList<ReferenceSearch::Match>>
ReferenceSearch::search(PgConnection &connection, const QString &schema, const QString &table,
                        const QString &column, const QString &text, int limit)
{
    Result<TableInfo> read = CatalogReader::readTable(connection, schema, table);
    if (!read)
        return read.error();
    const TableInfo &info = read.value();
    const int valueColumn = info.columnIndex(column);
    if (valueColumn < 0) {
        return Error(ErrorCode::NotFound, tr("%1 has no column %2").arg(info.displayName(), column),
                     {{QStringLiteral("table"), table}, {QStringLiteral("column"), column}});
    }
    int labelColumn = -1;
    for (int i = 0; i < info.columns.size() && labelColumn < 0; ++i)
        if (info.columns[i].kind == ColumnInfo::Kind::Text && i != valueColumn)
            labelColumn = i;
    BrowseQuery query;
    if (!text.isEmpty())
        query.filters << ColumnFilter{
            info.columns[labelColumn >= 0 ? labelColumn : valueColumn].name,
            ColumnFilter::Op::Contains,
            text,
            {}};
    const QueryBuilder qb(info, query);
    BoundSql sql = qb.pageParts(QueryBuilder::PageMode::Head).first();
    sql.params << QString::number(limit);
    const PgResult r = connection.exec(sql.sql, sql.params);
    if (!r.ok())
        return Error(r.error());
    QList<Match> matches;
    for (int i = 0; i < r.rows(); ++i)
        matches.append({r.value(i, valueColumn + 2),
                        labelColumn >= 0 ? r.value(i, labelColumn + 2) : QString()});
    return matches;
}

} // namespace uaip
