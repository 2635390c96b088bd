#pragma once

#include "forecast/planforecast.h"
#include "ledger/migrationstatus.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSet>

namespace uaip {

class PgConnection;

// Reads a PlanForecast on the target: the forecast of each script of the plan (up or down) from
// its typed parse tree, the live sizes of the relations they lock (RelationSizes, one statement)
// and, when asked, the sessions holding a conflicting lock on each now (LockBlockers, one
// statement). Read-only; a failed read leaves error set and what was read.
class PlanForecastReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PlanForecastReader)

public:
    // What it reads: everything, for the dry run and the GUI's confirmation; or, for
    // BlockingWorkGate in the run itself, only the sizes of relations a statement scans or
    // rewrites (reading a size waits behind another session's ACCESS EXCLUSIVE: a run whose
    // plan does no such work is not held up by it).
    enum class Reading { Everything, WorkOnly };
    static PlanForecast read(PgConnection &connection, const QList<MigrationStatus> &plan, bool up,
                             Reading reading);

    // (relation as written, column unquoted) pairs of SET NOT NULL.
    using ColumnPairs = QSet<QPair<QString, QString>>;
    // Of the pairs, those whose column holds one value to IS NOT NULL
    // (live/sql/scalar_columns.sql): not a composite (whose CHECK (column IS NOT NULL) tests
    // every field) nor a domain. Only such a SET NOT NULL is spared its scan by a CHECK.
    static Result<ColumnPairs> scalarColumns(PgConnection &connection, const ColumnPairs &pairs);
    // Of the SET NOT NULL pairs, those a validated CHECK (column IS NOT NULL) on the live table
    // spares their scan (a scalar column, scalarColumns, proven by provenByCheck): what the dry
    // run and the run's refusal take off, and what lint --db says of its set_not_null findings.
    static Result<ColumnPairs> setNotNullSpared(PgConnection &connection, const ColumnPairs &pairs);

private:
    // The plan's SET NOT NULL pairs but of relations read in every schema (anySchema: after
    // the plan set its own search_path), whose CHECKs cannot be matched to them.
    static ColumnPairs notNullPairs(const PlanForecast &forecast, const QSet<QString> &anySchema);
    // SET NOT NULL whose columns a CHECK (column IS NOT NULL) proves that an earlier statement of
    // the same plan added valid, or added NOT VALID and then validated (and no statement dropped
    // since): its scan is taken off, with a note. The relation is matched as written; a CHECK
    // with NO INHERIT proves nothing, and a statement between that is not index or constraint
    // work (LockForecast::keepsNotNullProofs) forgets every proof.
    static void spareNotNullProvenInPlan(PlanForecast &forecast, const ColumnPairs &scalar);
    // SET NOT NULL whose column a validated CHECK (column IS NOT NULL) on the live table already
    // proves does not scan (live/sql/not_null_proven.sql): its scan is taken off, with a note.
    static Status spareProvenNotNull(PgConnection &connection, PlanForecast &forecast,
                                     const ColumnPairs &scalar);
    // DROP CONSTRAINT of a constraint the live table has: the forecast's "if it is a foreign
    // key" note made certain for a foreign key (live/sql/constraint_kinds.sql, one statement),
    // and taken off for any other kind (a primary key, unique, check, ...).
    static Status tellForeignKeyDrops(PgConnection &connection, PlanForecast &forecast);
    // Of the pairs, those whose table has a validated CHECK (column IS NOT NULL)
    // (live/sql/not_null_proven.sql, one statement).
    static Result<ColumnPairs> provenByCheck(PgConnection &connection, const ColumnPairs &pairs);
    // The pairs (relation, column) that live/sql/<sql>.sql returns of those asked (two text
    // arrays: the relations, the columns).
    static Result<ColumnPairs> pairsOf(PgConnection &connection, const char *sql,
                                       const ColumnPairs &pairs);
};

} // namespace uaip
