#include "prompttablerewrite.h"

#include "db/pgconnection.h"
#include "util/sqlresource.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QThread>

namespace uaip {

namespace {

QByteArray sql(const char *name)
{
    return SqlResource::get(QStringLiteral("crypto/sql/%1.sql").arg(QLatin1String(name)));
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
    PgResult r = m_connection.exec(sql("rewrite_size"));
    if (!r.ok() || r.rows() != 1) {
        e.error = r.error();
        if (!e.error.isSet())
            e.error.message = tr("the size of the prompt tables is unknown");
        return e;
    }
    e.bytes = r.value(0, 0).toLongLong();
    e.seconds = int(qMax<qint64>(1, (e.bytes + kBytesPerSecond - 1) / kBytesPerSecond));
    return e;
}

PromptTableRewrite::Result PromptTableRewrite::run(int lockTimeoutMs)
{
    Result out;
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
    const QString since = m_connection.scalar(sql("rewrite_now"));
    QElapsedTimer waited;
    waited.start();
    int older = 0;
    for (;;) {
        PgResult o = m_connection.exec(sql("rewrite_older_snapshots"), {since});
        older = o.ok() && o.rows() == 1 ? o.value(0, 0).toInt() : 0;
        if (older == 0 || waited.elapsed() >= qMax(1, lockTimeoutMs))
            break;
        QThread::msleep(50);
    }
    PgResult r = m_connection.exec(sql("rewrite_lock_timeout"),
                                   {QStringLiteral("%1ms").arg(qMax(1, lockTimeoutMs))});
    QElapsedTimer timer;
    timer.start();
    if (r.ok())
        r = m_connection.exec(sql("rewrite_vacuum"));
    out.elapsedMs = timer.elapsed();
    m_connection.exec(sql("rewrite_lock_timeout_reset"));
    if (!r.ok()) {
        out.error = r.error();
        out.message = tr("VACUUM FULL ai_prompts, ai_prompt_versions failed: %1; the old row "
                         "versions may still hold plaintext in the table files (run it again)")
                          .arg(r.error().toString());
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
                 "after %1 ms: the row versions they could see (plaintext, or the old key's "
                 "envelopes) were kept; run VACUUM FULL ai_prompts, ai_prompt_versions again once "
                 "they have ended",
                 nullptr, older)
                  .arg(waited.elapsed());
    out.olderSessions = older;
    return out;
}

} // namespace uaip
