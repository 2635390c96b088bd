#pragma once

#include "error/result.h"
#include "error/status.h"
#include "ledger/migration.h"
#include "ledger/runresult.h"
#include "verifyreport.h"

#include <QMap>
#include <QObject>

#include <atomic>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;
class ScratchDatabase;

// Applies every migration to a scratch database on the sandbox, checks that each down.sql
// restores the schema taken before its up.sql, and compares the target database with the
// schema the migrations produce at the target's level (drift). The ledger's own schema and other
// tools' history tables are not part of that schema.
class MigrationVerifier : public QObject
{
    Q_OBJECT
public:
    MigrationVerifier(Sandbox &sandbox, const QList<Migration> &migrations,
                      QObject *parent = nullptr);

    // target may be null: only the round trips are checked. The target's schema is compared
    // without other tools' history tables (ForeignHistoryTables; toolTable: a custom name of
    // one, --table), each named in the report's leftOut.
    Result<VerifyReport> verify(PgConnection *target, const QString &toolTable = {});
    // Thread-safe: verify() stops before the next migration (error "cancelled").
    void cancel() { m_cancelled = true; }

    // import-migrations (ImportDownGenerator): the down.sql files to prove are written while the
    // round trips run, from the schema each up.sql makes on another scratch database.
    class DownWriter
    {
    public:
        virtual ~DownWriter() = default;
        // Before migration i's up.sql runs: migration i again with the down.sql to prove (read
        // back from its folder; it waits until that is written), or none: migration i is
        // applied without a round trip (no down.sql of its to prove). An error ends verify().
        virtual Result<std::optional<Migration>> next(int i) = 0;
        // Around the opening of a fresh scratch database (a rebuild): the writer's scripts,
        // running as the same scratch login, hold off meanwhile, so none of them changes the
        // login (its password, its settings) between the login being set back and the new
        // session logging in.
        virtual void holdOff() = 0;
        virtual void goOn() = 0;
    };
    // Not owned; set before verify().
    void setDownWriter(DownWriter *writer) { m_writer = writer; }

signals:
    void progress(int index, int total, const QString &id);

private:
    // What PlanChecker finds in the scripts, by migration id.
    struct ScriptProblems
    {
        QMap<QString, QStringList> up;
        QMap<QString, QStringList> down;
    };
    ScriptProblems scriptProblems() const;
    void addServerSyntaxProblems(PgConnection &sandbox, ScriptProblems &problems) const;
    // m_writer's migration i in place of the one loaded, its scripts' problems in problems;
    // false: no round trip for it.
    Result<bool> takeWritten(int i, ScratchDatabase &scratch, ScriptProblems &problems);
    // The target's level (targetLevel) and its applied migrations without a folder, into
    // report; an error when its ledger cannot be read.
    Status readTargetLevel(PgConnection &target, VerifyReport &report,
                           std::optional<MigrationVersion> &targetLevel);
    // Migration i's up.sql has problems: its round trip and those of the later scripts with
    // problems, failed, into report.
    void addNotRun(int i, const ScriptProblems &problems, VerifyReport::RoundTrip &trip,
                   VerifyReport &report) const;
    // After up.sql made after: down.sql and up.sql again, into trip; *rebuild when the scratch
    // database is then in no known state. With againLater, a down.sql that restored the schema
    // sets *againLater instead of running up.sql again: the caller runs it (upAfterAgain,
    // againAlone). An error when a schema could not be read.
    Status checkDown(const Migration &m, const ScriptProblems &problems, ScratchDatabase &scratch,
                     const SchemaSnapshot &before, const SchemaSnapshot &after,
                     VerifyReport::RoundTrip &trip, bool *rebuild, bool *againLater);
    // A failed run of up.sql again after down.sql into trip (true); false when it ran.
    static bool againFailed(const RunResult &again, VerifyReport::RoundTrip &trip);
    // Migration i's up.sql in one run with migration i - 1's up.sql again (its down.sql restored
    // previousAfter's schema; its round trip is the last of report). When that again failed,
    // it is said in that round trip as checkDown says it, the database rebuilt if it is not as
    // the up.sql made it (*stop when the rebuild failed), and migration i's up.sql runs alone. A
    // run refused before anything ran (a gate of the plan, maybe for migration i) runs each on
    // its own instead (againAlone).
    Result<RunResult> upAfterAgain(int i, ScratchDatabase &scratch,
                                   const SchemaSnapshot &previousAfter, VerifyReport &report,
                                   bool *stop);
    // Migration i's up.sql again on its own, where no up.sql follows: as upAfterAgain says a
    // failure; true when the rebuild after it failed (the round trips stop).
    Result<bool> againAlone(int i, ScratchDatabase &scratch, const SchemaSnapshot &after,
                            VerifyReport &report);
    // After a failed round trip: whether the scratch database is still as m's up.sql made it
    // (m applied in its ledger, not failed, and the schema is after, object for object): a
    // down.sql that failed in its transaction was rolled back; an up.sql run again after a
    // down.sql that did not restore may have made the same schema. Then the next round trip
    // runs there, as after a round trip that passed, instead of on a rebuilt database.
    static Result<bool> stillAsUpMadeIt(const Migration &m, ScratchDatabase &scratch,
                                        const SchemaSnapshot &after);
    // The target's drift from expected (its schema without other tools' history tables), and
    // the notes on those tables, into report.
    static Status compareTarget(PgConnection &target, const SchemaSnapshot &expected,
                                const QString &toolTable, VerifyReport &report);
    // Every migration's round trip on scratch, into report; the schema expected at the
    // target's level (targetLevel; none: the empty one), when the round trips got there.
    Result<std::optional<SchemaSnapshot>>
    roundTrips(ScratchDatabase &scratch, ScriptProblems &problems,
               const std::optional<MigrationVersion> &targetLevel, VerifyReport &report);
    enum class Rebuilt { Ok, UpFailed };
    // A fresh scratch database with the migrations up to m applied straight. UpFailed: they
    // failed (said in trip); an error: no database.
    Result<Rebuilt> rebuild(const Migration &m, ScratchDatabase &scratch,
                            VerifyReport::RoundTrip &trip);
    // m's round trip after its up.sql made after (checkDown), and the scratch database rebuilt
    // when it is then in no known state (counted in report). UpFailed: the round trips stop.
    // againLater: as checkDown's.
    Result<Rebuilt> downAndBack(const Migration &m, const ScriptProblems &problems,
                                ScratchDatabase &scratch, const SchemaSnapshot &before,
                                const SchemaSnapshot &after, VerifyReport::RoundTrip &trip,
                                VerifyReport &report, bool *againLater);
    // rebuild() after m's round trip left the database in no known state, counted in report.
    Result<Rebuilt> rebuildAfterTrip(const Migration &m, ScratchDatabase &scratch,
                                     VerifyReport::RoundTrip &trip, VerifyReport &report);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
    DownWriter *m_writer = nullptr;
};

} // namespace uaip
