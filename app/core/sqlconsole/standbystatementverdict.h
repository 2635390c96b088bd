#pragma once

#include "error/result.h"
#include "statementclass.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// The read verdict on a hot standby, where the server cannot resolve a statement for the
// console (StatementResolution's temporary view needs a writable transaction): every function
// and operator the statement names is looked up by name in every schema
// (sqlconsole/sql/routine_volatility.sql); a name counts as writing when any routine of that
// name is VOLATILE (overloads and the search_path unresolved: the safe side) and is not one of
// pg_catalog's reading ones, or is another role's (its owner's code, run with the caller's
// rights), or when no routine has it. What it cannot see it refuses: a statement that reads a
// view, or a table with row security, of that name outside the catalog (only the resolution
// walks their code). Still unseen: a function reached through attribute notation, a cast or a
// domain CHECK of a table the statement reads directly; the README says what is left.
// StatementSafety also judges by it on a primary where the role may not create the temporary
// view (no TEMP privilege): there the reader login of read-only runs (the first wall: it can
// write and signal nothing) is what makes the run harmless by construction, and this verdict
// the second wall, which sees only what the statement names.
class StandbyStatementVerdict
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StandbyStatementVerdict)

public:
    // Why the statement can write or signal; empty when every name it calls only reads.
    static Result<QString> writes(PgConnection &connection, const StatementClass &statement);
};

} // namespace uaip
