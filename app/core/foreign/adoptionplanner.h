#pragma once

#include "adoptionplan.h"
#include "foreignledger.h"

#include "ledger/migrationstatus.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

// Matches each entry of a foreign history to exactly one migration folder: by version, and by
// name where the tool keeps one (letters and digits compared, case and separators ignored:
// TypeORM's CreateUsers matches create_users). Failed and dirty entries, entries without a
// folder and entries with more than one (or two entries on one folder) are problems that
// refuse the whole plan. Where the tool records a checksum of the file it ran (Flyway,
// Prisma), a folder to adopt must have it (ForeignChecksum): a mismatch refuses, naming the row,
// the folder and both checksums, unless its version is one of acceptChecksums (--accept-checksum
// VERSION: then it is noted, and the adopt event names both checksums); a version given there
// that no row needs is refused. A Flyway Java migration's row (JDBC, SPRING_JDBC) has no file to
// compare: it adopts the folder of its version only where that is import-migrations' stub of
// the same class (its up.sql's header names it; the stub refuses to run), noted as such; a SQL
// folder, or another class's stub, is refused (Flyway's validate fails the type mismatch). A Flyway
// baseline after applied migrations refuses, as Flyway itself refuses to baseline such a history. A
// Flyway repeatable's rows (one per time Flyway ran it) are matched by checksum to the folders
// import-migrations made of its file: the rows whose text a folder holds adopt it, earlier
// folders of the file are covered by a later one, and a file changed since Flyway last ran it
// stays pending, so that `up` runs it again as Flyway would. A table the connected role may not
// believe (ForeignLedger::distrust: owned by another role) refuses the plan, no row matched.
// Pure: reads nothing, writes nothing.
class AdoptionPlanner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AdoptionPlanner)

public:
    // acceptChecksums: the versions (the tool's, or the folder's; a repeatable's file name)
    // whose checksum is taken over as it is
    static AdoptionPlan plan(const ForeignLedger &ledger, const QList<MigrationStatus> &statuses,
                             const QStringList &acceptChecksums = {});
    // "TypeORM public.migrations id=3 (CreateUsers1700000000000)": what an adopt event names.
    static QString describe(const ForeignLedger &ledger, const ForeignEntry &entry);

private:
    struct Run; // the plan being built, the folders claimed, the rows that cover others

    // The row of one entry of the ledger, matched to its folder or refused (the problem noted).
    static AdoptionRow entryRow(Run &run, const ForeignEntry &entry);
    // A baseline entry's row (index: the row's place in run.plan.rows).
    static void baselineRow(Run &run, AdoptionRow &row, int index);
    // A versioned entry's row: exactly one folder of its version (and name).
    static void versionedRow(Run &run, AdoptionRow &row, int index);
    // An Adopt row whose folder's up.sql is not the file the tool recorded a checksum of is
    // refused, unless its version is to be accepted (then it is noted). A Java migration's row
    // is noted as one, with no file to compare.
    static void checkChecksum(Run &run, AdoptionRow &row);
    // A Java migration's row (JDBC, SPRING_JDBC): adopts only the stub import-migrations --java
    // wrote of its class (named in the up.sql's header), noted as having no file to compare;
    // any other folder (SQL, another class's stub) is refused.
    static void checkJavaRow(Run &run, AdoptionRow &row, const Migration *folder);
    // Takes a row's checksum over (--accept-checksum), why it differs noted and kept in the
    // adopt event.
    static void acceptChecksum(Run &run, AdoptionRow &row, const QString &why, const QString &file);
    // The folders at or below the row at index that no row named: covered by it.
    static void coverBelow(Run &run, int index);
    // Flyway's repeatable rows (adoptionplannerrepeatables.cpp): each matched by its checksum
    // to a folder imported from its file (FlywayRepeatables), the latest text first.
    static void matchRepeatables(Run &run);
    // One repeatable file's rows (in the order Flyway ran them) and its folders (by version).
    static void matchFile(Run &run, const QList<int> &rows,
                          const QList<const MigrationStatus *> &folders);
    // A repeatable folder taken over by its row, or (row -1) covered by the later row.
    static void takeRepeatable(Run &run, const MigrationStatus &folder, int row, int later);
    // A foreign row as a problem names it: its ref, and its name unless the ref ends with it.
    static QString where(const ForeignEntry &entry);
};

} // namespace uaip
