#include "oldnameuse.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/tableref.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

using OldName = ContractOldNames::OldName;

QByteArray withSchema(PgConnection &connection, const char *name, const QString &schema)
{
    return SqlResource::fill(SqlResource::of("live", name),
                             {{QByteArrayLiteral("%SCHEMA%"), connection.quoteIdentifier(schema)}});
}

bool named(const char *name, const QString &column)
{
    return name && QString::fromUtf8(name) == column;
}

bool anyResTarget(PgQuery__Node *const *nodes, size_t count, const QString &column)
{
    for (size_t i = 0; i < count; ++i)
        if (nodes[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET
            && named(nodes[i]->res_target->name, column))
            return true;
    return false;
}

// Whether the message itself names column: a ColumnRef ending in it, an INSERT's column list, an
// UPDATE's SET, an ON CONFLICT's target or SET.
bool namesColumn(const ProtobufCMessage *m, const QString &column)
{
    if (m->descriptor == &pg_query__column_ref__descriptor) {
        const auto *ref = reinterpret_cast<const PgQuery__ColumnRef *>(m);
        if (ref->n_fields == 0)
            return false;
        const PgQuery__Node *last = ref->fields[ref->n_fields - 1];
        return last->node_case == PG_QUERY__NODE__NODE_STRING && named(last->string->sval, column);
    }
    if (m->descriptor == &pg_query__insert_stmt__descriptor) {
        const auto *insert = reinterpret_cast<const PgQuery__InsertStmt *>(m);
        return anyResTarget(insert->cols, insert->n_cols, column);
    }
    if (m->descriptor == &pg_query__update_stmt__descriptor) {
        const auto *update = reinterpret_cast<const PgQuery__UpdateStmt *>(m);
        return anyResTarget(update->target_list, update->n_target_list, column);
    }
    if (m->descriptor == &pg_query__on_conflict_clause__descriptor) {
        const auto *onConflict = reinterpret_cast<const PgQuery__OnConflictClause *>(m);
        return anyResTarget(onConflict->target_list, onConflict->n_target_list, column);
    }
    if (m->descriptor == &pg_query__index_elem__descriptor) // ON CONFLICT (column)
        return named(reinterpret_cast<const PgQuery__IndexElem *>(m)->name, column);
    return false;
}

// Whether the statement under root writes the table's columns by position: an INSERT into it
// without a column list (VALUES or a SELECT) or a COPY ... FROM it without one. The contract
// moves the column (the one made again is the table's last), so such a write would put its
// values into other columns without an error.
bool writesByPosition(const ProtobufCMessage *root, const TableRef &table)
{
    return !PgTreeWalk::each(root, [&](const ProtobufCMessage *m) {
        if (m->descriptor == &pg_query__insert_stmt__descriptor) {
            const auto *insert = reinterpret_cast<const PgQuery__InsertStmt *>(m);
            return insert->n_cols > 0 || !insert->select_stmt
                || !TableRef::of(insert->relation).matches(table);
        }
        if (m->descriptor == &pg_query__copy_stmt__descriptor) {
            const auto *copy = reinterpret_cast<const PgQuery__CopyStmt *>(m);
            return !copy->is_from || copy->n_attlist > 0 || !copy->relation
                || !TableRef::of(copy->relation).matches(table);
        }
        return true;
    });
}

// Whether the statement under root names the old name.
bool uses(const ProtobufCMessage *root, const OldName &old)
{
    const TableRef table{old.schema, old.table};
    bool tableNamed = false;
    PgTreeWalk::each(root, [&](const ProtobufCMessage *m) {
        if (m->descriptor == &pg_query__range_var__descriptor)
            tableNamed
                = TableRef::of(reinterpret_cast<const PgQuery__RangeVar *>(m)).matches(table);
        return !tableNamed;
    });
    if (!tableNamed || old.column.isEmpty())
        return tableNamed;
    if (writesByPosition(root, table))
        return true;
    return !PgTreeWalk::each(
        root, [&](const ProtobufCMessage *m) { return !namesColumn(m, old.column); });
}

QString ownStatements()
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(SqlResource::firstLines()))
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

Result<std::optional<QString>> OldNameUse::schemaOf(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("live", "stat_statements_schema"));
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return std::optional<QString>();
    return std::optional<QString>(r.value(0, "schema"));
}

OldNameUse::Workload OldNameUse::read(PgConnection &connection)
{
    Workload w;
    Transaction tx(connection);
    if (Status s = tx.begin(TransactionOptions::readOnly()); !s) {
        w.unreadable = s.error().toString();
        return w;
    }
    if (PgResult pin = connection.exec(SqlResource::of("live", "online_pin_search_path"));
        !pin.ok()) {
        w.unreadable = pin.error().toString();
        return w;
    }
    const Result<std::optional<QString>> schema = schemaOf(connection);
    if (!schema || !*schema) {
        w.unreadable = schema ? tr("pg_stat_statements is not created in database %1 (CREATE "
                                   "EXTENSION pg_stat_statements, with the library in "
                                   "shared_preload_libraries)")
                                    .arg(connection.database())
                              : schema.error().toString();
        return w;
    }
    w.schema = **schema;
    const PgResult calls
        = connection.exec(withSchema(connection, "workload_calls", w.schema), {ownStatements()});
    if (!calls.ok()) {
        w.unreadable = tr("pg_stat_statements cannot be read: %1").arg(calls.error().toString());
        return w;
    }
    const PgResult reset
        = connection.exec(withSchema(connection, "workload_stats_reset", w.schema));
    if (!reset.ok()) {
        w.unreadable = tr("pg_stat_statements cannot be read: %1").arg(reset.error().toString());
        return w;
    }
    w.statsReset = reset.value(0, "since");
    int hidden = 0;
    for (int i = 0; i < calls.rows(); ++i) {
        if (calls.isNull(i, calls.columnIndex("query"))) {
            ++hidden;
            continue;
        }
        w.statements << Statement{calls.value(i, "queryid"), calls.value(i, "query"),
                                  calls.value(i, "calls").toLongLong()};
    }
    if (hidden > 0)
        w.unreadable = tr("role %1 may not read the text of %n statement(s) of other roles "
                          "(<insufficient privilege>); grant it pg_read_all_stats",
                          nullptr, hidden)
                           .arg(connection.user());
    if (Status s = tx.end(); !s && w.unreadable.isEmpty())
        w.unreadable = s.error().toString();
    return w;
}

std::optional<QStringList> OldNameUse::names(const QString &query, const QList<OldName> &oldNames)
{
    const PgParseTree tree = PgParseTree::parse(query.toUtf8());
    if (!tree.ok())
        return std::nullopt;
    QStringList out;
    for (const PgStatementNode &s : tree.statements())
        for (const OldName &old : oldNames)
            if (!out.contains(old.text())
                && uses(reinterpret_cast<const ProtobufCMessage *>(s.node), old))
                out << old.text();
    return out;
}

} // namespace uaip
