#pragma once

#include "indexstats.h"
#include "tablestats.h"

#include <QList>

namespace uaip {

// The table and index statistics of one database.
struct DatabaseStats
{
    QList<TableStats> tables;
    QList<IndexStats> indexes;

    const TableStats *table(const QString &schema, const QString &name) const;
};

} // namespace uaip
