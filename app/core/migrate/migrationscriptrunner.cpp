#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "ledger.h"
#include "migrationlock.h"
#include "progresschecksum.h"
#include "util/textsearch.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace uaip {

namespace {

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

} // namespace

MigrationScriptRunner::MigrationScriptRunner(PgConnection &connection, int lockTimeoutMs,
                                             const std::atomic_bool &cancelled,
                                             std::function<void(const QString &)> notice)
    : m_connection(connection)
    , m_lockTimeoutMs(lockTimeoutMs)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
{ }

QString MigrationScriptRunner::actionName(Direction direction)
{
    return direction == Direction::Up ? QStringLiteral("apply") : QStringLiteral("rollback");
}

bool MigrationScriptRunner::run(const Migration &m, const QString &ledgerVersion,
                                Direction direction, Ledger &ledger, RunResult &result,
                                int *durationMs, std::optional<int> resumeAt)
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
        f.error.message = tr("syntax error: %1").arg(split.error->message);
        result.failure = f;
        result.message = tr("%1 was not run: %2").arg(m.id(), f.describe());
        return false;
    }
    const QString lockTimeout = QStringLiteral("%1ms").arg(
        directives.lockTimeoutMs ? lockTimeoutOf(directives) : m_lockTimeoutMs);
    LedgerEntry entry;
    // the ledger's own spelling of the version when it has a row (0007 in the folder may be 7)
    entry.version = ledgerVersion.isEmpty() ? m.version.text() : ledgerVersion;
    entry.name = m.name;
    entry.checksum = m.upChecksum;
    entry.downChecksum = m.downChecksum;

    if (directives.noTransaction) {
        if (directives.lockTimeoutMs)
            m_connection.exec(SqlResource::of("migrate", "set_lock_timeout"), {lockTimeout, false});
        const bool ok = runStatementByStatement(m, direction, split.statements, resumeAt, entry,
                                                ledger, result);
        // also the run's lock_timeout again; what it cannot undo (a prepared statement made
        // through EXECUTE) fails the step here, not the next migration
        const DbStatus reset = resetSession(up ? m.upSql : m.downSql);
        *durationMs = int(timer.elapsed());
        if (ok) {
            entry.durationMs = *durationMs;
            const DbStatus written = !reset ? reset
                : up                        ? ledger.recordFinishedApply(entry)
                                            : ledger.recordRolledBack(entry);
            if (written)
                return true;
            // every statement ran: the row says so, and a resume runs none of them again
            result.outcome = RunResult::Outcome::Failed;
            result.failure.reset();
            result.message = tr("%1: all %n statement(s) ran and remain, but the ledger could not "
                                "record it as finished: %2",
                                nullptr, int(split.statements.size()))
                                 .arg(m.id(), written.error().toString());
        }
        // The dirty row is this run's (its first write checked that): it says how far the run
        // got, and why it stopped; best effort, the run has failed already (its lock may be gone).
        result.partial = entry.dirty;
        if (entry.dirty) {
            entry.error = result.failure ? result.failure->describe() : result.message;
            entry.progressChecksum = ProgressChecksum::of(split.statements, entry.progressDone);
            ledger.record(entry);
        }
        recordFailureEvent(ledger, m, direction, result, *durationMs);
        return false;
    }

    QList<int> durations;
    const bool ok
        = runTransactional({Step{&m, ledgerVersion}}, direction, ledger, result, &durations) == 1;
    *durationMs = int(timer.elapsed());
    return ok;
}

int MigrationScriptRunner::runTransactional(const QList<Step> &steps, Direction direction,
                                            Ledger &ledger, RunResult &result,
                                            QList<int> *durationsMs,
                                            const std::function<void(int, int)> &onCommitted)
{
    // Round trips are the cost: every migration here goes out in one libpq pipeline, each as
    // its own transaction (BEGIN, [lock_timeout], its statements, session reset, ledger row,
    // COMMIT). After the first error the server skips everything up to the pipeline's end, so
    // a migration never commits unless every one before it did; a failure or a Cancel
    // (PQcancel) leaves the database as before the migration it hit. A Cancel that finds
    // nothing running stops the run before the next pipeline.
    const bool up = direction == Direction::Up;
    m_planChanged = false;
    if (cancelledBefore(*steps.first().migration, result))
        return 0;
    struct Layout
    {
        qsizetype first; // BEGIN
        LockPrologue prologue; // behind a pooler: the lock and the step check
        qsizetype firstStatement;
        qsizetype firstReset;
        qsizetype lockCheck; // -1: none (the script cannot have released the lock)
        qsizetype ledger;
        qsizetype commit;
    };
    QList<Layout> layouts;
    PipelineCommands c;
    QStringList ledgerRows = m_ledgerRows; // before each step: as the steps before it left them
    for (const Step &step : steps) {
        const Migration &m = *step.migration;
        Layout l;
        l.first = c.size();
        c.add(m_transactionLockWaitMs > 0 ? MigrationLock::kTransactionBegin : kBegin);
        l.prologue = appendTransactionLock(c, {step}, direction, ledgerRows);
        ledgerRows = rowsAfter(ledgerRows, {step}, direction);
        const ScriptLayout script = appendScript(m, direction, c, false);
        l.firstStatement = script.firstStatement;
        l.firstReset = script.firstReset;
        const LedgerEntry entry = ledgerEntry(step);
        // search_path pinned to pg_catalog for the ledger's statements, and set back after
        // them (the body and its deferred triggers resolve names through the role's own)
        c.add(Ledger::pinSearchPathSql());
        // no user code ran: the runner's lock cannot have gone
        l.lockCheck = script.harmless ? -1 : c.size();
        if (!script.harmless)
            c.add(Ledger::lockCheckSql(), Ledger::lockCheckParams(), m_preparedLockCheck);
        l.ledger = c.size();
        // no reset, no lock check: unless an event trigger ran user code in it after all
        const QString guard = script.harmless ? QString::fromLatin1(kEventTriggerFound) : QString();
        c.add(up ? Ledger::recordAppliedSql() : Ledger::recordRolledBackSql(),
              up ? ledger.recordAppliedParams(entry, guard)
                 : ledger.recordRolledBackParams(entry, guard),
              m_preparedLedgerWrite);
        c.add(Ledger::unpinSearchPathSql());
        l.commit = c.size();
        c.add(kCommit);
        layouts << l;
    }
    QElapsedTimer timer;
    timer.start();
    int live = 0; // the step whose results arrive now
    int liveMs = 0;
    const auto onResult = [&](qsizetype i, const PgResult &r) {
        if (live >= layouts.size())
            return;
        if (i == layouts[live].ledger && r.ok() && r.rows())
            liveMs = r.value(0, 0).toInt();
        if (i == layouts[live].commit) {
            if (r.ok() && r.commandTag() == "COMMIT" && onCommitted)
                onCommitted(live, liveMs);
            ++live;
        }
    };
    for (const Layout &l : layouts) { // each COMMIT's answer sent as soon as it is known
        c.flushAfter(l.commit);
        c.keep(l.ledger);
        c.keep(l.commit);
    }
    const PipelineOutcome results = c.run(m_connection, onResult);
    for (const QString &notice : m_connection.takeNotices())
        m_notice(notice);
    int committed = 0;
    bool beforeStatements = false; // the lock or the step check stopped it: nothing ran
    enum class Again { No, WithResets, Unprepared } again = Again::No;
    for (; committed < steps.size(); ++committed) {
        const Layout &l = layouts[committed];
        const Migration &m = *steps[committed].migration;
        const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
        bool ok = true;
        for (qsizetype i = l.first; i <= l.commit && ok; ++i) {
            const PgResult &r = results.at(i);
            if (r.ok() && !(i == l.commit && r.commandTag() == "ROLLBACK"))
                continue;
            ok = false;
            if (i == l.ledger && r.error().message == QLatin1String(kEventTriggerFound))
                again = Again::WithResets;
            else if (i >= l.firstReset && anyPrepared()
                     && r.error().sqlState == QLatin1String(kNoSuchStatement))
                again = Again::Unprepared; // the runner's own statements were deallocated
            if (prologueFailed(l.prologue, i, r, result)) {
                beforeStatements = true;
                continue;
            }
            if (i >= l.firstStatement && i < l.firstReset) {
                fail(m, direction, statements[i - l.firstStatement], r, result);
                continue;
            }
            result.outcome = RunResult::Outcome::Failed;
            if (i == l.commit) { // deferred constraints fire here
                result.failure = MigrationFailure{
                    m.version.text(),   m.name,    up ? m.upPath() : m.downPath(),
                    TextPosition{1, 1}, QString(), r.error()};
                result.message = r.ok()
                    ? tr("%1 failed at COMMIT: the server rolled it back").arg(m.id())
                    : tr("%1 failed at COMMIT: %2").arg(m.id(), result.failure->describe());
            } else if (i == l.ledger || i == l.lockCheck) {
                result.message
                    = tr("%1: writing the ledger failed: %2").arg(m.id(), r.error().toString());
            } else if (i >= l.firstReset) {
                result.message
                    = tr("%1: resetting the session failed: %2").arg(m.id(), r.error().toString());
            } else {
                result.message = tr("%1: BEGIN failed: %2").arg(m.id(), r.error().toString());
            }
        }
        if (!ok)
            break;
        const PgResult &written = results.at(l.ledger);
        *durationsMs << (written.rows() ? written.value(0, 0).toInt() : 0);
    }
    if (committed < steps.size() && !m_connection.isOpen())
        committed = settleLostConnection(steps, committed, direction, result, durationsMs);
    if (committed == steps.size())
        return committed;
    if (again != Again::No && m_connection.isOpen()) {
        // Rolled back: an event trigger could have changed the session in a script the runner
        // took for harmless, or the script deallocated the runner's prepared ledger write. The
        // steps from there run again, with every reset and lock check, or unprepared.
        m_connection.exec(kRollback);
        if (again == Again::WithResets)
            m_skipNeedlessResets = false;
        else
            forgetPreparedStatements();
        result.outcome = RunResult::Outcome::Ok;
        result.cancelled = false;
        result.failure.reset();
        result.message.clear();
        const int from = committed;
        QList<int> rest;
        const int more = runTransactional(steps.mid(from), direction, ledger, result, &rest,
                                          onCommitted ? std::function<void(int, int)>(
                                              [&](int k, int ms) { onCommitted(from + k, ms); })
                                                      : std::function<void(int, int)>());
        *durationsMs << rest;
        return from + more;
    }
    if (m_connection.isOpen())
        m_connection.exec(kRollback); // ends the aborted transaction (a no-op after COMMIT)
    if (beforeStatements) { // nothing of the step ran: no failure to record
        describeLockTimeout(result);
        return committed;
    }
    recordFailureEvent(ledger, *steps[committed].migration, direction, result,
                       int(timer.elapsed()));
    return committed;
}

bool MigrationScriptRunner::cancelledBefore(const Migration &m, RunResult &result) const
{
    if (!m_cancelled.load())
        return false;
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = true;
    result.message = tr("cancelled before %1; it was not started").arg(m.id());
    return true;
}

LedgerEntry MigrationScriptRunner::ledgerEntry(const Step &step)
{
    const Migration &m = *step.migration;
    LedgerEntry entry;
    // the ledger's own spelling of the version when it has a row (0007 may be 7 there)
    entry.version = step.ledgerVersion.isEmpty() ? m.version.text() : step.ledgerVersion;
    entry.name = m.name;
    entry.checksum = m.upChecksum;
    entry.downChecksum = m.downChecksum;
    return entry;
}

MigrationScriptRunner::ScriptLayout MigrationScriptRunner::appendScript(const Migration &m,
                                                                        Direction direction,
                                                                        PipelineCommands &c,
                                                                        bool resetLockTimeout) const
{
    const bool up = direction == Direction::Up;
    const MigrationDirectives &directives = up ? m.upDirectives : m.downDirectives;
    if (directives.lockTimeoutMs) // the session default was set once by up()/down()
        c.add(SqlResource::of("migrate", "set_lock_timeout"),
              QVariantList{QStringLiteral("%1ms").arg(lockTimeoutOf(directives)), true});
    ScriptLayout layout;
    layout.firstStatement = c.size();
    const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
    c.addRun(statements.size(), [&statements](qsizetype k) {
        const SqlStatement &st = statements[k];
        return PipelineCommands::Command{
            st.text, st.copyData ? std::optional<QByteArray>(*st.copyData) : std::nullopt};
    });
    layout.firstReset = c.size();
    // no user code ran: the session, and the runner's lock in it, are as they were (but a
    // lock_timeout of its own, set for the transaction, must not reach the next migration)
    layout.harmless = m_skipNeedlessResets
        && cannotChangeSession((up ? m.upSplit : m.downSplit).statements)
        && !(resetLockTimeout && directives.lockTimeoutMs);
    if (!layout.harmless) {
        if (resetLockTimeout) { // one transaction: its deferred checks are this script's
            layout.constraints = c.size();
            c.add(SqlResource::of("migrate", "session_constraints_immediate"));
        }
        appendSessionReset(c, up ? m.upSql : m.downSql);
    }
    return layout;
}

int MigrationScriptRunner::lockTimeoutOf(const MigrationDirectives &directives)
{
    // 0 = do not wait, as with --lock-timeout 0: PostgreSQL's 0 would wait forever
    return qMax(1, directives.lockTimeoutMs.value_or(1));
}

bool MigrationScriptRunner::cannotChangeSession(const QList<SqlStatement> &statements)
{
    static const QList<QByteArray> harmless{"DROP", "COMMENT", "GRANT", "REVOKE"};
    // An ALTER that only drops or renames (a column, a constraint, a default, NOT NULL; a
    // table, index, sequence or view renamed), written plainly: anything else it might
    // evaluate (a new default, a type change's USING, a rewrite) could run user code.
    static const QString name = QStringLiteral(R"((?:[a-z_][a-z0-9_$]*|"[^"]+"))");
    static const QString qualified = QStringLiteral(R"(%1(?:\s*\.\s*%1)?)").arg(name);
    static const QString action
        = QStringLiteral(R"((?:DROP\s+(?:COLUMN\s+|CONSTRAINT\s+)?(?:IF\s+EXISTS\s+)?%1)"
                         R"((?:\s+(?:CASCADE|RESTRICT))?)"
                         R"(|ALTER\s+(?:COLUMN\s+)?%1\s+DROP\s+(?:DEFAULT|NOT\s+NULL))"
                         R"(|RENAME\s+(?:COLUMN\s+|CONSTRAINT\s+)?%1\s+TO\s+%1|RENAME\s+TO\s+%1))")
              .arg(name);
    static const QRegularExpression dropsOnly(
        QStringLiteral(R"(^ALTER\s+(?:TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?%1\s+%2)"
                       R"((?:\s*,\s*%2)*)"
                       R"(|(?:INDEX|SEQUENCE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+EXISTS\s+)?)"
                       R"(%1\s+RENAME\s+TO\s+%3)\s*;?\s*$)")
            .arg(qualified, action, name),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dropsEventTrigger(QStringLiteral(R"(^DROP\s+EVENT\s)"),
                                                      QRegularExpression::CaseInsensitiveOption);
    for (const SqlStatement &st : statements) {
        qsizetype n = 0;
        while (n < st.text.size() && std::isalpha(static_cast<unsigned char>(st.text.at(n))))
            ++n;
        const QByteArray word = st.text.left(n).toUpper();
        // dropping an event trigger: it may have fired earlier in the script, and the write's
        // look for enabled ones (ledger_apply.sql) would not find it any more
        if (harmless.contains(word)
            && !dropsEventTrigger.match(QString::fromUtf8(st.text)).hasMatch())
            continue;
        if (word != "ALTER" || !dropsOnly.match(QString::fromUtf8(st.text)).hasMatch())
            return false;
    }
    return true;
}

void MigrationScriptRunner::appendSessionReset(PipelineCommands &c, const QByteArray &script) const
{
    // Whatever the script's text says: a function it calls can SET, declare a cursor WITH HOLD,
    // LISTEN or make a temporary table through EXECUTE.
    appendSessionDefaults(c);
    // Its prepared statements go only where its text could have made them: DEALLOCATE ALL
    // takes the runner's prepared ledger write with it (the plan then prepares none). One made
    // through EXECUTE fails the migration in session_restore.sql.
    if (TextSearch::containsIgnoringCase(script, "PREPARE"))
        c.add(SqlResource::of("migrate", "session_deallocate"));
    c.add(SqlResource::of("migrate", "session_restore"),
          {QStringLiteral("%1ms").arg(m_lockTimeoutMs), m_transactionLockWaitMs > 0},
          m_preparedRestore);
}

void MigrationScriptRunner::appendSessionDefaults(PipelineCommands &c)
{
    for (const char *reset : {"session_reset_authorization", "session_reset_all",
                              "session_close_cursors", "session_unlisten", "session_discard_temp"})
        c.add(SqlResource::of("migrate", reset));
}

void MigrationScriptRunner::forgetPreparedStatements()
{
    m_preparedLedgerWrite.clear();
    m_preparedLockCheck.clear();
    m_preparedRestore.clear();
}

DbStatus MigrationScriptRunner::resetSession(const QByteArray &script)
{
    if (!m_connection.isOpen())
        return {};
    PipelineCommands c;
    appendSessionReset(c, script);
    const PipelineOutcome results = c.run(m_connection);
    if (results.firstFailure() >= 0)
        return results.at(results.firstFailure()).error();
    return {};
}

void MigrationScriptRunner::fail(const Migration &m, Direction direction, const SqlStatement &st,
                                 const PgResult &r, RunResult &result)
{
    const bool up = direction == Direction::Up;
    MigrationFailure f;
    f.version = m.version.text();
    f.name = m.name;
    f.file = up ? m.upPath() : m.downPath();
    f.error = r.error();
    if (!m_connection.isOpen())
        f.error.message = tr("the connection was lost: %1").arg(m_connection.connectionError());
    f.position = filePosition(up ? m.upSql : m.downSql, st, f.error.statementPosition);
    f.statement = QString::fromUtf8(st.text);
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = f.error.sqlState == QLatin1String("57014") && m_cancelled.load();
    result.failure = f;
    result.message = result.cancelled ? tr("%1 was cancelled at %2").arg(m.id(), f.location())
                                      : tr("%1 failed: %2").arg(m.id(), f.describe());
}

void MigrationScriptRunner::recordFailureEvent(Ledger &ledger, const Migration &m,
                                               Direction direction, const RunResult &result,
                                               int durationMs)
{
    if (!m_connection.isOpen())
        return;
    ledger.addEvent({0,
                     m.version.text(),
                     m.name,
                     actionName(direction),
                     result.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"),
                     {},
                     {},
                     {},
                     durationMs,
                     m.upChecksum,
                     result.failure ? result.failure->describe() : result.message,
                     {}});
}

} // namespace uaip
