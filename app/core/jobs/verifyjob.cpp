#include "verifyjob.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "migrate/migrationverifier.h"

namespace uaip {

VerifyJob::VerifyJob(const QString &sandboxDir, const QString &targetConninfo,
                     const QList<Migration> &migrations, QObject *parent)
    : DbJob(tr("Verify migrations on the sandbox"), parent)
    , m_sandboxDir(sandboxDir)
    , m_conninfo(targetConninfo)
    , m_migrations(migrations)
{ }

bool VerifyJob::execute(QString *summary)
{
    PgConnection target;
    QString error;
    if (!m_conninfo.isEmpty() && !openConnection(target, m_conninfo, &error)) {
        *summary = tr("cannot connect to the target: %1").arg(error);
        return false;
    }
    Sandbox sandbox(m_sandboxDir);
    emit progress(0, 0, tr("starting the sandbox"));
    if (!sandbox.isRunning() && !sandbox.start(&error)) {
        *summary = tr("cannot start the sandbox: %1").arg(error);
        return false;
    }
    MigrationVerifier verifier(sandbox, m_migrations);
    connect(&verifier, &MigrationVerifier::progress, this,
            [this](int index, int total, const QString &id) {
                emit progress(index, total, tr("round trip of %1").arg(id));
                emit logLine(tr("[%1/%2] %3").arg(index + 1).arg(total).arg(id));
            });
    setCancelHook([&verifier, &target] {
        verifier.cancel();
        target.cancel();
    });
    if (isCancelled())
        verifier.cancel();
    m_report = verifier.verify(m_conninfo.isEmpty() ? nullptr : &target, &error);
    setCancelHook({});
    if (!m_report) {
        *summary = isCancelled() ? tr("verify cancelled") : tr("verify failed: %1").arg(error);
        return false;
    }
    *summary = m_report->ok() ? tr("every migration round-trips; no drift")
                              : tr("verify found problems");
    emit logLine(reportText());
    return m_report->ok();
}

QString VerifyJob::reportText() const
{
    if (!m_report)
        return QString();
    QStringList lines;
    for (const VerifyReport::RoundTrip &r : m_report->roundTrips) {
        if (r.ok)
            continue;
        lines << tr("%1: %2").arg(r.migration,
                                  r.error.isEmpty() ? tr("down.sql does not restore "
                                                         "the schema")
                                                    : r.error);
        for (const auto &d : r.differences)
            lines << d.describe(QStringLiteral("    "));
    }
    if (m_report->targetChecked) {
        lines << tr("target at level %1: %n difference(s) from the migrations", nullptr,
                    int(m_report->drift.size()))
                     .arg(m_report->targetLevel.isEmpty() ? tr("(none)") : m_report->targetLevel);
        for (const auto &d : m_report->drift)
            lines << d.describe(QStringLiteral("    "));
    }
    if (lines.isEmpty() || m_report->ok())
        lines.prepend(
            tr("%n migration(s) round-trip cleanly", nullptr, int(m_report->roundTrips.size())));
    return lines.join(u'\n');
}

} // namespace uaip
