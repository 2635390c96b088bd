#include "plangate.h"

#include "db/servertopology.h"
#include "planchecker.h"
#include "serversyntaxcheck.h"

#include <algorithm>

namespace uaip {

bool PlanGate::refuseBadPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                             bool oneTransaction)
{
    const QList<ValidationProblem> problems = PlanChecker::check(plan, up, oneTransaction);
    if (problems.isEmpty())
        return false;
    result.outcome = RunResult::Outcome::BadInput;
    const int n = int(problems.size());
    result.message = up ? tr("nothing was applied: %n problem(s) in the plan", nullptr, n)
                        : tr("nothing was rolled back: %n problem(s) in the plan", nullptr, n);
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

bool PlanGate::refuseServerSyntax(RunResult &result, PgConnection &connection,
                                  const QList<MigrationStatus> &plan, bool up)
{
    const bool any = std::any_of(plan.cbegin(), plan.cend(), [up](const MigrationStatus &s) {
        return s.migration
            && !(up ? s.migration->upSplit : s.migration->downSplit).unchecked.isEmpty();
    });
    if (!any)
        return false;
    const Result<QList<ValidationProblem>> found = ServerSyntaxCheck::plan(connection, plan, up);
    if (!found || found->isEmpty())
        return false;
    const QList<ValidationProblem> &problems = found.value();
    result.outcome = RunResult::Outcome::BadInput;
    const int n = int(problems.size());
    result.message = up ? tr("nothing was applied: %n problem(s) in the plan", nullptr, n)
                        : tr("nothing was rolled back: %n problem(s) in the plan", nullptr, n);
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

bool PlanGate::refuseChangedPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                                 const std::optional<QStringList> &expected)
{
    if (!expected)
        return false;
    QStringList versions;
    for (const MigrationStatus &s : plan)
        versions << (s.migration ? s.migration->version.text() : s.version);
    if (versions == *expected)
        return false;
    auto listed = [](const QStringList &v) {
        return v.isEmpty() ? tr("(none)") : v.join(QStringLiteral(", "));
    };
    result.outcome = RunResult::Outcome::Blocked;
    result.message = (up ? tr("nothing was applied: the plan changed since it was confirmed "
                              "(another run changed the ledger); confirmed: %1; now: %2")
                         : tr("nothing was rolled back: the plan changed since it was confirmed "
                              "(another run changed the ledger); confirmed: %1; now: %2"))
                         .arg(listed(*expected), listed(versions));
    return true;
}

bool PlanGate::refuseNoTransactionBehindPooler(RunResult &result,
                                               const QList<MigrationStatus> &plan, bool up,
                                               const ServerTopology &topology,
                                               const QString &poolerFix)
{
    if (!topology.pooled())
        return false;
    for (const MigrationStatus &s : plan) {
        if (!s.migration
            || !(up ? s.migration->upDirectives : s.migration->downDirectives).noTransaction)
            continue;
        result.outcome = RunResult::Outcome::BadInput;
        result.message
            = (up ? tr("nothing was applied: %1 runs without a transaction (uaip:no-transaction), "
                       "statement by statement, and needs one server session for all of them; "
                       "this connection goes through %2, which may give each transaction "
                       "another server session. Run the migrations over a direct connection to "
                       "the server: %3.")
                  : tr("nothing was rolled back: %1 runs without a transaction "
                       "(uaip:no-transaction), statement by statement, and needs one server "
                       "session for all of them; this connection goes through %2, which may "
                       "give each transaction another server session. Run the migrations over a "
                       "direct connection to the server: %3."))
                  .arg(s.id(), topology.poolerDescription(),
                       poolerFix.isEmpty()
                           ? tr("--db with its host and port (in the GUI, the profile's \"Direct "
                                "connection for migrations\")")
                           : poolerFix);
        return true;
    }
    return false;
}

} // namespace uaip
