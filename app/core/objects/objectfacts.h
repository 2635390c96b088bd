#pragma once

#include "catalognode.h"

#include "error/result.h"

#include <QString>

namespace uaip {

class PgConnection;

// What the Objects view's detail pane shows of an object beside its DDL, read as it is now
// (objects/sql/facts.sql): a search's result or a dependency names the object but carries
// neither its comment nor its exact size. The comment of every kind that has one (a column's
// too); the size of a table, partition or materialized view in parts (heap with TOAST,
// indexes), of an index or sequence as one number. Never waits on a table lock: a locked
// relation's size is the catalog's estimate (estimated).
struct ObjectFacts
{
    QString comment;
    qint64 tableBytes = -1; // heap and TOAST; an index's or sequence's own size; -1: none applies
    qint64 indexBytes = -1; // a table's, partition's or materialized view's indexes; -1: none
    bool estimated = false;

    // Bytes on disk in all (pg_total_relation_size's measure), -1 where no size applies.
    qint64 totalBytes() const
    {
        return tableBytes < 0 ? -1 : tableBytes + qMax<qint64>(indexBytes, 0);
    }

    // The facts of object on connection's database (a CatalogQuery: search_path empty, READ
    // ONLY); NotFound when it no longer exists is not checked (an empty comment, no size).
    static Result<ObjectFacts> read(PgConnection &connection, const CatalogNode &object);
};

} // namespace uaip
