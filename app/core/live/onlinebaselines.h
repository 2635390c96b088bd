#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace uaip {

class PgConnection;

// The workload's counters right after the expand of an online change (-- uaip:expand) was
// applied, kept by the runner in the ledger's schema (uaip_ledger.uaip_online_baselines, made by
// the first one), one row per expand version, the newest winning: every statement of this
// database pg_stat_statements counted then (queryid -> calls) and since when it counted. The
// contract's gate (ContractGate) counts only the calls made since. The ledger's schema must be
// the console's (LedgerTrust): a baseline another role could write would hide its statements.
class OnlineBaselines
{
    Q_DECLARE_TR_FUNCTIONS(uaip::OnlineBaselines)

public:
    struct Baseline
    {
        QString takenAt;
        QString statsReset; // as OldNameUse::Workload::statsReset writes it; empty: never reset
        QHash<QString, qint64> calls; // queryid -> calls
    };

    // Keeps the counters now as the baseline of the expand version, in a transaction of its own;
    // the error when pg_stat_statements is not created here or the write fails.
    static Status keep(PgConnection &connection, const QString &version);
    // The baseline of the expand version; nullopt when none was kept.
    static Result<std::optional<Baseline>> of(PgConnection &connection, const QString &version);

private:
    static Status trusted(PgConnection &connection);
};

} // namespace uaip
