#include "onlineformwriter.h"

#include "forecast/relationlock.h"
#include "forecast/relationsizes.h"
#include "forecast/statementlockforecast.h"
#include "live/blockingworkgate.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"

#include <QCryptographicHash>
#include <QLocale>

#include <utility>

namespace uaip {

namespace {

// Each statement of a step's SQL: its node and its text (without the ';').
QList<std::pair<const PgQuery__Node *, QByteArray>> statementsOf(const PgParseTree &tree,
                                                                 const QByteArray &text)
{
    QList<std::pair<const PgQuery__Node *, QByteArray>> out;
    for (const PgStatementNode &s : tree.statements())
        out.append(
            {s.node,
             (s.length > 0 ? text.mid(s.location, s.length) : text.mid(s.location)).trimmed()});
    return out;
}

QByteArray withSemicolon(QByteArray sql)
{
    sql = sql.trimmed();
    if (!sql.endsWith(';'))
        sql += ';';
    return sql;
}

// The statement's relation as written, with ONLY where the statement has it.
QString relationText(const PgQuery__RangeVar *relation)
{
    const QString name = ParseTreeNames::relationName(relation);
    return relation && !relation->inh ? QStringLiteral("ONLY ") + name : name;
}

QString quotedList(PgQuery__Node *const *nodes, size_t count)
{
    QStringList out;
    for (const QString &name : ParseTreeNames::stringValues(nodes, count))
        out << ParseTreeNames::quoteIdentifier(name);
    return out.join(QStringLiteral(", "));
}

const PgQuery__AlterTableCmd *onlyCommand(const PgQuery__AlterTableStmt &alter)
{
    if (alter.n_cmds != 1 || !alter.cmds[0]
        || alter.cmds[0]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
        return nullptr;
    return alter.cmds[0]->alter_table_cmd;
}

PgQuery__Constraint *constraintOf(const PgQuery__AlterTableCmd &cmd)
{
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd.def
        || cmd.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return nullptr;
    return cmd.def->constraint;
}

// The statement's text without its ';'.
QString withoutSemicolon(const QByteArray &statement)
{
    QByteArray text = statement.trimmed();
    while (text.endsWith(';'))
        text.chop(1);
    return QString::fromUtf8(text.trimmed());
}

// ADD CONSTRAINT ... NOT VALID (NOT VALID is a constraint attribute, written after the others
// pg_get_constraintdef gives), then VALIDATE CONSTRAINT with the name quoted here.
QString notValidThenValidate(const QByteArray &statement, const PgQuery__AlterTableStmt &alter,
                             const PgQuery__Constraint &constraint)
{
    return withoutSemicolon(statement) + QStringLiteral(" NOT VALID;\n")
        + QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;")
              .arg(relationText(alter.relation),
                   ParseTreeNames::quoteIdentifier(constraint.conname));
}

// CREATE UNIQUE INDEX CONCURRENTLY named as the constraint, then ADD CONSTRAINT ... UNIQUE USING
// INDEX with the constraint's timing; every name quoted here.
QString uniqueUsingIndex(const PgQuery__AlterTableStmt &alter,
                         const PgQuery__Constraint &constraint)
{
    const QString name = ParseTreeNames::quoteIdentifier(constraint.conname);
    const QString table = relationText(alter.relation);
    QString index = QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY %1 ON %2 (%3)")
                        .arg(name, table, quotedList(constraint.keys, constraint.n_keys));
    if (constraint.n_including > 0)
        index += QStringLiteral(" INCLUDE (%1)")
                     .arg(quotedList(constraint.including, constraint.n_including));
    if (constraint.nulls_not_distinct)
        index += QStringLiteral(" NULLS NOT DISTINCT");
    QString add
        = QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 UNIQUE USING INDEX %2").arg(table, name);
    if (constraint.deferrable)
        add += QStringLiteral(" DEFERRABLE");
    if (constraint.initdeferred)
        add += QStringLiteral(" INITIALLY DEFERRED");
    return index + QStringLiteral(";\n") + add + u';';
}

// ADD CHECK (column IS NOT NULL) NOT VALID, VALIDATE it, SET NOT NULL, DROP the CHECK. The
// CHECK's name starts with the column's, so a failed VALIDATE names it; one left by a failed
// run is dropped first, so the file runs again from its start.
QString notNullThroughCheck(const PgQuery__AlterTableStmt &alter, const PgQuery__AlterTableCmd &cmd)
{
    const QString table = relationText(alter.relation);
    const QString columnName = QString::fromUtf8(cmd.name);
    const QString column = ParseTreeNames::quoteIdentifier(columnName);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash((table + u'.' + column).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(8));
    QString prefix = columnName;
    while (prefix.toUtf8().size() > 40)
        prefix.chop(1);
    const QString check
        = ParseTreeNames::quoteIdentifier(prefix + QStringLiteral("_not_null_") + hash);
    return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2;\n"
                          "ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;\n"
                          "ALTER TABLE %1 VALIDATE CONSTRAINT %2;\n"
                          "ALTER TABLE %1 ALTER COLUMN %3 SET NOT NULL;\n"
                          "ALTER TABLE %1 DROP CONSTRAINT %2;")
        .arg(table, check, column);
}

// The name an online statement gives the object it makes or names (an index, a constraint, a
// column for SET NOT NULL); empty for any other statement.
QString objectName(const PgQuery__Node &node)
{
    if (node.node_case == PG_QUERY__NODE__NODE_INDEX_STMT)
        return QString::fromUtf8(node.index_stmt->idxname);
    if (node.node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
        return {};
    const PgQuery__AlterTableCmd *cmd = onlyCommand(*node.alter_table_stmt);
    if (!cmd)
        return {};
    if (const PgQuery__Constraint *c = constraintOf(*cmd))
        return QString::fromUtf8(c->conname);
    return QString::fromUtf8(cmd->name);
}

QString relationOf(const PgQuery__Node &node)
{
    if (node.node_case == PG_QUERY__NODE__NODE_INDEX_STMT)
        return ParseTreeNames::relationName(node.index_stmt->relation);
    if (node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
        return ParseTreeNames::relationName(node.alter_table_stmt->relation);
    return {};
}

// What the online text runs, read back from its own tree: only CREATE INDEX CONCURRENTLY and
// one-subcommand ALTER TABLEs of the original statement's relation, naming its object (SET NOT
// NULL's own CHECK aside), so no name can have made it run anything else.
bool writtenAsMeant(const QString &online, const PgQuery__Node &original)
{
    const PgParseTree tree = PgParseTree::parse(online.toUtf8());
    if (!tree.ok() || tree.statements().isEmpty())
        return false;
    const QString relation = relationOf(original);
    const QString name = objectName(original);
    const bool setNotNull = original.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        && onlyCommand(*original.alter_table_stmt)->subtype
            == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull;
    for (const PgStatementNode &s : tree.statements()) {
        const PgQuery__Node &node = *s.node;
        const bool index
            = node.node_case == PG_QUERY__NODE__NODE_INDEX_STMT && node.index_stmt->concurrent;
        const bool alter = node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
            && onlyCommand(*node.alter_table_stmt);
        if ((!index && !alter) || relationOf(node) != relation)
            return false;
        const bool itsColumn = alter
            && onlyCommand(*node.alter_table_stmt)->subtype
                == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull;
        if ((!setNotNull || itsColumn) && objectName(node) != name)
            return false;
    }
    return true;
}

// The (relation, column) pairs the scripts' statements SET NOT NULL.
PlanForecastReader::ColumnPairs notNullPairs(const QList<GeneratedScript *> &scripts)
{
    PlanForecastReader::ColumnPairs pairs;
    for (const GeneratedScript *script : scripts)
        for (const DdlStep &step : script->steps) {
            const PgParseTree tree = PgParseTree::parse(step.sql.toUtf8());
            for (const PgStatementNode &s : tree.statements())
                for (const RelationLock &lock : StatementLockForecast::of(s.node).locks)
                    for (const QString &column : lock.notNullColumns)
                        pairs.insert({lock.relation, column});
        }
    return pairs;
}

} // namespace

OnlineFormWriter::OnlineFormWriter(QHash<QString, RelationSize> sizes, qint64 maxRows,
                                   PlanForecastReader::ColumnPairs scalar)
    : m_sizes(std::move(sizes))
    , m_maxRows(maxRows)
    , m_scalar(std::move(scalar))
{ }

Result<int> OnlineFormWriter::rewriteOnLive(PgConnection &target, qint64 maxRows,
                                            const QList<GeneratedScript *> &scripts)
{
    const QStringList names = relationsToSize(scripts);
    if (maxRows < 0 || names.isEmpty())
        return 0;
    const Result<QList<RelationSize>> sizes = RelationSizes::read(target, names);
    if (!sizes)
        return sizes.error();
    QHash<QString, RelationSize> byName;
    for (const RelationSize &size : sizes.value())
        byName.insert(size.name, size);
    const Result<PlanForecastReader::ColumnPairs> scalar
        = PlanForecastReader::scalarColumns(target, notNullPairs(scripts));
    if (!scalar)
        return scalar.error();
    const OnlineFormWriter writer(byName, maxRows, scalar.value());
    int rewritten = 0;
    for (GeneratedScript *script : scripts)
        rewritten += writer.rewrite(*script);
    return rewritten;
}

QStringList OnlineFormWriter::relationsToSize(const QList<GeneratedScript *> &scripts)
{
    QStringList names;
    for (const GeneratedScript *script : scripts)
        for (const DdlStep &step : script->steps) {
            if (step.heldBack)
                continue;
            const PgParseTree tree = PgParseTree::parse(step.sql.toUtf8());
            for (const PgStatementNode &s : tree.statements())
                for (const RelationLock &lock : StatementLockForecast::of(s.node).locks)
                    if (BlockingWorkGate::blocksWhileWorking(lock) && !lock.relation.isEmpty()
                        && !names.contains(lock.relation))
                        names << lock.relation;
        }
    return names;
}

const RelationSize *OnlineFormWriter::blockedBigTable(const QList<RelationLock> &locks,
                                                      const QSet<QString> &created,
                                                      QString *onlineHint) const
{
    for (const RelationLock &lock : locks) {
        const auto size = m_sizes.constFind(lock.relation);
        if (!BlockingWorkGate::blocksWhileWorking(lock) || created.contains(lock.relation)
            || size == m_sizes.constEnd() || !BlockingWorkGate::isBig(*size, m_maxRows))
            continue;
        *onlineHint = lock.onlineForm;
        return &*size;
    }
    return nullptr;
}

Result<QString> OnlineFormWriter::onlineForm(const QByteArray &statement,
                                             const RelationSize &size) const
{
    const PgParseTree tree = PgParseTree::parse(statement);
    if (!tree.ok() || tree.statements().size() != 1)
        return QString();
    const PgQuery__Node &node = *tree.statements().first().node;
    QString online;
    if (node.node_case == PG_QUERY__NODE__NODE_INDEX_STMT && !node.index_stmt->concurrent) {
        if (size.partitioned)
            return Error(ErrorCode::Refused,
                         tr("a partitioned table's index cannot be built CONCURRENTLY: build it "
                            "on each partition CONCURRENTLY, then attach them to an index created "
                            "ON ONLY the table"),
                         {{QStringLiteral("table"), size.resolved}});
        online = OnlineFormWriter::concurrentIndex(statement);
    } else if (node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
        const PgQuery__AlterTableStmt &alter = *node.alter_table_stmt;
        const PgQuery__AlterTableCmd *cmd = onlyCommand(alter);
        const PgQuery__Constraint *constraint = cmd ? constraintOf(*cmd) : nullptr;
        const bool named = constraint && constraint->conname && *constraint->conname;
        if (cmd && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) {
            if (!m_scalar.contains(
                    {ParseTreeNames::relationName(alter.relation), QString::fromUtf8(cmd->name)}))
                return Error(ErrorCode::Refused,
                             tr("%1 is of a composite type or a domain: a CHECK (%1 IS NOT NULL) "
                                "tests each of its fields, so no CHECK spares SET NOT NULL its "
                                "scan")
                                 .arg(ParseTreeNames::quoteIdentifier(cmd->name)),
                             {{QStringLiteral("table"), size.resolved},
                              {QStringLiteral("column"), QString::fromUtf8(cmd->name)}});
            online = notNullThroughCheck(alter, *cmd);
        } else if (named && !constraint->skip_validation
                   && (constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK
                       || (constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN
                           && !size.partitioned)))
            online = notValidThenValidate(statement, alter, *constraint);
        else if (named && constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE
                 && !(constraint->indexname && *constraint->indexname) && !size.partitioned
                 && constraint->n_options == 0
                 && !(constraint->indexspace && *constraint->indexspace))
            online = uniqueUsingIndex(alter, *constraint);
    }
    return online.isEmpty() || !writtenAsMeant(online, node) ? QString() : online;
}

QString OnlineFormWriter::rewriteStep(const DdlStep &step, const QSet<QString> &created,
                                      GeneratedScript &script, int *rewritten) const
{
    const QByteArray text = step.sql.toUtf8();
    const PgParseTree tree = PgParseTree::parse(text);
    if (!tree.ok())
        return step.sql;
    QStringList out;
    bool changed = false;
    for (const auto &[node, statement] : statementsOf(tree, text)) {
        QString hint;
        const RelationSize *big
            = blockedBigTable(StatementLockForecast::of(node).locks, created, &hint);
        QString why;
        QString online;
        if (big && script.createsFunctions())
            why = tr("the file creates functions, whose bodies are checked with "
                     "check_function_bodies off only in its transaction: write the online form "
                     "in a migration of its own");
        else if (big) {
            const Result<QString> form = onlineForm(statement, *big);
            online = form ? *form : QString();
            why = form ? QString() : form.error().text();
        }
        out << (online.isEmpty() ? QString::fromUtf8(withSemicolon(statement)) : online);
        if (!big)
            continue;
        const QString rows = QLocale().toString(big->rows);
        if (online.isEmpty()) {
            script.notes << GeneratorNote{
                GeneratorNote::Kind::Blocking, step.key,
                tr("%1 blocks %2 (%3 rows) while it scans or rewrites it and is left as it is; "
                   "uaip-migrate up refuses it there unless the file says -- uaip:allow-blocking "
                   "<reason>. Instead: %4")
                    .arg(step.key, big->resolved, rows,
                         why.isEmpty() ? (hint.isEmpty() ? tr("run it in a quiet hour") : hint)
                                       : why)};
            continue;
        }
        changed = true;
        ++*rewritten;
        script.notes << GeneratorNote{
            GeneratorNote::Kind::Online, step.key,
            tr("%1: %2 has %3 rows, so this is written in its online form, which does not "
               "block its reads and writes while it scans; the file runs without a transaction, "
               "each statement on its own")
                .arg(step.key, big->resolved, rows)};
    }
    return changed ? out.join(u'\n') : step.sql;
}

int OnlineFormWriter::rewrite(GeneratedScript &script) const
{
    if (m_maxRows < 0)
        return 0;
    // the tables this script creates: new (and empty) wherever it runs
    QSet<QString> created;
    for (const DdlStep &step : std::as_const(script.steps)) {
        const PgParseTree tree = PgParseTree::parse(step.sql.toUtf8());
        for (const PgStatementNode &s : tree.statements())
            if (s.node && s.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT)
                created.insert(ParseTreeNames::relationName(s.node->create_stmt->relation));
    }
    int rewritten = 0;
    for (DdlStep &step : script.steps)
        if (!step.heldBack)
            step.sql = rewriteStep(step, created, script, &rewritten);
    if (rewritten > 0)
        script.noTransaction = true;
    return rewritten;
}

QString OnlineFormWriter::concurrentIndex(const QByteArray &indexDefinition)
{
    const QString text = withoutSemicolon(indexDefinition);
    for (const QString &head :
         {QStringLiteral("CREATE INDEX "), QStringLiteral("CREATE UNIQUE INDEX ")})
        if (text.startsWith(head))
            return head + QStringLiteral("CONCURRENTLY ") + text.mid(head.size()) + u';';
    return {};
}

} // namespace uaip
