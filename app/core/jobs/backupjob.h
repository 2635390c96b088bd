#pragma once

#include "dbjob.h"

namespace uaip {

// pg_dump --format=custom of the target database to a file, before migrations are applied to a
// production profile. Progress is the size written so far; Cancel stops pg_dump and removes
// the partial file. The password never appears on pg_dump's command line (PGPASSWORD).
class BackupJob : public DbJob
{
    Q_OBJECT
public:
    BackupJob(const QString &conninfo, const QString &file, QObject *parent = nullptr);

    QString file() const { return m_file; }
    qint64 bytesWritten() const { return m_bytes; }

protected:
    bool execute(QString *summary) override;

private:
    QString m_conninfo;
    QString m_file;
    qint64 m_bytes = 0;
};

} // namespace uaip
