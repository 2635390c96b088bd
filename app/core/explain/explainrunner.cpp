#include "explainrunner.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/transaction.h"
#include "sqlconsole/conformingstrings.h"
#include "sqlconsole/readinglogins.h"
#include "sqlconsole/runviews.h"
#include "sqlconsole/statementclass.h"
#include "sqlconsole/statementsafety.h"
#include "sqlconsole/verdicthold.h"
#include "sqlconsole/wrappedposition.h"

#include <limits>

namespace uaip {

namespace {

constexpr auto kExplain = "EXPLAIN (FORMAT JSON) ";
constexpr auto kExplainAnalyze = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";
constexpr auto kExplainAnalyzeNoBuffers = "EXPLAIN (ANALYZE, FORMAT JSON) ";
constexpr auto kJudgedPrefix = "EXPLAIN "; // a statement without ANALYZE is judged as this
constexpr auto kUnlockAll = "SELECT pg_catalog.pg_advisory_unlock_all()";

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

Result<RunView> ExplainRunner::hold(PgConnection &connection, PgConnection &console,
                                    const ExplainOptions &opened,
                                    const QList<StatementClass> &judged,
                                    const QList<StatementVerdict> &verdicts, bool readOnly)
{
    const Result<QString> searchPath = opened.readers
        ? opened.readers->searchPathFor(connection, console)
        : Result<QString>(QString());
    if (!searchPath)
        return searchPath.error();
    const Result<QList<RunView>> views
        = VerdictHold::hold(connection, judged, verdicts, searchPath.value(), true);
    if (!views)
        return views.error();
    if (readOnly)
        if (const PgResult r = connection.exec(Transaction::readOnlyCommand()); !r.ok())
            return Error(r.error());
    return views.value().value(0);
}

QByteArray ExplainRunner::ranFrom(const QByteArray &statement, const ExplainOptions &options,
                                  const QList<StatementClass> &judged, const RunView &view)
{
    if (!view.held() || judged.isEmpty())
        return statement;
    // the statement was judged as itself (ANALYZE) or under "EXPLAIN " (check())
    const QByteArray judgedText = options.analyze ? statement : kJudgedPrefix + statement;
    return RunViews::runText(judgedText, judged.first(), view)
        .mid(options.analyze ? 0 : qsizetype(qstrlen(kJudgedPrefix)));
}

ReadingLogins &ExplainRunner::readersOf(const ExplainOptions &options,
                                        std::unique_ptr<ReadingLogins> &own)
{
    if (options.readers)
        return *options.readers;
    own = std::make_unique<ReadingLogins>();
    return *own;
}

std::optional<SqlRunError> ExplainRunner::check(PgConnection &console, const QByteArray &statement,
                                                const ExplainOptions &options)
{
    return check(console, statement, options, nullptr, nullptr);
}

std::optional<SqlRunError> ExplainRunner::check(PgConnection &console, const QByteArray &statement,
                                                const ExplainOptions &options,
                                                QList<StatementClass> *judged,
                                                QList<StatementVerdict> *verdicts)
{
    if (!options.guard.active())
        return std::nullopt;
    std::unique_ptr<ReadingLogins> own;
    ReadingLogins &readers = readersOf(options, own);
    const Result<PgConnection *> on
        = readers.connectionFor(console, options.guard, options.confirmedDatabase);
    const Result<QString> searchPath
        = on ? readers.searchPathFor(*on.value(), console) : Result<QString>(on.error());
    if (!searchPath) {
        SqlRunError e;
        e.error = searchPath.error();
        return e;
    }
    PgConnection &connection = *on.value();
    // without ANALYZE the statement is only planned, and planning may still run what it reaches
    // (a STABLE function that runs SQL, evaluated while estimating): judged as the EXPLAIN
    const QList<StatementClass> classes{
        StatementClass::of(options.analyze ? statement : kJudgedPrefix + statement)};
    Result<QList<StatementVerdict>> judgedNow
        = StatementSafety::judge(connection, classes, searchPath.value());
    if (!judgedNow) {
        SqlRunError e;
        e.error = judgedNow.error();
        return e;
    }
    if (judged && verdicts) {
        *judged = classes;
        *verdicts = judgedNow.value();
    }
    StatementVerdict verdict = judgedNow.value().first();
    if (!options.analyze) // the server's position of an error in the statement, not judged
        verdict.failure = WrappedPosition::unwrapped(verdict.failure, int(qstrlen(kJudgedPrefix)));
    SqlStatement st;
    st.text = statement;
    std::optional<SqlRunError> stop = options.guard.stop(st, verdict, options.confirmedDatabase);
    if (stop && stop->error.server())
        stop->statementPosition = stop->error.server()->statementPosition;
    return stop;
}

Result<ExplainResult> ExplainRunner::explain(PgConnection &console, const QByteArray &statement,
                                             const ExplainOptions &options)
{
    std::unique_ptr<ReadingLogins> own;
    ExplainOptions opened = options;
    if (!opened.readers && opened.guard.active()) { // one reader for the check and the explain
        own = std::make_unique<ReadingLogins>();
        opened.readers = own.get();
    }
    QList<StatementClass> judged;
    QList<StatementVerdict> verdicts;
    if (std::optional<SqlRunError> refused = check(console, statement, opened, &judged, &verdicts))
        return refused->error;
    const Result<PgConnection *> on = opened.readers
        ? opened.readers->connectionFor(console, opened.guard, opened.confirmedDatabase)
        : Result<PgConnection *>(&console);
    if (!on)
        return on.error();
    PgConnection &connection = *on.value();
    // Always rolled back: planning alone runs IMMUTABLE functions, which may call writing
    // ones. READ ONLY unless ANALYZE of a writing statement was let through (typed name, or no
    // guard).
    const bool readOnly = !options.analyze || options.guard.readOnly
        || (options.guard.production && !options.guard.confirmed(options.confirmedDatabase));
    // A savepoint inside the user's open transaction: READ ONLY there too (ROLLBACK TO undoes it).
    // Held (VerdictHold): begun READ WRITE for the probe's rolled back views, READ ONLY after.
    const bool held = VerdictHold::applies(connection, judged, verdicts);
    TransactionOptions scoped;
    scoped.access = held ? TransactionOptions::Access::ReadWrite
        : readOnly       ? TransactionOptions::Access::ReadOnly
                         : TransactionOptions::Access::Default;
    scoped.alwaysRollBack = true;
    scoped.savepointWhenNested = true;
    Transaction scope(connection);
    if (Status s = scope.begin(scoped); !s)
        return s.error();
    RunView view; // held: what the statement runs from
    if (opened.readers)
        if (Status s = opened.readers->pinSearchPath(connection, console); !s)
            return s.error();
    if (held) {
        Result<RunView> holding = hold(connection, console, opened, judged, verdicts, readOnly);
        if (!holding)
            return holding.error();
        view = holding.take();
    }
    // The guard read the statement with standard_conforming_strings on (libpg_query); the
    // server does too: where it would not, the setting goes on for this scope only (nothing set
    // for the session, which behind a pooler other clients share).
    if (Status s = ConformingStrings::pinForTransaction(connection, statement); !s)
        return s.error();
    PgResult r = connection.execOne(command(ranFrom(statement, options, judged, view), options));
    scope.end();
    // A session advisory lock outlives the ROLLBACK (a function marked STABLE can take one, and
    // behind a pooler it would stay for the pool's next client): released after a guarded
    // explain, as after a guarded SQL run (SqlRunner).
    if (options.guard.readOnly || !options.guard.confirmed(options.confirmedDatabase))
        connection.exec(kUnlockAll);
    if (!r.ok()) {
        PgError e = r.error();
        const int prefixChars
            = view.held() ? std::numeric_limits<int>::max() / 2 : int(qstrlen(prefix(options)));
        e.statementPosition
            = e.statementPosition > prefixChars ? e.statementPosition - prefixChars : 0;
        return Error(e);
    }
    // no row: not a plan, with nothing more to say
    Result<ExplainPlan> plan = r.rows() > 0 ? ExplainPlan::fromJson(r.rawValue(0, 0))
                                            : Result<ExplainPlan>(Error(ErrorCode::BadInput, {}));
    if (!plan) {
        return plan.error().in(tr("The server's EXPLAIN output is not a plan"));
    }
    ExplainResult out;
    out.plan = plan.take();
    out.analyzed = options.analyze;
    out.rolledBack = options.analyze;
    return out;
}

} // namespace uaip
