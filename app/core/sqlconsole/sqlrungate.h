#pragma once

#include "connectionpooler.h"
#include "sqlguard.h"
#include "sqlrunerror.h"
#include "sqlrunrequest.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace uaip {

class PgConnection;

// What a console run must pass before anything of it is sent, checked for every statement of
// the run: the guard (SqlGuard: a write on production needs the database name typed; a
// read-only profile runs only reading statements), judged from the parse tree and the catalog
// (StatementSafety); behind a connection pooler, no statement that leaves state on the pooled
// server session; and no PREPARE TRANSACTION (its locks would outlive the session).
class SqlRunGate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlRunGate)

public:
    SqlRunGate() = default;
    explicit SqlRunGate(SqlGuard guard)
        : m_guard(std::move(guard))
    { }
    const SqlGuard &guard() const { return m_guard; }
    void setGuard(SqlGuard guard) { m_guard = std::move(guard); }
    // The pooler the connection goes through, read once per connection.
    ConnectionPooler &pooler() { return m_pooler; }

    // Why the run may not start (the first statement stopped, or the catalog's error), or
    // nothing. classes: every statement's class, a writing one marked not to be read through
    // the guarded read transaction. searchPath: as StatementSafety::judge's. verdicts: where the
    // guard judged the statements (active), their verdicts (for VerdictHold), else empty.
    std::optional<SqlRunError> check(PgConnection &connection, const SqlRunRequest &request,
                                     QList<StatementClass> *classes, const QString &searchPath,
                                     QList<StatementVerdict> *verdicts = nullptr);

private:
    // The parser refused the script (SqlRunRequest::syntaxError) and the server's syntax is
    // not newer than the parser's: the syntax error, nothing run.
    static std::optional<SqlRunError> syntaxStop(PgConnection &connection,
                                                 const SqlRunRequest &request);
    static SqlRunError syntaxErrorAt(const SqlRunRequest &request, int offset,
                                     const QString &message);
    std::optional<SqlRunError> guardStop(PgConnection &connection, const SqlRunRequest &request,
                                         QList<StatementClass> *classes, const QString &searchPath,
                                         QList<StatementVerdict> *verdicts) const;
    std::optional<SqlRunError> poolerStop(PgConnection &connection, const SqlRunRequest &request,
                                          const QList<StatementClass> &classes);
    static std::optional<SqlRunError> preparedStop(const SqlRunRequest &request,
                                                   const QList<StatementClass> &classes);

    SqlGuard m_guard;
    ConnectionPooler m_pooler;
};

} // namespace uaip
