#pragma once

#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "lint/validationproblem.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

namespace uaip {

class PgConnection;

// The contract of an online change (-- uaip:contract-of VERSION) removes the old shape its
// expand left beside the new one. It is refused before the plan's first statement (exit 2,
// nothing run) while the application may still use that shape:
//   - its expand is in the same plan (not applied before this run): the application that uses
//     the new shape cannot have been deployed in between (unless no table or view the
//     contract names is there before the run: the run makes them, on a fresh database or a
//     sandbox's proof, so nothing can use the old shape yet);
//   - a statement naming what it removes (ContractOldNames, matched by OldNameUse) was counted
//     by pg_stat_statements since the expand was applied: more calls than in the baseline the
//     runner kept then (OnlineBaselines); with no baseline, or a reset of the counters since it,
//     every call counts (said). Each such statement is listed, one line, with its calls.
// Where pg_stat_statements cannot be read it says that it could not check, and why, and the
// contract runs. `up --force-contract REASON` runs it anyway: the reason and what it overrode go
// into the contract's ledger event (force_contract). The GUI, uaip-migrate and the fleet meet it
// in MigrationRunner::up beside BlockingWorkGate; the dry run and the GUI's Apply confirmation
// show the same refusal.
class ContractGate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ContractGate)

public:
    struct Judgement
    {
        QList<ValidationProblem> problems; // one per contract refused, at its uaip:contract-of
        QStringList contracts; // the id of each problem's contract
        // What the run is told and goes on: a contract not checked (and why), the calls counted
        // since a reset or without a baseline.
        QStringList notes;
    };

    // The contracts of an up plan judged on the target.
    static Judgement judge(PgConnection &connection, const QList<MigrationStatus> &plan);
    // judge(), each note said; result filled when a contract is refused (exit 2, nothing run).
    // With forceReason (--force-contract) nothing is refused: the refusals are said, and for
    // each contract forced, forced gets (by its id) the detail of its ledger event: the reason
    // and what it overrode.
    static bool refuse(RunResult &result, PgConnection &connection,
                       const QList<MigrationStatus> &plan, const QString &forceReason,
                       const std::function<void(const QString &)> &say,
                       QHash<QString, QJsonObject> *forced = nullptr);
    // The key of an expand's baseline (OnlineBaselines): its version's groups without leading
    // zeros, so that "0007" and "7" (both the same version) find the same row.
    static QString baselineKey(const MigrationVersion &expand);
};

} // namespace uaip
