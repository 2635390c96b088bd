#include "explainrunner.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "sqlconsole/statementclass.h"

namespace uaip {

namespace {

constexpr auto kExplain = "EXPLAIN (FORMAT JSON) ";
constexpr auto kExplainAnalyze = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";
constexpr auto kExplainAnalyzeNoBuffers = "EXPLAIN (ANALYZE, FORMAT JSON) ";
constexpr auto kBegin = "BEGIN";
constexpr auto kRollback = "ROLLBACK";
constexpr auto kSavepoint = "SAVEPOINT uaip_explain";
constexpr auto kRollbackSavepoint = "ROLLBACK TO SAVEPOINT uaip_explain";
constexpr auto kReleaseSavepoint = "RELEASE SAVEPOINT uaip_explain";

const char *prefix(const ExplainOptions &options)
{
    if (!options.analyze)
        return kExplain;
    return options.buffers ? kExplainAnalyze : kExplainAnalyzeNoBuffers;
}

} // namespace

QByteArray ExplainRunner::command(const QByteArray &statement, const ExplainOptions &options)
{
    return QByteArray(prefix(options)) + statement;
}

DbResult<ExplainResult> ExplainRunner::explain(PgConnection &connection,
                                               const QByteArray &statement,
                                               const ExplainOptions &options)
{
    const bool guarded = options.analyze && StatementClass::of(statement).writes;
    const bool inTransaction = PQtransactionStatus(connection.handle()) != PQTRANS_IDLE;
    if (guarded) {
        PgResult open = connection.exec(inTransaction ? kSavepoint : kBegin);
        if (!open.ok())
            return open.error();
    }
    PgResult r = connection.exec(command(statement, options));
    if (guarded) {
        if (inTransaction) {
            connection.exec(kRollbackSavepoint);
            connection.exec(kReleaseSavepoint);
        } else {
            connection.exec(kRollback);
        }
    }
    if (!r.ok()) {
        PgError e = r.error();
        const int prefixChars = int(qstrlen(prefix(options)));
        e.statementPosition
            = e.statementPosition > prefixChars ? e.statementPosition - prefixChars : 0;
        return e;
    }
    QString why;
    std::optional<ExplainPlan> plan
        = r.rows() > 0 ? ExplainPlan::fromJson(r.rawValue(0, 0), &why) : std::nullopt;
    if (!plan) {
        PgError e;
        e.message = tr("The server's EXPLAIN output is not a plan: %1").arg(why);
        return e;
    }
    ExplainResult out;
    out.plan = std::move(*plan);
    out.analyzed = options.analyze;
    out.rolledBack = guarded;
    return out;
}

} // namespace uaip
