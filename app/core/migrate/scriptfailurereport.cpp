#include "scriptfailurereport.h"

#include "db/pgconnection.h"
#include "ledger/ledger.h"
#include "sqlparse/sqlstatement.h"

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
                                          const SqlStatement &st, const PgError &error,
                                          const PgConnection &connection, bool cancelled,
                                          RunResult &result)
{
    const bool up = direction == ScriptDirection::Up;
    MigrationFailure f;
    f.version = m.version.text();
    f.name = m.name;
    f.file = up ? m.upPath() : m.downPath();
    f.error = error;
    if (!connection.isOpen())
        f.error.message = tr("the connection was lost: %1").arg(connection.connectionError());
    f.position = filePosition(up ? m.upSql : m.downSql, st, f.error.statementPosition);
    f.statement = QString::fromUtf8(st.text);
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = f.error.sqlState == QLatin1String("57014") && cancelled;
    result.failure = f;
    result.message = result.cancelled ? tr("%1 was cancelled at %2").arg(m.id(), f.location())
                                      : tr("%1 failed: %2").arg(m.id(), f.describe());
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

} // namespace uaip
