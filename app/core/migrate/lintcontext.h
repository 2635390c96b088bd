#pragma once

#include "lintfinding.h"
#include "tableref.h"
#include "textposition.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// What SqlLinter's rules share while they walk one migration file: the findings so far, the
// tables the file itself created (their statements are not reported, as such a table holds no
// data from before the migration), and the place that new findings point at.
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

    void add(LintFinding::Severity severity, LintFinding::Kind kind, const QString &object,
             const QString &message);

    // The tables created earlier in the file, by a RangeVar or by name.
    bool isNewTable(const PgQuery__RangeVar *rangeVar) const;
    bool isNewTable(const TableRef &table) const;
    void rememberNewTable(const PgQuery__RangeVar *rangeVar);
    void rememberNewTable(const TableRef &table);
    void forgetNewTable(const TableRef &table);

private:
    const QByteArray &m_sql;
    QList<LintFinding> m_findings;
    QList<TableRef> m_newTables;
    int m_offset = 0;
    TextPosition m_position;
};

} // namespace uaip
