#include "owntransaction.h"

#include "migrate/scriptstatementrules.h"
#include "migrate/sqlsplitter.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"

namespace uaip {

namespace {

// A statement's TransactionStmt kind ("TRANS_STMT_BEGIN", ...) and whether it has options
// (an isolation level, READ ONLY, AND CHAIN); empty kind for any other statement.
QString transactionKind(const QByteArray &statement, bool *options)
{
    *options = false;
    if (!statement.trimmed().isEmpty()) {
        const char c = static_cast<char>(statement.trimmed().at(0) | 0x20);
        if (c != 'b' && c != 's' && c != 'c' && c != 'e' && c != 'r' && c != 'a')
            return {};
    }
    const PgParseTree tree = PgParseTree::parse(statement);
    const QList<PgStatementNode> statements = tree.statements();
    if (statements.size() != 1 || !statements.first().node
        || statements.first().node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
        return {};
    const PgQuery__TransactionStmt *transaction = statements.first().node->transaction_stmt;
    *options = transaction->n_options > 0 || transaction->chain;
    return PgTreeWalk::enumName(pg_query__transaction_stmt_kind__descriptor, transaction->kind);
}

// The text from a statement's first byte up to and including its ';' blanked, line breaks kept.
void blank(QByteArray &bytes, qsizetype from)
{
    for (qsizetype i = from; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            bytes[i] = ' ';
        if (c == ';')
            return;
    }
}

} // namespace

OwnTransaction::Unwrap OwnTransaction::unwrap(QString *sql, int firstLine, QString *note, int *line,
                                              QString *why)
{
    QByteArray bytes = sql->toUtf8();
    const SqlSplitResult split = SqlSplitter::split(bytes);
    if (!split.ok() || split.statements.isEmpty())
        return Unwrap::None; // the plan check names a syntax error later
    const QList<SqlStatement> &st = split.statements;
    QList<std::pair<int, QString>> control; // statement index, kind
    for (int i = 0; i < st.size(); ++i) {
        bool options = false;
        const QString kind = transactionKind(st[i].text, &options);
        if (kind.isEmpty())
            continue;
        const bool begin = kind == u"TRANS_STMT_BEGIN" || kind == u"TRANS_STMT_START";
        const bool commit = kind == u"TRANS_STMT_COMMIT";
        // the COMMIT of a BEGIN that opens the file may have statements after it (a closing
        // "SELECT 'done'"): the tool ran them after the commit, we run them inside
        const bool closesTheFirst = control.size() == 1 && control.first().first == 0;
        const bool outer = (begin && i == 0) || (commit && (i == st.size() - 1 || closesTheFirst));
        if (!outer || options) {
            *line = st[i].start.line + firstLine - 1;
            *why = options ? tr("the file's own %1 with options: convert by hand")
                                 .arg(QString::fromUtf8(st[i].text.simplified()))
                           : tr("the file's own transaction control (%1) inside it: convert by "
                                "hand")
                                 .arg(QString::fromUtf8(st[i].text.simplified()));
            return Unwrap::ByHand;
        }
        control.append({i, kind});
    }
    if (control.isEmpty())
        return Unwrap::None;
    if (control.size() != 2) {
        *line = st[control.first().first].start.line + firstLine - 1;
        *why = tr("the file's own %1 without its %2: convert by hand")
                   .arg(control.first().first == 0 ? QStringLiteral("BEGIN")
                                                   : QStringLiteral("COMMIT"),
                        control.first().first == 0 ? QStringLiteral("COMMIT")
                                                   : QStringLiteral("BEGIN"));
        return Unwrap::ByHand;
    }
    const int commit = control.last().first;
    const int beginLine = st.first().start.line + firstLine - 1;
    const int commitLine = st[commit].start.line + firstLine - 1;
    blank(bytes, st[commit].offset); // the later one first: offsets stay valid
    blank(bytes, st.first().offset);
    *sql = QString::fromUtf8(bytes);
    // file content, not a message: never translated
    *note = QStringLiteral("the file's own BEGIN (line %1) and COMMIT (line %2) blanked: the "
                           "migration runs in one transaction of its own, as before")
                .arg(beginLine)
                .arg(commitLine);
    if (commit < st.size() - 1) {
        const int from = st[commit + 1].start.line + firstLine - 1;
        const int to = st.last().start.line + firstLine - 1;
        *note += QStringLiteral("; the statements after that COMMIT (%1) now run in it too (the "
                                "tool ran them after its commit)")
                     .arg(from == to ? QStringLiteral("line %1").arg(from)
                                     : QStringLiteral("lines %1-%2").arg(from).arg(to));
    }
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
