#pragma once

#include "adoptionrow.h"

#include "migrate/adoptitem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// How a foreign history maps onto our migration folders (AdoptionPlanner::plan): a row per
// foreign entry and the folders it covers, what refuses the plan, and what stays pending.
struct AdoptionPlan
{
    QString toolName; // TypeORM
    QString table; // public.migrations
    QList<AdoptionRow> rows;
    // A folder taken over because a row covers it without naming it (golang-migrate's one row,
    // a Flyway baseline): the folder and the row.
    QList<AdoptionRow> covered;
    QStringList problems; // each names the foreign row and what does not match
    QStringList pending; // folders no entry covers: they stay pending for `up`

    bool ok() const { return problems.isEmpty(); }
    // What MigrationRunner::adopt takes: every Adopt row's folder with the foreign row named.
    QList<AdoptItem> items() const;
    int adoptCount() const { return int(items().size()); }
};

} // namespace uaip
