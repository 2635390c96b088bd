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
    // Heap, indexes and TOAST: pg_class.relpages (as of the last VACUUM, ANALYZE or index build)
    // times the block size, and the heap on disk of a table never analyzed.
    qint64 totalBytes = 0;
    // The heap on disk of the tables never analyzed (rowsUnknown): what their rows may be.
    qint64 unknownRowsBytes = 0;
    bool partitioned = false; // the table is a partitioned table (its rows are its partitions')
};

} // namespace uaip
