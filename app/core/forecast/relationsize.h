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
    // The planner's estimate (estimate_rel_size): reltuples / relpages times the heap's pages
    // now, or the density of the row width for a table never analyzed; summed over the leaf
    // partitions of a partitioned table, rounded. A heap another session holds ACCESS EXCLUSIVE
    // on: reltuples or the statistics' live tuples, the bigger.
    qint64 rows = 0;
    // A table (or leaf partition) was never vacuumed or analyzed (reltuples -1): its rows are
    // the row width's guess.
    bool rowsUnknown = false;
    // The heap on disk now, its indexes and TOAST table as of their last VACUUM, ANALYZE or
    // build (pg_class.relpages), times the block size.
    qint64 totalBytes = 0;
    // The heap on disk of the tables never analyzed (rowsUnknown): what their rows may be.
    qint64 unknownRowsBytes = 0;
    bool partitioned = false; // the table is a partitioned table (its rows are its partitions')
};

} // namespace uaip
