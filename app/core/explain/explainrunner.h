#pragma once

#include "db/dbresult.h"
#include "explainoptions.h"
#include "explainresult.h"

#include <QByteArray>
#include <QCoreApplication>

namespace uaip {

class PgConnection;

// EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS]) of one statement on a connection, parsed into an
// ExplainPlan. With ANALYZE a statement that writes (StatementClass) runs inside a transaction,
// or a savepoint when one is open, that is rolled back, so the plan is measured and nothing
// stays changed. An error's statement position points into the statement, not the EXPLAIN.
class ExplainRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainRunner)

public:
    static DbResult<ExplainResult> explain(PgConnection &connection, const QByteArray &statement,
                                           const ExplainOptions &options);
    // The command sent for statement.
    static QByteArray command(const QByteArray &statement, const ExplainOptions &options);
};

} // namespace uaip
