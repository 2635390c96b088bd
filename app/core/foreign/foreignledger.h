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
    quint32 tableOid = 0; // pg_class.oid of schema.table
    // columns the tool does not create, after its own (a migration of the project added them:
    // "name type" as format_type() prints it)
    QStringList extraColumns;
    QList<ForeignEntry> entries;
    QString owner; // the table's owner (a role's name)
    // Why the history is not the connected role's to believe (empty when it is): the table, or
    // a table that inherits from it, is owned by a role that is no superuser, not the connected
    // role and has not its privileges, which could have written any history there
    // (ForeignLedgerReader, as LedgerTrust judges the ledger). adopt refuses such a table.
    QString distrust;

    bool trusted() const { return distrust.isEmpty(); }

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
