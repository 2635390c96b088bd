#pragma once

#include <QString>
#include <QtGlobal>

namespace uaip {

// How big the table behind a relation name is right now (RelationSizes): what a lock on it
// makes wait, and for how long a rewrite or scan under that lock may run.
struct RelationSize
{
    QString name; // as asked (as the statement writes it)
    QString resolved; // the relation it resolved to, as regclass prints it
    QString table; // the table the numbers are of: the relation itself, or an index's table
    // pg_class.reltuples (summed over the leaf partitions of a partitioned table), rounded;
    // 0 when unknown.
    qint64 rows = 0;
    // A table (or leaf partition) was never vacuumed or analyzed (reltuples -1): rows leaves
    // it out, and may be short.
    bool rowsUnknown = false;
    qint64 totalBytes = 0; // pg_total_relation_size: heap, indexes and TOAST
    bool partitioned = false; // the table is a partitioned table (its rows are its partitions')
};

} // namespace uaip
