// AdoptionPlanner, continued: Flyway's repeatable migrations.
#include "adoptionplanner.h"
#include "adoptionplannerrun.h"
#include "foreignchecksum.h"
#include "importheader.h"

#include <QHash>

#include <algorithm>

namespace uaip {

using Action = AdoptionRow::Action;

void AdoptionPlanner::matchRepeatables(Run &run)
{
    const ForeignTool &tool = run.ledger.tool;
    // the folders made of each repeatable file, in version order
    QHash<QString, QList<const MigrationStatus *>> folders;
    for (const MigrationStatus &s : run.statuses) {
        QByteArray body;
        const ImportHeader h
            = s.migration ? ImportHeader::parse(s.migration->upSql, &body) : ImportHeader();
        if (h.toolName == tool.displayName && h.file.startsWith(QLatin1String("R__")))
            folders[h.file] << &s;
    }
    QHash<QString, QList<int>> rowsOf; // file -> its rows, in the order Flyway ran them
    for (const int index : std::as_const(run.repeatables))
        rowsOf[run.plan.rows[index].entry.foreignName] << index;
    for (auto it = rowsOf.cbegin(); it != rowsOf.cend(); ++it)
        matchFile(run, it.value(), folders.value(it.key()));
    // A changed file's folder stays pending; one after it taken over makes it out of order,
    // which is Flyway's order for a repeatable (after the versioned migrations)
    for (const auto &[index, folder] : std::as_const(run.changedRepeatables)) {
        bool later = false;
        for (const MigrationStatus &s : run.statuses)
            later = later
                || (s.migration && s.migration->version > folder->migration->version
                    && (run.claimed.contains(s.id()) || s.state != MigrationState::Pending));
        run.plan.rows[index].note += later
            ? tr(": %1 stays pending, and `up --allow-out-of-order` runs it again after "
                 "the others, as %2 would")
                  .arg(folder->id(), tool.displayName)
            : tr(": %1 stays pending, and `up` runs it again, as %2 would")
                  .arg(folder->id(), tool.displayName);
    }
}

void AdoptionPlanner::matchFile(Run &run, const QList<int> &rows,
                                const QList<const MigrationStatus *> &folders)
{
    AdoptionPlan &plan = run.plan;
    const ForeignTool &tool = run.ledger.tool;
    if (folders.isEmpty()) {
        for (const int r : rows) {
            AdoptionRow &row = plan.rows[r];
            row.action = Action::Refuse;
            row.note = tr("no folder was imported from %1 (import-migrations --from flyway makes "
                          "one of each repeatable file)")
                           .arg(row.entry.foreignName);
            plan.problems << tr("%1: %2").arg(where(row.entry), row.note);
        }
        return;
    }
    // Each row adopts the latest folder holding the text it ran (checksum), not yet taken.
    QList<int> claimedBy(folders.size(), -1);
    for (qsizetype k = rows.size() - 1; k >= 0; --k) {
        AdoptionRow &row = plan.rows[rows[k]];
        for (qsizetype f = folders.size() - 1; f >= 0; --f) {
            if (claimedBy[f] >= 0
                || !ForeignChecksum::folderMatches(tool.checksum, folders[f]->migration->upSql,
                                                   row.entry.checksum))
                continue;
            claimedBy[f] = rows[k];
            break;
        }
    }
    AdoptionRow &latest = plan.rows[rows.last()];
    if (!claimedBy.contains(rows.last())) {
        const MigrationStatus &last = *folders.last();
        const QString changed
            = tr("%1 changed since %2 last ran it (checksum %3; %4/up.sql has %5)")
                  .arg(latest.entry.foreignName, tool.displayName,
                       latest.entry.checksum.isEmpty() ? tr("none") : latest.entry.checksum,
                       last.id(), ForeignChecksum::ofFolder(tool.checksum, last.migration->upSql));
        if (claimedBy.last() < 0
            && run.accepts({latest.entry.foreignName, last.id(), last.migration->version.text()})) {
            claimedBy.last() = rows.last();
            latest.note = changed + u' '
                + tr("(taken over with --accept-checksum %1)").arg(last.migration->version.text());
        } else {
            latest.note = changed;
            run.changedRepeatables.append({rows.last(), &last});
        }
    }
    const qsizetype highest = [&] {
        for (qsizetype f = folders.size() - 1; f >= 0; --f)
            if (claimedBy[f] >= 0)
                return f;
        return qsizetype(-1);
    }();
    for (qsizetype f = 0; f <= highest; ++f)
        takeRepeatable(run, *folders[f], claimedBy[f], claimedBy[highest]);
    for (const int r : rows) {
        AdoptionRow &row = plan.rows[r];
        if (claimedBy.contains(r) || !row.note.isEmpty())
            continue;
        // the same text as a row that took a folder over: run again with it
        const auto same = std::find_if(claimedBy.cbegin(), claimedBy.cend(), [&](int c) {
            return c >= 0 && plan.rows[c].entry.checksum == row.entry.checksum;
        });
        row.note = same != claimedBy.cend()
            ? tr("the same text as %1, which ran it again").arg(plan.rows[*same].entry.ref)
            : tr("an earlier text of %1, run again later").arg(row.entry.foreignName);
    }
}

void AdoptionPlanner::takeRepeatable(Run &run, const MigrationStatus &folder, int row, int later)
{
    AdoptionPlan &plan = run.plan;
    AdoptionRow out;
    out.entry = plan.rows[row >= 0 ? row : later].entry;
    out.folder = folder.id();
    out.version = folder.migration->version.text();
    out.action = folder.state == MigrationState::Pending ? Action::Adopt : Action::Applied;
    run.claimed.insert(out.folder, row >= 0 ? row : later);
    if (out.action == Action::Applied)
        out.note = tr("in our ledger already (%1)").arg(migrationStateName(folder.state));
    if (row < 0) {
        // an earlier text no row holds: a later one ran after it
        out.spanRow = later;
        if (out.action == Action::Adopt) {
            out.note = tr("an earlier text of %1: %2 ran a later one")
                           .arg(out.entry.foreignName, run.ledger.tool.displayName);
            out.detail = describe(run.ledger, out.entry) + u' ' + tr("(an earlier text)");
        }
        plan.covered << out;
        return;
    }
    AdoptionRow &r = plan.rows[row];
    r.folder = out.folder;
    r.version = out.version;
    r.action = out.action;
    if (out.action == Action::Adopt)
        r.detail = describe(run.ledger, r.entry);
    else
        r.note = out.note;
}

} // namespace uaip
