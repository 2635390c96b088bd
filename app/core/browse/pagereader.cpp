#include "pagereader.h"

#include "db/pgconnection.h"
#include "db/transaction.h"

#include <optional>

#include <algorithm>

namespace uaip {

Result<QList<RowData>> PageReader::read(PgConnection &c, const QueryBuilder &qb,
                                        QueryBuilder::PageMode mode, const QVariantList &key,
                                        qint64 offset, int limit)
{
    QList<RowData> out;
    QList<RowData> *rows = &out;
    // A free WHERE clause runs inside a READ ONLY transaction (on top of the session's
    // default_transaction_read_only for read-only profiles).
    std::optional<Transaction> readOnly;
    if (qb.usesFreeClause()) {
        readOnly.emplace(c);
        if (Status s = readOnly->begin(TransactionOptions::readOnlyRolledBack()); !s)
            return s.error();
    }
    Error error;
    for (BoundSql part : qb.pageParts(mode, key, offset)) {
        part.params << QString::number(limit - rows->size());
        const PgResult r = c.exec(part.sql, part.params);
        if (!r.ok()) {
            error = Error(r.error());
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
    readOnly.reset(); // rolled back: it only read
    if (error.isSet())
        return error;
    if (mode == QueryBuilder::PageMode::Before || mode == QueryBuilder::PageMode::Tail)
        std::reverse(rows->begin(), rows->end());
    return out;
}

} // namespace uaip
