#pragma once

#include <QString>
#include <QStringList>

struct PgQuery__AlterTableCmd; // pg_query/pg_query.pb-c.h, kept out of this header

namespace uaip {

// One ALTER TABLE ... ALTER COLUMN ... TYPE as its parse tree writes it (AlterTableLockForecast):
// what PlanForecastReader asks the live catalog about (TypeChangeRewrites), since whether
// PostgreSQL rewrites the table depends on the column's type now (varchar(20) to varchar(50) or
// to text is a catalog change, int to bigint a rewrite).
struct ColumnTypeChange
{
    QString column; // unquoted, as the catalog spells it
    // The new type's name, each part quoted, qualified as written, "[]" per array bound: what
    // to_regtype resolves with the session's search_path.
    QString typeName;
    QStringList typmods; // the type's modifiers, each a constant: varchar(50) {"50"}
    // No USING (or USING the column itself, which is the same), a type named (not %TYPE) and
    // every modifier a constant: only such a change can be decided from the catalog.
    bool plain = false;

    // The change of an AT_AlterColumnType subcommand.
    static ColumnTypeChange of(const PgQuery__AlterTableCmd &cmd);
    // typmods as a text array literal ("{12,2}", "{}" for none).
    QString typmodsLiteral() const;
};

} // namespace uaip
