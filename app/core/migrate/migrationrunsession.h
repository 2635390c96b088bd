#pragma once

#include "db/servertopology.h"
#include "ledger/migration.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "migrationrunoptions.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <atomic>

namespace uaip {

class MigrationLock;
class PgConnection;
class Transaction;

// What every write command of MigrationRunner (up, down, baseline, adopt, repair) stands on:
// the server's topology, the migration lock, and the ledger read under it; then each write
// transaction, which behind a pooler takes the lock itself and finds the ledger as read.
class MigrationRunSession
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationRunSession)

public:
    MigrationRunSession(PgConnection &connection, const QList<Migration> &migrations,
                        const MigrationRunOptions &options, std::atomic_bool &cancelled);

    // Reads the topology (a standby or a read-only connection is refused), takes the lock
    // and reads the ledger (created only by ensureLedger, before the first write). False:
    // result filled, nothing changed.
    bool begin(RunResult &result, MigrationLock &lock, QList<MigrationStatus> *statuses);
    // Creates the ledger begin() found missing, right before the first write.
    bool ensureLedger(RunResult &result);
    // A write transaction of baseline, adopt or repair: BEGIN (its failure reported with
    // failedFormat, "%1" the error), then behind a pooler the transaction-level lock and the
    // ledger read again, which must be as 'seen' (begin() read it without the lock). False:
    // result filled, the transaction rolled back.
    bool beginWrites(RunResult &result, Transaction &transaction,
                     const QList<MigrationStatus> &seen, const QString &failedFormat);

    // What begin() found about the server and the path to it (a pooler, a standby).
    const ServerTopology &topology() const { return m_topology; }
    bool pooled() const { return m_topology.pooled(); }
    // The versions of the ledger's rows as this run read and then changed them: behind a
    // pooler every step checks that the ledger still holds exactly these (ledger_step_check).
    QStringList &ledgerRows() { return m_ledgerRows; }

    // Puts the session's lock_timeout back when a command ends (MigrationCommandScope; the GUI
    // reuses its connection). Behind a pooler nothing was set for the session: nothing to put
    // back.
    void resetLockTimeout() const;

private:
    // result failed with error (RunResult::fail: the outcome its code decides), cancelled when
    // it is the server's 57014 after the user's cancel, connectionLost when the connection is
    // gone. False.
    bool failed(RunResult &result, const Error &error) const;
    bool takeLock(RunResult &result, MigrationLock &lock);
    // Behind a pooler, in a write transaction: the transaction-level lock.
    bool lockTransaction(RunResult &result, Transaction &transaction);

    PgConnection &m_connection;
    const QList<Migration> &m_migrations;
    const MigrationRunOptions &m_options;
    std::atomic_bool &m_cancelled;
    bool m_ledgerMissing = false; // begin() found no ledger and created none
    ServerTopology m_topology;
    QStringList m_ledgerRows;
};

} // namespace uaip
