#pragma once

#include "ledgerentry.h"
#include "ledgerevent.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantList>
#include <optional>

namespace uaip {

class PgConnection;
class PipelineCommands;

// Reads and writes the migration ledger through an open connection. Writes happen in
// whatever transaction the caller has open, so a migration and its ledger row commit together.
// The ledger lives in the fixed schema uaip_ledger and every statement names it, so what a
// session's search_path says never matters. A ledger of the first format (wherever its
// search_path put it) is still read as it is, and moved and upgraded by ensure().
class Ledger
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Ledger)

public:
    static constexpr int kFormat = 5;
    static constexpr auto kSchema = "uaip_ledger";

    explicit Ledger(PgConnection &connection, const QString &client);

    // Whether a ledger (of any format) is there; the server's error when the look fails, and a
    // refusal when one is there whose owners are not trusted (LedgerTrust).
    Result<bool> exists();
    // Creates the ledger when missing, upgrades an older format (in a transaction of its own;
    // call it under the migration lock); refuses a ledger written by a newer format, and one
    // whose schema another role made (LedgerTrust).
    // transactionLockWaitMs (behind a pooler, MigrationLock::Scope::Transaction): that
    // transaction takes the migration lock itself first, waiting at most this long.
    Status ensure(std::optional<int> transactionLockWaitMs = std::nullopt);
    // ensure() created the ledger just now: it has no rows yet.
    bool created() const { return m_created; }
    Result<QList<LedgerEntry>> entries();
    Status record(const LedgerEntry &entry);
    // record() in a transaction of its own, with the session's own identity, read-write and
    // the runner's timeouts for that transaction only (SET LOCAL): what a no-transaction
    // script SET for its later statements (a role without rights on the ledger, read-only
    // transactions, a 1 ms statement_timeout) neither stops the write nor is undone by it.
    // The runner's lock is checked in that transaction first.
    Status recordIsolated(const LedgerEntry &entry, const QString &lockTimeout);
    // recordIsolated's statements after its BEGIN, its COMMIT included, appended: for a
    // transaction the caller opened and did its own work in first (a batch of a backfill and
    // its progress commit together). Send them with commitPipeline().
    void appendIsolatedWrite(QList<QByteArray> &sql, QList<QVariantList> &params,
                             const LedgerEntry &entry, const QString &lockTimeout) const;
    // The statements in one pipeline, ending with COMMIT: ROLLBACK and the first error when one
    // fails, or when the COMMIT did not commit.
    Status commitPipeline(const QList<QByteArray> &sql, const QList<QVariantList> &params);
    // The first dirty row of a no-transaction run, under the runner's lock: the version's row
    // must be in expectedState (empty: there is none, and a plain insert adds it), or nothing
    // is written and this fails (ledger_start_dirty.sql).
    Status recordStart(const LedgerEntry &entry, const QString &expectedState);
    // The ledger row and its event in one statement (the runner's hot path). A plain insert
    // under the runner's lock: a row already there (another run) or a lock the migration
    // released fails the statement, and the migration's transaction with it.
    Status recordApplied(const LedgerEntry &entry);
    Status recordRolledBack(const LedgerEntry &entry);
    // A migration another tool applied, taken over: its row and an 'adopt' event naming where
    // it came from (detail), under the runner's lock, in the caller's transaction. A plain
    // insert: a row already there fails the statement.
    Status recordAdopted(const LedgerEntry &entry, const QString &detail);
    // A no-transaction apply finished: its dirty row becomes applied (it must be there).
    Status recordFinishedApply(const LedgerEntry &entry);
    // The same statements with their parameters, for a pipeline; the duration is measured by
    // the server from the start of the transaction. Each must follow lockCheckSql() in the
    // same transaction, unless the script before it cannot have released the runner's lock.
    // eventTriggerGuard (after a script that got no session reset and no lock check): the
    // write fails with exactly this text when an event trigger is enabled.
    static QByteArray recordAppliedSql();
    static QByteArray recordRolledBackSql();
    QVariantList recordAppliedParams(const LedgerEntry &entry,
                                     const QString &eventTriggerGuard = {}) const;
    QVariantList recordRolledBackParams(const LedgerEntry &entry,
                                        const QString &eventTriggerGuard = {}) const;
    // The statement sent before every ledger write (ledger_lock_check.sql): it fails, and the
    // transaction with it, when this session no longer holds the runner's advisory lock, or
    // holds another session-level advisory lock (released, its keys named); with a guard, as
    // above, when an event trigger is enabled.
    static QByteArray lockCheckSql();
    // search_path = pg_catalog, pg_temp for the engine's ledger statements that follow, in this
    // transaction (set_config(..., true)), so a role's own now(), = or text before pg_catalog
    // is never called by the engine; unpinSearchPathSql() right after them sets back the value
    // in effect before, so the migration's body and its deferred triggers (at COMMIT) resolve
    // names through the role's search_path.
    static QByteArray pinSearchPathSql();
    static QByteArray unpinSearchPathSql();
    // otherLocksAllowed: only the runner's lock is looked for (between the statements of a
    // no-transaction script).
    static QVariantList lockCheckParams(const QString &eventTriggerGuard = {},
                                        bool otherLocksAllowed = false);
    // A run in one transaction (up/down --single-transaction): the rows and events of all its
    // migrations in one statement before its COMMIT, the entries in the order they ran, each
    // with its duration; the runner's lock must still be held.
    static QByteArray recordGroupSql(bool up);
    QVariantList recordGroupParams(const QList<LedgerEntry> &entries, bool up) const;
    Status remove(const QString &version);
    Status updateChecksums(const QString &version, const QString &checksum,
                           const QString &downChecksum);
    Status addEvent(const LedgerEvent &event);
    Result<QList<LedgerEvent>> events(const QString &version, int limit);

    QString client() const { return m_client; }

private:
    QVariantList recordParams(const LedgerEntry &entry) const;
    // write after lockCheckSql(), in one implicit transaction.
    Status writeHoldingLock(const QByteArray &write, const QVariantList &params);
    // pinSearchPathSql(), the write, unpinSearchPathSql(), in one pipeline.
    Status writePinned(const QByteArray &write, const QVariantList &params);
    Result<int> readFormat();
    Status upgrade(bool legacy, std::optional<int> transactionLockWaitMs);
    // One pipeline of upgrade()'s transaction; on a failure the transaction is rolled back.
    Status runPart(PipelineCommands &commands, const QString &context);
    // LedgerTrust inside upgrade()'s transaction; rolled back when the ledger is not ours.
    Status trustedInTransaction();

    PgConnection &m_connection;
    QString m_client;
    bool m_legacy = false; // the first format, found through search_path
    bool m_created = false;
    // exists() found it and its owners trusted, in this session, right before (ensure() does
    // not read them again)
    bool m_foundTrusted = false;
};

} // namespace uaip
