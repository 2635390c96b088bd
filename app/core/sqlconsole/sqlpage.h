#pragma once

#include <QList>
#include <QVariantList>

namespace uaip {

// The next rows of a cursor (SqlRunner::fetch).
struct SqlPage
{
    QList<QVariantList> rows;
    bool done = false; // the cursor is exhausted and closed
};

} // namespace uaip
