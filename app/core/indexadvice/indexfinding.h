#pragma once

#include <QString>

namespace uaip {

// Something wrong with one index (IndexHealthReader), with its evidence and its action: the
// statement that fixes it and the one that undoes that, each one statement for a no-transaction
// migration (CONCURRENTLY: nothing the platform runs waits on it).
struct IndexFinding
{
    enum class Kind {
        Unused, // no scan since the statistics' reset; nothing stands on it
        Duplicate, // the same keys, method, expressions and predicate as another index
        Covered, // its keys lead another B-tree index's keys
        Invalid, // a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY left it
        Bloated, // its leaves are less than half as dense as a fresh build (pgstatindex)
    };

    Kind kind = Kind::Unused;
    QString schema;
    QString table;
    QString index;
    QString other; // Duplicate, Covered: the index that stays
    QString otherDefinition; // its pg_get_indexdef
    QString countedSince; // Unused: since when no scan was counted (UTC, IndexHealthReport)
    qint64 bytes = 0;
    qint64 scans = 0;
    QString evidence; // the numbers, one sentence
    QString statement; // DROP INDEX CONCURRENTLY ... / REINDEX INDEX CONCURRENTLY ...
    QString down; // what undoes it (the index's definition, CONCURRENTLY), empty for REINDEX
    QString definition; // pg_get_indexdef of the index, schema-qualified

    static QString kindName(Kind kind); // "unused", "duplicate", ...
};

} // namespace uaip
