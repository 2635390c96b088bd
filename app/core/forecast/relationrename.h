#pragma once

#include <QString>

namespace uaip {

// A name a statement gives a relation or a schema (ALTER TABLE ... RENAME TO, ALTER TABLE ... SET
// SCHEMA, ALTER SCHEMA ... RENAME TO), spelled as the lock forecast spells names: what a later
// statement of the plan calls the table is sized as the table it was when the plan began
// (PlanForecastReader).
struct RelationRename
{
    QString from; // a relation name as written (or a schema name, when schema)
    QString to;
    bool schema = false;
};

} // namespace uaip
