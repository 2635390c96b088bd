#pragma once

#include "error/result.h"
#include "explainoptions.h"
#include "explainresult.h"

#include "sqlconsole/runviews.h"
#include "sqlconsole/sqlrunerror.h"
#include "sqlconsole/statementclass.h"
#include "sqlconsole/statementverdict.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>

namespace uaip {

class PgConnection;
class ReadingLogins;

// EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS]) of one statement on a connection, parsed into an
// ExplainPlan. Guarded (a read-only profile; production before the name is typed), it runs on
// the console's reading session (ReadingLogins), as the SQL console's statements do. The statement
// goes out alone over the extended protocol with standard_conforming_strings on, so no text can
// carry a second statement. With ANALYZE every statement runs inside a transaction, or a savepoint
// when one is open, that is rolled back (READ ONLY unless the guard let a writing statement
// through), after the SQL console's guards (check()). An error's statement position points into the
// statement, not the EXPLAIN.
class ExplainRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainRunner)

public:
    static Result<ExplainResult> explain(PgConnection &console, const QByteArray &statement,
                                         const ExplainOptions &options);
    // The guard's refusal of analyzing statement (NeedsConfirmation on production for a
    // statement that can write, Refused on a read-only profile); nullopt when it may run or
    // without ANALYZE (which runs nothing). explain() checks it too.
    static std::optional<SqlRunError> check(PgConnection &console, const QByteArray &statement,
                                            const ExplainOptions &options);
    // The command sent for statement.
    static QByteArray command(const QByteArray &statement, const ExplainOptions &options);

private:
    // check(), with the statement judged and its verdict (empty where nothing was judged), for
    // VerdictHold.
    static std::optional<SqlRunError> check(PgConnection &console, const QByteArray &statement,
                                            const ExplainOptions &options,
                                            QList<StatementClass> *judged,
                                            QList<StatementVerdict> *verdicts);
    // The logins a guarded explain reads as (ReadingLogins::connectionFor chooses the session):
    // options.readers or, without, own.
    static ReadingLogins &readersOf(const ExplainOptions &options,
                                    std::unique_ptr<ReadingLogins> &own);
    // In the explain's transaction, READ WRITE: the verdicts held (VerdictHold) and then, when
    // readOnly, READ ONLY; what the statement runs from.
    static Result<RunView> hold(PgConnection &connection, PgConnection &console,
                                const ExplainOptions &opened, const QList<StatementClass> &judged,
                                const QList<StatementVerdict> &verdicts, bool readOnly);
    // What is explained in place of statement: the rows of its view when held (VerdictHold,
    // RunViews), as judged (judged: check()'s), else statement.
    static QByteArray ranFrom(const QByteArray &statement, const ExplainOptions &options,
                              const QList<StatementClass> &judged, const RunView &view);
};

} // namespace uaip
