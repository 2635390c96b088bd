#pragma once

#include <QString>
#include <QVariantList>

namespace uaip {

// One row as loaded: values as the server's text (null QVariant = NULL), and the system
// columns that identify the row version (xmin) and, without a primary key, the row (ctid).
struct RowData
{
    QString xmin;
    QString ctid;
    QVariantList values;
};

} // namespace uaip
