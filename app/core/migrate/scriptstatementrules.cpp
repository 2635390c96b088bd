#include "scriptstatementrules.h"

#include "executedsql.h"
#include "expressiondepth.h"
#include "parsetree.h"
#include "parsetreesearch.h"

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
    PgQueryParseResult parse = ExpressionDepth::parse(statement.constData());
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
    if (type == u"AlterDatabaseStmt" && p.json.contains("\"defname\":\"tablespace\""))
        return QStringLiteral("ALTER DATABASE ... SET TABLESPACE");
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
// text holds the keyword that makes it one (a keyword is never quoted or escaped).
bool mayBeNonTransactional(const QByteArray &word, const QByteArray &upper)
{
    if (word == "VACUUM" || word == "REINDEX" || word == "CLUSTER")
        return true;
    if (word == "CREATE" || word == "DROP")
        return upper.contains("CONCURRENTLY") || upper.contains("DATABASE")
            || upper.contains("TABLESPACE") || upper.contains("SUBSCRIPTION");
    if (word == "ALTER")
        return upper.contains("SYSTEM") || upper.contains("CONCURRENTLY")
            || upper.contains("TABLESPACE");
    return false;
}

// An enum value that ALTER TYPE ... ADD VALUE adds in the transaction, and where.
struct AddedValue
{
    QString value;
    QString where; // line:col, or file:line:col in another script
};

// The values of added that the tree uses (a string constant equal to one, however quoted), if
// its SQL runs or is analysed now.
QList<AddedValue> usedIn(const ExecutedSql::Tree &tree, const QList<AddedValue> &added)
{
    QList<AddedValue> used;
    if (tree.kind == ExecutedSql::Kind::Defined)
        return used;
    for (const AddedValue &a : added)
        if (ParseTreeSearch::hasStringConstant(tree.json, a.value))
            used << a;
    return used;
}

// The values the tree adds, if its SQL runs now.
QStringList addedBy(const ExecutedSql::Tree &tree)
{
    return tree.kind == ExecutedSql::Kind::Runs ? ParseTreeSearch::addedEnumValues(tree.json)
                                                : QStringList();
}

QString addedInSameTransaction(const QString &value, const QString &where)
{
    QString literal = value;
    literal.replace(u'\'', QLatin1String("''"));
    return ScriptStatementRules::tr(
               "uses the enum value %1, which ALTER TYPE ... ADD VALUE at %2 adds in the same "
               "transaction: PostgreSQL refuses that until the transaction commits; move the "
               "use to a later migration, or mark the file -- uaip:no-transaction")
        .arg(u'\'' + literal + u'\'', where);
}

bool isIdentifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'
        || static_cast<unsigned char>(c) >= 0x80;
}

// Whether upper holds word as a token of its own (not VALUES for VALUE).
bool hasWord(const QByteArray &upper, const QByteArray &word)
{
    for (qsizetype at = upper.indexOf(word); at >= 0; at = upper.indexOf(word, at + 1)) {
        const qsizetype end = at + word.size();
        if ((at == 0 || !isIdentifierChar(upper.at(at - 1)))
            && (end == upper.size() || !isIdentifierChar(upper.at(end))))
            return true;
    }
    return false;
}

// The trees of a statement when a rule may find something in them: an unlock call, an enum
// value added or (after one was added) used; empty otherwise, so a plan of ordinary DDL and
// DML costs a scan of its text. A keyword is written as it is; a function name too, unless
// in a Unicode escape (U&"..."); and the body of a DO block or function may spell either with
// backslash escapes (E'...').
QList<ExecutedSql::Tree> treesToSearch(const SqlStatement &st, const QByteArray &word,
                                       const QByteArray &upper, bool valuesAdded)
{
    const bool holdsBodies = word == "DO" || word == "CREATE";
    if (valuesAdded || upper.contains("UNLOCK") || hasWord(upper, "VALUE") || upper.contains("U&")
        || (holdsBodies && st.text.contains('\\')))
        return ExecutedSql::of(st.text);
    return {};
}

} // namespace

QList<ValidationProblem> ScriptStatementRules::checkTogether(
    const QList<std::pair<QString, const QList<SqlStatement> *>> &scripts)
{
    QList<ValidationProblem> out;
    QList<AddedValue> added; // by the scripts before
    for (const auto &[path, statements] : scripts) {
        QList<AddedValue> mine;
        for (const SqlStatement &st : *statements) {
            const QList<ExecutedSql::Tree> trees
                = treesToSearch(st, firstWord(st.text), st.text.toUpper(), !added.isEmpty());
            QStringList reported;
            for (const ExecutedSql::Tree &tree : trees) {
                for (const AddedValue &a : usedIn(tree, added)) {
                    if (reported.contains(a.value))
                        continue;
                    reported << a.value;
                    out << ValidationProblem{
                        QStringLiteral("syntax"), path, st.start.line, st.start.column,
                        addedInSameTransaction(a.value, a.where)
                            + tr(" (--single-transaction runs the whole plan in one)")};
                }
                for (const QString &value : addedBy(tree))
                    mine << AddedValue{value,
                                       QStringLiteral("%1:%2").arg(path, st.start.toString())};
            }
        }
        added += mine;
    }
    return out;
}

QList<std::pair<QString, TextPosition>>
ScriptStatementRules::outsideTransactionOnly(const QList<SqlStatement> &statements)
{
    QList<std::pair<QString, TextPosition>> out;
    QList<AddedValue> added; // enum values an earlier statement adds (from the parse tree)
    for (const SqlStatement &st : statements) {
        const QByteArray word = firstWord(st.text);
        const QByteArray upper = st.text.toUpper();
        const bool mayBe = mayBeNonTransactional(word, upper);
        // ALTER TYPE ... ADD VALUE, or a DO block that runs one
        const bool mayAdd = (word == "ALTER" && upper.contains("VALUE")) || word == "DO";
        if (added.isEmpty() && !mayBe && !mayAdd)
            continue;
        const QList<ExecutedSql::Tree> trees = ExecutedSql::of(st.text);
        for (const ExecutedSql::Tree &tree : trees)
            if (const QList<AddedValue> used = usedIn(tree, added); !used.isEmpty()) {
                QString literal = used.first().value;
                literal.replace(u'\'', QLatin1String("''"));
                out.append(
                    {QStringLiteral("ALTER TYPE ... ADD VALUE '%1', then its use").arg(literal),
                     st.start});
                break;
            }
        bool adds = false;
        for (const ExecutedSql::Tree &tree : trees)
            for (const QString &value : addedBy(tree)) {
                added << AddedValue{value, st.start.toString()};
                adds = true;
            }
        if (adds || !mayBe)
            continue;
        if (const QString command = nonTransactional(parse(st.text)); !command.isEmpty())
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
    QList<AddedValue> added; // enum values added in this transaction so far
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
        const QList<ExecutedSql::Tree> trees
            = treesToSearch(st, word, upper, !noTransaction && !added.isEmpty());
        for (const ExecutedSql::Tree &tree : trees) {
            if (tree.kind == ExecutedSql::Kind::Runs) {
                const QString function = ParseTreeSearch::unlockCall(tree.json);
                if (function.isEmpty())
                    continue;
                problem(st,
                        (tree.inDoBlock ? tr("%1() in a DO block would release the migration "
                                             "lock the runner holds for the whole run (a second "
                                             "runner could then apply the same migrations): "
                                             "remove it")
                                        : tr("%1() would release the migration lock the runner "
                                             "holds for the whole run (a second runner could "
                                             "then apply the same migrations): remove it"))
                            .arg(function));
                break;
            }
            if (!ParseTreeSearch::unlockCall(tree.json, true).isEmpty()) {
                problem(st,
                        tr("the function this statement creates calls pg_advisory_unlock_all(), "
                           "which releases every session advisory lock of whoever calls it: a "
                           "migration, trigger or default calling it would release the "
                           "runner's migration lock (a second runner could then apply the same "
                           "migrations); release only the keys the function takes, with "
                           "pg_advisory_unlock(key)"));
                break;
            }
        }
        if (noTransaction)
            continue;
        QStringList reported;
        for (const ExecutedSql::Tree &tree : trees) {
            for (const AddedValue &a : usedIn(tree, added)) {
                if (!reported.contains(a.value))
                    problem(st, addedInSameTransaction(a.value, a.where));
                reported << a.value;
            }
            for (const QString &value : addedBy(tree))
                added << AddedValue{value, st.start.toString()};
        }
        if (!mayBeNonTransactional(word, upper))
            continue;
        const QString command = nonTransactional(parse(st.text));
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
