#include "owntransaction.h"

#include "lint/scriptstatementrules.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlsplitter.h"

#include <functional>

namespace uaip {

namespace {

// A statement's TransactionStmt kind ("TRANS_STMT_BEGIN", ...) and whether it has options
// (an isolation level, READ ONLY, AND CHAIN); empty kind for any other statement. Read from
// the split script's tree of it (parsed once for all of the script's readers), asked for only
// when its first letter can start a transaction command.
QString transactionKind(const SqlStatement &statement, bool *options)
{
    *options = false;
    const QByteArray text = statement.text.trimmed();
    if (!text.isEmpty()) {
        const char c = static_cast<char>(text.at(0) | 0x20);
        if (c != 'b' && c != 's' && c != 'c' && c != 'e' && c != 'r' && c != 'a' && c != 'p')
            return {};
    }
    const std::shared_ptr<const PgParseTree> tree = statement.tree();
    const QList<PgStatementNode> statements = tree->statements();
    if (statements.size() != 1 || !statements.first().node
        || statements.first().node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
        return {};
    const PgQuery__TransactionStmt *transaction = statements.first().node->transaction_stmt;
    *options = transaction->n_options > 0 || transaction->chain;
    return PgTreeWalk::enumName(pg_query__transaction_stmt_kind__descriptor, transaction->kind);
}

// A statement blanked, line breaks kept: its text as the splitter has it (a comment before its
// ';' included, so nothing in that comment comes to life) and the ';' that ends it.
void blank(QByteArray &bytes, const SqlStatement &statement)
{
    const qsizetype end = statement.offset + statement.text.size();
    for (qsizetype i = statement.offset; i < end && i < bytes.size(); ++i)
        if (bytes.at(i) != '\n' && bytes.at(i) != '\r')
            bytes[i] = ' ';
    qsizetype i = end;
    while (i < bytes.size() && QChar::isSpace(uchar(bytes.at(i))))
        ++i;
    if (i < bytes.size() && bytes.at(i) == ';')
        bytes[i] = ' ';
}

// The header's note on what unwrap() blanked (file content, not a message: never translated).
QString unwrapNote(const QList<std::pair<int, int>> &pairs, const std::function<int(int)> &lineOf,
                   int statements)
{
    const int lastCommit = pairs.last().second;
    if (pairs.size() == 1) {
        QString note = QStringLiteral("the file's own BEGIN (line %1) and COMMIT (line %2) "
                                      "blanked: the migration runs in one transaction of its own, "
                                      "as before")
                           .arg(lineOf(pairs.first().first))
                           .arg(lineOf(lastCommit));
        if (lastCommit < statements - 1) {
            const int from = lineOf(lastCommit + 1);
            const int to = lineOf(statements - 1);
            note += QStringLiteral("; the statements after that COMMIT (%1) now run in it too (the "
                                   "tool ran them after its commit)")
                        .arg(from == to ? QStringLiteral("line %1").arg(from)
                                        : QStringLiteral("lines %1-%2").arg(from).arg(to));
        }
        return note;
    }
    QStringList where;
    for (const auto &[begin, commit] : pairs)
        where << QStringLiteral("%1 and %2").arg(lineOf(begin)).arg(lineOf(commit));
    return QStringLiteral("the file's own BEGIN and COMMIT blanked at lines %1: the migration "
                          "runs in one transaction of its own (the tool committed at each "
                          "COMMIT, so a failure after line %2 now rolls back all of it, not only "
                          "what came after)")
        .arg(where.join(QStringLiteral(", ")))
        .arg(lineOf(pairs.first().second));
}

} // namespace

Result<OwnTransaction::Unwrap> OwnTransaction::unwrap(QString *sql, int firstLine, QString *note)
{
    QByteArray bytes = sql->toUtf8();
    const SqlSplitResult split = SqlSplitter::split(bytes);
    if (!split.ok() || split.statements.isEmpty())
        return Unwrap::None; // the plan check names a syntax error later
    const QList<SqlStatement> &st = split.statements;
    const auto lineOf = [&](int i) { return st[i].start.line + firstLine - 1; };
    const auto text = [&](int i) { return QString::fromUtf8(st[i].text.simplified()); };
    const auto byHand = [&](int i, const QString &why) {
        return Error(ErrorCode::Refused, why, {{QStringLiteral("line"), lineOf(i)}});
    };
    QList<std::pair<int, int>> pairs; // a BEGIN's statement index and its COMMIT's
    int open = -1;
    for (int i = 0; i < st.size(); ++i) {
        bool options = false;
        const QString kind = transactionKind(st[i], &options);
        if (kind.isEmpty())
            continue;
        const bool begin = kind == u"TRANS_STMT_BEGIN" || kind == u"TRANS_STMT_START";
        const bool commit = kind == u"TRANS_STMT_COMMIT";
        if (options)
            return byHand(i, tr("the file's own %1 with options: convert by hand").arg(text(i)));
        if (begin && open < 0) {
            open = i;
        } else if (commit && open >= 0) {
            pairs.append({open, i});
            open = -1;
        } else {
            // a BEGIN inside its own transaction, a COMMIT without one, ROLLBACK, SAVEPOINT, ...
            return byHand(i,
                          tr("the file's own transaction control (%1) inside it: convert by hand")
                              .arg(text(i)));
        }
    }
    if (open >= 0)
        return byHand(open, tr("the file's own BEGIN without its COMMIT: convert by hand"));
    if (pairs.isEmpty())
        return Unwrap::None;
    for (auto p = pairs.crbegin(); p != pairs.crend(); ++p) {
        blank(bytes, st[p->second]);
        blank(bytes, st[p->first]);
    }
    *sql = QString::fromUtf8(bytes);
    *note = unwrapNote(pairs, lineOf, st.size());
    return Unwrap::Unwrapped;
}

QString OwnTransaction::outsideTransaction(const QString &sql)
{
    const SqlSplitResult split = SqlSplitter::split(sql.toUtf8());
    if (!split.ok())
        return {};
    QStringList found;
    for (const auto &[what, where] : ScriptStatementRules::outsideTransactionOnly(split.statements))
        found << QStringLiteral("%1 (line %2)").arg(what).arg(where.line);
    if (found.isEmpty())
        return {};
    // file content, not a message: never translated
    return QStringLiteral("runs outside a transaction, as the tool ran it: %1")
        .arg(found.join(QStringLiteral(", ")));
}

} // namespace uaip
