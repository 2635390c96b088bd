#include "statementlinter.h"

#include "forecast/statementlockforecast.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/plpgsqlstatements.h"

#include <QString>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

// DO blocks are linted; a DO inside a DO is as far as we follow.
constexpr int maxDoDepth = 2;

} // namespace

StatementLinter::StatementLinter(const QByteArray &sql, bool fileInTransaction, bool squawk)
    : m_context(sql)
    , m_dropRules(m_context)
    , m_alterRules(m_context)
    , m_dmlRules(m_context)
    , m_lockRules(m_context)
    , m_squawkRules(m_context)
    , m_squawk(squawk)
{
    m_context.setFileInTransaction(fileInTransaction);
}

void StatementLinter::lintStatement(const QByteArray &text, int offset, TextPosition position,
                                    int doDepth)
{
    // A statement that does not parse (or nests too deeply to) is the plan check's to report.
    const PgParseTree tree = PgParseTree::parse(text);
    if (tree.ok())
        lintTree(tree, text, offset, position, doDepth);
}

void StatementLinter::lintTree(const PgParseTree &tree, const QByteArray &text, int offset,
                               TextPosition position, int doDepth)
{
    for (const PgStatementNode &statement : tree.statements()) {
        m_context.setLocation(offset, position);
        const auto *root = reinterpret_cast<const ProtobufCMessage *>(statement.node);
        if (PgTreeWalk::hasUnknown(root)) {
            m_context.add(Severity::Warning, Kind::NotChecked, QString(),
                          tr("the statement holds a kind of node this version of the linter "
                             "does not know; review it by hand"));
            continue;
        }
        if (doDepth == 0 && m_context.inBlock())
            m_lockRules.lintInBlock(text);
        const qsizetype before = m_context.findingCount();
        lintNode(statement.node, text, doDepth);
        if (doDepth == 0 && !namesBlockingWork(before))
            lintBlockingWork(statement.node);
        if (doDepth == 0 && m_squawk)
            m_squawkRules.lint(statement.node);
    }
}

void StatementLinter::lintNode(const PgQuery__Node *node, const QByteArray &text, int doDepth)
{
    if (!node || rememberCreated(node))
        return;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_DROP_STMT:
        return m_dropRules.lintDrop(*node->drop_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return m_alterRules.lintAlterTable(*node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_RENAME_STMT:
        return m_alterRules.lintRename(*node->rename_stmt);
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
        return m_dmlRules.lintTruncate(*node->truncate_stmt);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        return m_alterRules.lintCreateIndex(*node->index_stmt);
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return m_dmlRules.lintDml(node);
    case PG_QUERY__NODE__NODE_DO_STMT:
        if (doDepth < maxDoDepth)
            lintDo(*node->do_stmt, text, doDepth);
        return;
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
        return m_dropRules.lintDropDatabase(*node->dropdb_stmt);
    case PG_QUERY__NODE__NODE_DROP_OWNED_STMT:
        return m_dropRules.lintDropOwned(*node->drop_owned_stmt);
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:
        return m_dropRules.lintDropRole(*node->drop_role_stmt);
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
        return m_dropRules.lintDropTablespace(*node->drop_table_space_stmt);
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
        return m_dropRules.lintDropSubscription(*node->drop_subscription_stmt);
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
        return lintSet(*node->variable_set_stmt);
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
        return m_lockRules.lintReindex(*node->reindex_stmt);
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
        return m_lockRules.lintVacuum(*node->vacuum_stmt);
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
        return m_lockRules.lintCluster(*node->cluster_stmt);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
        return m_lockRules.lintCreateDomain(*node->create_domain_stmt);
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
        return m_lockRules.lintAlterDomain(*node->alter_domain_stmt);
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
        return m_lockRules.lintTransaction(*node->transaction_stmt);
    default:
        return;
    }
}

bool StatementLinter::namesBlockingWork(qsizetype from) const
{
    // the kinds whose finding says the statement scans or rewrites a table under its lock
    static const QList<Kind> blockingKinds{
        Kind::DeleteWithoutWhere,
        Kind::UpdateWithoutWhere,
        Kind::AlterColumnType,
        Kind::SetNotNull,
        Kind::AddNotNullWithoutDefault,
        Kind::AddConstraintWithoutNotValid,
        Kind::CreateIndexWithoutConcurrently,
        Kind::AddColumnRewritesTable,
        Kind::ValidateInSameTransaction,
        Kind::ReindexWithoutConcurrently,
        Kind::CreateDomainWithConstraint,
        Kind::AlterDomainAddConstraint,
        Kind::VacuumFull,
        Kind::Cluster,
        Kind::RewritesTable,
        Kind::AddExclusionConstraint,
    };
    const QList<LintFinding> findings = m_context.findings();
    for (qsizetype i = from; i < findings.size(); ++i)
        if (blockingKinds.contains(findings.at(i).kind))
            return true;
    return false;
}

void StatementLinter::lintBlockingWork(const PgQuery__Node *node)
{
    const LockForecast forecast = StatementLockForecast::of(node);
    // a statement on a table the file creates (its foreign key's referenced table locked too) is
    // left alone, as the rules leave it
    for (const RelationLock &lock : forecast.locks)
        if (!lock.relation.isEmpty() && m_context.isNewTableNamed(lock.relation))
            return;
    for (const RelationLock &lock : forecast.locks) {
        const bool blocks = blocksWrites(lock.mode) || blocksReads(lock.mode);
        const bool works = lock.rewrites || lock.maybeRewrites || lock.scans;
        if (!blocks || !works || lock.relation.isEmpty())
            continue;
        const bool reads = blocksReads(lock.mode);
        const QString mode = lockModeName(lock.mode);
        QString message = lock.rewrites
            ? (reads ? tr("the statement rewrites %1 under %2, which blocks reads and writes "
                          "while it runs; uaip-migrate up refuses it on a table over "
                          "--max-blocking-rows")
                     : tr("the statement rewrites %1 under %2, which blocks writes while it runs; "
                          "uaip-migrate up refuses it on a table over --max-blocking-rows"))
            : (reads ? tr("the statement scans %1 under %2, which blocks reads and writes while "
                          "it runs; uaip-migrate up refuses it on a table over "
                          "--max-blocking-rows")
                     : tr("the statement scans %1 under %2, which blocks writes while it runs; "
                          "uaip-migrate up refuses it on a table over --max-blocking-rows"));
        message = message.arg(lock.relation, mode);
        if (!lock.onlineForm.isEmpty())
            message += u' ' + tr("(instead: %1)").arg(lock.onlineForm);
        m_context.add(Severity::Danger, Kind::BlocksWhileWorking, lock.relation, message,
                      lock.relation);
        return;
    }
}

void StatementLinter::lintSet(const PgQuery__VariableSetStmt &set)
{
    const QString name = QString::fromUtf8(set.name).toLower();
    if (name == u"lock_timeout")
        m_context.add(Severity::Warning, Kind::SetsLockTimeout, name,
                      tr("the migration sets its own lock_timeout: its lock waits are then no "
                         "longer short attempts that let the platform's queries through "
                         "(--lock-attempt); give its budget with -- uaip:lock-timeout instead"));
    else if (name == u"statement_timeout")
        m_context.add(Severity::Warning, Kind::SetsLockTimeout, name,
                      tr("the migration sets its own statement_timeout, which also bounds the "
                         "runner's lock attempts and pauses"));
}

bool StatementLinter::rememberCreated(const PgQuery__Node *node)
{
    if (node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
        if (!node->create_stmt->if_not_exists)
            m_context.rememberNewTable(node->create_stmt->relation);
        return true;
    }
    if (node->node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT) {
        const PgQuery__CreateTableAsStmt *create = node->create_table_as_stmt;
        if (create->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && !create->if_not_exists
            && create->into)
            m_context.rememberNewTable(create->into->rel);
        return true;
    }
    return false;
}

// Lints the SQL statements of a PL/pgSQL DO block, each at its own line when the block is a
// statement of the file itself.
void StatementLinter::lintDo(const PgQuery__DoStmt &doStmt, const QByteArray &text, int doDepth)
{
    QString language = QStringLiteral("plpgsql");
    int bodyLocation = -1;
    for (size_t i = 0; i < doStmt.n_args; ++i) {
        const PgQuery__Node *node = doStmt.args[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const PgQuery__DefElem *arg = node->def_elem;
        const QString name = QString::fromUtf8(arg->defname);
        if (name == u"language" && arg->arg && arg->arg->node_case == PG_QUERY__NODE__NODE_STRING)
            language = QString::fromUtf8(arg->arg->string->sval);
        else if (name == u"as")
            bodyLocation = arg->location;
    }
    if (language.compare(u"plpgsql", Qt::CaseInsensitive) != 0)
        return;

    const QList<PlpgsqlStatement> statements = PlpgsqlStatements::of(text);
    const int blockOffset = m_context.offset();
    const TextPosition blockPosition = m_context.position();
    const int bodyStart = doDepth == 0 ? PlpgsqlStatements::bodyStartIn(text, bodyLocation) : -1;
    for (const PlpgsqlStatement &statement : statements) {
        int offset = blockOffset;
        TextPosition position = blockPosition;
        if (bodyStart >= 0) {
            const int inText = PlpgsqlStatements::lineStartIn(text, bodyStart, statement.line);
            offset = blockOffset + inText;
            position
                = TextPosition::fromOffset(m_context.sql(), offset, blockOffset, blockPosition);
        }
        lintStatement(statement.query.toUtf8(), offset, position, doDepth + 1);
    }
    m_context.setLocation(blockOffset, blockPosition);
}

} // namespace uaip
