#include "statementsafety.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "sqlparse/parserversion.h"
#include "standbystatementverdict.h"
#include "statementresolution.h"
#include "wrappedposition.h"

namespace uaip {

QString StatementSafety::commandOf(const StatementClass &statement)
{
    if (!statement.parsed) // syntax newer than the parser's, on a newer server (SqlRunGate)
        return tr("a statement the console's parser (PostgreSQL %1) cannot read, so it cannot "
                  "judge what it does")
            .arg(ParserVersion::major());
    if (statement.type == u"VariableSetStmt")
        return QStringLiteral("SET");
    if (statement.type == u"ExplainStmt")
        return tr("EXPLAIN of a statement that is not a reading SELECT (planning it plans its "
                  "rules, running it writes)");
    if (statement.type == u"SelectStmt")
        return tr("SELECT with INTO, FOR UPDATE/SHARE or a data-modifying WITH");
    QString t = statement.type;
    if (t.endsWith(u"Stmt"))
        t.chop(4);
    QString words;
    for (const QChar c : std::as_const(t)) {
        if (c.isUpper() && !words.isEmpty())
            words += u' ';
        words += c.toUpper();
    }
    return words;
}

Result<QString> StatementSafety::withoutTemp(PgConnection &connection,
                                             const StatementClass &statement)
{
    Result<QString> why = StandbyStatementVerdict::writes(connection, statement);
    if (!why || why.value().isEmpty())
        return why;
    return tr("the server could not resolve what it calls: the role may not create the "
              "temporary view the guard resolves it in (no TEMP privilege on this database), and "
              "by the names it calls it %1")
        .arg(why.value());
}

Result<QList<StatementVerdict>> StatementSafety::judge(PgConnection &connection,
                                                       const QList<StatementClass> &statements,
                                                       const QString &searchPath)
{
    QList<StatementVerdict> out;
    out.reserve(statements.size());
    QList<int> probed; // the statements the server resolves, one probe for all of them
    QList<StatementResolution::Query> queries;
    for (const StatementClass &s : statements) {
        StatementVerdict v;
        if (s.transactionControl) {
            v.kind = StatementVerdict::Kind::Transaction;
            v.reason = commandOf(s);
        } else if (s.writes) {
            v.reason = commandOf(s);
        } else {
            v.kind = StatementVerdict::Kind::Reads;
            // a hot standby (reported by the server, PostgreSQL 14+) cannot resolve for us
            const bool standby = connection.parameter("in_hot_standby") == u"on";
            if (standby) {
                Result<QString> why = StandbyStatementVerdict::writes(connection, s);
                if (!why)
                    return why.error();
                if (!why.value().isEmpty())
                    v = {StatementVerdict::Kind::Writes, why.value(), Error(), {}};
            } else if (!s.resolvable.isEmpty()) {
                probed << int(out.size());
                queries << StatementResolution::Query{s.resolvable, s.probeText, s.stringLiterals,
                                                      s.namesProbe};
            }
        }
        out.append(v);
    }
    if (queries.isEmpty())
        return out;
    Result<QList<StatementResolution::Resolved>> resolved
        = StatementResolution::writesEach(connection, queries, searchPath);
    if (!resolved)
        return resolved.error();
    for (int k = 0; k < probed.size(); ++k) {
        const StatementResolution::Resolved &r = resolved.value().at(k);
        const StatementClass &s = statements.at(probed.at(k));
        if (r.withoutTemp) {
            Result<QString> why = withoutTemp(connection, s);
            if (!why)
                return why.error();
            if (!why.value().isEmpty())
                out[probed.at(k)] = {StatementVerdict::Kind::Writes, why.value(), Error(), {}};
            continue;
        }
        if (r.why.isEmpty()) {
            out[probed.at(k)].relations = r.relations;
            out[probed.at(k)].walked = true;
            continue;
        }
        out[probed.at(k)]
            = {StatementVerdict::Kind::Writes,
               r.why,
               r.queryError.isSet() ? WrappedPosition::unwrapped(r.queryError, -s.resolvableAt)
                                    : Error(),
               {}};
    }
    return out;
}

} // namespace uaip
