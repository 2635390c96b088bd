#pragma once

#include "saveplan.h"
#include "saveresult.h"
#include "tableinfo.h"

#include <atomic>

namespace uaip {

class PgConnection;

// Runs a save plan in one transaction on the calling thread (the browser's worker). A
// statement that touches no row (its xmin check failed) is a conflict: their current version
// is read and reported, and nothing is committed. A server error rolls everything back and is
// mapped to the row and column (ErrorMapper). A lost connection is reported as such; the
// caller keeps the edits staged and may retry once the worker has reconnected.
// cancelled (may be null): set from another thread together with a server-side cancel of the
// running statement; checked before every statement and before COMMIT, so a save the user
// cancelled never commits, even when the cancel reached the server between two statements.
class SaveExecutor
{
public:
    static SaveResult run(PgConnection &connection, const TableInfo &table, const SavePlan &plan,
                          const std::atomic<bool> *cancelled = nullptr);
};

} // namespace uaip
