#include "backupjob.h"

#include "db/conninfo.h"
#include "jobcontext.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace uaip {

namespace {

// Splits the password out of a conninfo (keyword/value or URI), so it can travel in the
// environment instead of the process list.
QString withoutPassword(const QString &conninfo, QString *password)
{
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    if (!info)
        return conninfo;
    QString out;
    for (const auto &[keyword, value] : info->options()) {
        if (keyword == "password") {
            *password = value;
            continue;
        }
        QString quoted = value;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        out += QStringLiteral("%1='%2' ").arg(QString::fromUtf8(keyword), quoted);
    }
    return out.trimmed();
}

} // namespace

BackupJob::BackupJob(const SessionSpec &spec, const QString &file, QObject *parent)
    : Job(tr("Back up the database before applying"), parent)
    , m_spec(spec)
    , m_file(file)
{ }

Result<QString> BackupJob::execute(JobContext &context)
{
    if (const QString problem = m_spec.problem(); !problem.isEmpty())
        return Error(ErrorCode::BadInput, tr("cannot back up: %1").arg(problem));
    QString password;
    const QString target
        = withoutPassword(m_spec.profile.conninfo(m_spec.password.value_or(QString())), &password);
    QProcess dump;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password);
    dump.setProcessEnvironment(env);
    context.log(tr("pg_dump --format=custom --file=%1").arg(m_file));
    dump.start(QStringLiteral("pg_dump"),
               {QStringLiteral("--format=custom"), QStringLiteral("--file=") + m_file,
                QStringLiteral("--dbname=") + target});
    if (!dump.waitForStarted(10000))
        return Error(
            ErrorCode::Io,
            tr("cannot run pg_dump (is postgresql-client installed?): %1").arg(dump.errorString()));
    // Cancel is noticed here, on the job's own thread (QProcess is not thread-safe).
    while (!dump.waitForFinished(200)) {
        m_bytes = QFileInfo(m_file).size();
        context.progress(0, 0, tr("%1 MB written").arg(double(m_bytes) / 1e6, 0, 'f', 1));
        if (context.isCancelled())
            dump.terminate();
    }
    m_bytes = QFileInfo(m_file).size();
    if (context.isCancelled() || dump.exitStatus() != QProcess::NormalExit
        || dump.exitCode() != 0) {
        const bool cancelled = context.isCancelled();
        const QString why = cancelled
            ? tr("cancelled")
            : QString::fromLocal8Bit(dump.readAllStandardError()).trimmed();
        QFile::remove(m_file);
        return Error(cancelled ? ErrorCode::Cancelled : ErrorCode::Io,
                     tr("the backup to %1 failed, so nothing was applied: %2").arg(m_file, why),
                     {{QStringLiteral("path"), m_file}});
    }
    return tr("backed up to %1 (%2 MB)").arg(m_file).arg(double(m_bytes) / 1e6, 0, 'f', 1);
}

} // namespace uaip
