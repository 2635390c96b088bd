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
        return QString();
    }
    // Why rows cannot be inserted into this relation; empty when they can (a primary key is
    // only needed to change or delete a row).
    QString insertReadOnlyReason() const
    {
        if (kind != u'r' && kind != u'p')
            return tr("%1 is not a table; it is shown read-only.").arg(name);
        return QString();
    }
    QString displayName() const { return schema + u'.' + name; }
};

} // namespace uaip
