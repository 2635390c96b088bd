#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// A foreign key from `columns` of one table to `refColumns` of `refSchema`.`refTable`.
// For TableInfo::referencedBy, schema/table name the referencing table and refColumns are
// the columns of the browsed table.
struct ForeignKeyInfo
{
    QString name;
    QString schema; // referencing table (referencedBy only)
    QString table; // referencing table (referencedBy only)
    QStringList columns;
    QString refSchema;
    QString refTable;
    QStringList refColumns;
};

} // namespace uaip
