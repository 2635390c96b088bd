#include "statementsafety.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "util/sqlresource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

// VOLATILE functions of pg_catalog that read and change nothing, in the transaction or
// outside it: sizes, WAL positions and recovery state, clocks, random numbers, sleeping,
// statistics readers. Everything else VOLATILE counts as writing (a sequence, a setting, an
// advisory lock, a signal to another backend, a file, another database).
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

bool readingVolatile(const QString &schema, const QString &name)
{
    if (schema != u"pg_catalog")
        return false;
    for (const char *f : kReadingVolatileFunctions)
        if (name == QLatin1String(f))
            return true;
    return false;
}

struct Routine
{
    QString schema;
    bool isVolatile = false;
};

// "schema.name" or "name" split; pg_temp stands for the session's temporary schema.
std::pair<QString, QString> split(const QString &qualified)
{
    const int dot = qualified.lastIndexOf(u'.');
    if (dot < 0)
        return {QString(), qualified};
    return {qualified.left(dot), qualified.mid(dot + 1)};
}

bool schemaMatches(const QString &wanted, const QString &schema)
{
    if (wanted.isEmpty())
        return true;
    if (wanted == u"pg_temp")
        return schema.startsWith(u"pg_temp_");
    return wanted == schema;
}

// Why the routines of one name make a statement write; empty when they do not.
QString judgeName(const QMultiHash<QString, Routine> &routines, const QString &qualified,
                  bool isOperator)
{
    const auto [schema, name] = split(qualified);
    bool found = false;
    for (auto it = routines.constFind(name); it != routines.cend() && it.key() == name; ++it) {
        if (!schemaMatches(schema, it->schema))
            continue;
        found = true;
        if (it->isVolatile && !(!isOperator && readingVolatile(it->schema, name)))
            return isOperator
                ? StatementSafety::tr("applies the operator %1, whose function is VOLATILE")
                      .arg(it->schema + u'.' + name)
                : StatementSafety::tr("calls the VOLATILE function %1")
                      .arg(it->schema + u'.' + name);
    }
    if (!found)
        return isOperator ? StatementSafety::tr("applies the unknown operator %1").arg(qualified)
                          : StatementSafety::tr("calls the unknown function %1").arg(qualified);
    return {};
}

QByteArray jsonArray(const QStringList &names)
{
    QJsonArray a;
    for (const QString &n : names)
        a.append(split(n).second);
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

} // namespace

QString StatementSafety::commandOf(const StatementClass &statement)
{
    if (!statement.parsed)
        return tr("a statement the parser refused");
    if (statement.type == u"VariableSetStmt")
        return QStringLiteral("SET");
    if (statement.type == u"ExplainStmt")
        return QStringLiteral("EXPLAIN ANALYZE");
    if (statement.type == u"SelectStmt")
        return tr("SELECT with INTO, FOR UPDATE/SHARE or a data-modifying WITH");
    QString t = statement.type;
    if (t.endsWith(u"Stmt"))
        t.chop(4);
    QString words;
    for (const QChar c : std::as_const(t)) {
        if (c.isUpper() && !words.isEmpty())
            words += u' ';
        words += c.toUpper();
    }
    return words;
}

DbResult<QList<StatementVerdict>> StatementSafety::judge(PgConnection &connection,
                                                         const QList<StatementClass> &statements)
{
    QStringList functions;
    QStringList operators;
    for (const StatementClass &s : statements)
        if (!s.writes && !s.transactionControl) {
            functions += s.functions;
            operators += s.operators;
        }
    QMultiHash<QString, Routine> functionRoutines;
    QMultiHash<QString, Routine> operatorRoutines;
    if (!functions.isEmpty() || !operators.isEmpty()) {
        PgResult r = connection.exec(
            SqlResource::get(QStringLiteral("sqlconsole/sql/routine_volatility.sql")),
            {jsonArray(functions), jsonArray(operators)});
        if (!r.ok())
            return r.error();
        for (int i = 0; i < r.rows(); ++i) {
            Routine routine{r.value(i, "schema"), r.value(i, "volatility") == u"v"};
            (r.value(i, "kind") == u"f" ? functionRoutines : operatorRoutines)
                .insert(r.value(i, "name"), routine);
        }
    }
    QList<StatementVerdict> out;
    out.reserve(statements.size());
    for (const StatementClass &s : statements) {
        StatementVerdict v;
        if (s.transactionControl) {
            v.kind = StatementVerdict::Kind::Transaction;
            v.reason = commandOf(s);
        } else if (s.writes) {
            v.reason = commandOf(s);
        } else {
            v.kind = StatementVerdict::Kind::Reads;
            for (const QString &f : s.functions)
                if (QString why = judgeName(functionRoutines, f, false); !why.isEmpty()) {
                    v = {StatementVerdict::Kind::Writes, why};
                    break;
                }
            if (v.reads())
                for (const QString &o : s.operators)
                    if (QString why = judgeName(operatorRoutines, o, true); !why.isEmpty()) {
                        v = {StatementVerdict::Kind::Writes, why};
                        break;
                    }
        }
        out.append(v);
    }
    return out;
}

} // namespace uaip
