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

#include <algorithm>

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
    "uuidv4", // PostgreSQL 18: a random UUID, as gen_random_uuid
    "uuidv7", // PostgreSQL 18: a time-ordered UUID of clock and random bits
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
    QStringList otherTypes; // "name (role)": another role's domain or composite type
    QList<ReachedRelation> relations; // another role's tables and views
};

// Why a string literal may not be parsed here (a domain's CHECK that writes), from
// literal_checks.sql's answer; empty when it may.
Result<QString> literalChecks(const PgResult &r)
{
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
    if (!reached.otherTypes.isEmpty())
        why << StatementResolution::tr(
                   "reaches %1: another role's domain or composite type, whose CHECKs or "
                   "attributes its owner may change at any moment, also while the statement runs")
                   .arg(reached.otherTypes.join(u", "));
    if (!reached.runningSql.isEmpty())
        why << StatementResolution::tr(
                   "calls %1, which runs the SQL it is given (or a cast it looks up when it runs, "
                   "or the input and domain CHECKs of a type it is given) with the caller's rights")
                   .arg(reached.runningSql.join(u", "));
    return why.join(QStringLiteral("; "));
}

} // namespace

namespace {

// The statements of one probe transaction: at most this many, and about this much text.
constexpr int kBatchStatements = 256;
constexpr qsizetype kBatchBytes = qsizetype(8) << 20;

// What resolved_volatile.sql found for each statement of a round (its column root: 1-based).
QList<Reached> reachedOf(const PgResult &r, qsizetype statements)
{
    QList<Reached> out(statements);
    for (int i = 0; i < r.rows(); ++i) {
        const int root = r.value(i, "root").toInt() - 1;
        if (root < 0 || root >= statements)
            continue;
        Reached &reached = out[root];
        const QString kind = r.value(i, "kind");
        if (kind == u"r") {
            reached.relations.append({r.value(i, "oid").toUInt(), r.value(i, "schema_name"),
                                      r.value(i, "object_name"), r.value(i, "is_view") == u"t",
                                      r.value(i, "selectable") == u"t"});
            continue;
        }
        const QString name = VisibleText::escaped(r.value(i, "name")); // printed to terminals too
        if (kind == u"t")
            reached.otherTypes.append(StatementResolution::tr("%1 (of role %2)")
                                          .arg(name, VisibleText::escaped(r.value(i, "owner"))));
        else if (r.value(i, "runs_sql") == u"t")
            reached.runningSql.append(name);
        else if (r.value(i, "other_owner") == u"t")
            reached.otherOwners.append(StatementResolution::tr("%1 (of role %2)")
                                           .arg(name, VisibleText::escaped(r.value(i, "owner"))));
        else
            reached.volatileFunctions.append(name);
    }
    return out;
}

// The probes of a run of statements, a probe transaction (or savepoint) each round: one round
// trip opens it (with the literal check and the standard_conforming_strings pin where a statement
// needs them), a second sends every statement's view, renamed to a name of its own, the walk over
// all of them and the rollback. A view the server refuses ends the round there: that statement
// gets its verdict (its error), the round is done again without it, and the rest follow.
class ProbeRounds
{
public:
    ProbeRounds(PgConnection &connection, const QList<StatementResolution::Query> &queries,
                const QString &searchPath)
        : m_connection(connection)
        , m_queries(queries)
        , m_searchPath(searchPath)
        , m_out(queries.size())
        , m_whole(queries.size(), false)
    {
        for (int i = 0; i < queries.size(); ++i)
            m_pending << i;
    }

    Result<QList<StatementResolution::Resolved>> run()
    {
        int limit = -1; // after a refused view: only the statements before it (made before)
        while (!m_pending.isEmpty()) {
            QList<int> batch;
            qsizetype bytes = 0;
            for (int i : std::as_const(m_pending)) {
                if ((limit >= 0 && i >= limit) || batch.size() == kBatchStatements
                    || (bytes > kBatchBytes && !batch.isEmpty()))
                    break;
                // one that names a probe view's name: alone (no other statement's view there)
                if (m_queries.at(i).alone && !batch.isEmpty())
                    break;
                batch << i;
                bytes += text(i).size();
                if (m_queries.at(i).alone)
                    break;
            }
            if (batch.isEmpty())
                batch << m_pending.first();
            Result<int> refused = round(batch);
            if (!refused)
                return refused.error();
            limit = refused.value() > batch.first() ? refused.value() : -1;
        }
        return m_out;
    }

private:
    // The text the probe parses: the short one (long lists of constants cut) until it failed.
    const QByteArray &text(int i) const
    {
        const StatementResolution::Query &q = m_queries.at(i);
        return q.shortText.isEmpty() || m_whole.at(i) ? q.text : q.shortText;
    }
    void settle(int i, const QString &why, const Error &queryError = Error(),
                const QList<ReachedRelation> &relations = {})
    {
        m_out[i] = {why, queryError, false, relations};
        m_pending.removeOne(i);
    }
    void settleWithoutTemp(int i)
    {
        m_out[i] = {QString(), Error(), true, {}};
        m_pending.removeOne(i);
    }

    // One probe transaction for batch; the statement whose view the server refused (-1: none).
    Result<int> round(const QList<int> &batch)
    {
        Transaction scope(m_connection);
        QList<QByteArray> opening;
        QList<QVariantList> params;
        const bool literals = std::any_of(batch.begin(), batch.end(),
                                          [this](int i) { return m_queries.at(i).stringLiterals; });
        if (literals) {
            opening << SqlResource::get(QStringLiteral("sqlconsole/sql/literal_checks.sql"));
            params << QVariantList{readingVolatileJson(), QueryRunningFunctions::json()};
        }
        // read by the server as libpg_query read it (standard_conforming_strings on)
        if (std::any_of(batch.begin(), batch.end(), [this](int i) {
                return !ConformingStrings::readsAsSplit(m_connection, text(i));
            })) {
            opening << SqlResource::get(
                QStringLiteral("sqlconsole/sql/conforming_strings_local.sql"));
            params << QVariantList();
        }
        if (!m_searchPath.isEmpty()) {
            opening << SqlResource::get(QStringLiteral("sqlconsole/sql/search_path_local.sql"));
            params << QVariantList{m_searchPath};
        }
        Result<std::vector<PgResult>> begun = scope.beginWith(probeOptions(), opening, params);
        const auto notResolved = [&](const Error &e) {
            scope.rollback();
            const QString why = unresolved(m_connection, e);
            for (int i : batch)
                settle(i, why);
            return -1;
        };
        if (!begun)
            return notResolved(begun.error());
        const Result<QString> refusal
            = literals ? literalChecks(begun.value().front()) : Result<QString>(QString());
        if (!refusal)
            return refusal.error();
        for (qsizetype k = int(literals); k < opening.size(); ++k)
            if (!begun.value().at(k).ok())
                return notResolved(Error(begun.value().at(k).error()));
        QList<int> probed;
        if (literals) {
            for (int i : batch)
                if (!refusal.value().isEmpty() && m_queries.at(i).stringLiterals)
                    settle(i, refusal.value()); // refused before the probe parses it
                else
                    probed << i;
        } else {
            probed = batch;
        }
        if (probed.isEmpty())
            return -1;
        return views(scope, probed);
    }

    // The views of probed, the walk and the rollback (one round trip).
    Result<int> views(Transaction &scope, const QList<int> &probed)
    {
        QList<QByteArray> sql;
        QStringList names;
        for (int k = 0; k < probed.size(); ++k) {
            const QByteArray n = QByteArray::number(k + 1);
            sql << QByteArray(kViewHead) + text(probed.at(k)) + kViewTail
                << SqlResource::fill(SqlResource::of("sqlconsole", "resolution_probe_rename"),
                                     {{"%NUMBER%", n}});
            names << QString::fromLatin1(kViewName) + u'_' + QString::fromLatin1(n);
        }
        sql << SqlResource::get(QStringLiteral("sqlconsole/sql/resolved_volatile.sql"));
        QList<QVariantList> params(sql.size() - 1);
        params << QVariantList{u'{' + names.join(u',') + u'}', readingVolatileJson(),
                               QueryRunningFunctions::json()};
        const std::vector<PgResult> results = scope.endWith(sql, params);
        for (qsizetype c = 0; c + 1 < sql.size(); ++c) {
            if (c < qsizetype(results.size()) && results.at(size_t(c)).ok())
                continue;
            const Error e = c < qsizetype(results.size())
                ? Error(results.at(size_t(c)).error())
                : Error(ErrorCode::Connection,
                        StatementResolution::tr("The connection to the server is lost."));
            return refusedView(probed.at(int(c / 2)), c % 2 == 0, e);
        }
        if (results.size() < size_t(sql.size()))
            return Error(ErrorCode::Connection,
                         StatementResolution::tr("The connection to the server is lost."));
        if (!results.back().ok())
            return Error(results.back().error());
        const QList<Reached> reached = reachedOf(results.back(), probed.size());
        for (int k = 0; k < probed.size(); ++k)
            settle(probed.at(k), wordsFor(reached.at(k)), Error(), reached.at(k).relations);
        return -1;
    }

    // The server refused statement i's view (made: its CREATE; else its rename): with the
    // short text, it is probed again whole (the error and its place are the whole text's).
    // Refused for want of TEMP: no statement can be probed here, each is settled withoutTemp.
    Result<int> refusedView(int i, bool made, const Error &error)
    {
        if (made && error.sqlState() == u"42501") {
            const PgResult r = m_connection.exec(
                SqlResource::get(QStringLiteral("sqlconsole/sql/temp_refused.sql")));
            if (!r.ok())
                return Error(r.error());
            if (r.value(0, 0) == u"t") {
                for (int k : QList<int>(m_pending))
                    settleWithoutTemp(k);
                return -1;
            }
        }
        const StatementResolution::Query &q = m_queries.at(i);
        if (made && !q.shortText.isEmpty() && !m_whole.at(i)) {
            m_whole[i] = true;
            return i;
        }
        Error queryError;
        if (made && refusedQuery(error))
            queryError = WrappedPosition::unwrapped(error, int(qstrlen(kViewHead)),
                                                    WrappedPosition::chars(q.text));
        settle(i, unresolved(m_connection, error), queryError);
        return i;
    }

    PgConnection &m_connection;
    const QList<StatementResolution::Query> &m_queries;
    const QString m_searchPath;
    QList<StatementResolution::Resolved> m_out;
    QList<bool> m_whole; // probed with the whole text (its short one failed)
    QList<int> m_pending; // not judged yet, in order
};

} // namespace

Result<QList<StatementResolution::Resolved>>
StatementResolution::writesEach(PgConnection &connection, const QList<Query> &queries,
                                const QString &searchPath)
{
    if (!connection.isOpen()) {
        return Error(ErrorCode::Connection, tr("The connection to the server is lost."));
    }
    return ProbeRounds(connection, queries, searchPath).run();
}

Result<QString> StatementResolution::writes(PgConnection &connection, const QByteArray &query,
                                            const Probe &probe, Error *queryError)
{
    Result<QList<Resolved>> each
        = writesEach(connection, {{query, {}, probe.stringLiterals}}, QString());
    if (!each)
        return each.error();
    if (queryError && each.value().first().queryError.isSet())
        *queryError = each.value().first().queryError;
    return each.value().first().why;
}

Result<QString> StatementResolution::writes(PgConnection &connection, const QByteArray &query)
{
    return writes(connection, query, Probe{});
}

Result<QList<StatementResolution::Resolved>> StatementResolution::walk(PgConnection &connection,
                                                                       const QStringList &views)
{
    QList<Resolved> out;
    if (views.isEmpty())
        return out;
    // in a savepoint of the open transaction, JIT off for the walk only (probeOptions())
    TransactionOptions walking = probeOptions();
    walking.access = TransactionOptions::Access::Default;
    Transaction scope(connection);
    if (Status begun = scope.begin(walking); !begun)
        return begun.error();
    const std::vector<PgResult> results = scope.endWith(
        {SqlResource::get(QStringLiteral("sqlconsole/sql/resolved_volatile.sql"))},
        {{u'{' + views.join(u',') + u'}', readingVolatileJson(), QueryRunningFunctions::json()}});
    if (results.empty())
        return Error(ErrorCode::Connection, tr("The connection to the server is lost."));
    const PgResult &r = results.front();
    if (!r.ok())
        return Error(r.error());
    const QList<Reached> reached = reachedOf(r, views.size());
    for (const Reached &each : reached)
        out.append({wordsFor(each), Error(), false, each.relations});
    return out;
}

bool StatementResolution::readingVolatile(const QString &name)
{
    for (const char *f : kReadingVolatileFunctions)
        if (name == QLatin1String(f))
            return true;
    return false;
}

} // namespace uaip
