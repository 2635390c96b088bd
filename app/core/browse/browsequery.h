#pragma once

#include "columnfilter.h"

#include <QList>

namespace uaip {

// What the grid shows of a table: per-column filters (ANDed), a free WHERE clause that the
// server has checked (WhereClauseChecker), and the sort column (empty = primary key order).
struct BrowseQuery
{
    QList<ColumnFilter> filters;
    QString whereClause;
    QString sortColumn;
    bool descending = false;

    bool operator==(const BrowseQuery &) const = default;
};

} // namespace uaip
