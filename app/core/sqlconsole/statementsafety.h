#pragma once

#include "error/result.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// Judges whether statements only read: the kind from the parse tree (StatementClass), and
// for a SELECT, VALUES or TABLE (alone or under EXPLAIN ANALYZE) every function it reaches as
// the server resolved it on this connection (StatementResolution: a temporary view of it in a
// transaction that is rolled back, its node trees walked through views, policies, operators,
// aggregates, casts and domain CHECKs). A VOLATILE function counts as writing, but for a few of
// pg_catalog that only read. What it cannot see: a function declared STABLE/IMMUTABLE that does
// more; the guards run reads in READ ONLY transactions for that. Where the role may not create
// the probe's temporary view (no TEMP privilege on the database) the functions and operators a
// statement names are judged by name instead (withoutTemp).
class StatementSafety
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementSafety)

public:
    // One verdict per statement, in order; the server resolves every statement of a reading
    // kind that runs a query, all of them in one probe (StatementResolution::writesEach).
    // searchPath: the one the statements run with, where it is not the session's (empty: the
    // session's; StatementResolution::writesEach).
    static Result<QList<StatementVerdict>> judge(PgConnection &connection,
                                                 const QList<StatementClass> &statements,
                                                 const QString &searchPath);
    // The SQL command word of a parse-tree node type ("InsertStmt" -> "INSERT"), for reasons.
    static QString commandOf(const StatementClass &statement);

private:
    // The verdict where the role may not create the probe's temporary view (no TEMP privilege):
    // by the names the statement calls (StandbyStatementVerdict), said as such; empty when they
    // only read. Weaker than the resolution: a function reached through a view, a cast, a
    // domain's CHECK or attribute notation is not seen. The reader login that read-only runs
    // use (the first wall: a role that can write and signal nothing) is what makes such a run
    // harmless by construction; this verdict is the second wall.
    static Result<QString> withoutTemp(PgConnection &connection, const StatementClass &statement);
};

} // namespace uaip
