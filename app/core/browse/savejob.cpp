#include "savejob.h"

#include "db/session.h"
#include "db/sessioncanceller.h"
#include "db/sqlresource.h"
#include "jobs/jobcontext.h"
#include "saveexecutor.h"

namespace uaip {

SaveJob::SaveJob(const QString &title, TableInfo table, SavePlan plan, DatabaseIdentity madeOn,
                 QObject *receiver, Done done)
    : Job(title)
    , m_table(std::move(table))
    , m_plan(std::move(plan))
    , m_madeOn(std::move(madeOn))
    , m_receiver(receiver)
    , m_done(std::move(done))
{ }

Result<QString> SaveJob::transactionStatus(PgConnection &connection, qint64 xid)
{
    const PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("browse/sql/txid_status.sql")), {QString::number(xid)});
    if (!r.ok())
        return Error(r.error());
    return r.isNull(0, 0) ? QString() : r.value(0, 0);
}

Result<QString> SaveJob::execute(JobContext &context)
{
    const SaveResult result = run(context);
    QPointer<QObject> receiver = m_receiver;
    Done done = m_done;
    if (receiver)
        Job::reply(receiver, [receiver, done, result] {
            if (receiver && done)
                done(result);
        });
    if (!result.ok)
        return failure(result);
    return tr("%n statement(s) committed.", nullptr, result.statementsRun);
}

Error SaveJob::failure(const SaveResult &result)
{
    if (result.cancelled)
        return Error(ErrorCode::Cancelled, result.message);
    if (result.wrongDatabase)
        return Error(ErrorCode::Refused, result.message);
    if (result.connectionLost || result.commitUnknown)
        return Error(ErrorCode::Connection, result.message);
    if (!result.conflicts.isEmpty() || result.cascadeChanged)
        return Error(ErrorCode::Conflict, result.message);
    if (result.error.isSet()) // the server's (or the transaction's): message is its toString()
        return result.error;
    return Error(ErrorCode::Internal, result.message);
}

SaveResult SaveJob::run(JobContext &context)
{
    SaveResult result;
    Result<Session *> session = context.session();
    if (!session) {
        result.connectionLost = true;
        result.sqlState = session.error().sqlState();
        result.message = tr("Not connected: %1").arg(session.error().toString());
        return result;
    }
    const DatabaseIdentity &here = session.value()->identity();
    if (!m_madeOn.isKnown() || !(here == m_madeOn)) {
        result.wrongDatabase = true;
        result.message
            = tr("The staged changes were made on %1, but this session is on %2; "
                 "nothing was written. Switch back to that database to save them.")
                  .arg(m_madeOn.isKnown() ? m_madeOn.describe() : tr("an unknown database"),
                       here.describe());
        return result;
    }
    result = SaveExecutor::run(session.value()->pg(), m_table, m_plan,
                               [&context] { return context.isCancelled(); });
    session.value()->pg().notices().take();
    if (result.commitLost)
        settle(context, session.value()->spec(), &result);
    return result;
}

void SaveJob::settle(const JobContext &context, const SessionSpec &spec, SaveResult *result)
{
    const QString lost = result->message;
    Session fresh(spec.withPurpose(QStringLiteral("settle save")));
    Result<QString> status = Error(ErrorCode::Connection, QString()); // until a new session
    if (fresh.open()) {
        // The old backend may not have noticed the loss yet: its transaction is "in progress"
        // until it ends; wait for it (bounded) rather than guess. A cancel asked for during the
        // wait ends it (the outcome is then reported as not settled); the cancel that cut the
        // connection, before it, does not: settling is what tells what that cancel did.
        const bool cancelledBefore = context.isCancelled();
        SessionCanceller uncancelled;
        for (int i = 0; i < 100; ++i) {
            status = transactionStatus(fresh.pg(), result->transactionId);
            if (!status || status.value() != QLatin1String("in progress"))
                break;
            if (!(cancelledBefore ? uncancelled.pause(100) : context.pause(100)))
                break;
        }
    }
    if (status && status.value() == QLatin1String("committed")) {
        result->ok = true;
        result->connectionLost = false;
        result->message = tr("The connection was lost at COMMIT; transaction %1 had committed "
                             "(checked on a new session). Nothing is left to save.")
                              .arg(result->transactionId);
        return;
    }
    if (status && status.value() == QLatin1String("aborted")) {
        result->message = tr("The connection was lost at COMMIT; transaction %1 was rolled back "
                             "(checked on a new session). Your changes are still staged. Save "
                             "again to retry.")
                              .arg(result->transactionId);
        return;
    }
    result->commitUnknown = true;
    result->message
        = tr("The connection was lost at COMMIT and the outcome of transaction %1 "
             "could not be settled (%2). Check the data before saving again: your "
             "changes are still staged.\n%3")
              .arg(result->transactionId)
              .arg(status ? tr("status: %1")
                                .arg(status.value().isEmpty() ? tr("unknown") : status.value())
                          : tr("no new session"),
                   lost);
}

} // namespace uaip
