#include "scriptfailurereport.h"

#include "db/pgconnection.h"
#include "ledger/ledger.h"
#include "sqlparse/sqlstatement.h"
#include "stepfailure.h"

namespace uaip {

namespace {

// 1-based character position inside a statement -> line:col inside the file.
TextPosition filePosition(const QByteArray &file, const SqlStatement &statement, int charPos)
{
    if (charPos <= 0)
        return statement.start;
    const QList<uint> chars = QString::fromUtf8(statement.text).toUcs4();
    const QString prefix = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()),
                                             qMin<qsizetype>(charPos - 1, chars.size()));
    return TextPosition::fromOffset(file, statement.offset + int(prefix.toUtf8().size()));
}

} // namespace

QString ScriptFailureReport::actionName(ScriptDirection direction)
{
    return direction == ScriptDirection::Up ? QStringLiteral("apply") : QStringLiteral("rollback");
}

void ScriptFailureReport::statementFailed(const Migration &m, ScriptDirection direction,
                                          const SqlStatement &st, const Error &error,
                                          const PgConnection &connection, bool cancelled,
                                          RunResult &result)
{
    const bool up = direction == ScriptDirection::Up;
    MigrationFailure f;
    f.version = m.version.text();
    f.name = m.name;
    f.file = up ? m.upPath() : m.downPath();
    f.error = connection.isOpen() ? error : connectionLost(error, connection);
    const std::optional<PgError> &server = f.error.server();
    f.position = filePosition(up ? m.upSql : m.downSql, st, server ? server->statementPosition : 0);
    f.statement = QString::fromUtf8(st.text);
    result.outcome = RunResult::Outcome::Failed;
    // the user's cancel: the server's 57014, or a pipeline's command the cancel kept from
    // being sent (not_run: the sent ones all succeeded)
    result.cancelled = f.error.code() == ErrorCode::Cancelled
        || (cancelled
            && (f.error.sqlState() == QLatin1String("57014")
                || f.error.args().value(QStringLiteral("not_run")).toBool()));
    result.failure = f;
    result.message = result.cancelled ? tr("%1 was cancelled at %2").arg(m.id(), f.location())
                                      : tr("%1 failed: %2").arg(m.id(), f.describe());
}

Error ScriptFailureReport::connectionLost(const Error &error, const PgConnection &connection)
{
    const QString lost = connection.connectionError();
    if (!error.sqlState().isEmpty()) // the server spoke: its error, said as a lost connection
        return error.in(tr("the connection was lost")).with(QStringLiteral("connection"), lost);
    return Error(ErrorCode::Connection, tr("the connection was lost: %1").arg(lost),
                 {{QStringLiteral("connection"), lost}});
}

void ScriptFailureReport::recordEvent(Ledger &ledger, const PgConnection &connection,
                                      const Migration &m, ScriptDirection direction,
                                      const RunResult &result, int durationMs,
                                      const QString &detail)
{
    if (!connection.isOpen())
        return;
    ledger.addEvent({0,
                     m.version.text(),
                     m.name,
                     actionName(direction),
                     result.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"),
                     {},
                     {},
                     {},
                     durationMs,
                     m.upChecksum,
                     result.failure ? result.failure->describe() : result.message,
                     detail});
}

void ScriptFailureReport::stepFailed(const StepFailure &failure, const Migration &m,
                                     ScriptDirection direction, bool inGroup,
                                     const PgConnection &connection, bool cancelled,
                                     RunResult &result)
{
    using Where = StepFailure::Where;
    const bool up = direction == ScriptDirection::Up;
    if (failure.where == Where::Statement) {
        const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
        statementFailed(m, direction, statements[failure.statement], Error(failure.error),
                        connection, cancelled, result);
        return;
    }
    result.outcome = RunResult::Outcome::Failed;
    const auto fileFailure = [&] {
        return MigrationFailure{m.version.text(),   m.name,    up ? m.upPath() : m.downPath(),
                                TextPosition{1, 1}, QString(), Error(failure.error)};
    };
    const QString error = failure.error.toString();
    switch (failure.where) {
    case Where::Commit:
    case Where::CommitRolledBack:
        result.failure = fileFailure();
        if (inGroup)
            result.message = failure.where == Where::CommitRolledBack
                ? tr("the COMMIT failed: the server rolled the transaction back")
                : tr("the COMMIT failed (a deferred constraint of one of the migrations?): %1")
                      .arg(error);
        else
            result.message = failure.where == Where::CommitRolledBack
                ? tr("%1 failed at COMMIT: the server rolled it back").arg(m.id())
                : tr("%1 failed at COMMIT: %2").arg(m.id(), result.failure->describe());
        break;
    case Where::DeferredConstraint:
        result.failure = fileFailure();
        result.message = tr("%1 failed at its end (a deferred constraint): %2")
                             .arg(m.id(), result.failure->describe());
        break;
    case Where::Ledger:
        result.message = inGroup ? tr("writing the ledger failed: %1").arg(error)
                                 : tr("%1: writing the ledger failed: %2").arg(m.id(), error);
        break;
    case Where::Reset:
        result.message = inGroup
            ? tr("%1: setting up or resetting the session failed: %2").arg(m.id(), error)
            : tr("%1: resetting the session failed: %2").arg(m.id(), error);
        break;
    default:
        result.message = tr("%1: BEGIN failed: %2").arg(m.id(), error);
        break;
    }
}

} // namespace uaip
