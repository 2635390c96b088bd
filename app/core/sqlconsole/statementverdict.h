#pragma once

#include "error/error.h"
#include "reachedrelation.h"

#include <QList>

#include <QString>

namespace uaip {

// Whether one statement of the SQL console only reads, as StatementSafety judged it from its
// parse tree and the catalog.
struct StatementVerdict
{
    enum class Kind {
        Reads, // a reading kind, and every function and operator it calls is IMMUTABLE/STABLE
        Writes, // everything else: a writing kind, a VOLATILE or unknown function, no parse
        Transaction, // opens or ends a transaction (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ...)
    };
    Kind kind = Kind::Writes;
    // Why it counts as writing, for the user: "INSERT", "calls the VOLATILE function
    // public.qa_writer", ...
    QString reason;
    // Writes: the server refused the statement's query when asked what it reaches (a missing
    // relation or column, a syntax or permission error), its position in the statement: what a
    // guard that would refuse the statement reports instead (run, it would fail the same way).
    Error failure;
    // Reads, as resolved by the server: the tables and views of other roles it reaches, which
    // the run holds against change (VerdictHold).
    QList<ReachedRelation> relations;
    // Reads, as the server resolved and walked its query (a temporary view of it): not judged
    // by names (a hot standby, no TEMP privilege) nor by its kind alone. What VerdictHold can
    // run from a view of its own.
    bool walked = false;

    bool reads() const { return kind == Kind::Reads; }
};

} // namespace uaip
