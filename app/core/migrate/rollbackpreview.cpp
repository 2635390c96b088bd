#include "rollbackpreview.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/migrationlock.h"
#include "lint/scriptdrops.h"
#include "migrationplanner.h"
#include "migrationrunner.h"
#include "planchecker.h"
#include "sqlparse/sqlsplitter.h"

#include <QSet>

namespace uaip {

namespace {

QList<QStringList> rowsOf(const PgResult &r)
{
    QList<QStringList> out;
    for (int i = 0; i < r.rows(); ++i) {
        QStringList row;
        for (int c = 0; c < r.columns(); ++c)
            row << r.value(i, c);
        out << row;
    }
    return out;
}

// A savepoint in the preview's transaction, rolled back when it ends.
TransactionOptions nestedRolledBack()
{
    TransactionOptions o = TransactionOptions::nested();
    o.alwaysRollBack = true;
    return o;
}

} // namespace

RollbackPreview::RollbackPreview(PgConnection &connection, const QList<Migration> &migrations)
    : m_connection(connection)
    , m_migrations(migrations)
{ }

Status RollbackPreview::readCatalog(Catalog *catalog)
{
    PgResult objects = m_connection.exec(SqlResource::of("migrate", "preview_objects"));
    PgResult columns = objects.ok()
        ? m_connection.exec(SqlResource::of("migrate", "preview_columns"))
        : PgResult();
    if (!objects.ok() || !columns.ok())
        return Error((objects.ok() ? columns : objects).error());
    catalog->objects = rowsOf(objects);
    catalog->columns = rowsOf(columns);
    return {};
}

Status RollbackPreview::runDown(const Migration &m)
{
    const SqlSplitResult split = SqlSplitter::split(m.downSql);
    if (!split.ok())
        return Error(ErrorCode::BadInput,
                     tr("%1: syntax error: %2").arg(m.downPath(), split.error->message),
                     {{QStringLiteral("path"), m.downPath()}});
    for (const SqlStatement &st : split.statements) {
        PgResult r = m_connection.exec(st.text);
        if (r.ok())
            continue;
        MigrationFailure f;
        f.version = m.version.text();
        f.name = m.name;
        f.file = m.downPath();
        f.position = st.start;
        f.statement = QString::fromUtf8(st.text);
        f.error = Error(r.error());
        m_failure = f;
        return f.error.in(f.location())
            .with(QStringLiteral("path"), f.file)
            .with(QStringLiteral("line"), st.start.line)
            .with(QStringLiteral("column"), st.start.column);
    }
    return {};
}

Status RollbackPreview::takeLock(MigrationLock &lock, int lockTimeoutMs,
                                 const std::atomic_bool *cancelled, bool pooled)
{
    const Result<MigrationLock::Outcome> acquired
        = lock.acquire(lockTimeoutMs, cancelled,
                       pooled ? MigrationLock::Scope::Transaction : MigrationLock::Scope::Session);
    if (!acquired)
        return acquired.error();
    switch (acquired.value()) {
    case MigrationLock::Outcome::Acquired:
        break;
    case MigrationLock::Outcome::TimedOut:
        m_lockHolder = lock.holder();
        return lock.timedOut();
    case MigrationLock::Outcome::Cancelled:
        return Error(ErrorCode::Cancelled, tr("cancelled while waiting for the migration lock"));
    }
    return {};
}

Result<QList<MigrationStatus>> RollbackPreview::checkedPlan(const DownTarget &target,
                                                            bool oneTransaction)
{
    MigrationRunner reader(m_connection, m_migrations, {});
    const auto statuses = reader.status();
    if (!statuses)
        return statuses.error();
    const QStringList blockers = MigrationPlanner::blockers(statuses.value());
    if (!blockers.isEmpty())
        return Error(
            ErrorCode::Refused,
            tr("a rollback would refuse to run:\n  %1").arg(blockers.join(QStringLiteral("\n  "))));
    const auto plan = MigrationPlanner::planDown(statuses.value(), target);
    if (!plan)
        return plan.error();
    const QList<ValidationProblem> problems = PlanChecker::check(*plan, false, oneTransaction);
    if (!problems.isEmpty()) {
        const QStringList lines = ValidationProblem::describeAll(problems);
        return Error(ErrorCode::Refused,
                     tr("a rollback would refuse to run: %n problem(s) in the plan\n  %1", nullptr,
                        int(problems.size()))
                         .arg(lines.join(QStringLiteral("\n  "))));
    }
    return *plan;
}

Status RollbackPreview::lockTransaction(MigrationLock &lock, Transaction &transaction,
                                        int lockTimeoutMs, const std::atomic_bool *cancelled)
{
    const Result<MigrationLock::Outcome> locked = lock.lockTransaction(lockTimeoutMs, cancelled);
    if (!locked || locked.value() != MigrationLock::Outcome::Acquired) {
        transaction.rollback();
        if (!locked)
            return locked.error();
        if (locked.value() == MigrationLock::Outcome::Cancelled)
            return Error(ErrorCode::Cancelled,
                         tr("cancelled while waiting for the migration lock"));
        lock.readHolder();
        m_lockHolder = lock.holder();
        return lock.timedOut();
    }
    return {};
}

Status RollbackPreview::runPlan(const QList<MigrationStatus> &plan, RollbackImpact &impact,
                                RollbackImpact &scripted)
{
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        impact.migrations << m.id();
        impact.versions << m.version.text();
        if (m.downDirectives.noTransaction) {
            // It cannot run inside the preview's transaction: what it drops comes from its
            // parse tree, and the note says so.
            RollbackImpact drops;
            if (ScriptDrops::read(m.downSql, &drops)) {
                scripted.tables << drops.tables;
                scripted.columns << drops.columns;
                scripted.objects << drops.objects;
                impact.notes << tr("%1 runs outside a transaction: what it drops is read from "
                                   "its down.sql, not run in the preview")
                                    .arg(m.id());
            } else {
                impact.notes << tr("%1 runs outside a transaction and its down.sql could not "
                                   "be parsed: what it drops is not listed")
                                    .arg(m.id());
            }
            continue;
        }
        if (const Status ran = runDown(m); !ran)
            return ran;
    }
    return {};
}

void RollbackPreview::countRows(RollbackImpact &impact, const RollbackImpact &scripted,
                                Transaction &downs)
{
    // Back to the state before the down scripts, then count the rows that would be lost, in a
    // savepoint: a count that fails leaves the preview's transaction usable.
    downs.rollback();
    Transaction counting(m_connection);
    counting.begin(nestedRolledBack());
    for (RollbackImpact::Table t : scripted.tables) {
        const PgResult r
            = m_connection.exec(SqlResource::of("migrate", "preview_regclass"), {t.name});
        if (r.ok() && r.rows() == 1 && !r.isNull(0, 0))
            t.oid = r.value(0, 0);
        impact.tables << t;
    }
    for (RollbackImpact::Table &t : impact.tables) {
        if (t.oid.isEmpty()) {
            impact.notes << tr("rows of %1 could not be counted: no such table now").arg(t.name);
            continue;
        }
        PgResult r = m_connection.exec(SqlResource::of("migrate", "preview_row_count"), {t.oid});
        if (r.ok() && r.rows() == 1)
            t.rows = r.value(0, 0).toLongLong();
        else
            impact.notes
                << tr("rows of %1 could not be counted: %2").arg(t.name, r.error().message);
        if (!r.ok()) {
            counting.rollback();
            counting.begin(nestedRolledBack());
        }
    }
}

Result<RollbackImpact> RollbackPreview::run(const DownTarget &target, int lockTimeoutMs,
                                            const std::atomic_bool *cancelled, bool oneTransaction)
{
    m_failure.reset();
    m_lockHolder.reset();
    // Like a real rollback, under the migration lock: never while another run changes things.
    // Behind a connection pooler, the preview's own transaction takes it (and nothing is set
    // for the session, which the pooler may give to another client).
    const Result<ServerTopology> topology = ServerTopology::read(m_connection);
    if (!topology)
        return topology.error();
    const bool pooled = topology.value().pooled();
    MigrationLock lock(m_connection);
    struct Reset
    {
        PgConnection &c;
        bool pooled;
        ~Reset()
        {
            if (c.isOpen() && !pooled)
                c.exec("RESET lock_timeout");
        }
    } reset{m_connection, pooled};
    if (const Status locked = takeLock(lock, lockTimeoutMs, cancelled, pooled); !locked)
        return locked.error();
    const Result<QList<MigrationStatus>> plan = checkedPlan(target, oneTransaction);
    if (!plan)
        return plan.error();

    RollbackImpact impact;
    if (oneTransaction && plan.value().size() > 1)
        impact.notes << tr("all %n migrations roll back in one transaction: if any of their "
                           "down.sql fails, none is rolled back",
                           nullptr, int(plan.value().size()));
    // Always rolled back: the preview never commits.
    Transaction transaction(m_connection);
    TransactionOptions options
        = pooled ? MigrationLock::transactionOptions() : TransactionOptions();
    options.alwaysRollBack = true;
    if (Status begun = transaction.begin(options); !begun)
        return begun.error();
    if (pooled) {
        if (const Status locked = lockTransaction(lock, transaction, lockTimeoutMs, cancelled);
            !locked)
            return locked.error();
    }
    m_connection.exec(SqlResource::of("migrate", "preview_begin"),
                      {QStringLiteral("%1ms").arg(lockTimeoutMs)});

    Catalog before;
    if (const Status read = readCatalog(&before); !read)
        return read.error();
    Transaction downs(m_connection); // what the down scripts do, rolled back before the count
    if (Status s = downs.begin(nestedRolledBack()); !s)
        return s.error();
    RollbackImpact scripted; // what the no-transaction steps drop, from their scripts
    if (const Status ran = runPlan(plan.value(), impact, scripted); !ran)
        return ran.error();
    Catalog after;
    if (const Status read = readCatalog(&after); !read)
        return read.error();
    const RollbackImpact found = compare(before, after);
    impact.tables = found.tables;
    impact.columns = found.columns;
    impact.objects = found.objects;
    impact.columns << scripted.columns;
    impact.objects << scripted.objects;

    countRows(impact, scripted, downs);
    return impact;
}

RollbackImpact RollbackPreview::compare(const Catalog &before, const Catalog &after) const
{
    QSet<QString> afterKeys;
    for (const QStringList &o : after.objects)
        afterKeys.insert(o[1]);
    QSet<QString> afterColumns;
    for (const QStringList &c : after.columns)
        afterColumns.insert(c[1]);

    RollbackImpact impact;
    QSet<QString> goneTables;
    for (const QStringList &o : before.objects) {
        if (afterKeys.contains(o[1]))
            continue;
        if (o[0] == QLatin1String("table")) {
            goneTables.insert(o[1]);
            impact.tables << RollbackImpact::Table{o[2], -1, o[1].mid(1)};
        }
    }
    for (const QStringList &o : before.objects) {
        if (afterKeys.contains(o[1]) || o[0] == QLatin1String("table"))
            continue;
        if (!o[3].isEmpty() && goneTables.contains(o[3]))
            continue; // goes with its table
        RollbackImpact::Object object;
        object.kind = o[0];
        object.name = o[2];
        object.table = o.value(4);
        impact.objects << object;
    }
    for (const QStringList &c : before.columns) {
        if (goneTables.contains(c[0]) || afterColumns.contains(c[1]))
            continue;
        impact.columns << RollbackImpact::Column{c[2], c[3], c[4]};
    }
    return impact;
}

} // namespace uaip
