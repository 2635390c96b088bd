#include "prompttablerewrite.h"

#include "db/pgconnection.h"
#include "db/sessioncanceller.h"
#include "db/sqlresource.h"
#include "error/status.h"
#include "util/visibletext.h"

#include <QElapsedTimer>
#include <QLocale>

namespace uaip {

namespace {

// Done when `nodes` holds the file nodes of both tables (rewrite_filenodes), else why not.
Status fileNodesRead(const PgResult &nodes)
{
    if (!nodes.ok())
        return Error(nodes.error());
    if (nodes.rows() != 1)
        return Error(ErrorCode::NotFound,
                     PromptTableRewrite::tr("the file nodes of the prompt tables are unknown"));
    return {};
}

} // namespace

QString PromptTableRewrite::Estimate::describe() const
{
    return tr("VACUUM FULL ai_prompts, ai_prompt_versions: ACCESS EXCLUSIVE lock (readers and "
              "writers of the prompt tables wait) on %1, about %n s",
              nullptr, seconds)
        .arg(QLocale::c().formattedDataSize(bytes));
}

PromptTableRewrite::PromptTableRewrite(PgConnection &connection)
    : m_connection(connection)
{ }

PromptTableRewrite::Estimate PromptTableRewrite::estimate()
{
    Estimate e;
    PgResult r = m_connection.exec(SqlResource::of("crypto", "rewrite_size"));
    if (!r.ok()) {
        e.error = Error(r.error());
        return e;
    }
    if (r.rows() != 1) {
        e.error = Error(ErrorCode::NotFound, tr("the size of the prompt tables is unknown"));
        return e;
    }
    e.bytes = r.value(0, 0).toLongLong();
    e.seconds = int(qMax<qint64>(1, (e.bytes + kBytesPerSecond - 1) / kBytesPerSecond));
    return e;
}

QStringList PromptTableRewrite::holders(const QString &since)
{
    const PgResult r = m_connection.exec(SqlResource::of("crypto", "rewrite_holders"), {since});
    QStringList out;
    if (!r.ok())
        return out;
    for (int i = 0; i < r.rows(); ++i) {
        QStringList facts{tr("role %1").arg(VisibleText::escaped(r.value(i, "role")))};
        if (!r.value(i, "application_name").isEmpty())
            facts << tr("application \"%1\"")
                         .arg(VisibleText::escaped(r.value(i, "application_name")));
        facts << (r.isNull(i, 3) ? tr("since when is not readable by this role (pg_read_all_stats)")
                                 : tr("in a transaction since %1").arg(r.value(i, "since")));
        if (!r.isNull(i, 4))
            facts << r.value(i, "state");
        if (!r.isNull(i, 5))
            facts << tr("holding %1").arg(r.value(i, "locks"));
        out << tr("pid %1 (%2)").arg(r.value(i, "pid"), facts.join(QStringLiteral(", ")));
    }
    return out;
}

void PromptTableRewrite::describeSkipped(const Rewritten &rewritten, const QStringList &holders,
                                         RewriteOutcome *out)
{
    const QString skipped = rewritten.skipped.join(QStringLiteral(", "));
    out->error
        = Error(ErrorCode::Conflict,
                tr("VACUUM FULL did not rewrite %1 within %2 ms: VACUUM (FULL, SKIP_LOCKED), tried "
                   "every %3 ms, skipped it each time (another session held a lock on it, or the "
                   "role may not vacuum it); it never waits in line for a lock, so the users of "
                   "the prompt tables were not blocked")
                    .arg(skipped)
                    .arg(out->elapsedMs)
                    .arg(kRetryMs),
                {{QStringLiteral("table"), rewritten.skipped.first()},
                 {QStringLiteral("tables"), rewritten.skipped},
                 {QStringLiteral("holders"), holders},
                 {QStringLiteral("notices"), rewritten.notices}});
    out->message = out->error.text();
    if (!rewritten.notices.isEmpty())
        out->message += u' ' + tr("(server: %1)").arg(rewritten.notices.join(QStringLiteral("; ")));
    if (!holders.isEmpty())
        out->message
            += QStringLiteral("; ") + tr("held by %1").arg(holders.join(QStringLiteral("; ")));
    out->message += QStringLiteral("; ")
        + tr("the conversion is committed, but the old row versions may still hold plaintext in "
             "the table files: run VACUUM FULL ai_prompts, ai_prompt_versions once those "
             "sessions have ended (or end them)");
}

PromptTableRewrite::RewriteOutcome PromptTableRewrite::run(int lockTimeoutMs)
{
    RewriteOutcome out;
    const Estimate before = estimate();
    if (!before.ok()) {
        out.error = before.error;
        out.message = tr("ai_prompts, ai_prompt_versions were not rewritten: %1")
                          .arg(before.error.toString());
        return out;
    }
    out.bytesBefore = before.bytes;
    // A transaction older than the conversion keeps the old row versions alive through
    // VACUUM FULL: wait for such transactions to end (as CREATE INDEX CONCURRENTLY waits for
    // old snapshots), at most as long as for the locks.
    const QString since = m_connection.scalar(SqlResource::of("crypto", "rewrite_now"));
    QElapsedTimer waited;
    waited.start();
    int older = 0;
    for (;;) {
        PgResult o
            = m_connection.exec(SqlResource::of("crypto", "rewrite_older_snapshots"), {since});
        if (!o.ok()) { // cancelled or failed: never taken as "no older session"
            out.error = Error(o.error());
            out.message = tr("ai_prompts, ai_prompt_versions were not rewritten: %1")
                              .arg(out.error.toString());
            return out;
        }
        older = o.rows() == 1 ? o.value(0, 0).toInt() : 0;
        // A cancel ends the wait; in a job (the Prompts view's) it stays kept for the next
        // command, so the count or the rewrite that follows fails as cancelled
        // (SessionCanceller::pause).
        if (older == 0 || waited.elapsed() >= qMax(1, lockTimeoutMs)
            || !m_connection.canceller()->pause(50))
            break;
    }
    QElapsedTimer timer;
    timer.start();
    const Rewritten rewritten = vacuum(qMax(1, lockTimeoutMs));
    out.elapsedMs = timer.elapsed();
    if (rewritten.error.isSet()) {
        out.error = rewritten.error;
        out.message = tr("VACUUM FULL ai_prompts, ai_prompt_versions failed: %1; the old row "
                         "versions may still hold plaintext in the table files (run it again)")
                          .arg(rewritten.error.toString());
        return out;
    }
    if (!rewritten.skipped.isEmpty()) {
        describeSkipped(rewritten, holders(since), &out);
        return out;
    }
    const Estimate after = estimate();
    out.bytesAfter = after.ok() ? after.bytes : 0;
    out.message = tr("rewrote ai_prompts, ai_prompt_versions and their indexes (VACUUM FULL, "
                     "%1 -> %2) in %3 ms")
                      .arg(QLocale::c().formattedDataSize(out.bytesBefore),
                           QLocale::c().formattedDataSize(out.bytesAfter))
                      .arg(out.elapsedMs);
    if (older > 0)
        out.message += u' '
            + tr("but %n session(s) in a transaction older than the conversion were still open "
                 "after %1 ms (%2): the row versions they could see (plaintext, or the old key's "
                 "envelopes) were kept; run VACUUM FULL ai_prompts, ai_prompt_versions again once "
                 "they have ended",
                 nullptr, older)
                  .arg(waited.elapsed())
                  .arg(holders(since).join(QStringLiteral("; ")));
    out.olderSessions = older;
    return out;
}

PromptTableRewrite::Rewritten PromptTableRewrite::vacuum(int budgetMs)
{
    // No session setting (lock_timeout): behind a transaction pooler it would land on one
    // pooled backend and stay there for the next client. VACUUM (FULL, SKIP_LOCKED) takes a
    // table's lock only when it is free at once, or skips the table; a table whose file node
    // changed was rewritten. Retried until budgetMs is spent.
    static const char *const kTables[] = {"ai_prompts", "ai_prompt_versions"};
    static const char *const kVacuums[] = {"rewrite_vacuum_prompts", "rewrite_vacuum_versions"};
    Rewritten out;
    PgResult nodes = m_connection.exec(SqlResource::of("crypto", "rewrite_filenodes"));
    if (const Status read = fileNodesRead(nodes); !read) {
        out.error = read.error();
        return out;
    }
    const QString before[2] = {nodes.value(0, 0), nodes.value(0, 1)};
    bool done[2] = {false, false};
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        out.notices.clear();
        for (int i = 0; i < 2; ++i) {
            if (done[i])
                continue;
            m_connection.notices().take();
            const PgResult r = m_connection.exec(SqlResource::of("crypto", kVacuums[i]));
            out.notices += m_connection.notices().take();
            if (!r.ok()) {
                out.error = Error(r.error());
                return out;
            }
        }
        nodes = m_connection.exec(SqlResource::of("crypto", "rewrite_filenodes"));
        if (const Status read = fileNodesRead(nodes); !read) {
            out.error = read.error();
            return out;
        }
        for (int i = 0; i < 2; ++i)
            done[i] = done[i] || nodes.value(0, i) != before[i];
        if ((done[0] && done[1]) || timer.elapsed() >= budgetMs)
            break;
        // A cancel ends the pause; in a job it stays kept for the next attempt, which then fails
        // as cancelled. Without one it ends this pause only (bound to it): the next runs in full.
        m_connection.canceller()->pause(
            int(qMin<qint64>(kRetryMs, qMax<qint64>(1, budgetMs - timer.elapsed()))));
    }
    for (int i = 0; i < 2; ++i)
        if (!done[i])
            out.skipped << QLatin1String(kTables[i]);
    return out;
}

} // namespace uaip
