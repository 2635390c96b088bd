#pragma once

#include <QString>

namespace uaip {

// What a statement does to a CHECK (column IS NOT NULL) constraint of its table, by the
// constraint's name (AlterTableLockForecast): PlanForecastReader follows them through the plan in
// order, so a SET NOT NULL after the constraint is validated, earlier in the same plan, is known
// not to scan (PostgreSQL skips the scan when a valid CHECK proves the column has no NULL).
struct NotNullCheckChange
{
    enum class Kind {
        Added, // ADD CONSTRAINT name CHECK (column IS NOT NULL): validated as it is added
        AddedNotValid, // the same with NOT VALID
        Validated, // VALIDATE CONSTRAINT name (column empty)
        Dropped, // DROP CONSTRAINT name (column empty)
    };
    Kind kind = Kind::Added;
    QString constraint; // as the catalog spells it (unquoted)
    QString column; // unquoted; empty for Validated and Dropped
};

} // namespace uaip
