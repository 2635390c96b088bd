#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgResult;

// A session that held (or waited for, ahead of the migration) a lock that conflicts with the one
// a migration statement waited for, as pg_locks and pg_stat_activity showed it right after the
// statement gave up (LockBlockers). Without pg_read_all_stats a role sees only the pid and the
// lock of another role's session: the rest is empty and known() says so.
struct LockBlocker
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockBlocker)

public:
    int pid = 0; // 0: a prepared transaction (it has no session)
    QString user;
    QString application;
    QString state; // active, idle in transaction, ...; empty when not visible
    qint64 transactionMs = -1; // age of its transaction; -1 when not visible
    QString queryStart; // when its current (or last) statement started, UTC; empty: not visible
    QString relation; // the relation of the lock, as the server names it
    QString mode; // the lock's mode, as pg_locks names it (AccessShareLock)
    bool waiting = false; // it waits for the lock itself, queued ahead of the migration
    QString gid; // a prepared transaction's name (pid 0); COMMIT PREPARED or ROLLBACK PREPARED
    QString database; // a prepared transaction's database (user: its owner)
    QString preparedAt; // when it was prepared, UTC (transactionMs: since then)
    // Another role's session this role may not look into (no pg_read_all_stats): its state,
    // query and transaction are hidden ('<insufficient privilege>'), not empty.
    bool hidden = false;

    // "pid 4711 (analytics, idle in transaction, transaction 14 s) holds AccessShareLock on
    // agent_events"
    QString describe() const;
    // "prepared transaction 'g' (owner ..., database ..., prepared ..., ...)": one with a gid.
    QString preparedLine() const;
    // The session's columns of row i (pid, usename, application_name, state, xact_ms,
    // query_start, hidden; a prepared transaction's gid, prepared_database, prepared_at), as
    // forecast/sql/lock_blockers.sql and live/sql/lock_wait_blockers.sql name them; the lock's
    // own fields are the caller's.
    static LockBlocker session(const PgResult &r, int i);
};

} // namespace uaip
