#include "scriptchecker.h"
#include "uncheckedstatementrules.h"

#include "scriptstatementrules.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/plpgsqltree.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/sqlsyntaxchecker.h"
#include "sqlparse/textposition.h"

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

// COMMIT or ROLLBACK inside the PL/pgSQL of a DO statement: the command, or empty.
QString plpgsqlTransactionControl(const QByteArray &doStmt)
{
    const PlpgsqlTree tree = PlpgsqlTree::parse(doStmt);
    if (tree.contains(PlpgsqlTree::Kind::Commit))
        return transactionCommand(QStringLiteral("TRANS_STMT_COMMIT"));
    if (tree.contains(PlpgsqlTree::Kind::Rollback))
        return transactionCommand(QStringLiteral("TRANS_STMT_ROLLBACK"));
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
QString transactionControl(const SqlStatement &statement)
{
    const std::shared_ptr<const PgParseTree> parsedTree = statement.tree();
    const PgParseTree &tree = *parsedTree;
    const QList<PgStatementNode> statements = tree.statements();
    const PgQuery__Node *node = statements.isEmpty() ? nullptr : statements.first().node;
    if (!node)
        return {};
    if (node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
        // END and ABORT parse as COMMIT and ROLLBACK: name them as written
        const QByteArray word = statement.text.left(5).toUpper();
        if (word.startsWith("END") && (word.size() == 3 || !std::isalpha(uchar(word.at(3)))))
            return QStringLiteral("END");
        if (word == "ABORT")
            return QStringLiteral("ABORT");
        return transactionCommand(PgTreeWalk::enumName(pg_query__transaction_stmt_kind__descriptor,
                                                       node->transaction_stmt->kind));
    }
    if (node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
        const QString command = plpgsqlTransactionControl(statement.text);
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
        = ScriptStatementRules::check(path, split.statements, directives.noTransaction)
        + UncheckedStatementRules::check(path, split, directives.noTransaction);
    if (directives.noTransaction)
        return out;
    for (const SqlStatement &statement : split.statements) {
        if (!mayControlTransactions(statement.text, 0, int(statement.text.size())))
            continue;
        const QString command = transactionControl(statement);
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
