#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// A table a statement reads, as the catalog resolved the name it was written with.
struct ResolvedTable
{
    QString writtenName;
    qint64 oid = 0;
    QString schema;
    QString table;
    QString kind; // pg_class.relkind
    qint64 rows = 0;
    QStringList columns;
};

} // namespace uaip
