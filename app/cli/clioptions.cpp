// The options of uaip-migrate's command line (CliApplication::run adds them, in this order).
#include "clioptions.h"

#include "cliapplication.h"

namespace uaip {

namespace {

// The options of insights (--limit is history's too, --confirm the prompts' and activity's).
QList<QCommandLineOption> insightsOptions()
{
    return {
        {QStringLiteral("order"),
         CliApplication::tr("insights queries: the top statements by total (default) or mean "
                            "time."),
         QStringLiteral("total|mean")},
        {QStringLiteral("bloat"),
         CliApplication::tr("insights indexes|tables|migrate: also measure bloat with pgstattuple "
                            "(reads the 10 biggest indexes or tables).")},
        {QStringLiteral("keep"),
         CliApplication::tr("insights record: keep the workload history's samples of the last "
                            "30d (days) or 12h (hours; default 30d)."),
         QStringLiteral("30d")},
        {QStringLiteral("days"),
         CliApplication::tr("insights history: the series of the last N days (default 7)."),
         QStringLiteral("N")},
        {QStringLiteral("query"),
         CliApplication::tr("insights history: the series of this statement (its queryid)."),
         QStringLiteral("QUERYID")},
    };
}

// The options of fleet and of metrics --previous.
QList<QCommandLineOption> fleetOptions()
{
    return {
        {QStringLiteral("targets"),
         CliApplication::tr(
             "fleet: the targets file (NAME CONNINFO-or-URI a line, [wave NAME] headings; no "
             "passwords)."),
         QStringLiteral("file")},
        {QStringLiteral("parallel"), CliApplication::tr("fleet: run at most N targets at once."),
         QStringLiteral("N")},
        {QStringLiteral("canary"),
         CliApplication::tr(
             "fleet: run the first K targets first; the rest start only if all succeed."),
         QStringLiteral("K")},
        {QStringLiteral("max-failures"),
         CliApplication::tr("fleet: after F failed targets start no new one (default: no limit)."),
         QStringLiteral("F")},
        {QStringLiteral("previous"),
         CliApplication::tr("metrics: also the previous period of the same length (CSV: a "
                            "period column, current|previous; JSON: previous_series).")},
    };
}

// The options of sql/explain and seed.
QList<QCommandLineOption> sqlAndSeedOptions()
{
    return {
        {QStringLiteral("read-only"),
         CliApplication::tr(
             "sql, explain: run only reading statements, each in a READ ONLY transaction that "
             "is rolled back.")},
        {QStringLiteral("production"),
         CliApplication::tr(
             "sql, explain: a statement that can write needs --confirm with the database "
             "name.")},
        {QStringLiteral("analyze"),
         CliApplication::tr(
             "explain: run the statement (EXPLAIN ANALYZE, BUFFERS); a writing statement "
             "is rolled back.")},
        {QStringLiteral("scale"), CliApplication::tr("seed demo: number of metric rows."),
         QStringLiteral("N")},
        {QStringLiteral("seed-value"),
         CliApplication::tr("seed demo: random seed (same seed, same data)."), QStringLiteral("S"),
         QStringLiteral("42")},
        {QStringLiteral("end-time"),
         CliApplication::tr("seed demo: the time series end here (ISO 8601; default: now)."),
         QStringLiteral("T")},
        {QStringLiteral("admin-password-file"),
         CliApplication::tr("seed initial: read the admin password from this file."),
         QStringLiteral("path")},
    };
}

// The options of import-migrations/adopt (--from also metrics').
QList<QCommandLineOption> importOptions()
{
    return {
        {QStringLiteral("from"),
         CliApplication::tr(
             "metrics: start of the range (ISO 8601, a date, now, now-7d); adopt: the tool "
             "whose history to take over; import-migrations: the tool whose files to convert."),
         QStringLiteral("T|tool")},
        {QStringLiteral("out"),
         CliApplication::tr(
             "import-migrations: write the converted migrations into this directory (new or "
             "empty)."),
         QStringLiteral("dir")},
        {QStringLiteral("placeholder"),
         CliApplication::tr(
             "import-migrations --from flyway: the value of a Flyway placeholder ${NAME} "
             "(repeatable; names match case-insensitively)."),
         QStringLiteral("NAME=VALUE")},
        {QStringLiteral("min-ratio"),
         CliApplication::tr("insights since: slower or faster means by at least R times "
                            "(default 1.5)."),
         QStringLiteral("R")},
        {QStringLiteral("min-ms"),
         CliApplication::tr("insights since: and by at least MS milliseconds a call (default "
                            "1; 0.041 -> 0.066 ms is noise)."),
         QStringLiteral("MS")},
        {QStringLiteral("since"),
         CliApplication::tr(
             "import-migrations: write only the migrations above VERSION, beside the folders "
             "DIR holds (newer files of a history imported before; nothing there is changed)."),
         QStringLiteral("VERSION")},
        {QStringLiteral("exclude"),
         CliApplication::tr(
             "import-migrations: leave out the files and migration folders of SRC whose name "
             "matches GLOB (repeatable; listed as left out)."),
         QStringLiteral("GLOB")},
        {QStringLiteral("force"),
         CliApplication::tr(
             "import-migrations: replace a non-empty --out directory an earlier import wrote "
             "(its .uaip-import marker's files, unchanged).")},
        {QStringLiteral("accept-checksum"),
         CliApplication::tr(
             "adopt: take over the folder of this version although its up.sql is not the file "
             "the tool recorded (Flyway's, Prisma's and sqlx's checksums), noted and kept in the "
             "adopt event (repeatable; a version that needs none is refused)."),
         QStringLiteral("VERSION")},
        {QStringLiteral("accept-checksums"),
         CliApplication::tr("adopt: refused; name each version with --accept-checksum VERSION.")},
        {QStringLiteral("verify"),
         CliApplication::tr(
             "import-migrations: apply the converted set on a sandbox database and compare its "
             "schema with the connected source database's.")},
        {QStringLiteral("table"),
         CliApplication::tr("foreign, adopt, import-migrations --verify, verify, diff, fleet "
                            "drift: the tool's history table has this name (TypeORM's "
                            "migrationsTableName, ...); insights history: the series of this "
                            "table (name or schema.name)."),
         QStringLiteral("name")},
        {QStringLiteral("java"),
         CliApplication::tr(
             "import-migrations --from flyway: a folder of Flyway Java migrations "
             "(V<version>__<Desc>.java or .kt, read recursively; src/main/java/db/migration): "
             "each gets a folder whose up.sql and down.sql refuse to run until written by hand "
             "(repeatable)."),
         QStringLiteral("dir")},
    };
}

// The options of metrics besides --from and --to.
QList<QCommandLineOption> metricsOptions()
{
    return {
        {QStringLiteral("bucket"),
         CliApplication::tr("metrics: bucket size: auto (from range and width), 1s..12h, 1d, 1w, "
                            "1mo, 1q, 1y."),
         QStringLiteral("size"), QStringLiteral("auto")},
        {QStringLiteral("width"),
         CliApplication::tr(
             "metrics: plot width in pixels (at most one point per 2 pixel columns)."),
         QStringLiteral("px"), QStringLiteral("1600")},
        {QStringLiteral("tz"),
         CliApplication::tr("metrics: IANA time zone of the buckets (default: the system's)."),
         QStringLiteral("zone")},
        {QStringLiteral("metric"),
         CliApplication::tr("metrics: metric or capability name; tokens|response_time; "
                            "tokens|cost."),
         QStringLiteral("name")},
        {QStringLiteral("metric-type"),
         CliApplication::tr("metrics: persona or capability metric type."), QStringLiteral("type")},
        {QStringLiteral("ids"),
         CliApplication::tr("metrics: the series to show, comma-separated (default: top N); "
                            "prompts export: these prompt ids (default all)."),
         QStringLiteral("ids")},
        {QStringLiteral("top"),
         CliApplication::tr("metrics: show the N series with most rows (0 = all)."),
         QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("format"), CliApplication::tr("metrics: output format."),
         QStringLiteral("csv|json"), QStringLiteral("csv")},
    };
}

// How a migration waits for its locks and what it may block (issue 43).
QList<QCommandLineOption> lockOptions()
{
    return {
        {QStringLiteral("lock-timeout"),
         CliApplication::tr(
             "Wait this long for the migration lock, and go on trying for table locks this long "
             "(5s, 500ms, 2min)."),
         QStringLiteral("duration"), QStringLiteral("2min")},
        {QStringLiteral("lock-attempt"),
         CliApplication::tr(
             "Each attempt at a table lock waits at most this long, then the migration is rolled "
             "back, so the application's queries behind it run, and tried again (200ms)."),
         QStringLiteral("duration"), QStringLiteral("200ms")},
        {QStringLiteral("statement-timeout"),
         CliApplication::tr("No statement of a migration (or of sql) runs longer, so none "
                            "holds its lock or waits without end (5s, 30min; 0: none of the "
                            "runner's)."),
         QStringLiteral("duration"), QStringLiteral("0")},
        {QStringLiteral("max-blocking-rows"),
         CliApplication::tr(
             "up, down, fleet: refuse, before anything runs, a statement that blocks writes (or "
             "reads) while it scans or rewrites a table of more rows; off: do not look. A "
             "migration with -- uaip:allow-blocking <reason> goes through. diff, and "
             "import-migrations with --db: write such a statement in its online form."),
         QStringLiteral("N|off"), QStringLiteral("100000")},
    };
}

// Where: the database, the sandbox, the migrations folder, the output's form.
QList<QCommandLineOption> targetOptions()
{
    return {
        {QStringLiteral("db"),
         CliApplication::tr(
             "Target database: libpq conninfo or URI (default: PG* variables). A password "
             "written here is visible to other users in the process list (/proc/PID/cmdline): "
             "keep it in ~/.pgpass or the file PGPASSFILE names, which libpq reads."),
         QStringLiteral("conninfo")},
        {QStringLiteral("sandbox"),
         CliApplication::tr("Use the private sandbox cluster (started if needed), database uaip.")},
        {QStringLiteral("data-dir"),
         CliApplication::tr("Sandbox folder (default: the user's app-data folder)."),
         QStringLiteral("path")},
        {QStringLiteral("pg"),
         CliApplication::tr(
             "PostgreSQL major version (15 to 18). --sandbox, sandbox start|stop|status|env, and "
             "proofs without a target: that major's sandbox (beside --data-dir, fetched on first "
             "start: sandbox install). lint, validate: the target's, where no database tells "
             "it: syntax newer than the console's parser is then not checked, not refused."),
         QStringLiteral("N")},
        {QStringLiteral("dir"),
         CliApplication::tr("Migrations folder (default: the bundled migrations)."),
         QStringLiteral("path")},
        {QStringLiteral("json"), CliApplication::tr("Print one JSON document.")},
    };
}

// up and down: how far, how, and what they may do.
QList<QCommandLineOption> runOptions()
{
    return {
        {QStringLiteral("to"),
         CliApplication::tr("up: apply up to and including V; down: roll back to V (V stays); "
                            "metrics: end of the range (exclusive)."),
         QStringLiteral("V")},
        {QStringLiteral("steps"), CliApplication::tr("down: roll back the last N migrations."),
         QStringLiteral("N")},
        {QStringLiteral("all"), CliApplication::tr("down: roll back every applied migration.")},
        {QStringLiteral("dry-run"),
         CliApplication::tr("Print the plan and its SQL; change nothing.")},
        {QStringLiteral("allow-out-of-order"),
         CliApplication::tr(
             "up: also apply pending migrations older than the newest applied one.")},
        {QStringLiteral("online"),
         CliApplication::tr(
             "new: write this one statement (RENAME COLUMN, RENAME TO, ALTER COLUMN ... TYPE, "
             "ALTER COLUMN ... SET NOT NULL) as an expand and a contract migration, proved on "
             "the sandbox first."),
         QStringLiteral("SQL")},
        {QStringLiteral("force-contract"),
         CliApplication::tr(
             "up: run the contract of an online change (-- uaip:contract-of) although the "
             "workload still named what it removes since its expand, or its expand is in "
             "the same run; the reason goes into its ledger event."),
         QStringLiteral("reason")},
        {QStringLiteral("single-transaction"),
         CliApplication::tr(
             "up, down: the whole plan in one transaction: every migration commits, or none "
             "does (no-transaction migrations are refused).")},
    };
}

// repair, validate, lint, history, sandbox, seed, sql and explain.
QList<QCommandLineOption> repairAndToolOptions()
{
    return {
        {QStringLiteral("yes"), CliApplication::tr("repair: confirm.")},
        {QStringLiteral("mark-done"),
         CliApplication::tr("repair: failed run V was finished by hand (apply: applied; rollback: "
                            "rolled back)."),
         QStringLiteral("V")},
        {QStringLiteral("resume"),
         CliApplication::tr("repair: run the rest of failed run V, from the statement that did not "
                            "complete."),
         QStringLiteral("V")},
        {QStringLiteral("forget"),
         CliApplication::tr("repair: failed run V never happened (apply: pending again; rollback: "
                            "applied again)."),
         QStringLiteral("V")},
        {QStringLiteral("offline"), CliApplication::tr("validate: syntax only, no database.")},

        {QStringLiteral("name"),
         CliApplication::tr("diff, insights migrate: the generated migration's name."),
         QStringLiteral("NAME")},
        {QStringLiteral("fail-on"),
         CliApplication::tr("lint: exit 3 on findings of this severity."),
         QStringLiteral("danger|warning")},
        {QStringLiteral("limit"),
         CliApplication::tr("history: at most N events; insights: at most N statements "
                            "(queries, indexes' advice) or tables."),
         QStringLiteral("N")},
        {QStringLiteral("no-fsync"),
         CliApplication::tr("sandbox start: fsync off (throwaway test clusters).")},
        {QStringLiteral("tcp"),
         CliApplication::tr("sandbox start: also listen on 127.0.0.1 (password auth).")},
        {QStringLiteral("prepared-transactions"),
         CliApplication::tr("sandbox start: room for prepared transactions (two-phase commit, "
                            "as a platform's XA coordinator runs it); none by default.")},
        {QStringLiteral("update"),
         CliApplication::tr("seed prompts: write a new version of changed prompts.")},
        {{QStringLiteral("f"), QStringLiteral("file")},
         CliApplication::tr(
             "seed prompts: seed file (default: the bundled one); prompts export: the "
             "file to write; explain, sql: the statements' file."),
         QStringLiteral("path")},
        {{QStringLiteral("c"), QStringLiteral("sql")},
         CliApplication::tr("explain, sql: the statements."),
         QStringLiteral("SQL")},
    };
}

} // namespace

// The program's own options and those of the migration commands.
QList<QCommandLineOption> globalAndMigrationOptions()
{
    return lockOptions() + targetOptions() + runOptions() + repairAndToolOptions();
}

// The options of seed, sql/explain, import-migrations/adopt and metrics.
QList<QCommandLineOption> dataAndImportOptions()
{
    return sqlAndSeedOptions() + importOptions() + metricsOptions();
}

// The options of prompts, activity and fleet.
QList<QCommandLineOption> promptAndActivityOptions()
{
    return insightsOptions() + fleetOptions()
        + QList<QCommandLineOption>{
            {QStringLiteral("search"),
             CliApplication::tr("prompts list: full-text search over names and texts."),
             QStringLiteral("text")},
            {QStringLiteral("type"), CliApplication::tr("prompts list: only this prompt type."),
             QStringLiteral("type")},
            {QStringLiteral("model"),
             CliApplication::tr("prompts list: only this model preference."),
             QStringLiteral("model")},
            {QStringLiteral("label"),
             CliApplication::tr("prompts list: only prompts with this label."),
             QStringLiteral("label")},
            {QStringLiteral("period-days"),
             CliApplication::tr("prompts list: usage over the last N days (default 30)."),
             QStringLiteral("N")},
            {QStringLiteral("prompt-version"),
             CliApplication::tr("prompts show: this version (also written --version N)."),
             QStringLiteral("N")},
            {QStringLiteral("decrypt"),
             CliApplication::tr(
                 "prompts export: export encrypted prompts decrypted (needs the key).")},
            {QStringLiteral("protect"), CliApplication::tr("prompts label: protect the label.")},
            {QStringLiteral("unprotect"),
             CliApplication::tr("prompts label: remove the label's protection.")},
            {QStringLiteral("confirm"),
             CliApplication::tr(
                 "prompts label, seed prompts: the database name, to move a protected label; "
                 "activity cancel|terminate: the name of the session's database (needed unless "
                 "--sandbox); sql, explain --production: the database name, to run a statement "
                 "that can write; insights enable: the database name, to create the extension."),
             QStringLiteral("database")},
            {QStringLiteral("all-databases"),
             CliApplication::tr(
                 "activity cancel|terminate: also a session of another database of the server "
                 "(without it only the connected database's).")},
            {QStringLiteral("backend-start"),
             CliApplication::tr(
                 "activity cancel|terminate: the session's backend_start as listed (activity "
                 "--json); a pid now held by a session with another start is not signalled "
                 "(default: read just before)."),
             QStringLiteral("time")},
            {QStringLiteral("kind"),
             CliApplication::tr(
                 "ddl: only objects of this kind (table, view, materialized_view, sequence, "
                 "function, procedure, type, domain, extension, role, schema)."),
             QStringLiteral("kind")},
            {QStringLiteral("list"),
             CliApplication::tr("ddl: list the schemas, or the objects of the schema given.")},
            {QStringLiteral("blocking"),
             CliApplication::tr(
                 "activity: only the sessions in lock chains (blocked or blocking).")},
            {QStringLiteral("replication"),
             CliApplication::tr(
                 "activity: replication instead of sessions: standbys' lag, slots and the WAL they "
                 "keep, a standby's receive and replay lag.")},
            {QStringLiteral("passphrase-file"),
             CliApplication::tr("prompts key: read the key file's passphrase from this file."),
             QStringLiteral("path")},
            {QStringLiteral("backup-file"),
             CliApplication::tr(
                 "prompts encryption enable, prompts key rotate: write the key to this new file "
                 "first and verify it."),
             QStringLiteral("path")},
            {QStringLiteral("no-backup"),
             CliApplication::tr(
                 "prompts encryption enable, prompts key rotate: no key file (the keychain holds "
                 "the only copy).")},
        };
}

} // namespace uaip
