#pragma once

#include "foreignentry.h"
#include "foreigntool.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Another tool's history table found in the database, with its rows in the tool's order.
struct ForeignLedger
{
    ForeignTool tool;
    QString schema;
    QString table;
    // columns the tool does not create, after its own (a migration of the project added them:
    // "name type" as format_type() prints it)
    QStringList extraColumns;
    QList<ForeignEntry> entries;

    QString qualifiedName() const { return schema + u'.' + table; }
    int appliedCount() const
    {
        int n = 0;
        for (const ForeignEntry &e : entries)
            n += e.isApplied() ? 1 : 0;
        return n;
    }
};

} // namespace uaip
