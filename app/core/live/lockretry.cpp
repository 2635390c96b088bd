#include "lockretry.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "error/pgerror.h"
#include "forecast/lockblockers.h"
#include "forecast/statementlockforecast.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlstatement.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace uaip {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

// The statement's forecast (its typed tree): the relations and modes its lock waited for.
LockForecast forecastOf(const SqlStatement &statement)
{
    const std::shared_ptr<const PgParseTree> parsedTree = statement.tree();
    const PgParseTree &tree = *parsedTree;
    const QList<PgStatementNode> nodes = tree.statements();
    if (!tree.ok() || nodes.size() != 1)
        return {};
    return StatementLockForecast::of(nodes.first().node);
}

QString lockText(const LockForecast &forecast)
{
    QStringList locks;
    bool rows = false; // INSERT, UPDATE, DELETE: the wait was more likely for a row than a table
    for (const RelationLock &lock : forecast.locks) {
        if (lock.relation.isEmpty())
            continue;
        locks << LockRetry::tr("%1 on %2").arg(lockModeName(lock.mode), lock.relation);
        rows = rows || lock.mode == LockMode::RowExclusive;
    }
    QString text = locks.join(QStringLiteral(", "));
    if (rows)
        text = LockRetry::tr("%1 (or a lock on one of its rows)").arg(text);
    return text;
}

} // namespace

LockRetry::LockRetry(PgConnection &connection, const std::atomic_bool &cancelled,
                     std::function<void(const QString &)> notice)
    : m_connection(connection)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
    , m_watch(connection, m_notice)
{ }

void LockRetry::setLimits(int attemptMs, int budgetMs, int statementTimeoutMs)
{
    m_statementTimeoutMs = qMax(0, statementTimeoutMs);
    m_budgetMs = qMax(1, budgetMs);
    m_attemptMs = qBound(1, attemptMs, m_budgetMs);
}

bool LockRetry::isLockTimeout(const PgError &error)
{
    return error.sqlState == QLatin1String("55P03");
}

LockAttempt LockRetry::attemptOf(const Migration &m, ScriptDirection direction,
                                 const SqlStatement &statement, const QString &scope, int budgetMs)
{
    const QString key = scope.isEmpty() ? m.id() : scope;
    if (key != m_current) {
        m_current = key;
        m_since.start();
    }
    LockAttempt a;
    a.migration = m.id();
    a.scope = key;
    a.at = QStringLiteral("%1:%2:%3")
               .arg(direction == ScriptDirection::Up ? m.upPath() : m.downPath())
               .arg(statement.start.line)
               .arg(statement.start.column);
    a.attempt = 1
        + int(std::count_if(m_attempts.cbegin(), m_attempts.cend(),
                            [&](const LockAttempt &each) { return each.scope == key; }));
    a.waitedMs = qMin(m_attemptMs, budgetMs);
    const LockForecast forecast = forecastOf(statement);
    a.lock = lockText(forecast);
    const std::optional<LockWaitWatch::Seen> seen = m_watch.take();
    if (seen && !seen->waitedFor.isEmpty()) {
        if (seen->kind != LockWaitWatch::Seen::Kind::Table)
            a.waitedFor = seen->waitedFor; // else the forecast's lock says it
        a.waitedForTransactions = seen->kind == LockWaitWatch::Seen::Kind::Transactions;
        a.blockers = seen->blockers;
        return a;
    }
    if (m_connection.isOpen()) {
        // not seen waiting: the holders now; a session that waits for the lock now may have
        // queued behind the migration (the platform's own queries), so it is not named
        const Result<QList<LockBlocker>> blockers = LockBlockers::read(m_connection, forecast);
        if (blockers) {
            for (const LockBlocker &b : blockers.value())
                if (!b.waiting)
                    a.blockers << b;
        } else {
            a.blockersError = blockers.error().toString();
        }
    }
    if (a.blockers.isEmpty() && a.blockersError.isEmpty() && seen)
        a.blockersError = seen->error;
    return a;
}

bool LockRetry::again(const Migration &m, ScriptDirection direction, const SqlStatement &statement,
                      int budgetMs, const QString &scope)
{
    const int budget = budgetMs > 0 ? budgetMs : m_budgetMs;
    LockAttempt a = attemptOf(m, direction, statement, scope, budget);
    // the first attempt waited before the clock started
    const qint64 spent = m_since.elapsed() + qMin(m_attemptMs, budget);
    const bool go = !m_cancelled.load() && m_connection.isOpen() && spent < budget;
    a.pauseMs = go ? nextPauseMs(a.attempt, spent, budget) : 0;
    m_attempts << a;
    m_notice(progressLine(a));
    if (m_onAttempt)
        m_onAttempt(a);
    return go && pause(a.pauseMs);
}

void LockRetry::report(const Migration &m, ScriptDirection direction, const SqlStatement &statement,
                       int waitedMs, const QString &scope)
{
    LockAttempt a = attemptOf(m, direction, statement, scope, m_budgetMs);
    a.waitedMs = waitedMs;
    a.pauseMs = 0;
    m_attempts << a;
    m_notice(progressLine(a));
    if (m_onAttempt)
        m_onAttempt(a);
}

int LockRetry::nextPauseMs(int attempt, qint64 spentMs, int budgetMs) const
{
    const int longest
        = m_statementTimeoutMs > 0 ? qMin(kMaxPauseMs, m_statementTimeoutMs / 2) : kMaxPauseMs;
    const int base = qMax(1, qMin(longest, kFirstPauseMs << qMin(attempt - 1, 10)));
    const int jittered = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    return int(qMax<qint64>(1, qMin<qint64>(jittered, budgetMs - spentMs)));
}

bool LockRetry::pause(int ms)
{
    if (m_cancelled.load())
        return false;
    const PgResult r = m_connection.exec(SqlResource::of("live", "lock_retry_pause"), {ms});
    return r.ok() && !m_cancelled.load();
}

QString LockRetry::progressLine(const LockAttempt &a) const
{
    const QString what = !a.waitedFor.isEmpty() ? VisibleText::escaped(a.waitedFor)
        : a.lock.isEmpty()                      ? tr("its lock")
                                                : VisibleText::escaped(a.lock);
    QString line = a.waitedForTransactions
        ? tr("%1: waited %3 ms for %2 (attempt %4, %5)")
              .arg(a.migration, VisibleText::escaped(a.waitedFor))
              .arg(a.waitedMs)
              .arg(a.attempt)
              .arg(VisibleText::escaped(a.at))
        : tr("%1: %2 not obtained within %3 ms (attempt %4, %5)")
              .arg(a.migration, what)
              .arg(a.waitedMs)
              .arg(a.attempt)
              .arg(VisibleText::escaped(a.at));
    QStringList who;
    for (const LockBlocker &b : a.blockers)
        who << VisibleText::escaped(b.describe());
    line += u'\n'
        + (!a.blockersError.isEmpty() ? tr("  who holds it could not be read: %1")
                                            .arg(VisibleText::escaped(a.blockersError))
               : who.isEmpty() && (!a.waitedFor.isEmpty() || a.waitedForTransactions)
               ? tr("  no session this role can see held it up")
               : who.isEmpty()
               ? tr("  no session holds a conflicting lock on it now (it ended, or the "
                    "wait was for a row)")
               : tr("  waiting behind: %1").arg(who.join(QStringLiteral("; "))));
    if (a.pauseMs > 0)
        line += u'\n'
            + tr("  rolled back, so the platform's queries are not kept waiting; next attempt in "
                 "%1 s")
                  .arg(seconds(a.pauseMs));
    return line;
}

QJsonObject LockRetry::detail(const QString &migrationId) const
{
    QJsonArray blockers;
    QStringList seen; // pid, or a prepared transaction's name
    int attempts = 0;
    qint64 waited = 0;
    for (const LockAttempt &a : m_attempts) {
        if (a.migration != migrationId)
            continue;
        ++attempts;
        waited += a.waitedMs;
        for (const LockBlocker &b : a.blockers) {
            const QString key
                = b.pid != 0 ? QString::number(b.pid) : QStringLiteral("gid ") + b.gid;
            if (seen.contains(key))
                continue;
            seen << key;
            blockers.append(QJsonObject{{QStringLiteral("pid"), b.pid},
                                        {QStringLiteral("gid"), b.gid},
                                        {QStringLiteral("application"), b.application},
                                        {QStringLiteral("state"), b.state},
                                        {QStringLiteral("relation"), b.relation},
                                        {QStringLiteral("mode"), b.mode}});
        }
    }
    QJsonObject out = m_extraDetail.value(migrationId);
    if (attempts == 0)
        return out;
    out.insert(QStringLiteral("lock_attempts_failed"), attempts);
    out.insert(QStringLiteral("lock_waited_ms"), waited);
    out.insert(QStringLiteral("blockers"), blockers);
    return out;
}

void LockRetry::gaveUp(const QString &migrationId, RunResult &result, const QString &scope) const
{
    if ((scope.isEmpty() ? migrationId : scope) != m_current)
        return;
    const auto mine = [&](const LockAttempt &a) { return a.scope == m_current; };
    const auto last = std::find_if(m_attempts.crbegin(), m_attempts.crend(), mine);
    if (last == m_attempts.crend())
        return;
    result.outcome = RunResult::Outcome::LockTimeout;
    QStringList who;
    for (const LockBlocker &b : last->blockers)
        who << VisibleText::escaped(b.describe());
    result.message += u'\n'
        + tr("gave up after %n attempt(s) of %1 ms over %2 s (the lock budget, --lock-timeout); "
             "nothing is left waiting",
             nullptr, last->attempt)
              .arg(last->waitedMs)
              .arg(seconds(m_since.elapsed() + last->waitedMs));
    if (!who.isEmpty())
        result.message += u'\n' + tr("last held by: %1").arg(who.join(QStringLiteral("; ")));
}

} // namespace uaip
