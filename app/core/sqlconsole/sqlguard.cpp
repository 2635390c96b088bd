#include "sqlguard.h"

namespace uaip {

std::optional<SqlRunError> SqlGuard::stop(const SqlStatement &statement,
                                          const StatementVerdict &verdict,
                                          const QString &confirmedDatabase) const
{
    SqlRunError e;
    e.scriptOffset = statement.offset;
    e.position = statement.start;
    if (readOnly && verdict.kind == StatementVerdict::Kind::Transaction) {
        e.error = Error(ErrorCode::Refused,
                        tr("This profile is read-only: the statement at %1 (%2) is not run. "
                           "Every statement runs in a read-only transaction that the console "
                           "opens and rolls back.")
                            .arg(statement.start.toString(), verdict.reason));
        return e;
    }
    // Refused, a statement the server refused when asked what it reaches: that error (it fails
    // the same way when run), not "it can write".
    const bool refuses = (readOnly && !verdict.reads())
        || (production && verdict.kind != StatementVerdict::Kind::Reads
            && confirmedDatabase != database);
    if (refuses && verdict.failure.isSet()) {
        e.error = verdict.failure;
        return e;
    }
    if (readOnly && !verdict.reads()) {
        e.error = Error(ErrorCode::Refused,
                        tr("This profile is read-only: the statement at %1 is not run: it can "
                           "write (%2).")
                            .arg(statement.start.toString(), verdict.reason));
        return e;
    }
    // Production: a transaction command too (a BEGIN would take the reads that follow out of
    // the console's READ ONLY transaction; a COMMIT commits whatever they did).
    if (refuses) {
        e.error = Error(ErrorCode::NeedsConfirmation,
                        tr("This is a production database and the statement at %1 can write "
                           "(%2): type the database name \"%3\" to run it.")
                            .arg(statement.start.toString(), verdict.reason, database));
        return e;
    }
    return std::nullopt;
}

SqlRunError SqlGuard::needsConfirmationAfter(const SqlStatement &statement,
                                             const Error &refusal) const
{
    SqlRunError e;
    e.scriptOffset = statement.offset;
    e.position = statement.start;
    const QString server = refusal.server() ? refusal.server()->message : refusal.toString();
    e.error = Error(ErrorCode::NeedsConfirmation,
                    tr("This is a production database and the statement at %1 writes (the "
                       "server refused it in a read-only transaction: %2): type the database "
                       "name \"%3\" to run it.")
                        .arg(statement.start.toString(), server, database));
    return e;
}

} // namespace uaip
