#include "migrationrunjob.h"

#include "db/pgconnection.h"

namespace uaip {

MigrationRunJob::MigrationRunJob(const QString &title, const QString &conninfo,
                                 const QList<Migration> &migrations,
                                 const MigrationRunner::Options &options)
    : DbJob(title)
    , m_conninfo(conninfo)
    , m_migrations(migrations)
    , m_options(options)
{ }

MigrationRunJob *MigrationRunJob::up(const QString &conninfo, const QList<Migration> &migrations,
                                     const std::optional<MigrationVersion> &to,
                                     const MigrationRunner::Options &options)
{
    auto *job = new MigrationRunJob(to ? tr("Apply migrations up to %1").arg(to->text())
                                       : tr("Apply all pending migrations"),
                                    conninfo, migrations, options);
    job->m_direction = Direction::Up;
    job->m_to = to;
    return job;
}

MigrationRunJob *MigrationRunJob::down(const QString &conninfo, const QList<Migration> &migrations,
                                       const DownTarget &target,
                                       const MigrationRunner::Options &options)
{
    QString title;
    switch (target.kind) {
    case DownTarget::Kind::Steps:
        title = tr("Roll back the last %n migration(s)", nullptr, target.steps);
        break;
    case DownTarget::Kind::ToVersion:
        title = tr("Roll back to %1").arg(target.version ? target.version->text() : QString());
        break;
    case DownTarget::Kind::All:
        title = tr("Roll back every migration");
        break;
    }
    auto *job = new MigrationRunJob(title, conninfo, migrations, options);
    job->m_direction = Direction::Down;
    job->m_target = target;
    return job;
}

bool MigrationRunJob::execute(QString *summary)
{
    PgConnection c;
    QString error;
    emit progress(0, 0, tr("connecting"));
    if (!openConnection(c, m_conninfo, &error)) {
        m_result.outcome = RunResult::Outcome::BadInput;
        m_result.message = tr("cannot connect: %1").arg(error);
        *summary = m_result.message;
        return false;
    }
    MigrationRunner runner(c, m_migrations, m_options);
    setCancelHook([&runner] { runner.cancel(); });
    if (isCancelled())
        runner.cancel();
    connect(&runner, &MigrationRunner::stepStarted, this,
            [this](int index, int total, const QString &id, const QString &action) {
                emit progress(index, total,
                              action == QLatin1String("apply") ? tr("applying %1").arg(id)
                                                               : tr("rolling back %1").arg(id));
                emit logLine(tr("[%1/%2] %3 %4 ...").arg(index + 1).arg(total).arg(action, id));
            });
    connect(&runner, &MigrationRunner::stepFinished, this,
            [this](int index, int total, const QString &id, const QString &, bool ok, int ms) {
                emit progress(index + 1, total, id);
                emit logLine(
                    tr("      %1 %2 (%3 ms)").arg(id, ok ? tr("ok") : tr("FAILED")).arg(ms));
            });
    connect(&runner, &MigrationRunner::message, this,
            [this](const QString &text) { emit logLine(QStringLiteral("  ") + text); });
    emit logLine(tr("target: database %1 as %2").arg(c.database(), c.user()));
    m_result = m_direction == Direction::Up ? runner.up(m_to) : runner.down(m_target);
    setCancelHook({});
    QString text = m_result.message;
    for (const QString &p : m_result.problems)
        text += QStringLiteral("\n  ") + p;
    emit logLine(text);
    *summary = m_result.message;
    return m_result.ok();
}

} // namespace uaip
