#pragma once

#include "sqlconsole/sqlguard.h"

#include <QString>

namespace uaip {

class ReadingLogins;

// How ExplainRunner explains a statement.
struct ExplainOptions
{
    // Runs the statement (EXPLAIN ANALYZE): actual times, rows and loops, always inside a
    // transaction (or a savepoint when one is open) that is rolled back, READ ONLY unless the
    // guard let a writing statement through.
    bool analyze = false;
    bool buffers = true; // with ANALYZE: shared/temp blocks per node
    // With ANALYZE the statement runs: the SQL console's guards apply (a read-only profile
    // analyzes only reading statements; production asks for the name before one that can
    // write).
    SqlGuard guard;
    QString confirmedDatabase;
    // Where a guarded explain runs (ReadingLogins: the reader login where the console's login
    // holds a dangerous right): the console's (SqlRunner::readers()), so that its reader is
    // opened once; null: one of the explain's own.
    ReadingLogins *readers = nullptr;
};

} // namespace uaip
