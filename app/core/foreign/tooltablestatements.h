#pragma once

#include <QList>
#include <QString>

namespace uaip {

// The statements of a migration file that change the migration tool's own history table (a
// golang-migrate project that adds a column to schema_migrations, then drops it): read from
// PostgreSQL's parse tree, every table a statement names (RangeVar) and every table a DROP
// names, compared by name (any schema) with the tool's table. Our ledger is kept elsewhere, so
// such a statement fails on a database without that table: the import lists it to convert by
// hand.
class ToolTableStatements
{
public:
    struct Hit
    {
        int line = 0; // the statement's first line in the file
        QString statement; // one line, as written, cut at 80 characters
    };
    // The statements of sql (whose first line is the file's line firstLine) that name table.
    static QList<Hit> find(const QString &sql, int firstLine, const QString &table);
};

} // namespace uaip
