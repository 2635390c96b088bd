#pragma once

#include "saveplan.h"
#include "saveresult.h"
#include "tableinfo.h"

#include <functional>

#include <QCoreApplication>

namespace uaip {

class PgConnection;
class QueryBuilder;
class Transaction;

// Runs a save plan in one transaction (Transaction, its id taken at begin) on the calling thread
// (the save job's). A statement that touches no row (its xmin check failed) is a conflict:
// their current version is read and reported, and nothing is committed. A server error rolls
// everything back and is mapped to the row and column (ErrorMapper). A connection lost before
// COMMIT was sent is reported as such (nothing was written; the caller keeps the edits staged
// and may retry); one lost at COMMIT is reported as commitLost with the transaction id, for
// the caller to settle (CommitSettler) before anything is retried.
// isCancelled (may be empty): true once the user cancelled (with a server-side cancel of the
// running statement); checked before every statement and before COMMIT, so a save the user
// cancelled never commits, even when the cancel reached the server between two statements.
class SaveExecutor
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SaveExecutor)

public:
    static SaveResult run(PgConnection &connection, const TableInfo &table, const SavePlan &plan,
                          const std::function<bool()> &isCancelled = {});

private:
    struct Save; // what the steps of run() share: the connection, the result, the counts
    static bool stop(Save &save); // true once the user cancelled (the result then says so)
    // Steps of run(); false: the save ended there (save.result says how).
    static bool runStatement(Save &save, Transaction &tx, const QueryBuilder &reader,
                             const SaveStatement &s);
    static bool readConflict(Save &save, const QueryBuilder &reader, const SaveStatement &s);
    static bool checkCascade(Save &save, Transaction &tx, const SavePlan &plan);
};

} // namespace uaip
