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
        e.kind = SqlRunError::Kind::Refused;
        e.error.message = tr("This profile is read-only: the statement at %1 (%2) is not run. "
                             "Every statement runs in a read-only transaction that the console "
                             "opens and rolls back.")
                              .arg(statement.start.toString(), verdict.reason);
        return e;
    }
    if (readOnly && !verdict.reads()) {
        e.kind = SqlRunError::Kind::Refused;
        e.error.message = tr("This profile is read-only: the statement at %1 is not run: it can "
                             "write (%2).")
                              .arg(statement.start.toString(), verdict.reason);
        return e;
    }
    // Production: a transaction command too (a BEGIN would take the reads that follow out of
    // the console's READ ONLY transaction; a COMMIT commits whatever they did).
    if (production && verdict.kind != StatementVerdict::Kind::Reads
        && confirmedDatabase != database) {
        e.kind = SqlRunError::Kind::NeedsConfirmation;
        e.error.message = tr("This is a production database and the statement at %1 can write "
                             "(%2): type the database name \"%3\" to run it.")
                              .arg(statement.start.toString(), verdict.reason, database);
        return e;
    }
    return std::nullopt;
}

SqlRunError SqlGuard::needsConfirmationAfter(const SqlStatement &statement,
                                             const PgError &server) const
{
    SqlRunError e;
    e.kind = SqlRunError::Kind::NeedsConfirmation;
    e.scriptOffset = statement.offset;
    e.position = statement.start;
    e.error.message = tr("This is a production database and the statement at %1 writes (the "
                         "server refused it in a read-only transaction: %2): type the database "
                         "name \"%3\" to run it.")
                          .arg(statement.start.toString(), server.message, database);
    return e;
}

} // namespace uaip
