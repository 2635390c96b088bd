#pragma once

#include "db/connectfailure.h"
#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"
#include "migrationstep.h"

#include <QCoreApplication>
#include <QList>
#include <atomic>
#include <functional>

namespace uaip {

class PgConnection;

// After the connection went while a pipeline of steps ran: the server may have committed any of
// the steps whose answers never came. Each step's ledger row commits with it, so a new session
// reads from the ledger which did, instead of guessing "rolled back".
class LostCommitSettler
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LostCommitSettler)

public:
    LostCommitSettler(const PgConnection &lost, const std::atomic_bool &cancelled,
                      std::function<void(const QString &)> notice);

    // How many of steps committed, from 'known' on (the ones before it did), read from the
    // ledger on a new session; tried again until a server answers, within kSettleWindowMs (a
    // restart, a failover). result says what happened, and where; durationsMs gets the
    // committed steps' durations from their rows.
    int settle(const QList<MigrationStep> &steps, int known, ScriptDirection direction,
               RunResult &result, QList<int> *durationsMs);
    // Whether a failed connect may succeed if tried again (not a refusal of the credentials).
    static bool retryable(const ConnectFailure &failure);

private:
    static constexpr int kSettleWindowMs = 30000;

    // Opens a session to the lost connection's servers, within kSettleWindowMs.
    void reconnect(PgConnection &fresh) const;

    const PgConnection &m_lost;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
};

} // namespace uaip
