#include "backupjob.h"

#include "db/conninfo.h"
#include "db/processrun.h"
#include "db/sessioncanceller.h"
#include "jobcontext.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <atomic>
#include <memory>

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
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password);
    ProcessRun dump(QStringLiteral("pg_dump"),
                    {QStringLiteral("--format=custom"), QStringLiteral("--file=") + m_file,
                     QStringLiteral("--dbname=") + target});
    dump.setEnvironment(env.toStringList());
    // The job's cancel ends the wait at once, through a canceller of the wait's own (as
    // JobContext::pause's without a session); every 200 ms in it, the progress.
    const auto canceller = std::make_shared<SessionCanceller>();
    const auto cancelled = std::make_shared<std::atomic_bool>(false);
    const JobContext::CancelScope reach = context.onCancel([canceller, cancelled] {
        *cancelled = true;
        canceller->cancel();
    });
    if (context.isCancelled())
        *cancelled = true;
    dump.setCanceller(canceller.get(), cancelled.get());
    dump.setTick(200, [this, &context] {
        m_bytes = QFileInfo(m_file).size();
        context.progress(0, 0, tr("%1 MB written").arg(double(m_bytes) / 1e6, 0, 'f', 1));
    });
    const auto failed = [this](bool stopped, const QString &why) {
        QFile::remove(m_file);
        return Error(stopped ? ErrorCode::Cancelled : ErrorCode::Io,
                     tr("the backup to %1 failed, so nothing was applied: %2").arg(m_file, why),
                     {{QStringLiteral("path"), m_file}});
    };
    if (cancelled->load())
        return failed(true, tr("cancelled"));
    context.log(tr("pg_dump --format=custom --file=%1").arg(m_file));
    if (const Status started = dump.start(); !started)
        return Error(ErrorCode::Io,
                     tr("cannot run pg_dump (is postgresql-client installed?): %1")
                         .arg(started.error().arg(QStringLiteral("why")).toString()));
    const Result<ProcessRun::Exit> ran = dump.wait(-1);
    m_bytes = QFileInfo(m_file).size();
    if (!ran && ran.error().code() == ErrorCode::Cancelled)
        return failed(true, tr("cancelled"));
    if (!ran)
        return failed(false, ran.error().text());
    if (!ran->ok())
        return failed(false, QString::fromLocal8Bit(ran->errorOutput).trimmed());
    return tr("backed up to %1 (%2 MB)").arg(m_file).arg(double(m_bytes) / 1e6, 0, 'f', 1);
}

} // namespace uaip
