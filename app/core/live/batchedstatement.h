#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

class PgParseTree;
struct SqlStatement;

// One statement of a uaip:batch migration that BackfillRunner runs in committed batches: an
// UPDATE, a DELETE, or an INSERT ... SELECT from one table, walked in the order of that table's
// primary key. Each batch is the statement as written with one more condition ANDed to its
// WHERE: the key after the last batch's and up to this one's upper key (bound values, $1...),
// so what the statement does to a row is what it would do unbatched. Read from libpg_query's
// typed tree and written back with its deparser.
class BatchedStatement
{
    Q_DECLARE_TR_FUNCTIONS(uaip::BatchedStatement)

public:
    // A column of the walked table's primary key: its name and SQL type (format_type).
    struct KeyColumn
    {
        QString name;
        QString type;
    };

    // The statement's batched form, read from its tree (SqlStatement::tree(): parsed once for
    // every reader of the script; the batches' SQL is written from that tree, the statement
    // is never parsed again). nullopt: a statement of another kind, run once as it is; an
    // error (Refused): a statement of these kinds that cannot be batched (why).
    static Result<std::optional<BatchedStatement>> of(const SqlStatement &statement);

    // The walked table as written (schema-qualified when it is), quoted where needed: for
    // messages.
    QString table() const { return m_table; }
    // The same with every part quoted (keywords too): for to_regclass.
    QString quotedTable() const { return m_quotedTable; }
    // The columns an UPDATE sets (none for the other kinds): a key column among them would
    // move rows ahead of the walk.
    QStringList setColumns() const { return m_setColumns; }
    // The functions an INSERT ... SELECT calls in its select list (their last name part): an
    // aggregate among them would fold each batch's rows apart (checked in the catalog).
    QStringList selectFunctions() const { return m_selectFunctions; }
    // "UPDATE", "DELETE" or "INSERT ... SELECT"
    QString kindName() const;

    // The statement limited to the keys after $1..$k (when hasLower) and up to $k+1..$2k (when
    // hasUpper), k = key.size(); an error when it cannot be written.
    Result<QByteArray> rangeSql(const QList<KeyColumn> &key, bool hasLower, bool hasUpper) const;

private:
    enum class Kind { Update, Delete, InsertSelect };

    // The columns an UPDATE sets and the functions an INSERT ... SELECT's select list calls.
    void readTargets(const PgQuery__Node &node);

    QByteArray m_text;
    // m_text's tree, shared with the script's other readers: only read (rangeSql() writes a
    // copy of it)
    std::shared_ptr<const PgParseTree> m_tree;
    Kind m_kind = Kind::Update;
    QString m_table;
    QString m_quotedTable;
    QString m_qualifier; // how the statement names the walked table's columns: alias or name
    QStringList m_setColumns;
    QStringList m_selectFunctions;
};

} // namespace uaip
