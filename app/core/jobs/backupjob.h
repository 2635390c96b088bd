#pragma once

#include "db/sessionspec.h"
#include "job.h"

namespace uaip {

// pg_dump --format=custom of the target database to a file, before migrations are applied to a
// production profile. Progress is the size written so far; Cancel stops pg_dump and removes
// the partial file. The password never appears on pg_dump's command line (PGPASSWORD).
// pg_dump runs in ProcessRun's wait on the worker thread; the job's cancel action
// (JobContext::onCancel) sets a flag and cancels that wait, which stops pg_dump at once.
class BackupJob : public Job
{
    Q_OBJECT
public:
    // Runs on a worker without a database (pg_dump connects itself, from spec).
    BackupJob(const SessionSpec &spec, const QString &file, QObject *parent = nullptr);

    QString file() const { return m_file; }
    qint64 bytesWritten() const { return m_bytes; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    SessionSpec m_spec;
    QString m_file;
    qint64 m_bytes = 0;
};

} // namespace uaip
