#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// What a rollback would destroy, found by RollbackPreview: tables (with their row counts),
// columns of tables that survive, and every other object (types, functions, indexes, ...).
struct RollbackImpact
{
    struct Table
    {
        QString name;
        qint64 rows = -1; // -1: could not be counted
        QString oid;
    };
    struct Column
    {
        QString table;
        QString column;
        QString type;
    };
    struct Object
    {
        QString kind; // view, index, function, enum type, trigger, constraint, schema, ...
                      // (English; ObjectKinds::display translates it)
        QString name; // its own name (schema-qualified where it has a schema)
        QString table; // a trigger's or constraint's table, else empty

        // "name on table" / "name"
        QString label() const
        {
            return table.isEmpty() ? name : name + QStringLiteral(" on ") + table;
        }
    };

    QStringList migrations; // ids rolled back, newest first
    QStringList versions; // their versions, the same order: the exact plan the run must match
    QList<Table> tables;
    QList<Column> columns;
    QList<Object> objects;
    QStringList notes; // what could not be previewed, one sentence each

    bool destroysNothing() const
    {
        return tables.isEmpty() && columns.isEmpty() && objects.isEmpty();
    }
    qint64 totalRows() const
    {
        qint64 n = 0;
        for (const Table &t : tables)
            n += qMax<qint64>(0, t.rows);
        return n;
    }
};

} // namespace uaip
