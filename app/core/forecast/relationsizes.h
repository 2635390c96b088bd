#pragma once

#include "relationsize.h"

#include "error/result.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QVariantList>

namespace uaip {

class PgConnection;
class PgResult;

// Reads the live sizes of the relations a lock forecast names (forecast/sql/relation_sizes.sql),
// in one statement with the names bound as one text[]: each name is resolved as a statement
// would resolve it (to_regclass, with the session's search_path), so a relation that does not
// exist (yet) gives no entry, not an error. The numbers are the table's the lock falls on (an
// index's table; a partitioned table's leaf partitions summed), estimated as the planner does:
// the density of pg_class times the heap's pages now (pg_relation_size, ACCESS SHARE), so a table
// grown since its last ANALYZE is as big as it is; a heap another session holds ACCESS EXCLUSIVE
// on is not opened (pg_class and the statistics' live tuples instead), so that lock never makes
// the read wait.
class RelationSizes
{
public:
    // One entry per name that resolves, in the order asked; empty names (RelationLock's "every
    // table") are skipped. A name that is not valid SQL (an unterminated quote, four dotted
    // parts, another database) fails the read as the server reports it.
    // Not waiting behind another session's lock for longer than this (the read is cancelled:
    // 57014).
    static constexpr int kDeadlineMs = 5000;
    // anySchema: unqualified names read in every schema, the biggest counting (the plan set
    // its own search_path before them).
    static Result<QList<RelationSize>> read(PgConnection &connection, const QStringList &names,
                                            const QSet<QString> &anySchema = {});

private:
    static PgResult readInTransaction(PgConnection &connection, const QVariantList &bound);
};

} // namespace uaip
