#include "renameddataguard.h"

#include "lint/scriptdrops.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "tablerenamematcher.h"

#include <QSet>

namespace uaip {

namespace {

// A name as the catalog has it: "Old" as Old, old as old ("a""b" as a"b).
QString bare(const QString &identifier)
{
    const QString last = TableRenameMatcher::lastPart(identifier);
    if (last.size() >= 2 && last.startsWith(u'"') && last.endsWith(u'"'))
        return last.mid(1, last.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return last;
}

// What the up.sql renamed or moved a table or a column to: the tables' names, the columns as
// "table.column", and the first such statement (line: text).
struct Targets
{
    QSet<QString> tables;
    QSet<QString> columns;
    QString first;
};

void read(const PgQuery__Node *node, const SqlStatement &s, Targets *t)
{
    bool found = false;
    if (node->node_case == PG_QUERY__NODE__NODE_RENAME_STMT && node->rename_stmt) {
        const PgQuery__RenameStmt *r = node->rename_stmt;
        const QString table = r->relation ? QString::fromUtf8(r->relation->relname) : QString();
        if (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
            t->tables.insert(QString::fromUtf8(r->newname));
            found = true;
        } else if (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
            t->columns.insert(table + u'.' + QString::fromUtf8(r->newname));
            found = true;
        }
    } else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT
               && node->alter_object_schema_stmt
               && node->alter_object_schema_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
               && node->alter_object_schema_stmt->relation) {
        t->tables.insert(QString::fromUtf8(node->alter_object_schema_stmt->relation->relname));
        found = true;
    }
    if (found && t->first.isEmpty()) {
        QString text = QString::fromUtf8(s.text.simplified());
        if (text.size() > 80)
            text = text.left(79) + u'…';
        t->first = QStringLiteral("%1: %2").arg(s.start.line).arg(text);
    }
}

} // namespace

std::optional<QString> RenamedDataGuard::refusal(const QByteArray &upSql, const QByteArray &downSql)
{
    RollbackImpact drops;
    if (!ScriptDrops::read(downSql, &drops) || (drops.tables.isEmpty() && drops.columns.isEmpty()))
        return std::nullopt;
    Targets targets;
    for (const SqlStatement &s : SqlSplitter::split(upSql).statements) {
        const std::shared_ptr<const PgParseTree> parsedTree = s.tree();
        const PgParseTree &tree = *parsedTree; // the nodes live as long as it
        for (const PgStatementNode &st : tree.statements())
            if (st.node)
                read(st.node, s, &targets);
    }
    if (targets.first.isEmpty())
        return std::nullopt;
    QString dropped;
    for (const RollbackImpact::Table &t : drops.tables)
        if (dropped.isEmpty() && targets.tables.contains(bare(t.name)))
            dropped = tr("the table %1").arg(t.name);
    for (const RollbackImpact::Column &c : drops.columns)
        if (dropped.isEmpty()
            && (targets.tables.contains(bare(c.table))
                || targets.columns.contains(bare(c.table) + u'.' + bare(c.column))))
            dropped = tr("the column %1.%2").arg(c.table, c.column);
    if (dropped.isEmpty())
        return std::nullopt;
    return tr("the up.sql renames or moves a table or a column (line %1) and the generated "
              "down.sql drops %2, what it was renamed or moved to: a rollback would lose its "
              "rows; write the down.sql by hand")
        .arg(targets.first, dropped);
}

} // namespace uaip
