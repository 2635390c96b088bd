#pragma once

#include "columninfo.h"
#include "foreignkeyinfo.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace uaip {

// Everything the browser needs to know about one relation, read from the catalog.
struct TableInfo
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TableInfo)

public:
    quint32 oid = 0;
    QString schema;
    QString name;
    QByteArray quotedName; // "schema"."name", quoted by libpq
    QChar kind; // r, p, v, m, f
    qint64 estimate = -1;
    QList<ColumnInfo> columns;
    QList<int> primaryKey; // column indexes in key order
    QList<ForeignKeyInfo> foreignKeys;
    QList<ForeignKeyInfo> referencedBy;
    QHash<QString, QStringList> constraintColumns; // constraint or unique index -> columns
    // What the current role (role) may do with the rows: INSERT or UPDATE some column, DELETE.
    bool mayInsert = true;
    bool mayUpdate = true;
    bool mayDelete = true;
    QString role;

    bool isValid() const { return oid != 0; }
    bool hasPrimaryKey() const { return !primaryKey.isEmpty(); }
    // Plain and partitioned tables have xmin and ctid; views and foreign tables do not.
    bool hasSystemColumns() const { return kind == u'r' || kind == u'p' || kind == u'm'; }
    int columnIndex(const QString &column) const
    {
        for (int i = 0; i < columns.size(); ++i)
            if (columns[i].name == column)
                return i;
        return -1;
    }
    // Why rows of this relation cannot be edited; empty when they can.
    QString readOnlyReason() const
    {
        if (kind != u'r' && kind != u'p')
            return tr("%1 is not a table; it is shown read-only.").arg(name);
        if (!hasPrimaryKey())
            return tr("%1 has no primary key, so a row cannot be identified "
                      "safely: new rows can be inserted, existing ones are not "
                      "changed or deleted.")
                .arg(name);
        if (!mayUpdate && !mayDelete)
            return tr("role %1 may neither UPDATE nor DELETE rows of %2 (no privilege).")
                .arg(role, displayName());
        return QString();
    }
    // Why existing rows cannot be deleted; empty when they can.
    QString deleteReadOnlyReason() const
    {
        if (const QString reason = readOnlyReason(); !reason.isEmpty())
            return reason;
        if (!mayDelete)
            return tr("role %1 may not DELETE rows of %2 (no privilege).").arg(role, displayName());
        return QString();
    }
    // Why column c of an existing row (update) or of a new row (insert) cannot be written;
    // empty when it can.
    QString columnReadOnlyReason(int c, bool insert) const
    {
        const ColumnInfo &column = columns.value(c);
        if (column.generated)
            return tr("%1.%2 is a generated column.").arg(displayName(), column.name);
        if (column.identity == QLatin1String("a"))
            return tr("%1.%2 is an identity column (GENERATED ALWAYS).")
                .arg(displayName(), column.name);
        if (insert ? !column.mayInsert : !column.mayUpdate)
            return tr("role %1 may not %2 column %3.%4 (no privilege).")
                .arg(role, insert ? QStringLiteral("INSERT") : QStringLiteral("UPDATE"),
                     displayName(), column.name);
        return QString();
    }
    // Why rows cannot be inserted into this relation; empty when they can (a primary key is
    // only needed to change or delete a row).
    QString insertReadOnlyReason() const
    {
        if (kind != u'r' && kind != u'p')
            return tr("%1 is not a table; it is shown read-only.").arg(name);
        if (!mayInsert)
            return tr("role %1 may not INSERT rows into %2 (no privilege).")
                .arg(role, displayName());
        return QString();
    }
    QString displayName() const { return schema + u'.' + name; }
};

} // namespace uaip
