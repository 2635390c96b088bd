#pragma once

#include "migration.h"
#include "runresult.h"

#include <QString>
#include <atomic>
#include <functional>

namespace uaip {

class Ledger;
class PgConnection;
class PgResult;
struct SqlStatement;

// Runs one migration script (up.sql or down.sql) and writes its ledger row: a transactional
// script goes out as one libpq pipeline (BEGIN, statements, ledger row, COMMIT); a
// no-transaction one statement by statement with the ledger marked dirty until it finishes.
// Failures are reported as file:line:col with the server's error, and recorded as events.
class MigrationScriptRunner
{
public:
    enum class Direction { Up, Down };

    MigrationScriptRunner(PgConnection &connection, int lockTimeoutMs,
                          const std::atomic_bool &cancelled,
                          std::function<void(const QString &)> notice);

    bool run(const Migration &m, Direction direction, Ledger &ledger, RunResult &result,
             int *durationMs);
    static QString actionName(Direction direction);

private:
    bool execStatements(const Migration &m, Direction direction,
                        const QList<SqlStatement> &statements, RunResult &result);
    void fail(const Migration &m, Direction direction, const SqlStatement &statement,
              const PgResult &r, RunResult &result);
    void recordFailureEvent(Ledger &ledger, const Migration &m, Direction direction,
                            const RunResult &result, int durationMs);

    PgConnection &m_connection;
    int m_lockTimeoutMs;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
};

} // namespace uaip
