#pragma once

#include <QString>

namespace uaip {

// One statement of a workload snapshot: its counters so far and, for the statements an index
// could serve (a SELECT, an UPDATE or DELETE with a WHERE), its generic plan's shape and cost
// (empty and -1 for the others).
struct SnapshotQuery
{
    QString queryId;
    QString query;
    QString user; // the role that ran it most (its names resolve under that role's search_path)
    qint64 calls = 0;
    double totalMs = 0;
    qint64 rows = 0;
    QString plan;
    double cost = -1;

    double meanMs() const { return calls > 0 ? totalMs / calls : 0; }
};

} // namespace uaip
