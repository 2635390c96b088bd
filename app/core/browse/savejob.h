#pragma once

#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "error/result.h"
#include "jobs/job.h"
#include "saveplan.h"
#include "saveresult.h"
#include "tableinfo.h"

#include <QPointer>

#include <functional>

namespace uaip {

class PgConnection;

// The save of the staged edits as a Job (shown in the job dock, cancellable): runs the plan with
// SaveExecutor on its worker's session, after checking that the session is on the database the
// edits were made on (madeOn) — otherwise it refuses and writes nothing, so staged edits,
// inserts included, never reach another database. A connection lost at COMMIT is settled with
// txid_status() on a fresh session before the result is reported: a committed save is reported
// as saved (never offered again), an aborted one as still staged, an unknown one as such.
// done runs on the receiver's thread with the result, unless the receiver is gone.
class SaveJob : public Job
{
    Q_OBJECT
public:
    using Done = std::function<void(const SaveResult &)>;
    SaveJob(const QString &title, TableInfo table, SavePlan plan, DatabaseIdentity madeOn,
            QObject *receiver, Done done);

    // txid_status() of xid on connection: "committed", "aborted", "in progress", or an empty
    // string when the server no longer knows.
    static Result<QString> transactionStatus(PgConnection &connection, qint64 xid);

protected:
    Result<QString> execute(JobContext &context) override;

private:
    // A failed save as the job's error: its message, with a code to decide on.
    static Error failure(const SaveResult &result);
    SaveResult run(JobContext &context);
    void settle(const JobContext &context, const SessionSpec &spec, SaveResult *result);

    TableInfo m_table;
    SavePlan m_plan;
    DatabaseIdentity m_madeOn;
    QPointer<QObject> m_receiver;
    Done m_done;
};

} // namespace uaip
