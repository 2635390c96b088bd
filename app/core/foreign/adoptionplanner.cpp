#include "adoptionplanner.h"
#include "adoptionplannerrun.h"
#include "importheader.h"

#include <QHash>

#include <algorithm>

namespace uaip {

namespace {

using Action = AdoptionRow::Action;

QString nameKey(const QString &name)
{
    QString out;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

QString digits(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if (c.isDigit())
            out += c;
    return out;
}

// Whether a folder's version is the foreign entry's: as numbers group by group ("1.2" is
// 1-2, 0007 is 7), or diesel's way, the digits only.
bool sameVersion(const ForeignTool &tool, const Migration &m, const QString &version)
{
    if (tool.digitsOnlyVersion)
        return !version.isEmpty() && digits(m.version.text()) == version;
    QString text = version;
    text.replace(u'.', u'-').replace(u'_', u'-');
    const auto parsed = MigrationVersion::parse(text);
    if (!parsed)
        return false;
    if (*parsed == m.version)
        return true;
    // TypeORM: two migrations of one timestamp imported as <timestamp> and <timestamp>-1 (the
    // name, which this tool keeps, tells them apart)
    const QList<QString> groups = m.version.groups();
    return tool.id == QLatin1String("typeorm") && groups.size() == 2 && parsed->groups().size() == 1
        && groups.first() == parsed->groups().first();
}

bool atOrBelow(const ForeignTool &tool, const Migration &m, const QString &version)
{
    if (tool.digitsOnlyVersion)
        return digits(m.version.text()).toULongLong() <= version.toULongLong();
    QString text = version;
    text.replace(u'.', u'-').replace(u'_', u'-');
    const auto parsed = MigrationVersion::parse(text);
    return parsed && m.version <= *parsed;
}

bool byVersion(const AdoptionRow *a, const AdoptionRow *b)
{
    const auto va = MigrationVersion::parse(a->version);
    const auto vb = MigrationVersion::parse(b->version);
    if (!va || !vb)
        return bool(vb) && !va; // rows without a folder first (never adopted anyway)
    return *va < *vb;
}

} // namespace

QList<const AdoptionRow *> AdoptionPlan::ordered() const
{
    QList<const AdoptionRow *> ordered;
    for (int i = 0; i < rows.size(); ++i) {
        // the folders a row covers (below it) come before it, in version order
        QList<const AdoptionRow *> spanned;
        for (const AdoptionRow &c : covered)
            if (c.spanRow == i)
                spanned << &c;
        std::stable_sort(spanned.begin(), spanned.end(), byVersion);
        ordered += spanned;
        ordered << &rows[i];
    }
    if (orderedByVersion)
        std::stable_sort(ordered.begin(), ordered.end(), byVersion);
    return ordered;
}

QList<AdoptItem> AdoptionPlan::items() const
{
    QList<AdoptItem> out;
    for (const AdoptionRow *r : ordered())
        if (r->action == Action::Adopt)
            out << AdoptItem{r->version, r->detail};
    return out;
}

QString AdoptionPlanner::where(const ForeignEntry &entry)
{
    return entry.ref.endsWith(entry.foreignName)
        ? entry.ref
        : entry.ref + QStringLiteral(" (") + entry.foreignName + u')';
}

QString AdoptionPlanner::describe(const ForeignLedger &ledger, const ForeignEntry &entry)
{
    QString text = ledger.tool.displayName + u' ' + ledger.qualifiedName() + u' ' + entry.ref;
    if (!entry.foreignName.isEmpty() && !entry.ref.endsWith(entry.foreignName))
        text += QStringLiteral(" (") + entry.foreignName + u')';
    return text;
}

AdoptionPlan AdoptionPlanner::plan(const ForeignLedger &ledger,
                                   const QList<MigrationStatus> &statuses,
                                   const QStringList &acceptChecksums)
{
    const ForeignTool &tool = ledger.tool;
    AdoptionPlan plan;
    plan.toolName = tool.displayName;
    plan.table = ledger.qualifiedName();
    plan.orderedByVersion = tool.orderedByVersion;
    if (!ledger.trusted()) {
        // a history another role could have written is not taken over at all
        plan.problems << ledger.distrust;
        return plan;
    }
    Run run{.ledger = ledger, .statuses = statuses, .plan = plan, .accept = acceptChecksums};

    for (const ForeignEntry &entry : ledger.entries) {
        const AdoptionRow row = entryRow(run, entry);
        plan.rows << row;
    }
    matchRepeatables(run);

    // The file each adopted row ran, where the tool recorded its checksum (after the undo rows
    // have had their say: an undone version is not compared)
    for (AdoptionRow &row : plan.rows)
        checkChecksum(run, row);
    // an acceptance names a row that needs it, or it is a mistake (a version mistyped, one
    // whose file is the one the tool ran)
    for (const QString &version : acceptChecksums)
        if (!run.accepted.contains(version))
            //: %1 the version given, %2 schema.table
            plan.problems << tr("--accept-checksum %1: no row of %2 of that version has a "
                                "checksum that differs from its folder's up.sql or is missing")
                                 .arg(version, plan.table);

    // golang-migrate's row, a Flyway baseline: the folders below it that no row named
    for (const int index : run.spans)
        coverBelow(run, index);
    for (const MigrationStatus &s : statuses)
        if (s.migration && s.state == MigrationState::Pending && !run.claimed.contains(s.id()))
            plan.pending << s.id();
    return plan;
}

AdoptionRow AdoptionPlanner::entryRow(Run &run, const ForeignEntry &entry)
{
    const ForeignTool &tool = run.ledger.tool;
    AdoptionPlan &plan = run.plan;
    AdoptionRow row;
    row.entry = entry;
    const int index = int(plan.rows.size());
    if (entry.state == QLatin1String("failed") || entry.state == QLatin1String("dirty")) {
        row.note = tr("%1 in %2: settle it with %2 first").arg(entry.state, tool.displayName);
        plan.problems << tr("%1: %2").arg(where(entry), row.note);
        return row;
    }
    if (entry.state == QLatin1String("rolled back") || entry.kind == QLatin1String("schema")) {
        row.action = Action::Skip;
        row.note = entry.state == QLatin1String("rolled back")
            ? tr("rolled back in %1: not applied").arg(tool.displayName)
            : tr("%1's schema marker").arg(tool.displayName);
        return row;
    }
    if (entry.kind == QLatin1String("repeatable")) {
        row.action = Action::Skip; // until matchRepeatables() has seen all of its rows
        run.repeatables << index;
        return row;
    }
    if (entry.kind == QLatin1String("undo") || entry.kind == QLatin1String("deleted")) {
        row.action = Action::Skip;
        row.note = tr("version %1 is no longer applied (%2)").arg(entry.version, entry.kind);
        if (const auto it = run.appliedByVersion.constFind(entry.version);
            it != run.appliedByVersion.constEnd()) {
            AdoptionRow &undone = plan.rows[*it];
            undone.action = Action::Skip;
            undone.note = tr("%1 by %2").arg(entry.kind, entry.ref);
            run.claimed.remove(undone.folder);
            run.appliedByVersion.erase(it);
        }
        return row;
    }
    if (entry.kind == QLatin1String("baseline"))
        baselineRow(run, row, index);
    else
        versionedRow(run, row, index);
    return row;
}

void AdoptionPlanner::baselineRow(Run &run, AdoptionRow &row, int index)
{
    const ForeignEntry &entry = row.entry;
    const ForeignTool &tool = run.ledger.tool;
    AdoptionPlan &plan = run.plan;
    // Flyway baselines only a history without migrations: a baseline after applied
    // ones did not come from Flyway, and would cover folders that never ran
    const auto earlier = std::find_if(plan.rows.cbegin(), plan.rows.cend(), [](const auto &r) {
        return r.entry.isApplied()
            && (r.entry.kind == QLatin1String("versioned")
                || r.entry.kind == QLatin1String("baseline"));
    });
    if (earlier != plan.rows.cend()) {
        row.note = tr("a baseline after %1, which %2 applied before it: %2 refuses to "
                      "baseline a history that has migrations")
                       .arg(earlier->entry.ref, tool.displayName);
        plan.problems << tr("%1: %2").arg(where(entry), row.note);
        return;
    }
    row.action = Action::Skip;
    row.note = tr("baseline: every folder at or below %1").arg(entry.version);
    run.spans << index;
}

void AdoptionPlanner::versionedRow(Run &run, AdoptionRow &row, int index)
{
    const ForeignEntry &entry = row.entry;
    const ForeignTool &tool = run.ledger.tool;
    AdoptionPlan &plan = run.plan;
    // a versioned entry: exactly one folder of its version (and name)
    QList<const MigrationStatus *> byVersion;
    QList<const MigrationStatus *> candidates;
    for (const MigrationStatus &s : run.statuses) {
        if (!s.migration || !sameVersion(tool, *s.migration, entry.version))
            continue;
        byVersion << &s;
        if (!tool.keepsName || nameKey(s.migration->name) == nameKey(entry.name))
            candidates << &s;
    }
    if (candidates.size() != 1) {
        QStringList folders;
        for (const MigrationStatus *s : candidates.isEmpty() ? byVersion : candidates)
            folders << s->id();
        if (candidates.size() > 1)
            row.note = tr("ambiguous: %1 folders match (%2)")
                           .arg(candidates.size())
                           .arg(folders.join(QStringLiteral(", ")));
        else if (!byVersion.isEmpty())
            row.note = tr("no folder of version %1 is named \"%2\" (found: %3)")
                           .arg(entry.version, entry.name, folders.join(QStringLiteral(", ")));
        else if (entry.fromCode)
            //: %1 the version, %2 the Java class, %3 the tool
            row.note = tr("no folder for version %1, a Java migration (%2): import-migrations "
                          "--from flyway --java DIR writes one of each %3 Java migration class")
                           .arg(entry.version, entry.foreignName, tool.displayName);
        else
            row.note = tr("no folder %1 for version %2").arg(tool.folderPattern, entry.version);
        plan.problems << tr("%1: %2").arg(where(entry), row.note);
        return;
    }
    const MigrationStatus &s = *candidates.first();
    row.folder = s.id();
    row.version = s.migration->version.text();
    if (const auto other = run.claimed.constFind(row.folder); other != run.claimed.constEnd()) {
        row.note = tr("ambiguous: %1 matches it too").arg(plan.rows[*other].entry.ref);
        plan.problems << tr("%1: folder %2: %3").arg(where(entry), row.folder, row.note);
        return;
    }
    run.claimed.insert(row.folder, index);
    run.appliedByVersion.insert(entry.version, index);
    if (s.state == MigrationState::Pending) {
        row.action = Action::Adopt;
        row.detail = describe(run.ledger, entry);
    } else {
        row.action = Action::Applied;
        row.note = tr("in our ledger already (%1)").arg(migrationStateName(s.state));
    }
    if (tool.cumulative)
        run.spans << index;
}

void AdoptionPlanner::checkChecksum(Run &run, AdoptionRow &row)
{
    const ForeignTool &tool = run.ledger.tool;
    const ForeignEntry &entry = row.entry;
    if (row.action != Action::Adopt || tool.checksum == ForeignChecksum::Kind::None)
        return;
    const auto s = std::find_if(run.statuses.cbegin(), run.statuses.cend(),
                                [&](const MigrationStatus &m) { return m.id() == row.folder; });
    if (entry.fromCode) {
        checkJavaRow(run, row,
                     s == run.statuses.cend() || !s->migration ? nullptr : &*s->migration);
        return;
    }
    const QString file = s == run.statuses.cend() || !s->migration
        ? QString()
        : ForeignChecksum::ofFolder(tool.checksum, s->migration->upSql);
    QString why;
    if (entry.checksum.isEmpty()) {
        // The tool writes a checksum for every file it runs (Flyway: every SQL migration;
        // only baseline rows and Java migrations have none): a versioned row without one
        // says nothing of what ran — anyone who may insert into the history wrote it.
        if (entry.kind != QLatin1String("versioned"))
            return;
        why = tr("%1 recorded no checksum for %2 (%3, applied %4): nothing "
                 "shows that %5/up.sql is what ran")
                  .arg(tool.displayName, entry.foreignName, entry.ref,
                       entry.appliedAt.isEmpty() ? tr("at an unknown time") : entry.appliedAt,
                       row.folder);
    } else {
        if (file.isEmpty()
            || ForeignChecksum::folderMatches(tool.checksum, s->migration->upSql, entry.checksum))
            return;
        why = tr("%1 recorded the checksum %2, but %3/up.sql has %4")
                  .arg(tool.displayName, entry.checksum, row.folder, file);
    }
    if (run.accepts({entry.version, row.version})) {
        acceptChecksum(run, row, why, file);
        return;
    }
    row.action = Action::Refuse;
    //: %1 the version to name
    const QString accept = tr("--accept-checksum %1 takes it over all the same").arg(row.version);
    row.note = why
        + (entry.checksum.isEmpty()
               ? QStringLiteral(" (") + accept + u')'
               : tr(": not the file %1 ran (%2)").arg(tool.displayName, accept));
    run.plan.problems << tr("%1: %2").arg(entry.checksum.isEmpty() ? entry.ref : where(entry),
                                          row.note);
}

void AdoptionPlanner::checkJavaRow(Run &run, AdoptionRow &row, const Migration *folder)
{
    const ForeignEntry &entry = row.entry;
    // the stub import-migrations --java wrote of the class names it in its header
    QString stubOf;
    if (folder) {
        QByteArray body;
        static const QString prefix = QStringLiteral("Flyway Java migration ");
        for (const QString &n : ImportHeader::parse(folder->upSql, &body).notes)
            if (n.startsWith(prefix))
                stubOf = n.mid(prefix.size()).section(u':', 0, 0);
    }
    if (stubOf == entry.foreignName) {
        // a Java migration: the tool ran a class, whatever checksum it computed is no file's
        //: %1 the Java class
        row.note = tr("Java migration %1, no file to compare").arg(entry.foreignName);
        // the adopt event keeps it (ledger text, never translated)
        row.detail += QStringLiteral("; a Java migration, no file to compare");
        return;
    }
    // Flyway's own validate fails a JDBC row over a SQL file (a type mismatch)
    row.action = Action::Refuse;
    row.note = stubOf.isEmpty()
        //: %1 the Java class, %2 the folder, %3 the tool
        ? tr("a Java migration's row (%1), but folder %2 is SQL, not the stub import-migrations "
             "--java writes of the class: %3 did not run that file")
              .arg(entry.foreignName, row.folder, run.ledger.tool.displayName)
        //: %1 the Java class, %2 the folder, %3 the class the stub names
        : tr("a Java migration's row (%1), but folder %2 is the stub of another class (%3)")
              .arg(entry.foreignName, row.folder, stubOf);
    run.plan.problems << tr("%1: %2").arg(entry.ref, row.note);
}

void AdoptionPlanner::acceptChecksum(Run &run, AdoptionRow &row, const QString &why,
                                     const QString &file)
{
    const ForeignTool &tool = run.ledger.tool;
    const ForeignEntry &entry = row.entry;
    row.note = why + u' ' + tr("(taken over with --accept-checksum %1)").arg(row.version);
    row.checksumAccepted = true;
    row.recordedChecksum = entry.checksum;
    row.fileChecksum = file;
    // the adopt event keeps it (ledger text, never translated)
    row.detail += QStringLiteral("; checksum accepted with --accept-checksum %1: %2 recorded "
                                 "%3, %4/up.sql has %5")
                      .arg(row.version, tool.displayName,
                           entry.checksum.isEmpty() ? QStringLiteral("none") : entry.checksum,
                           row.folder, file);
}

void AdoptionPlanner::coverBelow(Run &run, int index)
{
    const ForeignTool &tool = run.ledger.tool;
    const ForeignEntry &entry = run.plan.rows[index].entry;
    for (const MigrationStatus &s : run.statuses) {
        if (!s.migration || run.claimed.contains(s.id())
            || !atOrBelow(tool, *s.migration, entry.version))
            continue;
        AdoptionRow row;
        row.entry = entry;
        row.folder = s.id();
        row.version = s.migration->version.text();
        row.spanRow = index;
        run.claimed.insert(row.folder, index);
        if (s.state == MigrationState::Pending) {
            row.action = Action::Adopt;
            row.detail = describe(run.ledger, entry) + u' '
                + tr("(at or below version %1)").arg(entry.version);
            row.note = tr("at or below version %1").arg(entry.version);
        } else {
            row.action = Action::Applied;
            row.note = tr("in our ledger already (%1)").arg(migrationStateName(s.state));
        }
        run.plan.covered << row;
    }
}

} // namespace uaip
