#include "scriptstatementrules.h"

#include "parsetree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>

#include <pg_query.h>

#include <cctype>

namespace uaip {

namespace {

// The statement's first word, upper case ("CREATE", "COPY", ...).
QByteArray firstWord(const QByteArray &text)
{
    qsizetype n = 0;
    while (n < text.size() && n < 16 && std::isalpha(static_cast<unsigned char>(text.at(n))))
        ++n;
    return text.left(n).toUpper();
}

struct Parsed
{
    ParseTreeNode node; // the statement's node; empty when it does not parse alone
    QByteArray json; // the whole tree, for searches of nested nodes
};

Parsed parse(const QByteArray &statement)
{
    Parsed out;
    PgQueryParseResult parse = pg_query_parse(statement.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error || !parse.parse_tree)
        return out;
    out.json = QByteArray(parse.parse_tree);
    const QJsonArray stmts = ParseTree::read(parse.parse_tree).object().value(u"stmts").toArray();
    if (stmts.size() == 1)
        out.node = ParseTree::nodeOf(stmts.first().toObject().value(u"stmt"));
    return out;
}

// What PostgreSQL refuses inside a transaction block, as a DBA writes it; empty when allowed.
QString nonTransactional(const Parsed &p)
{
    const QString &type = p.node.type;
    const QJsonObject &f = p.node.fields;
    if (type == u"VacuumStmt" && f.value(u"is_vacuumcmd").toBool())
        return QStringLiteral("VACUUM");
    if (type == u"IndexStmt" && f.value(u"concurrent").toBool())
        return QStringLiteral("CREATE INDEX CONCURRENTLY");
    if (type == u"DropStmt" && f.value(u"concurrent").toBool())
        return QStringLiteral("DROP INDEX CONCURRENTLY");
    if (type == u"ReindexStmt") {
        const QString kind = f.value(u"kind").toString();
        if (kind == u"REINDEX_OBJECT_SYSTEM" || kind == u"REINDEX_OBJECT_DATABASE"
            || kind == u"REINDEX_OBJECT_SCHEMA")
            return QStringLiteral("REINDEX %1").arg(kind.mid(15));
        if (p.json.contains("\"defname\":\"concurrently\""))
            return QStringLiteral("REINDEX CONCURRENTLY");
    }
    if (type == u"CreatedbStmt")
        return QStringLiteral("CREATE DATABASE");
    if (type == u"DropdbStmt")
        return QStringLiteral("DROP DATABASE");
    if (type == u"CreateTableSpaceStmt")
        return QStringLiteral("CREATE TABLESPACE");
    if (type == u"DropTableSpaceStmt")
        return QStringLiteral("DROP TABLESPACE");
    if (type == u"AlterSystemStmt")
        return QStringLiteral("ALTER SYSTEM");
    if (type == u"ClusterStmt" && !f.contains(u"relation"))
        return QStringLiteral("CLUSTER");
    if (type == u"CreateSubscriptionStmt")
        return QStringLiteral("CREATE SUBSCRIPTION");
    if (type == u"DropSubscriptionStmt")
        return QStringLiteral("DROP SUBSCRIPTION");
    if (type == u"AlterTableStmt" && p.json.contains("\"PartitionCmd\"")
        && p.json.contains("\"concurrent\":true"))
        return QStringLiteral("DETACH PARTITION CONCURRENTLY");
    return {};
}

// Whether a statement's first word can start one of nonTransactional()'s statements, and its
// text holds the word that makes it one.
bool mayBeNonTransactional(const QByteArray &word, const QByteArray &upper)
{
    if (word == "VACUUM" || word == "REINDEX" || word == "CLUSTER")
        return true;
    if (word == "CREATE" || word == "DROP")
        return upper.contains("CONCURRENTLY") || upper.contains("DATABASE")
            || upper.contains("TABLESPACE") || upper.contains("SUBSCRIPTION");
    if (word == "ALTER")
        return upper.contains("SYSTEM") || upper.contains("CONCURRENTLY")
            || upper.contains("ADD VALUE") || upper.contains("ADD\n");
    return false;
}

// The unlock function a statement calls (a FuncCall named so, not a mention in a string or a
// function body); empty when none.
QString unlockCall(const Parsed &p)
{
    static const QRegularExpression call(QStringLiteral(
        "\"funcname\":\\[(?:\\{\"String\":\\{\"sval\":\"pg_catalog\"\\}\\},)?"
        "\\{\"String\":\\{\"sval\":\"(pg_advisory_unlock(?:_all|_shared)?)\"\\}\\}"));
    const QRegularExpressionMatch m = call.match(QString::fromUtf8(p.json));
    return m.hasMatch() ? m.captured(1) : QString();
}

// The quoted literal of the enum value an ALTER TYPE ... ADD VALUE adds ('new' -> "'new'");
// empty for any other statement.
QByteArray addedEnumValue(const Parsed &p)
{
    if (p.node.type != u"AlterEnumStmt" || !p.node.fields.contains(u"newVal")
        || p.node.fields.contains(u"oldVal"))
        return {};
    QByteArray literal = p.node.fields.value(u"newVal").toString().toUtf8();
    literal.replace('\'', "''");
    return '\'' + literal + '\'';
}

QString addedInSameTransaction(const QByteArray &value, const QString &where)
{
    return ScriptStatementRules::tr(
               "uses the enum value %1, which ALTER TYPE ... ADD VALUE at %2 adds in the same "
               "transaction: PostgreSQL refuses that until the transaction commits; move the "
               "use to a later migration, or mark the file -- uaip:no-transaction")
        .arg(QString::fromUtf8(value), where);
}

} // namespace

QList<ValidationProblem> ScriptStatementRules::checkTogether(
    const QList<std::pair<QString, const QList<SqlStatement> *>> &scripts)
{
    QList<ValidationProblem> out;
    QList<std::pair<QByteArray, QString>> added; // by the scripts before: value -> where
    for (const auto &[path, statements] : scripts) {
        QList<std::pair<QByteArray, QString>> mine;
        for (const SqlStatement &st : *statements) {
            for (const auto &[value, where] : std::as_const(added))
                if (st.text.contains(value))
                    out << ValidationProblem{
                        QStringLiteral("syntax"), path, st.start.line, st.start.column,
                        addedInSameTransaction(value, where)
                            + tr(" (--single-transaction runs the whole plan in one)")};
            if (firstWord(st.text) != "ALTER" || !st.text.toUpper().contains("ADD"))
                continue;
            const QByteArray value = addedEnumValue(parse(st.text));
            if (!value.isEmpty())
                mine.append({value, QStringLiteral("%1:%2").arg(path, st.start.toString())});
        }
        added += mine;
    }
    return out;
}

QList<std::pair<QString, TextPosition>>
ScriptStatementRules::outsideTransactionOnly(const QList<SqlStatement> &statements)
{
    QList<std::pair<QString, TextPosition>> out;
    QList<QByteArray> added; // enum values an earlier statement adds
    for (const SqlStatement &st : statements) {
        for (const QByteArray &value : std::as_const(added))
            if (st.text.contains(value)) {
                out.append({QStringLiteral("ALTER TYPE ... ADD VALUE %1, then its use")
                                .arg(QString::fromUtf8(value)),
                            st.start});
                break;
            }
        const QByteArray word = firstWord(st.text);
        const QByteArray upper = st.text.toUpper();
        if (!mayBeNonTransactional(word, upper))
            continue;
        const Parsed p = parse(st.text);
        if (const QByteArray value = addedEnumValue(p); !value.isEmpty()) {
            added << value;
            continue;
        }
        if (const QString command = nonTransactional(p); !command.isEmpty())
            out.append({command, st.start});
    }
    return out;
}

QList<ValidationProblem> ScriptStatementRules::check(const QString &path,
                                                     const QList<SqlStatement> &statements,
                                                     bool noTransaction)
{
    QList<ValidationProblem> out;
    auto problem = [&](const SqlStatement &st, const QString &message) {
        out << ValidationProblem{QStringLiteral("syntax"), path, st.start.line, st.start.column,
                                 message};
    };
    // enum values added in this transaction so far: value -> where
    QList<std::pair<QByteArray, QString>> added;
    for (const SqlStatement &st : statements) {
        const QByteArray word = firstWord(st.text);
        const QByteArray upper = st.text.toUpper();
        if (word == "COPY" && !st.copyData
            && (upper.contains("STDOUT") || upper.contains("STDIN"))) {
            const Parsed p = parse(st.text);
            const bool client = p.node.type == u"CopyStmt" && !p.node.fields.contains(u"filename")
                && !p.node.fields.value(u"is_program").toBool();
            if (client && !p.node.fields.value(u"is_from").toBool())
                problem(st,
                        tr("COPY ... TO STDOUT sends rows to the client, and a migration has "
                           "nowhere to put them; write them to a server file "
                           "(COPY ... TO 'file') or remove the statement"));
            else if (client)
                problem(st,
                        tr("COPY ... FROM STDIN has no inline data: its rows must follow on "
                           "the next lines, ended by a line \\. (as pg_dump and psql write "
                           "them)"));
        }
        if (word == "DISCARD") {
            const Parsed p = parse(st.text);
            if (p.node.type == u"DiscardStmt")
                problem(st,
                        tr("%1 resets the runner's session (DISCARD ALL also releases its "
                           "migration lock, so a second runner could apply the same "
                           "migrations); the runner resets the session after every "
                           "migration itself: remove it")
                            .arg(QString::fromUtf8(st.text.simplified().toUpper())));
        }
        if (upper.contains("PG_ADVISORY_UNLOCK")) {
            const QString function = unlockCall(parse(st.text));
            if (!function.isEmpty())
                problem(st,
                        tr("%1() would release the migration lock the runner holds for the "
                           "whole run (a second runner could then apply the same "
                           "migrations): remove it")
                            .arg(function));
        }
        if (noTransaction)
            continue;
        for (const auto &[value, where] : added)
            if (st.text.contains(value))
                problem(st, addedInSameTransaction(value, where));
        if (!mayBeNonTransactional(word, upper))
            continue;
        const Parsed p = parse(st.text);
        if (const QByteArray value = addedEnumValue(p); !value.isEmpty()) {
            added.append({value, st.start.toString()});
            continue;
        }
        const QString command = nonTransactional(p);
        if (!command.isEmpty())
            problem(st,
                    tr("%1 cannot run inside a transaction block, and this migration runs in "
                       "one: add -- uaip:no-transaction to the leading comments of the file "
                       "(it then runs statement by statement), or move the statement to a "
                       "migration of its own that has it")
                        .arg(command));
    }
    return out;
}

} // namespace uaip
