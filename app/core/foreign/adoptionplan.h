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

    // The tool orders what it applied by version (dbmate, golang-migrate, diesel), not by its
    // rows (Flyway's installed_rank, TypeORM's id, Prisma's finished_at, ...).
    bool orderedByVersion = false;

    bool ok() const { return problems.isEmpty(); }
    // Every row and covered folder in the order the tool applied them (as items() below): what
    // adopt lists, so that golang-migrate's one row comes after the folders it covers.
    QList<const AdoptionRow *> ordered() const;
    // What MigrationRunner::adopt takes: every Adopt row's folder with the foreign row named,
    // in the order the tool applied them (by version, or by its rows with the folders a row
    // covers just before it), so that the ledger's order, and the next rollback, are the
    // tool's: the last one the tool applied is rolled back first.
    QList<AdoptItem> items() const;
    int adoptCount() const { return int(items().size()); }
};

} // namespace uaip
