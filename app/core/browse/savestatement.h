#pragma once

#include "boundsql.h"
#include "stagedrow.h"

#include <QList>

namespace uaip {

// One statement of a save and the staged row it comes from. paramColumns[i] is the table
// column that $i+1 writes (-1 for key and version parameters), so an error can be mapped
// back to a column.
struct SaveStatement
{
    QString rowKey;
    StagedRow::Kind kind = StagedRow::Kind::Update;
    BoundSql sql;
    QList<int> paramColumns;
    QVariantList primaryKey; // Update, Delete
};

} // namespace uaip
