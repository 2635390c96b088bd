#pragma once

#include "objectkind.h"

#include <QMap>
#include <QString>

namespace uaip {

// One node of the object browser as ObjectCatalog reads it. Names are the catalog's, as they
// are (a quote, a semicolon or a line break in a name stays in it); identity is the object as
// SQL writes it, every part quoted where needed ("app.items", "app.add(a integer, b integer)",
// "items_pkey ON app.items" for a constraint).
struct CatalogNode
{
    ObjectKind kind = ObjectKind::Table;
    QString schema; // empty for a schema, an extension, a role
    QString name;
    quint32 oid = 0; // a column's is its table's
    QString identity;
    QString parent; // a child's table (its identity); empty otherwise
    qint64 childCount = 0; // a table's or view's columns, a schema's objects
    // Bytes on disk where a size applies (table with TOAST and indexes, materialized view,
    // sequence, index, partition), else -1: pg_total_relation_size; in a schema's listing
    // (ObjectCatalog::objects) the catalog's estimate instead (sizeEstimated).
    qint64 sizeBytes = -1;
    bool sizeEstimated = false;
    // sizeBytes's parts for a table, partition or materialized view (else -1), measured or
    // estimated as it is: tableBytes the heap with its free-space and visibility maps and its
    // TOAST table with that one's index (pg_table_size), indexBytes its indexes
    // (pg_indexes_size). An estimate (relpages) leaves the maps out.
    qint64 tableBytes = -1;
    qint64 indexBytes = -1;
    QString comment;
    // What the browser shows beside the name: a column's type, a constraint's or index's
    // definition, a function's result type, a partition's bound, "partitioned", an
    // extension's version.
    QString detail;
    // The definition was not read: the server would have waited on another session's lock on
    // the table to deparse it (ObjectCatalog::children); detail is empty, the DDL refused.
    bool detailLocked = false;
    QMap<ObjectKind, qint64> counts; // a schema's objects per kind (ObjectCatalog::schemas)

    bool hasChildren() const { return childCount > 0; }
};

} // namespace uaip
