#include "scriptchecker.h"

#include "scriptstatementrules.h"
#include "sqlparse/parsetree.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/sqlsyntaxchecker.h"
#include "sqlparse/textposition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>
#include <cctype>

namespace uaip {

namespace {

// TransactionStmt.kind -> the command as a DBA writes it.
QString transactionCommand(const QString &kind)
{
    static const QList<std::pair<const char *, const char *>> names{
        {"TRANS_STMT_BEGIN", "BEGIN"},
        {"TRANS_STMT_START", "START TRANSACTION"},
        {"TRANS_STMT_COMMIT", "COMMIT"},
        {"TRANS_STMT_ROLLBACK", "ROLLBACK"},
        {"TRANS_STMT_SAVEPOINT", "SAVEPOINT"},
        {"TRANS_STMT_RELEASE", "RELEASE SAVEPOINT"},
        {"TRANS_STMT_ROLLBACK_TO", "ROLLBACK TO SAVEPOINT"},
        {"TRANS_STMT_PREPARE", "PREPARE TRANSACTION"},
        {"TRANS_STMT_COMMIT_PREPARED", "COMMIT PREPARED"},
        {"TRANS_STMT_ROLLBACK_PREPARED", "ROLLBACK PREPARED"},
    };
    for (const auto &[k, name] : names)
        if (kind == QLatin1String(k))
            return QString::fromLatin1(name);
    return kind;
}

// Whether any object under value has the key (libpg_query's PL/pgSQL tree: a statement kind).
bool hasKey(const QJsonValue &value, QStringView key)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [key](const QJsonValue &item) { return hasKey(item, key); });
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == key || hasKey(it.value(), key))
            return true;
    }
    return false;
}

// COMMIT or ROLLBACK inside the PL/pgSQL of a DO statement: the command, or empty.
QString plpgsqlTransactionControl(const QByteArray &doStmt)
{
    PgQueryPlpgsqlParseResult parse = pg_query_parse_plpgsql(doStmt.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_plpgsql_parse_result(parse); });
    if (parse.error || !parse.plpgsql_funcs)
        return {};
    // the JSON tree's keys, not its text: a string literal cannot pass for a statement
    bool pruned = false;
    const QJsonDocument tree = ParseTree::read(parse.plpgsql_funcs, &pruned);
    if (hasKey(tree.array(), u"PLpgSQL_stmt_commit"))
        return QStringLiteral("COMMIT");
    if (hasKey(tree.array(), u"PLpgSQL_stmt_rollback"))
        return QStringLiteral("ROLLBACK");
    // a block nested deeper than the tree is read may hide one: refused, not passed
    if (pruned)
        return QCoreApplication::translate("uaip::ScriptChecker",
                                           "COMMIT or ROLLBACK (nested too deeply to rule out)");
    return {};
}

// Every TransactionStmt of PostgreSQL's grammar starts with one of these keywords, and a DO
// block with DO: only such statements need a parse tree of their own.
bool mayControlTransactions(const QByteArray &input, int start, int end)
{
    static const QList<QByteArray> first{"BEGIN", "START",     "COMMIT",  "END", "ROLLBACK",
                                         "ABORT", "SAVEPOINT", "RELEASE", "DO",  "PREPARE"};
    int n = start;
    while (n < end && std::isalpha(static_cast<unsigned char>(input.at(n))))
        ++n;
    return n > start && n - start <= 9 && first.contains(input.sliced(start, n - start).toUpper());
}

// The command when the statement is transaction control (a TransactionStmt, or COMMIT or
// ROLLBACK in the PL/pgSQL of a DO block); empty otherwise.
QString transactionControl(const QByteArray &statement)
{
    const PgParseTree tree = PgParseTree::parse(statement);
    const QList<PgStatementNode> statements = tree.statements();
    const PgQuery__Node *node = statements.isEmpty() ? nullptr : statements.first().node;
    if (!node)
        return {};
    if (node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
        // END and ABORT parse as COMMIT and ROLLBACK: name them as written
        const QByteArray word = statement.left(5).toUpper();
        if (word.startsWith("END") && (word.size() == 3 || !std::isalpha(uchar(word.at(3)))))
            return QStringLiteral("END");
        if (word == "ABORT")
            return QStringLiteral("ABORT");
        return transactionCommand(PgTreeWalk::enumName(pg_query__transaction_stmt_kind__descriptor,
                                                       node->transaction_stmt->kind));
    }
    if (node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
        const QString command = plpgsqlTransactionControl(statement);
        return command.isEmpty()
            ? command
            : QCoreApplication::translate("uaip::ScriptChecker", "%1 (in a DO block)").arg(command);
    }
    return {};
}

} // namespace

QList<ValidationProblem> ScriptChecker::check(const QString &path, const SqlSplitResult &split,
                                              const MigrationDirectives &directives)
{
    // split is PostgreSQL's grammar over the whole file already (SqlSplitter, a window at a
    // time): what is left is per statement, so memory follows the longest statement
    if (!split.ok())
        return {ValidationProblem{QStringLiteral("syntax"), path, split.error->position.line,
                                  split.error->position.column, split.error->message}};
    QList<ValidationProblem> out
        = ScriptStatementRules::check(path, split.statements, directives.noTransaction);
    if (directives.noTransaction)
        return out;
    for (const SqlStatement &statement : split.statements) {
        if (!mayControlTransactions(statement.text, 0, int(statement.text.size())))
            continue;
        const QString command = transactionControl(statement.text);
        if (command.isEmpty())
            continue;
        // a savepoint does not end the transaction, but nothing could roll back to it: after
        // an error the server skips the rest of the runner's pipeline
        const bool savepoint = command.contains(QLatin1String("SAVEPOINT"));
        out << ValidationProblem{
            QStringLiteral("syntax"), path, statement.start.line, statement.start.column,
            (savepoint ? tr("%1 cannot be used in a migration that runs in its own transaction: "
                            "its statements go out together, and after an error the server "
                            "skips the rest, so no ROLLBACK TO SAVEPOINT would ever run; remove "
                            "it, or mark the file -- uaip:no-transaction")
                       : tr("%1 inside a migration that runs in its own transaction would end "
                            "it part-way; remove it, or mark the file -- uaip:no-transaction"))
                .arg(command)};
    }
    return out;
}

} // namespace uaip
