#pragma once

#include <QByteArray>
#include <QVariantList>

namespace uaip {

// One statement and its bound values ($1, $2, ...). Null QVariant = SQL NULL; values travel
// as text, the server infers their types from the statement.
struct BoundSql
{
    QByteArray sql;
    QVariantList params;
};

} // namespace uaip
