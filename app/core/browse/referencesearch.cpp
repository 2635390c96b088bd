#include "referencesearch.h"

#include "browse/catalogreader.h"
#include "browse/querybuilder.h"
#include "db/pgconnection.h"

namespace uaip {

bool ReferenceSearch::search(PgConnection &connection, const QString &schema, const QString &table,
                             const QString &column, const QString &text, int limit,
                             QList<Match> *matches, QString *error)
{
    matches->clear();
    TableInfo info;
    if (!CatalogReader::readTable(connection, schema, table, &info, error))
        return false;
    const int valueColumn = info.columnIndex(column);
    if (valueColumn < 0) {
        *error = QStringLiteral("%1 has no column %2").arg(info.displayName(), column);
        return false;
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
    if (!r.ok()) {
        *error = r.error().toString();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        matches->append({r.value(i, valueColumn + 2),
                         labelColumn >= 0 ? r.value(i, labelColumn + 2) : QString()});
    return true;
}

} // namespace uaip
