#include "pagereader.h"

#include "db/pgconnection.h"
#include "util/sqlresource.h"

#include <algorithm>

namespace uaip {

namespace {

QString errorOf(const PgResult &r, PgConnection &c)
{
    return r.handle() ? r.error().toString() : c.connectionError();
}

} // namespace

QString PageReader::read(PgConnection &c, const QueryBuilder &qb, QueryBuilder::PageMode mode,
                         const QVariantList &key, qint64 offset, int limit, QList<RowData> *rows)
{
    if (!c.isOpen())
        return c.connectionError();
    const bool readOnly = qb.usesFreeClause();
    if (readOnly)
        c.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
    QString error;
    for (BoundSql part : qb.pageParts(mode, key, offset)) {
        part.params << QString::number(limit - rows->size());
        const PgResult r = c.exec(part.sql, part.params);
        if (!r.ok()) {
            error = errorOf(r, c);
            break;
        }
        const int columns = r.columns();
        for (int i = 0; i < r.rows(); ++i) {
            RowData row;
            row.xmin = r.value(i, 0);
            row.ctid = r.value(i, 1);
            row.values.reserve(columns - 2);
            for (int j = 2; j < columns; ++j)
                row.values << (r.isNull(i, j) ? QVariant() : QVariant(r.value(i, j)));
            rows->append(std::move(row));
        }
        if (rows->size() >= limit)
            break;
    }
    if (readOnly)
        c.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
    if (mode == QueryBuilder::PageMode::Before || mode == QueryBuilder::PageMode::Tail)
        std::reverse(rows->begin(), rows->end());
    return error;
}

} // namespace uaip
