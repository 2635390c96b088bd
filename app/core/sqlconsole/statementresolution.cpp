#include "statementresolution.h"

#include "conformingstrings.h"
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "error/status.h"
#include "sqlparse/queryrunningfunctions.h"
#include "util/visibletext.h"
#include "wrappedposition.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

// The probe's transaction, or a savepoint inside the user's; always rolled back, also when
// opening it failed half-way (BEGIN READ WRITE on a hot standby leaves a failed block). READ
// WRITE: a read-only profile's connection has default_transaction_read_only on, and the view is
// the only thing written, rolled back. JIT off for the walk (its plan's cost estimate is high,
// and compiling costs ~30 ms per probe); the setting goes with the rollback. One round trip.
TransactionOptions probeOptions()
{
    TransactionOptions o;
    o.access = TransactionOptions::Access::ReadWrite;
    o.alwaysRollBack = true;
    o.savepointWhenNested = true;
    o.settings = {{QStringLiteral("jit"), QStringLiteral("off")}};
    return o;
}
// The query as a subquery: duplicate or unnamed columns are fine there, and a trailing "--"
// comment ends at the line break.
constexpr auto kViewHead = "CREATE TEMP VIEW uaip_resolution_probe AS SELECT FROM (\n";
constexpr auto kViewTail = "\n) AS uaip_resolution_query";
constexpr auto kViewName = "pg_temp.uaip_resolution_probe";

// VOLATILE functions of pg_catalog that read and change nothing, in the transaction or
// outside it: sizes, WAL positions and recovery state, clocks, random numbers, sleeping,
// statistics readers. Everything else VOLATILE counts as writing (a sequence, a setting, an
// advisory lock, a signal to another backend, a file, another database, a WAL record such as
// pg_logical_emit_message).
constexpr const char *kReadingVolatileFunctions[] = {
    "random",
    "random_normal",
    "clock_timestamp",
    "timeofday",
    "gen_random_uuid",
    "pg_sleep",
    "pg_sleep_for",
    "pg_sleep_until",
    "pg_relation_size",
    "pg_total_relation_size",
    "pg_table_size",
    "pg_indexes_size",
    "pg_database_size",
    "pg_tablespace_size",
    "pg_relation_filenode",
    "pg_relation_filepath",
    "pg_is_in_recovery",
    "pg_current_wal_lsn",
    "pg_current_wal_insert_lsn",
    "pg_current_wal_flush_lsn",
    "pg_last_wal_receive_lsn",
    "pg_last_wal_replay_lsn",
    "pg_last_xact_replay_timestamp",
    "pg_is_wal_replay_paused",
    "pg_get_wal_replay_pause_state",
    "pg_blocking_pids",
    "pg_safe_snapshot_blocking_pids",
    "pg_isolation_test_session_is_blocked",
    "txid_current_if_assigned",
    "pg_current_xact_id_if_assigned",
    "pg_stat_get_activity",
    "pg_stat_get_progress_info",
    "pg_stat_get_wal_receiver",
    "pg_stat_get_subscription",
    "pg_stat_get_replication_slot",
    "pg_stat_get_wal_senders",
    "pg_stat_get_backend_idset",
    "pg_lock_status",
    "pg_prepared_xact",
    "pg_get_replication_slots",
    "pg_stat_file",
    "pg_control_checkpoint",
    "pg_control_system",
    "pg_control_init",
    "pg_control_recovery",
    "pg_stat_get_snapshot_timestamp",
    "pg_notification_queue_usage",
    "pg_jit_available",
};

QByteArray readingVolatileJson()
{
    QJsonArray a;
    for (const char *f : kReadingVolatileFunctions)
        a.append(QLatin1String(f));
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QString unresolved(PgConnection &connection, const Error &error)
{
    // no transaction can be read-write there: said as such, and what to do
    const bool standby = (error.sqlState() == u"25006" || error.sqlState() == u"0A000")
        && connection.scalar("SELECT pg_catalog.pg_is_in_recovery()") == u"t";
    if (standby)
        return StatementResolution::tr(
                   "the server cannot resolve what it calls on a hot standby (%1); run it on the "
                   "primary, or as a role that cannot write or signal without the guard")
            .arg(error.toString());
    if (error.sqlState() == u"25006")
        return StatementResolution::tr(
                   "the server cannot resolve what it calls here (a read-only transaction or a "
                   "hot standby: %1); end the transaction or use the primary")
            .arg(error.toString());
    return StatementResolution::tr("the server could not resolve what it calls: %1")
        .arg(error.toString());
}

// The server refused the query in the probe view for what it says (42P01, 42703, 42601,
// 42501...), not because no view can be made here (25006 in a read-only transaction, 0A000 on a
// hot standby) or the connection failed.
bool refusedQuery(const Error &error)
{
    const QString state = error.sqlState();
    return error.code() == ErrorCode::Server && state != u"25006" && state != u"0A000";
}

// What the probe view reaches that writes, quoted and qualified: the VOLATILE functions and the
// functions that run SQL.
struct Reached
{
    QStringList volatileFunctions;
    QStringList runningSql;
    QStringList otherOwners; // "name (role)": another role's code, whatever its volatility
};

Result<Reached> reachedVolatile(PgConnection &connection)
{
    PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/resolved_volatile.sql")),
        {QByteArray(kViewName), readingVolatileJson(), QueryRunningFunctions::json()});
    if (!r.ok())
        return Error(r.error());
    Reached reached;
    for (int i = 0; i < r.rows(); ++i) {
        const QString name = VisibleText::escaped(r.value(i, "name")); // printed to terminals too
        if (r.value(i, "runs_sql") == u"t")
            reached.runningSql.append(name);
        else if (r.value(i, "other_owner") == u"t")
            reached.otherOwners.append(StatementResolution::tr("%1 (of role %2)")
                                           .arg(name, VisibleText::escaped(r.value(i, "owner"))));
        else
            reached.volatileFunctions.append(name);
    }
    return reached;
}

// Why a string literal may not be parsed here (a domain's CHECK that writes); empty when it may.
Result<QString> literalChecks(PgConnection &connection)
{
    const PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("sqlconsole/sql/literal_checks.sql")),
                          {readingVolatileJson(), QueryRunningFunctions::json()});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return QString();
    return StatementResolution::tr(
               "holds a string literal, and the server checks a literal of domain %1 with %2 "
               "while it parses the statement, before the guard could judge it")
        .arg(VisibleText::escaped(r.value(0, "domain")),
             VisibleText::escaped(r.value(0, "function")));
}

QString wordsFor(const Reached &reached)
{
    QStringList why;
    if (reached.volatileFunctions.size() == 1)
        why << StatementResolution::tr("reaches the VOLATILE function %1")
                   .arg(reached.volatileFunctions.first());
    else if (!reached.volatileFunctions.isEmpty())
        why << StatementResolution::tr("reaches the VOLATILE functions %1")
                   .arg(reached.volatileFunctions.join(u", "));
    if (!reached.otherOwners.isEmpty())
        why << StatementResolution::tr(
                   "reaches %1: another role's code, which would run with your rights (its "
                   "declared volatility is its owner's word)")
                   .arg(reached.otherOwners.join(u", "));
    if (!reached.runningSql.isEmpty())
        why << StatementResolution::tr(
                   "calls %1, which runs the SQL it is given (or a cast to json) with the caller's "
                   "rights")
                   .arg(reached.runningSql.join(u", "));
    return why.join(QStringLiteral("; "));
}

} // namespace

Result<QString> StatementResolution::writes(PgConnection &connection, const QByteArray &query,
                                            const Probe &probe, Error *queryError)
{
    if (!connection.isOpen()) {
        return Error(ErrorCode::Connection, tr("The connection to the server is lost."));
    }
    Status notResolved;
    bool viewFailed = false; // the server refused the probe view (notResolved)
    Result<Reached> reached = Reached{};
    Result<QString> literals = QString();
    {
        Transaction scope(connection);
        if (Status opened = scope.begin(probeOptions()); !opened) {
            notResolved = opened;
        } else if (probe.stringLiterals
                   && (!(literals = literalChecks(connection)) || !literals.value().isEmpty())) {
            // refused (or failed) before the probe parses the statement
        } else if (Status s = ConformingStrings::pinForTransaction(connection, query); !s) {
            // read by the server as libpg_query read it (standard_conforming_strings on)
            notResolved = s;
        } else if (PgResult view = connection.execOne(QByteArray(kViewHead) + query + kViewTail);
                   !view.ok()) {
            notResolved = Error(view.error());
            viewFailed = true;
        } else {
            reached = reachedVolatile(connection);
        }
    }
    if (!notResolved) {
        const QString why = unresolved(connection, notResolved.error());
        if (queryError && viewFailed && refusedQuery(notResolved.error()))
            *queryError = WrappedPosition::unwrapped(notResolved.error(), int(qstrlen(kViewHead)),
                                                     WrappedPosition::chars(query));
        return why;
    }
    if (!literals)
        return literals.error();
    if (!literals.value().isEmpty())
        return literals.value();
    if (!reached)
        return reached.error();
    return wordsFor(reached.value());
}

Result<QString> StatementResolution::writes(PgConnection &connection, const QByteArray &query)
{
    return writes(connection, query, Probe{});
}

bool StatementResolution::readingVolatile(const QString &name)
{
    for (const char *f : kReadingVolatileFunctions)
        if (name == QLatin1String(f))
            return true;
    return false;
}

} // namespace uaip
