#pragma once

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

    bool reads() const { return kind == Kind::Reads; }
};

} // namespace uaip
