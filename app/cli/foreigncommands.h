#pragma once

#include <QCoreApplication>
#include <QJsonObject>

namespace uaip {

class CliContext;
class PgConnection;
struct AdoptionPlan;
struct ForeignLedger;
struct ForeignTool;

// foreign: other tools' histories in the database; adopt --from TOOL: take one over.
class ForeignCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignCommands)

public:
    static int foreign(CliContext &ctx);
    static int adopt(CliContext &ctx);

private:
    // adopt: the one history of the tool into *ledger: 0, or the exit code of the refusal
    // (reported).
    static int readLedger(CliContext &ctx, PgConnection &connection, const ForeignTool &tool,
                          ForeignLedger *ledger);
    static void printPlan(CliContext &ctx, const AdoptionPlan &plan);
    // Entries that cannot be taken over: reported, exit 3.
    static int refusePlan(CliContext &ctx, const AdoptionPlan &plan, QJsonObject doc);
};

} // namespace uaip
