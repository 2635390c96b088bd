#pragma once

#include "lintfinding.h"
#include "sqlparse/tableref.h"
#include "sqlparse/textposition.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// What SqlLinter's rules share while they walk one migration file: the findings so far, the
// tables the file itself created (their statements are not reported, as such a table holds no
// data from before the migration), the place that new findings point at, and the transaction
// the statements run in (the file's, unless it is -- uaip:no-transaction, or an explicit
// BEGIN's) with the constraints added NOT VALID in it.
class LintContext
{
public:
    // sql is the whole file; it must outlive the context.
    explicit LintContext(const QByteArray &sql);

    const QByteArray &sql() const { return m_sql; }
    QList<LintFinding> findings() const { return m_findings; }

    // Where findings added from now on point: a byte offset in sql and its line:column.
    int offset() const { return m_offset; }
    TextPosition position() const { return m_position; }
    void setLocation(int offset, TextPosition position);

    // relation: the table (or index) whose table the statement locks, as written.
    void add(LintFinding::Severity severity, LintFinding::Kind kind, const QString &object,
             const QString &message, const QString &relation = QString());
    // The column of the finding added last (SET NOT NULL).
    void setLastColumn(const QString &column);
    qsizetype findingCount() const { return m_findings.size(); }

    // Whether the statements run in one transaction: the whole file's (fileInTransaction), or
    // an explicit BEGIN ... COMMIT of a -- uaip:no-transaction file (inBlock).
    void setFileInTransaction(bool inTransaction) { m_fileInTransaction = inTransaction; }
    bool inTransaction() const { return m_fileInTransaction || m_inBlock; }
    bool inBlock() const { return m_inBlock; }
    // BEGIN / START TRANSACTION opens a block; COMMIT, ROLLBACK or PREPARE TRANSACTION ends it
    // (and with it what was added NOT VALID in it). Only in a file outside a transaction.
    void setInBlock(bool inBlock);
    // A constraint added NOT VALID in the current transaction, and whether one was.
    void rememberNotValid(const TableRef &table, const QString &constraint);
    bool addedNotValid(const TableRef &table, const QString &constraint) const;

    // The tables created earlier in the file, by a RangeVar or by name.
    bool isNewTable(const PgQuery__RangeVar *rangeVar) const;
    bool isNewTable(const TableRef &table) const;
    void rememberNewTable(const PgQuery__RangeVar *rangeVar);
    void rememberNewTable(const TableRef &table);
    void forgetNewTable(const TableRef &table);
    // A relation as the lock forecast writes it (ParseTreeNames::relationName): one of them.
    bool isNewTableNamed(const QString &written) const;

private:
    const QByteArray &m_sql;
    QList<LintFinding> m_findings;
    QList<TableRef> m_newTables;
    QList<std::pair<TableRef, QString>> m_notValid;
    bool m_fileInTransaction = true;
    bool m_inBlock = false;
    int m_offset = 0;
    TextPosition m_position;
};

} // namespace uaip
