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
    QString name; // set once it is known free (IndexAdvisor); else generatedName(0)

    bool operator==(const IndexCandidate &o) const
    {
        return tableOid == o.tableOid && columns == o.columns;
    }
    // The index's name: name, else generatedName(0).
    QString indexName() const;
    // table_col1_col2_idx, then table_col1_col2_idx1, _idx2, ...: the table and columns cut
    // (on a character) so the whole fits PostgreSQL's 63 bytes.
    QString generatedName(int suffix) const;
    // What every generatedName() starts with.
    QString generatedStem() const;
    // CREATE INDEX ON "schema"."table" ("col", ...) for hypopg.
    QString hypotheticalStatement() const;
    // CREATE INDEX CONCURRENTLY "name" ON "schema"."table" ("col", ...); never IF NOT EXISTS:
    // where an index of that name appeared since (made by hand, another definition) it fails,
    // rather than pass over that index as if it were this one (then applied, and its down.sql
    // would drop the hand-made index).
    QString statement() const;
    // DROP INDEX CONCURRENTLY IF EXISTS "schema"."name";
    QString downStatement() const;
};

} // namespace uaip
