#include "tooltablestatements.h"

#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlsplitter.h"

#include <QRegularExpression>

namespace uaip {

namespace {

// Whether a qualified name (its parts) names table: in the public schema or without one (a
// project's own audit.schema_migrations is its own).
bool isTable(const QStringList &parts, const QString &table)
{
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (parts[i] == table && (i == 0 || parts[i - 1] == QLatin1String("public")))
            return true;
    return false;
}

// Whether the tree under root names table: a table it names (RangeVar), a qualified name (DROP,
// COMMENT ON, SECURITY LABEL: lists of names), a RENAME to it, or a DO block whose body holds
// its name.
bool names(const ProtobufCMessage *root, const QString &table)
{
    static const auto word = [](const QString &t) {
        return QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(t)),
                                  QRegularExpression::CaseInsensitiveOption);
    };
    bool found = false;
    PgTreeWalk::each(root, [&](const ProtobufCMessage *message) {
        const ProtobufCMessageDescriptor *d = message->descriptor;
        if (d == &pg_query__range_var__descriptor) {
            const auto *rv = reinterpret_cast<const PgQuery__RangeVar *>(message);
            QStringList parts{QString::fromUtf8(rv->relname)};
            if (rv->schemaname && *rv->schemaname)
                parts.prepend(QString::fromUtf8(rv->schemaname));
            found = isTable(parts, table);
        } else if (d == &pg_query__list__descriptor) {
            const auto *list = reinterpret_cast<const PgQuery__List *>(message);
            found = isTable(PgTreeWalk::strings(list->items, list->n_items), table);
        } else if (d == &pg_query__rename_stmt__descriptor) {
            found
                = QString::fromUtf8(reinterpret_cast<const PgQuery__RenameStmt *>(message)->newname)
                == table;
        } else if (d == &pg_query__do_stmt__descriptor) {
            const auto *block = reinterpret_cast<const PgQuery__DoStmt *>(message);
            for (size_t i = 0; i < block->n_args && !found; ++i) {
                const PgQuery__Node *arg = block->args[i];
                if (arg->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !arg->def_elem->arg
                    || arg->def_elem->arg->node_case != PG_QUERY__NODE__NODE_STRING)
                    continue;
                found = word(table)
                            .match(QString::fromUtf8(arg->def_elem->arg->string->sval))
                            .hasMatch();
            }
        }
        return !found;
    });
    return found;
}

} // namespace

QList<ToolTableStatements::Hit> ToolTableStatements::find(const QString &sql, int firstLine,
                                                          const QString &table)
{
    QList<Hit> out;
    if (table.isEmpty())
        return out;
    const SqlSplitResult split = SqlSplitter::split(sql.toUtf8());
    if (!split.ok())
        return out; // the plan check names a syntax error later
    for (const SqlStatement &s : split.statements) {
        const std::shared_ptr<const PgParseTree> parsedTree = s.tree();
        const PgParseTree &tree = *parsedTree;
        for (const PgStatementNode &st : tree.statements()) {
            if (!st.node || !names(PgTreeWalk::content(st.node), table))
                continue;
            QString text = QString::fromUtf8(s.text.simplified());
            if (text.size() > 80)
                text = text.left(79) + u'…';
            out.append({s.start.line + firstLine - 1, text});
            break;
        }
    }
    return out;
}

} // namespace uaip
