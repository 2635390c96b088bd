#include "migrationrunner.h"

#include "db/pgconnection.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationplanner.h"
#include "migrationscriptrunner.h"
#include "util/sqlresource.h"

#include <QElapsedTimer>

namespace uaip {

namespace {

QString actionName(bool up)
{
    return MigrationScriptRunner::actionName(up ? MigrationScriptRunner::Direction::Up
                                                : MigrationScriptRunner::Direction::Down);
}

constexpr auto kBegin = "BEGIN";
constexpr auto kCommit = "COMMIT";
constexpr auto kRollback = "ROLLBACK";

QByteArray sql(const char *name)
{
    return SqlResource::get(QStringLiteral("migrate/sql/%1.sql").arg(QLatin1String(name)));
}

// Puts the session's lock_timeout back when a run ends (the GUI reuses its connection).
struct LockTimeoutReset
{
    PgConnection &connection;
    ~LockTimeoutReset()
    {
        if (connection.isOpen())
            connection.exec(sql("reset_lock_timeout"));
    }
};

} // namespace

MigrationRunner::MigrationRunner(PgConnection &connection, const QList<Migration> &migrations,
                                 const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_migrations(migrations)
    , m_options(options)
{ }

MigrationRunner::~MigrationRunner() = default;

void MigrationRunner::cancel()
{
    m_cancelled = true;
    m_connection.cancel();
}

std::optional<QList<MigrationStatus>> MigrationRunner::status(QString *error)
{
    Ledger ledger(m_connection, m_options.client);
    QString e;
    const bool exists = ledger.exists(&e);
    if (!e.isEmpty()) {
        *error = e;
        return std::nullopt;
    }
    QList<LedgerEntry> entries;
    if (exists) {
        auto read = ledger.entries(error);
        if (!read)
            return std::nullopt;
        entries = *read;
    }
    return MigrationPlanner::status(m_migrations, entries);
}

bool MigrationRunner::begin(RunResult &result, MigrationLock &lock,
                            QList<MigrationStatus> *statuses)
{
    QString error;
    if (m_connection.serverVersion() >= 140000)
        m_connection.exec(sql("session_setup"));
    switch (lock.acquire(m_options.lockWaitMs, &m_cancelled, &error)) {
    case MigrationLock::Result::Acquired:
        break;
    case MigrationLock::Result::TimedOut:
        result.outcome = RunResult::Outcome::LockTimeout;
        result.message = error;
        result.lockHolder = lock.holder();
        return false;
    case MigrationLock::Result::Cancelled:
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message = QStringLiteral("cancelled while waiting for the migration lock");
        return false;
    case MigrationLock::Result::Error:
        result.outcome = RunResult::Outcome::BadInput;
        result.message = error;
        return false;
    }
    Ledger ledger(m_connection, m_options.client);
    if (!ledger.ensure(&error)) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = error;
        return false;
    }
    auto s = status(&error);
    if (!s) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = QStringLiteral("cannot read the migration ledger: %1").arg(error);
        return false;
    }
    *statuses = *s;
    // lock_timeout for every migration statement of this run (a directive may override it)
    m_connection.exec(sql("set_lock_timeout"),
                      {QStringLiteral("%1ms").arg(m_options.lockTimeoutMs), false});
    return true;
}

RunResult MigrationRunner::up(const std::optional<MigrationVersion> &to)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
    if (!begin(result, lock, &statuses))
        return result;
    const QStringList blockers = MigrationPlanner::blockers(statuses);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = QStringLiteral("nothing was applied: %1 migration(s) need attention")
                             .arg(blockers.size());
        result.problems = blockers;
        return result;
    }
    const QList<MigrationStatus> plan = MigrationPlanner::planUp(statuses, to);
    if (plan.isEmpty()) {
        result.message = QStringLiteral("the database is up to date");
        return result;
    }
    Ledger ledger(m_connection, m_options.client);
    MigrationScriptRunner script(m_connection, m_options.lockTimeoutMs, m_cancelled,
                                 [this](const QString &text) { emit message(text); });
    for (int i = 0; i < plan.size(); ++i) {
        const Migration &m = *plan[i].migration;
        emit stepStarted(i, int(plan.size()), m.id(), actionName(true));
        int ms = 0;
        const bool ok = script.run(m, MigrationScriptRunner::Direction::Up, ledger, result, &ms);
        result.steps << RunStep{
            m.version.text(), m.name, actionName(true), ms, ok, ok ? QString() : result.message};
        emit stepFinished(i, int(plan.size()), m.id(), actionName(true), ok, ms);
        if (!ok)
            return result;
    }
    result.message = QStringLiteral("applied %1 migration(s)").arg(plan.size());
    return result;
}

RunResult MigrationRunner::down(const DownTarget &target)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
    if (!begin(result, lock, &statuses))
        return result;
    const QStringList blockers = MigrationPlanner::blockers(statuses);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = QStringLiteral("nothing was rolled back: %1 migration(s) need attention")
                             .arg(blockers.size());
        result.problems = blockers;
        return result;
    }
    QString error;
    const auto plan = MigrationPlanner::planDown(statuses, target, &error);
    if (!plan) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = QStringLiteral("nothing was rolled back: %1").arg(error);
        return result;
    }
    if (plan->isEmpty()) {
        result.message = QStringLiteral("nothing to roll back");
        return result;
    }
    Ledger ledger(m_connection, m_options.client);
    MigrationScriptRunner script(m_connection, m_options.lockTimeoutMs, m_cancelled,
                                 [this](const QString &text) { emit message(text); });
    for (int i = 0; i < plan->size(); ++i) {
        const Migration &m = *plan->at(i).migration;
        emit stepStarted(i, int(plan->size()), m.id(), actionName(false));
        int ms = 0;
        const bool ok = script.run(m, MigrationScriptRunner::Direction::Down, ledger, result, &ms);
        result.steps << RunStep{
            m.version.text(), m.name, actionName(false), ms, ok, ok ? QString() : result.message};
        emit stepFinished(i, int(plan->size()), m.id(), actionName(false), ok, ms);
        if (!ok)
            return result;
    }
    result.message = QStringLiteral("rolled back %1 migration(s)").arg(plan->size());
    return result;
}

RunResult MigrationRunner::baseline(const MigrationVersion &version)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
    if (!begin(result, lock, &statuses))
        return result;
    QList<MigrationStatus> plan;
    bool anyAtOrBelow = false;
    for (const MigrationStatus &s : statuses) {
        if (!s.migration || !s.parsedVersion || *s.parsedVersion > version)
            continue;
        anyAtOrBelow = true;
        if (s.state == MigrationState::Pending)
            plan << s;
    }
    if (!anyAtOrBelow) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message
            = QStringLiteral("no migration has a version at or below %1").arg(version.text());
        return result;
    }
    Ledger ledger(m_connection, m_options.client);
    QString error;
    m_connection.exec(kBegin);
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        LedgerEntry e{
            m.version.text(), m.name, m.upChecksum, m.downChecksum, {}, {}, {}, 0, false, {}};
        if (!ledger.record(e, &error)
            || !ledger.addEvent({0,
                                 m.version.text(),
                                 m.name,
                                 QStringLiteral("baseline"),
                                 QStringLiteral("ok"),
                                 {},
                                 {},
                                 {},
                                 0,
                                 m.upChecksum,
                                 {}},
                                &error)) {
            m_connection.exec(kRollback);
            result.outcome = RunResult::Outcome::Failed;
            result.message = QStringLiteral("baseline failed, nothing recorded: %1").arg(error);
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("baseline"), 0, true, {}};
    }
    PgResult c = m_connection.exec(kCommit);
    if (!c.ok()) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = QStringLiteral("baseline failed: %1").arg(c.error().toString());
        result.steps.clear();
        return result;
    }
    result.message
        = QStringLiteral("marked %1 migration(s) up to %2 as applied without running them")
              .arg(plan.size())
              .arg(version.text());
    return result;
}

QStringList MigrationRunner::repairPlan(const QList<MigrationStatus> &statuses)
{
    QStringList out;
    for (const MigrationStatus &s : statuses) {
        if (s.state == MigrationState::Modified)
            out << QStringLiteral("%1: re-record the checksums of its current files").arg(s.id());
        else if (s.state == MigrationState::Failed)
            out << QStringLiteral("%1: clear the failed run from the ledger (it will be pending "
                                  "again; make sure its partial effects were undone)")
                       .arg(s.id());
    }
    return out;
}

RunResult MigrationRunner::repair()
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
    if (!begin(result, lock, &statuses))
        return result;
    Ledger ledger(m_connection, m_options.client);
    QString error;
    m_connection.exec(kBegin);
    for (const MigrationStatus &s : statuses) {
        bool ok = true;
        QString what;
        if (s.state == MigrationState::Modified) {
            ok = ledger.updateChecksums(s.entry->version, s.migration->upChecksum,
                                        s.migration->downChecksum, &error);
            what = QStringLiteral("re-recorded checksums (was %1)").arg(s.entry->checksum.left(12));
        } else if (s.state == MigrationState::Failed) {
            ok = ledger.remove(s.entry->version, &error);
            what
                = QStringLiteral("cleared failed run: %1").arg(s.entry->error.section(u'\n', 0, 0));
        } else {
            continue;
        }
        ok = ok
            && ledger.addEvent({0,
                                s.version,
                                s.name,
                                QStringLiteral("repair"),
                                QStringLiteral("ok"),
                                {},
                                {},
                                {},
                                0,
                                s.migration ? s.migration->upChecksum : QString(),
                                what},
                               &error);
        if (!ok) {
            m_connection.exec(kRollback);
            result.outcome = RunResult::Outcome::Failed;
            result.message = QStringLiteral("repair failed, nothing changed: %1").arg(error);
            result.steps.clear();
            return result;
        }
        result.steps << RunStep{s.version, s.name, QStringLiteral("repair"), 0, true, what};
    }
    PgResult c = m_connection.exec(kCommit);
    if (!c.ok()) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = QStringLiteral("repair failed: %1").arg(c.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = result.steps.isEmpty()
        ? QStringLiteral("nothing to repair")
        : QStringLiteral("repaired %1 ledger row(s)").arg(result.steps.size());
    return result;
}

} // namespace uaip
