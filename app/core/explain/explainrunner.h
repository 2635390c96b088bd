#pragma once

#include "error/result.h"
#include "explainoptions.h"
#include "explainresult.h"

#include "sqlconsole/sqlrunerror.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace uaip {

class PgConnection;

// EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS]) of one statement on a connection, parsed into an
// ExplainPlan. The statement goes out alone over the extended protocol with
// standard_conforming_strings on, so no text can carry a second statement. With ANALYZE every
// statement runs inside a transaction, or a savepoint when one is open, that is rolled back
// (READ ONLY unless the guard let a writing statement through), after the SQL console's guards
// (check()). An error's statement position points into the statement, not the EXPLAIN.
class ExplainRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainRunner)

public:
    static Result<ExplainResult> explain(PgConnection &connection, const QByteArray &statement,
                                         const ExplainOptions &options);
    // The guard's refusal of analyzing statement (NeedsConfirmation on production for a
    // statement that can write, Refused on a read-only profile); nullopt when it may run or
    // without ANALYZE (which runs nothing). explain() checks it too.
    static std::optional<SqlRunError> check(PgConnection &connection, const QByteArray &statement,
                                            const ExplainOptions &options);
    // The command sent for statement.
    static QByteArray command(const QByteArray &statement, const ExplainOptions &options);
};

} // namespace uaip
