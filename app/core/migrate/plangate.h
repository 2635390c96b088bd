#pragma once

#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <optional>

namespace uaip {

class PgConnection;
class ServerTopology;

// What a plan must pass before its first step runs; each refusal fills result and changes
// nothing.
class PlanGate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PlanGate)

public:
    // The plan check (PlanChecker) over the whole plan: any problem and nothing runs.
    // oneTransaction: checked as one transaction (Options::singleTransaction).
    static bool refuseBadPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                              bool oneTransaction = false);
    // The server's own grammar on the plan's statements the console's parser cannot read
    // (ServerSyntaxCheck): a syntax error there and nothing runs. Where the server cannot be
    // asked, they stay as they are (not checked, and said so).
    static bool refuseServerSyntax(RunResult &result, PgConnection &connection,
                                   const QList<MigrationStatus> &plan, bool up);
    // The plan is not the one a human previewed and confirmed (expected, when given).
    static bool refuseChangedPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                                  const std::optional<QStringList> &expected);
    // Behind a pooler (ServerTopology::pooled): a no-transaction script needs one server
    // session for all its statements, which a pooler does not promise: refused, naming the
    // pooler and the fix (poolerFix; empty: uaip-migrate's --db).
    static bool refuseNoTransactionBehindPooler(RunResult &result,
                                                const QList<MigrationStatus> &plan, bool up,
                                                const ServerTopology &topology,
                                                const QString &poolerFix);
};

} // namespace uaip
