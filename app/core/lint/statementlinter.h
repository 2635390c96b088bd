#pragma once

#include "alterrules.h"
#include "dmlrules.h"
#include "droprules.h"
#include "lintcontext.h"
#include "lintfinding.h"
#include "lockrules.h"
#include "sqlparse/textposition.h"
#include "squawkrules.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

class PgParseTree;

// SqlLinter's walk over one migration file: parses each statement (and the SQL statements of
// PL/pgSQL DO blocks) into libpg_query's typed tree (PgParseTree), keeps track of the tables
// the file creates, and hands every statement to the rules for its family (DropRules,
// AlterRules, DmlRules, LockRules). A statement with a node kind this build's libpg_query does not
// know is reported as not checked, never passed as safe.
class StatementLinter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementLinter)

public:
    // sql is the whole file; it must outlive the linter.
    // fileInTransaction: the file runs in one transaction (it is not -- uaip:no-transaction).
    // squawk: also squawk's rules (SquawkRules) on the file's own statements.
    explicit StatementLinter(const QByteArray &sql, bool fileInTransaction = true,
                             bool squawk = false);
    Q_DISABLE_COPY_MOVE(StatementLinter)

    QList<LintFinding> findings() const { return m_context.findings(); }

    // text is a statement at offset/position of the file (doDepth 0), or a statement inside
    // a DO block reported at offset/position.
    void lintStatement(const QByteArray &text, int offset, TextPosition position, int doDepth);
    // The same for text's parse tree.
    void lintTree(const PgParseTree &tree, const QByteArray &text, int offset,
                  TextPosition position, int doDepth);

private:
    void lintNode(const PgQuery__Node *node, const QByteArray &text, int doDepth);
    // A statement that only records the table it creates; false for any other.
    bool rememberCreated(const PgQuery__Node *node);
    // SET lock_timeout / statement_timeout: the runner's attempts no longer bound its waits.
    void lintSet(const PgQuery__VariableSetStmt &set);
    void lintDo(const PgQuery__DoStmt &doStmt, const QByteArray &text, int doDepth);
    // A statement of the file that the lock forecast (StatementLockForecast, as uaip-migrate up
    // reads it before refusing blocking work) says scans or rewrites an existing table under a
    // lock that blocks writes or reads, and that no rule reported: a finding all the same.
    void lintBlockingWork(const PgQuery__Node *node);
    // Whether a finding added since the first from names the statement's scan or rewrite.
    bool namesBlockingWork(qsizetype from) const;

    LintContext m_context;
    DropRules m_dropRules;
    AlterRules m_alterRules;
    DmlRules m_dmlRules;
    LockRules m_lockRules;
    SquawkRules m_squawkRules;
    bool m_squawk = false;
};

} // namespace uaip
