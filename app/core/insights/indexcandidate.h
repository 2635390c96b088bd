#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// An index that might serve a statement: a B-tree on these columns of one table.
struct IndexCandidate
{
    qint64 tableOid = 0;
    QString schema;
    QString table;
    QStringList columns;

    bool operator==(const IndexCandidate &o) const
    {
        return tableOid == o.tableOid && columns == o.columns;
    }
    // The index's name: table_col1_col2_idx, cut to PostgreSQL's 63 bytes.
    QString indexName() const;
    // CREATE INDEX ON "schema"."table" ("col", ...) for hypopg.
    QString hypotheticalStatement() const;
    // CREATE INDEX CONCURRENTLY IF NOT EXISTS "name" ON "schema"."table" ("col", ...);
    QString statement() const;
    // DROP INDEX CONCURRENTLY IF EXISTS "schema"."name";
    QString downStatement() const;
};

} // namespace uaip
