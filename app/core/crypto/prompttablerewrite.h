#pragma once

#include "error/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

class PgConnection;

// Rewrites the prompt tables and their indexes after an enable or a rotation
// (VACUUM FULL ai_prompts, ai_prompt_versions): the dead row versions with the plaintext (or the
// old key's envelopes), the old TOAST chunks and the full-text index entries of the plain words
// are gone from the table files afterwards. VACUUM cannot run in a transaction: it runs after
// the conversion committed, holding ACCESS EXCLUSIVE locks (readers and writers of the prompt
// tables wait) for about estimate().seconds; it takes a table's lock only when it is free at
// once (SKIP_LOCKED, retried), so it never waits in line ahead of the tables' users. Older WAL
// segments and backups still hold the plaintext: only the live files are rewritten.
class PromptTableRewrite
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptTableRewrite)
public:
    struct Estimate
    {
        qint64 bytes = 0; // both tables with their TOAST tables and indexes
        int seconds = 0; // at kBytesPerSecond, at least 1
        Error error; // the server's, or NotFound (no size)
        bool ok() const { return !error.isSet(); }
        QString describe() const; // "ACCESS EXCLUSIVE lock on ..., 1.2 MB, about 1 s"
    };
    struct RewriteOutcome
    {
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
        qint64 elapsedMs = 0;
        int olderSessions = 0; // older transactions still open at the rewrite (their rows kept)
        QString message; // what was done, or why not (naming the tables)
        // The server's, or ours: Conflict when a table was skipped (its lock never free in
        // time, or the role may not vacuum it; arguments "table", the first, "tables" and
        // "holders", the sessions that held a lock on them or an older snapshot, in words),
        // NotFound when the tables' size or file nodes are unknown.
        Error error;
        bool ok() const { return !error.isSet(); }
    };
    static constexpr qint64 kBytesPerSecond = 50LL * 1024 * 1024; // conservative
    static constexpr int kRetryMs = 50; // between VACUUM (FULL, SKIP_LOCKED) attempts

    explicit PromptTableRewrite(PgConnection &connection);

    Estimate estimate();
    // Waits at most lockTimeoutMs for transactions older than the call to end (their snapshots
    // would keep the old row versions), then tries VACUUM (FULL, SKIP_LOCKED) on each table
    // every kRetryMs for at most lockTimeoutMs: it never queues behind, nor blocks, the users
    // of the prompt tables, and sets nothing for the session (safe behind a transaction
    // pooler). A table still not rewritten (its file node unchanged) is an error naming it and
    // the sessions that kept it (pid, role, application, since when, the locks they hold), as
    // is an older transaction still open at the end (the rewrite kept what it may see). The
    // connection must be outside a transaction.
    RewriteOutcome run(int lockTimeoutMs);

private:
    struct Rewritten
    {
        QStringList skipped; // tables not rewritten within the budget
        QStringList notices; // the server's warnings of the last attempt
        Error error;
    };
    Rewritten vacuum(int budgetMs);
    // The other sessions holding a lock on the prompt tables or a snapshot older than since,
    // each in words: "pid 4711 (role app, application "report", in a transaction since ...,
    // idle in transaction, holding AccessShareLock on ai_prompts)"; none when unreadable.
    QStringList holders(const QString &since);
    // The result of a rewrite that skipped a table (its lock was never free in time): Conflict.
    static void describeSkipped(const Rewritten &rewritten, const QStringList &holders,
                                RewriteOutcome *out);

    PgConnection &m_connection;
};

} // namespace uaip
