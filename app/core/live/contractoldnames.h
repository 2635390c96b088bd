#pragma once

#include "sqlparse/sqlstatement.h"

#include <QList>
#include <QString>

namespace uaip {

// What the contract of an online change (-- uaip:contract-of) removes that the application may
// still name, read from its up.sql's typed trees: each column an ALTER TABLE ... DROP COLUMN
// drops (table.column) and each table or view a DROP TABLE / DROP VIEW drops, minus the names a
// RENAME in the same file makes again (RENAME COLUMN x TO c on that table; RENAME TO x): a type
// change's contract drops c and renames its new column to c, so c goes on being there.
class ContractOldNames
{
public:
    struct OldName
    {
        QString schema; // empty when the contract does not write one
        QString table;
        QString column; // empty: the table or view itself
        // schema.table[.column] as the contract names it
        QString text() const;
        friend bool operator==(const OldName &, const OldName &) = default;
    };

    // In the order the statements name them, each once; a statement that does not parse names
    // nothing (the plan check refused it already).
    static QList<OldName> of(const QList<SqlStatement> &statements);
};

} // namespace uaip
