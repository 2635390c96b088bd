#include "migrationrunner.h"

#include "db/pgconnection.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationplanner.h"
#include "sqlsplitter.h"
#include "util/sqlresource.h"

#include <QElapsedTimer>

namespace uaip {

namespace {

QString actionName(bool up)
{
    return up ? QStringLiteral("apply") : QStringLiteral("rollback");
}

// 1-based character position inside a statement -> line:col inside the file.
TextPosition filePosition(const QByteArray &file, const SqlStatement &statement, int charPos)
{
    if (charPos <= 0)
        return statement.start;
    const QList<uint> chars = QString::fromUtf8(statement.text).toUcs4();
    const QString prefix = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()),
                                             qMin<qsizetype>(charPos - 1, chars.size()));
    return TextPosition::fromOffset(file, statement.offset + int(prefix.toUtf8().size()));
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
    for (int i = 0; i < plan.size(); ++i) {
        const Migration &m = *plan[i].migration;
        emit stepStarted(i, int(plan.size()), m.id(), actionName(true));
        int ms = 0;
        const bool ok = runScript(m, Direction::Up, ledger, result, &ms);
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
    for (int i = 0; i < plan->size(); ++i) {
        const Migration &m = *plan->at(i).migration;
        emit stepStarted(i, int(plan->size()), m.id(), actionName(false));
        int ms = 0;
        const bool ok = runScript(m, Direction::Down, ledger, result, &ms);
        result.steps << RunStep{
            m.version.text(), m.name, actionName(false), ms, ok, ok ? QString() : result.message};
        emit stepFinished(i, int(plan->size()), m.id(), actionName(false), ok, ms);
        if (!ok)
            return result;
    }
    result.message = QStringLiteral("rolled back %1 migration(s)").arg(plan->size());
    return result;
}

bool MigrationRunner::runScript(const Migration &m, Direction direction, Ledger &ledger,
                                RunResult &result, int *durationMs)
{
    const bool up = direction == Direction::Up;
    const MigrationDirectives &directives = up ? m.upDirectives : m.downDirectives;
    const QString file = up ? m.upPath() : m.downPath();
    QElapsedTimer timer;
    timer.start();

    const SqlSplitResult &split = up ? m.upSplit : m.downSplit;
    if (!split.ok()) {
        result.outcome = RunResult::Outcome::BadInput;
        MigrationFailure f{m.version.text(), m.name, file, split.error->position, QString(), {}};
        f.error.message = QStringLiteral("syntax error: %1").arg(split.error->message);
        result.failure = f;
        result.message = QStringLiteral("%1 was not run: %2").arg(m.id(), f.describe());
        return false;
    }
    const QString lockTimeout
        = QStringLiteral("%1ms").arg(directives.lockTimeoutMs.value_or(m_options.lockTimeoutMs));
    QString error;
    LedgerEntry entry{
        m.version.text(), m.name, m.upChecksum, m.downChecksum, {}, {}, {}, 0, false, {}};

    if (directives.noTransaction) {
        // Statements run one by one in autocommit; the ledger says "dirty" until all succeed,
        // so an interrupted run blocks everything until 'repair'.
        entry.dirty = true;
        if (!ledger.record(entry, &error)) {
            result.outcome = RunResult::Outcome::Failed;
            result.message = QStringLiteral("cannot write the ledger: %1").arg(error);
            return false;
        }
        if (directives.lockTimeoutMs)
            m_connection.exec(sql("set_lock_timeout"), {lockTimeout, false});
        const bool ok = execStatements(m, direction, split.statements, result);
        if (directives.lockTimeoutMs)
            m_connection.exec(sql("set_lock_timeout"),
                              {QStringLiteral("%1ms").arg(m_options.lockTimeoutMs), false});
        *durationMs = int(timer.elapsed());
        if (!ok) {
            entry.error = result.failure ? result.failure->describe() : result.message;
            ledger.record(entry, &error);
            recordFailureEvent(ledger, m, direction, result, *durationMs);
            return false;
        }
        entry.dirty = false;
        entry.durationMs = *durationMs;
        const bool written
            = up ? ledger.recordApplied(entry, &error) : ledger.recordRolledBack(entry, &error);
        if (!written) {
            result.outcome = RunResult::Outcome::Failed;
            result.message = QStringLiteral("%1 ran but the ledger could not be updated: %2")
                                 .arg(m.id(), error);
        }
        return written;
    }

    // One round trip for the whole migration: BEGIN, its statements, the ledger row and COMMIT
    // go out as one libpq pipeline; the server skips everything after the first error, COMMIT
    // included. Cancel interrupts the running statement (PQcancel); a Cancel that finds none
    // running stops the run before the next migration, so nothing is ever half-applied.
    if (m_cancelled.load()) {
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message = QStringLiteral("cancelled before %1; it was not started").arg(m.id());
        *durationMs = 0;
        return false;
    }
    QList<QByteArray> commands{QByteArray(kBegin)};
    QList<QVariantList> params{{}};
    if (directives.lockTimeoutMs) { // the session default was set once by up()/down()
        commands << sql("set_lock_timeout");
        params << QVariantList{lockTimeout, true};
    }
    const qsizetype firstStatement = commands.size();
    for (const SqlStatement &st : split.statements) {
        commands << st.text;
        params << QVariantList{};
    }
    commands << (up ? Ledger::recordAppliedSql() : Ledger::recordRolledBackSql());
    params << (up ? ledger.recordAppliedParams(entry) : ledger.recordRolledBackParams(entry));
    commands << QByteArray(kCommit);
    params << QVariantList{};
    const std::vector<PgResult> results = m_connection.pipeline(commands, params);
    for (const QString &notice : m_connection.takeNotices())
        emit message(notice);
    const qsizetype commitIndex = commands.size() - 1;
    bool ok = true;
    for (qsizetype i = 0; i < qsizetype(results.size()) && ok; ++i) {
        const PgResult &r = results[std::size_t(i)];
        if (r.ok() && !(i == commitIndex && QByteArray(PQcmdStatus(r.handle())) == "ROLLBACK"))
            continue;
        ok = false;
        if (i >= firstStatement && i < firstStatement + split.statements.size()) {
            fail(m, direction, split.statements[i - firstStatement], r, result);
            continue;
        }
        result.outcome = RunResult::Outcome::Failed;
        if (i == commitIndex) { // deferred constraints fire here
            result.failure = MigrationFailure{m.version.text(),   m.name,    file,
                                              TextPosition{1, 1}, QString(), r.error()};
            result.message = QStringLiteral("%1 failed at COMMIT: %2")
                                 .arg(m.id(),
                                      r.ok() ? QStringLiteral("the server rolled it back")
                                             : result.failure->describe());
        } else {
            result.message
                = QStringLiteral("%1: %2 failed: %3")
                      .arg(m.id(),
                           i == 0 ? QStringLiteral("BEGIN") : QStringLiteral("writing the ledger"),
                           r.error().toString());
        }
    }
    if (!ok && m_connection.isOpen())
        m_connection.exec(kRollback); // ends the aborted transaction (a no-op after COMMIT)
    *durationMs = int(timer.elapsed());
    if (!ok)
        recordFailureEvent(ledger, m, direction, result, *durationMs);
    return ok;
}

bool MigrationRunner::execStatements(const Migration &m, Direction direction,
                                     const QList<SqlStatement> &statements, RunResult &result)
{
    const bool up = direction == Direction::Up;
    const QString file = up ? m.upPath() : m.downPath();
    for (const SqlStatement &st : statements) {
        if (m_cancelled.load()) {
            result.outcome = RunResult::Outcome::Failed;
            result.cancelled = true;
            result.failure = MigrationFailure{m.version.text(),           m.name, file, st.start,
                                              QString::fromUtf8(st.text), {}};
            result.failure->error.message = QStringLiteral("cancelled by the user");
            result.message = QStringLiteral("%1 was cancelled before %2; nothing of it remains")
                                 .arg(m.id(), result.failure->location());
            return false;
        }
        PgResult r = m_connection.exec(st.text);
        for (const QString &notice : m_connection.takeNotices())
            emit message(notice);
        if (r.ok())
            continue;
        fail(m, direction, st, r, result);
        return false;
    }
    return true;
}

void MigrationRunner::fail(const Migration &m, Direction direction, const SqlStatement &st,
                           const PgResult &r, RunResult &result)
{
    const bool up = direction == Direction::Up;
    MigrationFailure f;
    f.version = m.version.text();
    f.name = m.name;
    f.file = up ? m.upPath() : m.downPath();
    f.error = r.error();
    if (!m_connection.isOpen())
        f.error.message
            = QStringLiteral("the connection was lost: %1").arg(m_connection.connectionError());
    f.position = filePosition(up ? m.upSql : m.downSql, st, f.error.statementPosition);
    f.statement = QString::fromUtf8(st.text);
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = f.error.sqlState == QLatin1String("57014") && m_cancelled.load();
    result.failure = f;
    result.message = result.cancelled
        ? QStringLiteral("%1 was cancelled at %2").arg(m.id(), f.location())
        : QStringLiteral("%1 failed: %2").arg(m.id(), f.describe());
}

void MigrationRunner::recordFailureEvent(Ledger &ledger, const Migration &m, Direction direction,
                                         const RunResult &result, int durationMs)
{
    if (!m_connection.isOpen())
        return;
    QString ignored;
    ledger.addEvent({0,
                     m.version.text(),
                     m.name,
                     actionName(direction == Direction::Up),
                     result.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"),
                     {},
                     {},
                     {},
                     durationMs,
                     m.upChecksum,
                     result.failure ? result.failure->describe() : result.message},
                    &ignored);
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
