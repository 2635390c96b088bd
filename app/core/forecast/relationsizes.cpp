#include "relationsizes.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <QDeadlineTimer>

namespace uaip {

PgResult RelationSizes::readInTransaction(PgConnection &connection, const QVariantList &bound)
{
    // the caller's transaction: its jit setting is set back right after the read
    const PgResult was
        = connection.exec(SqlResource::of("db", "current_setting"), {QStringLiteral("jit")});
    if (!was.ok() || was.rows() != 1)
        return connection.exec(SqlResource::of("forecast", "relation_sizes"), bound);
    std::vector<PgResult> done = connection.pipeline(
        {SqlResource::of("db", "set_local"), SqlResource::of("forecast", "relation_sizes"),
         SqlResource::of("db", "set_local")},
        {QVariantList{QStringLiteral("jit"), QStringLiteral("off")}, bound,
         QVariantList{QStringLiteral("jit"), was.value(0, 0)}});
    if (done.size() < 2) // nothing was sent, or the setting failed: the error it gives
        return done.empty() ? connection.exec(SqlResource::of("forecast", "relation_sizes"), bound)
                            : std::move(done.front());
    return std::move(done[1]);
}

Result<QList<RelationSize>> RelationSizes::read(PgConnection &connection, const QStringList &names,
                                                const QSet<QString> &anySchema)
{
    QStringList asked;
    for (const QString &name : names) {
        if (!name.isEmpty() && !asked.contains(name))
            asked.append(name);
    }
    QList<RelationSize> sizes;
    if (asked.isEmpty())
        return sizes;
    // The sizes come from pg_class; only a table never analyzed is opened (ACCESS SHARE) for its
    // size on disk, which behind a held or queued ACCESS EXCLUSIVE would wait as long: the read
    // is cancelled after kDeadlineMs instead (57014). A runner's session has a short
    // lock_timeout (one lock attempt): the read waits up to the deadline in a transaction of
    // its own (its ACCESS SHARE blocks no reader and no writer), and within the caller's own
    // transaction as that transaction says.
    connection.setStatementDeadline(QDeadlineTimer(kDeadlineMs));
    QStringList flags;
    for (const QString &name : std::as_const(asked))
        flags << (anySchema.contains(name) ? QStringLiteral("true") : QStringLiteral("false"));
    const QVariantList bound{BoundStatement::textArray(asked), BoundStatement::textArray(flags)};
    // JIT off for the read: its plan's cost estimate is high (a lateral per name, pg_stats), and
    // compiling it took 30-750 ms where the read itself takes 1-26 ms (a run of 200 migrations,
    // an empty and a 200-table database)
    const QVariantList jitOff{QStringLiteral("jit"), QStringLiteral("off")};
    const PgResult r = [&] {
        if (connection.inTransaction())
            return readInTransaction(connection, bound);
        std::vector<PgResult> done = connection.pipeline(
            {Transaction::beginCommand(TransactionOptions::readOnly()),
             SqlResource::of("db", "set_lock_timeout"), SqlResource::of("db", "set_local"),
             SqlResource::of("forecast", "relation_sizes"), Transaction::commitCommand()},
            {QVariantList{}, QVariantList{QStringLiteral("%1ms").arg(kDeadlineMs), true}, jitOff,
             bound, QVariantList{}});
        if (connection.inTransaction()) // a failure left it open
            connection.exec(Transaction::rollbackCommand());
        if (done.empty()) // nothing was sent (the connection is gone): its error
            return connection.exec(SqlResource::of("forecast", "relation_sizes"), bound);
        return std::move(done.size() == 5 ? done[3] : done.back());
    }();
    connection.setStatementDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
    if (!r.ok())
        return Error(r.error());
    sizes.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        RelationSize size;
        size.name = r.value(i, "name");
        size.resolved = r.value(i, "resolved");
        size.table = r.value(i, "table_name");
        size.rows = r.value(i, "row_estimate").toLongLong();
        size.rowsUnknown = r.value(i, "rows_unknown") == QLatin1String("t");
        size.totalBytes = r.value(i, "total_bytes").toLongLong();
        size.unknownRowsBytes = r.value(i, "unknown_bytes").toLongLong();
        size.partitioned = r.value(i, "partitioned") == QLatin1String("t");
        sizes.append(size);
    }
    return sizes;
}

} // namespace uaip
