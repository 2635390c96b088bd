#pragma once

#include <QString>

namespace uaip {

// One statement (or a short group of them) of a generated migration.
struct DdlStep
{
    int phase = 0; // MigrationGenerator::Phase: drops first, then creates in dependency order
    int order = 0; // within the phase and rank: the order the planner wrote them in
    QString key; // the object it changes ("column public.users.email")
    QString sql;
    // Commented out in the file: it destroys data (DROP TABLE, a narrowing type change), or
    // it undoes a step of up.sql that was held back. The reason is written above it.
    bool heldBack = false;
    QString reason;
    // Within the phase, before order: the depth in what its CREATE needs (DependencyDepth);
    // negative for a drop, so what needs an object goes before it.
    int rank = 0;
};

} // namespace uaip
