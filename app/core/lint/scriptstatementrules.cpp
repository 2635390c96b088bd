#include "scriptstatementrules.h"

#include "sqlparse/executedsql.h"
#include "sqlparse/parsetreesearch.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"

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

// The statement's node when it parses alone; null otherwise.
const PgQuery__Node *nodeOf(const PgParseTree &tree)
{
    const QList<PgStatementNode> stmts = tree.statements();
    return stmts.size() == 1 ? stmts.first().node : nullptr;
}

// Whether a DefElem of that name is anywhere under node.
bool hasOption(const PgQuery__Node *node, const char *name)
{
    return !PgTreeWalk::eachNode(&node->base, [name](const PgQuery__Node *n) {
        return !(n->node_case == PG_QUERY__NODE__NODE_DEF_ELEM
                 && qstrcmp(n->def_elem->defname, name) == 0);
    });
}

// Whether a PartitionCmd with concurrent (DETACH PARTITION ... CONCURRENTLY) is under node.
bool detachesConcurrently(const PgQuery__Node *node)
{
    return !PgTreeWalk::eachNode(&node->base, [](const PgQuery__Node *n) {
        return !(n->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
                 && n->partition_cmd->concurrent);
    });
}

QString reindex(const PgQuery__Node *node)
{
    switch (node->reindex_stmt->kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM:
        return QStringLiteral("REINDEX SYSTEM");
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE:
        return QStringLiteral("REINDEX DATABASE");
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
        return QStringLiteral("REINDEX SCHEMA");
    default:
        return hasOption(node, "concurrently") ? QStringLiteral("REINDEX CONCURRENTLY") : QString();
    }
}

// What PostgreSQL refuses inside a transaction block, as a DBA writes it; empty when allowed.
QString nonTransactional(const PgParseTree &tree)
{
    const PgQuery__Node *node = nodeOf(tree);
    if (!node)
        return {};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
        return node->vacuum_stmt->is_vacuumcmd ? QStringLiteral("VACUUM") : QString();
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        return node->index_stmt->concurrent ? QStringLiteral("CREATE INDEX CONCURRENTLY")
                                            : QString();
    case PG_QUERY__NODE__NODE_DROP_STMT:
        return node->drop_stmt->concurrent ? QStringLiteral("DROP INDEX CONCURRENTLY") : QString();
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
        return reindex(node);
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
        return QStringLiteral("CREATE DATABASE");
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
        return QStringLiteral("DROP DATABASE");
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
        return QStringLiteral("CREATE TABLESPACE");
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
        return QStringLiteral("DROP TABLESPACE");
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
        return QStringLiteral("ALTER SYSTEM");
    case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT:
        return hasOption(node, "tablespace") ? QStringLiteral("ALTER DATABASE ... SET TABLESPACE")
                                             : QString();
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
        return node->cluster_stmt->relation ? QString() : QStringLiteral("CLUSTER");
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
        return QStringLiteral("CREATE SUBSCRIPTION");
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
        return QStringLiteral("DROP SUBSCRIPTION");
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return detachesConcurrently(node) ? QStringLiteral("DETACH PARTITION CONCURRENTLY")
                                          : QString();
    default:
        return {};
    }
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
        if (ParseTreeSearch::hasStringConstant(*tree.tree, a.value))
            used << a;
    return used;
}

// The values the tree adds, if its SQL runs now.
QStringList addedBy(const ExecutedSql::Tree &tree)
{
    return tree.kind == ExecutedSql::Kind::Runs ? ParseTreeSearch::addedEnumValues(*tree.tree)
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
        return ExecutedSql::of(st);
    return {};
}

// What in the trees would release the runner's migration lock (or leaves that unknown);
// empty when nothing.
QString lockRelease(const QList<ExecutedSql::Tree> &trees)
{
    for (const ExecutedSql::Tree &tree : trees) {
        if (ParseTreeSearch::hasUnknown(*tree.tree))
            return ScriptStatementRules::tr(
                "libpg_query's parse tree of this statement holds a node this build "
                "does not know (a newer libpg_query than it was built with), so the "
                "plan check cannot tell whether it releases the migration lock: "
                "rebuild uaip-migrate with the libpg_query it runs with");
        if (tree.kind == ExecutedSql::Kind::Runs) {
            const QString function = ParseTreeSearch::unlockCall(*tree.tree);
            if (function.isEmpty())
                continue;
            return (tree.inDoBlock ? ScriptStatementRules::tr(
                        "%1() in a DO block would release the migration "
                        "lock the runner holds for the whole run (a second "
                        "runner could then apply the same migrations): "
                        "remove it")
                                   : ScriptStatementRules::tr(
                                       "%1() would release the migration lock the runner "
                                       "holds for the whole run (a second runner could "
                                       "then apply the same migrations): remove it"))
                .arg(function);
        }
        if (!ParseTreeSearch::unlockCall(*tree.tree, true).isEmpty())
            return ScriptStatementRules::tr(
                "the function this statement creates calls pg_advisory_unlock_all(), "
                "which releases every session advisory lock of whoever calls it: a "
                "migration, trigger or default calling it would release the "
                "runner's migration lock (a second runner could then apply the same "
                "migrations); release only the keys the function takes, with "
                "pg_advisory_unlock(key)");
    }
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
        const QList<ExecutedSql::Tree> trees = ExecutedSql::of(st);
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
        if (const QString command = nonTransactional(*st.tree()); !command.isEmpty())
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
            const std::shared_ptr<const PgParseTree> tree = st.tree();
            const PgQuery__Node *node = nodeOf(*tree);
            const PgQuery__CopyStmt *copy
                = node && node->node_case == PG_QUERY__NODE__NODE_COPY_STMT ? node->copy_stmt
                                                                            : nullptr;
            const bool client = copy && (!copy->filename || !*copy->filename) && !copy->is_program;
            if (client && !copy->is_from)
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
            const std::shared_ptr<const PgParseTree> tree = st.tree();
            const PgQuery__Node *node = nodeOf(*tree);
            if (node && node->node_case == PG_QUERY__NODE__NODE_DISCARD_STMT)
                problem(st,
                        tr("%1 resets the runner's session (DISCARD ALL also releases its "
                           "migration lock, so a second runner could apply the same "
                           "migrations); the runner resets the session after every "
                           "migration itself: remove it")
                            .arg(QString::fromUtf8(st.text.simplified().toUpper())));
        }
        const QList<ExecutedSql::Tree> trees
            = treesToSearch(st, word, upper, !noTransaction && !added.isEmpty());
        if (const QString release = lockRelease(trees); !release.isEmpty())
            problem(st, release);
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
        const QString command = nonTransactional(*st.tree());
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

QString ScriptStatementRules::refusedInTransaction(const SqlStatement &statement)
{
    return nonTransactional(*statement.tree());
}

bool ScriptStatementRules::concurrentIndexCommand(const QString &command)
{
    return command == QLatin1String("CREATE INDEX CONCURRENTLY")
        || command == QLatin1String("DROP INDEX CONCURRENTLY")
        || command == QLatin1String("REINDEX CONCURRENTLY");
}

} // namespace uaip
