#include "sqlrungate.h"

#include "db/pgconnection.h"
#include "db/servergrammar.h"
#include "sqlparse/parserversion.h"
#include "sqlparse/pgparsetree.h"
#include "statementsafety.h"

namespace uaip {

std::optional<SqlRunError> SqlRunGate::check(PgConnection &connection, const SqlRunRequest &request,
                                             QList<StatementClass> *classes,
                                             const QString &searchPath,
                                             QList<StatementVerdict> *verdicts)
{
    if (verdicts)
        verdicts->clear();
    if (std::optional<SqlRunError> stop = syntaxStop(connection, request))
        return stop;
    if (std::optional<SqlRunError> stop
        = guardStop(connection, request, classes, searchPath, verdicts))
        return stop;
    if (std::optional<SqlRunError> stop = poolerStop(connection, request, *classes))
        return stop;
    return preparedStop(request, *classes);
}

std::optional<SqlRunError> SqlRunGate::syntaxStop(PgConnection &connection,
                                                  const SqlRunRequest &request)
{
    // a text the parser refused runs only where the server's syntax is newer than the parser's
    // (as psql splits it; the guard then judges each statement, and refuses one it cannot read)
    if (!request.syntaxError)
        return std::nullopt;
    if (!ParserVersion::serverIsNewer(connection.serverVersion()) || request.statements.isEmpty())
        return syntaxErrorAt(request, request.syntaxError->offset, request.syntaxError->message);
    // and only what the server's own grammar reads, asked before anything runs (a pooler or
    // proxy reporting a newer version than the server's is then found out too)
    for (const SqlStatement &statement : request.statements) {
        if (statement.tree()->ok())
            continue;
        const Result<std::optional<ServerGrammar::SyntaxError>> asked
            = ServerGrammar::check(connection, statement.text);
        if (!asked)
            return request.errorAt(-1, asked.error(), 0);
        if (*asked) {
            const QString chars = QString::fromUtf8(statement.text).left((*asked)->position - 1);
            return syntaxErrorAt(request, statement.offset + int(chars.toUtf8().size()),
                                 (*asked)->message);
        }
    }
    return std::nullopt;
}

SqlRunError SqlRunGate::syntaxErrorAt(const SqlRunRequest &request, int offset,
                                      const QString &message)
{
    SqlRunError e;
    e.scriptOffset = offset;
    e.position = TextPosition::fromOffset(request.script, offset);
    e.error = Error(
        ErrorCode::BadInput, message,
        {{QStringLiteral("line"), e.position.line}, {QStringLiteral("column"), e.position.column}});
    return e;
}

std::optional<SqlRunError> SqlRunGate::guardStop(PgConnection &connection,
                                                 const SqlRunRequest &request,
                                                 QList<StatementClass> *classes,
                                                 const QString &searchPath,
                                                 QList<StatementVerdict> *verdicts) const
{
    classes->clear();
    classes->reserve(request.statements.size());
    for (const SqlStatement &st : request.statements)
        classes->append(StatementClass::of(st));
    if (!m_guard.active())
        return std::nullopt;
    Result<QList<StatementVerdict>> judged
        = StatementSafety::judge(connection, *classes, searchPath);
    if (!judged)
        return request.errorAt(-1, judged.error(), 0);
    if (verdicts)
        *verdicts = judged.value();
    // A statement that can write never goes through the read transaction (which a guarded
    // profile rolls back): once confirmed it runs, and commits, as written.
    for (int i = 0; i < classes->size(); ++i)
        if (!judged.value().at(i).reads())
            (*classes)[i].cursorable = false;
    for (int i = 0; i < request.statements.size(); ++i) {
        std::optional<SqlRunError> e = m_guard.stop(request.statements.at(i), judged.value().at(i),
                                                    request.confirmedDatabase);
        if (!e)
            continue;
        if (e->error.server()) // the server's error of its query: at its place in the script
            return request.errorAt(i, e->error, 0);
        e->statementIndex = i;
        return e;
    }
    return std::nullopt;
}

std::optional<SqlRunError> SqlRunGate::preparedStop(const SqlRunRequest &request,
                                                    const QList<StatementClass> &classes)
{
    for (int i = 0; i < classes.size(); ++i) {
        if (!classes.at(i).preparesTransaction)
            continue;
        SqlRunError e = request.errorAt(i, Error(), 0);
        e.error = Error(ErrorCode::Refused,
                        tr("The statement at %1 prepares the transaction for two-phase commit: "
                           "it and its locks would outlive this session, with nothing here to "
                           "show or end it. Nothing of the script is run; use COMMIT or "
                           "ROLLBACK (or psql for two-phase commit).")
                            .arg(request.statements.at(i).start.toString()));
        return e;
    }
    return std::nullopt;
}

std::optional<SqlRunError> SqlRunGate::poolerStop(PgConnection &connection,
                                                  const SqlRunRequest &request,
                                                  const QList<StatementClass> &classes)
{
    int first = -1;
    for (int i = 0; i < classes.size() && first < 0; ++i)
        if (!classes.at(i).sessionState.isEmpty())
            first = i;
    if (first < 0)
        return std::nullopt;
    const Result<QString> pooler = m_pooler.description(connection);
    if (!pooler)
        return request.errorAt(-1, pooler.error(), 0);
    if (pooler.value().isEmpty())
        return std::nullopt;
    SqlRunError e = request.errorAt(first, Error(), 0);
    const SqlStatement &statement = request.statements.at(first);
    e.error = Error(
        ErrorCode::Refused,
        tr("The statement at %1 (%2) leaves state on the server session, and this "
           "connection goes through %3, which gives that server session to its other "
           "clients: nothing of the script is run. Use SET LOCAL (or the _xact_ form) "
           "inside a transaction, or a direct connection to the server.")
            .arg(statement.start.toString(), classes.at(first).sessionState, pooler.value()));
    return e;
}

} // namespace uaip
