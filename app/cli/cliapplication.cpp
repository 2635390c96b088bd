#include "cliapplication.h"

#include "jsonformat.h"

#include "activitycommands.h"
#include "checkcommands.h"
#include "clicontext.h"
#include "clioutput.h"
#include "driftcommands.h"
#include "explaincommands.h"
#include "fleetcommands.h"
#include "foreigncommands.h"
#include "importcommands.h"
#include "metricscommands.h"
#include "migratecommands.h"
#include "promptcommands.h"
#include "promptkeycommands.h"
#include "sandboxcommands.h"
#include "seedcommands.h"
#include "sqlcommands.h"

#include <QCommandLineParser>
#include <QHash>
#include <QSet>
#include <QTextStream>

#include <functional>

namespace uaip {

namespace {

struct Command
{
    std::function<int(CliContext &)> run;
    QStringList options; // command-specific options it accepts
    bool needsLockTimeout = false;
};

const QHash<QString, Command> &commands()
{
    static const QHash<QString, Command> table{
        {QStringLiteral("status"), {MigrateCommands::status, {}}},
        {QStringLiteral("up"),
         {MigrateCommands::up,
          {QStringLiteral("to"), QStringLiteral("dry-run"), QStringLiteral("allow-out-of-order"),
           QStringLiteral("single-transaction")},
          true}},
        {QStringLiteral("down"),
         {MigrateCommands::down,
          {QStringLiteral("to"), QStringLiteral("steps"), QStringLiteral("all"),
           QStringLiteral("dry-run"), QStringLiteral("single-transaction")},
          true}},
        {QStringLiteral("new"), {MigrateCommands::create, {}}},
        {QStringLiteral("baseline"), {MigrateCommands::baseline, {}, true}},
        {QStringLiteral("repair"),
         {MigrateCommands::repair,
          {QStringLiteral("yes"), QStringLiteral("mark-done"), QStringLiteral("resume"),
           QStringLiteral("forget")},
          true}},
        {QStringLiteral("history"), {MigrateCommands::history, {QStringLiteral("limit")}}},
        {QStringLiteral("foreign"), {ForeignCommands::foreign, {QStringLiteral("table")}}},
        {QStringLiteral("adopt"),
         {ForeignCommands::adopt,
          {QStringLiteral("from"), QStringLiteral("table"), QStringLiteral("dry-run"),
           QStringLiteral("accept-checksums")},
          true}},
        {QStringLiteral("import-migrations"),
         {ImportCommands::importMigrations,
          {QStringLiteral("from"), QStringLiteral("out"), QStringLiteral("force"),
           QStringLiteral("verify"), QStringLiteral("table"), QStringLiteral("placeholder")}}},
        {QStringLiteral("validate"), {CheckCommands::validate, {QStringLiteral("offline")}}},
        {QStringLiteral("lint"), {CheckCommands::lint, {QStringLiteral("fail-on")}}},
        {QStringLiteral("verify"), {CheckCommands::verify, {}}},
        {QStringLiteral("diff"),
         {DriftCommands::diff, {QStringLiteral("name"), QStringLiteral("dry-run")}}},
        {QStringLiteral("fleet"),
         {FleetCommands::run,
          {QStringLiteral("targets"), QStringLiteral("parallel"), QStringLiteral("canary"),
           QStringLiteral("max-failures"), QStringLiteral("to"), QStringLiteral("steps"),
           QStringLiteral("all"), QStringLiteral("dry-run"), QStringLiteral("single-transaction")},
          true}},
        {QStringLiteral("sandbox"),
         {SandboxCommands::run, {QStringLiteral("no-fsync"), QStringLiteral("tcp")}}},
        {QStringLiteral("seed"),
         {SeedCommands::run,
          {QStringLiteral("update"), QStringLiteral("dry-run"), QStringLiteral("scale"),
           QStringLiteral("admin-password-file"), QStringLiteral("file"),
           QStringLiteral("seed-value"), QStringLiteral("end-time"), QStringLiteral("confirm")}}},
        {QStringLiteral("metrics"),
         {MetricsCommands::run,
          {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("bucket"),
           QStringLiteral("width"), QStringLiteral("tz"), QStringLiteral("metric"),
           QStringLiteral("metric-type"), QStringLiteral("ids"), QStringLiteral("top"),
           QStringLiteral("format"), QStringLiteral("previous")}}},
        {QStringLiteral("explain"),
         {ExplainCommands::run,
          {QStringLiteral("analyze"), QStringLiteral("sql"), QStringLiteral("file"),
           QStringLiteral("read-only"), QStringLiteral("production"), QStringLiteral("confirm")}}},
        {QStringLiteral("sql"),
         {SqlCommands::run,
          {QStringLiteral("sql"), QStringLiteral("file"), QStringLiteral("read-only"),
           QStringLiteral("production"), QStringLiteral("confirm")}}},
        {QStringLiteral("activity"),
         {ActivityCommands::run,
          {QStringLiteral("blocking"), QStringLiteral("confirm"), QStringLiteral("all-databases"),
           QStringLiteral("backend-start"), QStringLiteral("replication")}}},
        {QStringLiteral("prompts"),
         {[](CliContext &ctx) {
              // encryption|key: PromptKeyCommands; everything else: PromptCommands
              const int rc = PromptKeyCommands::run(ctx);
              if (rc >= 0)
                  return rc;
              if (ctx.parser().isSet(QStringLiteral("passphrase-file")))
                  return ctx.fail(2,
                                  CliApplication::tr("--passphrase-file applies to \"prompts "
                                                     "key\" only"));
              for (const char *o : {"backup-file", "no-backup"})
                  if (ctx.parser().isSet(QLatin1String(o)))
                      return ctx.fail(2,
                                      CliApplication::tr("--%1 applies to \"prompts encryption "
                                                         "enable\" and \"prompts key rotate\" "
                                                         "only")
                                          .arg(QLatin1String(o)));
              return PromptCommands::run(ctx);
          },
          {QStringLiteral("search"), QStringLiteral("type"), QStringLiteral("model"),
           QStringLiteral("label"), QStringLiteral("period-days"), QStringLiteral("prompt-version"),
           QStringLiteral("ids"), QStringLiteral("decrypt"), QStringLiteral("file"),
           QStringLiteral("dry-run"), QStringLiteral("protect"), QStringLiteral("unprotect"),
           QStringLiteral("confirm"), QStringLiteral("passphrase-file"),
           QStringLiteral("backup-file"), QStringLiteral("no-backup")}}},
    };
    return table;
}

// The commands the help lists: synopsis (command and option names, not translated) and what it
// does (translated; "\n" continues the description on the next line of its column). A translator
// keeps each description line within about 50 characters.
struct CommandHelp
{
    const char *synopsis;
    const char *description;
};

const CommandHelp kCommandHelp[] = {
    {"status",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "every migration: version, name, state, applied at/by, duration")},
    {"up [--to V] [--dry-run] [--allow-out-of-order] [--single-transaction]",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "apply pending migrations in order")},
    {"down [--steps N | --to V | --all] [--dry-run] [--single-transaction]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "roll back (default: the last one; --to V keeps V applied)")},
    {"new NAME",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "scaffold VERSION_NAME/{up.sql,down.sql} in --dir")},
    {"validate [--offline]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "syntax of every file (file:line:col) + checksums vs the ledger")},
    {"lint [--fail-on danger|warning]",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "destructive statements per migration")},
    {"baseline V",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "mark everything up to V applied without running it")},
    {"repair [--yes]",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "re-record edited checksums; list failed runs")},
    {"repair --mark-done V | --resume V | --forget V [--yes]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "decide about failed no-transaction run V: finished by\nhand / run the rest "
                       "of it / it never happened")},
    {"history [VERSION] [--limit N]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the event log: apply, rollback, baseline, repair, failure")},
    {"foreign [--table NAME]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "other tools' histories (TypeORM, Prisma, Flyway,\n"
                       "dbmate, golang-migrate, node-pg-migrate, diesel)")},
    {"adopt --from TOOL [--table NAME] [--dry-run] [--accept-checksums]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "take over a tool's history: each entry matched to\none folder, "
                       "recorded applied without running it")},
    {"import-migrations --from TOOL SRC --out DIR [--force] [--verify] [--placeholder N=V]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "convert dbmate, golang-migrate, Flyway, node-pg-migrate,\n"
                       "diesel, Prisma or TypeORM files into VERSION_name/{up,down}.sql")},
    {"verify",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "round-trip every migration on a sandbox; drift of the target")},
    {"diff --name NAME [--dry-run]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the target's drift as a new migration folder, proved\non a sandbox "
                       "(destructive steps held back)")},
    {"fleet --targets FILE [--parallel N] [--canary K] [--max-failures F] status|up|down|drift",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "one command over many databases: a line per target,\n"
                       "a canary first, waves in file order, a failure budget")},
    {"sandbox start|stop|status|env",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "the private PostgreSQL cluster")},
    {"seed prompts [--update] [--dry-run] [--file F] [--confirm DATABASE]", nullptr},
    {"seed initial [--admin-password-file F]", nullptr},
    {"seed demo --scale N [--seed-value S] [--end-time T]", nullptr},
    {"metrics persona|capability|tools|interactions|tokens --from T --to T [--previous]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the series an Analytics panel draws, as CSV or JSON")},
    {"explain [--analyze] [--read-only] [--production [--confirm DATABASE]] (-c SQL | -f FILE)",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the plan of one statement: top nodes by exclusive time,\nrow "
                       "estimates off by 10x or more")},
    {"sql [--read-only] [--production [--confirm DATABASE]] (-c SQL | -f FILE)",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "run statements with the SQL view's guards: read-only\n"
                       "transactions rolled back, production asks for the name")},
    {"prompts list [--search T] [--type T] [--model M] [--label L] [--period-days N]", nullptr},
    {"prompts show ID [--version N]", nullptr},
    {"prompts diff ID A B",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "line and word diff of two versions, parameters apart")},
    {"prompts export [--ids ID,...] [--decrypt] --file F", nullptr},
    {"prompts import F [--dry-run]", nullptr},
    {"prompts label ID LABEL VERSION [--protect|--unprotect] [--confirm DATABASE]", nullptr},
    {"prompts history ID",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "versions, label history and audit trail")},
    {"prompts encryption enable (--backup-file F [--passphrase-file P] | --no-backup)", nullptr},
    {"prompts encryption disable|status",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "encryption at rest of the system prompts (key in the keychain)")},
    {"prompts key export F | import F [--passphrase-file P]",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "the data key as a passphrase-protected file")},
    {"prompts key rotate (--backup-file F [--passphrase-file P] | --no-backup)",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "re-seal every text with a new key (the old key stays)")},
    {"activity [--blocking]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the server's sessions and lock chains\n(blocked -> blocker -> root "
                       "blocker)")},
    {"activity --replication",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "standbys and their lag (bytes, time), replication\nslots and the WAL "
                       "they keep; on a standby its\nreceive and replay lag")},
    {"activity cancel|terminate PID [--all-databases] [--backend-start TIME] [--confirm "
     "DATABASE]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "cancel a session's statement / end the session\n(not the console's own; "
                       "only sessions of the\nconnected database unless --all-databases;\n"
                       "--confirm with the session's database unless\n--sandbox)")},
};

// The application description of --help: an introduction, the commands in two columns (the
// descriptions from column 30, below a synopsis too long for its column), the exit codes.
QString description()
{
    constexpr int kColumn = 28; // after the two-space indent
    QString text
        = CliApplication::tr("Apply, roll back and check the migrations of a UAIP database.");
    text += QStringLiteral("\n\n") + CliApplication::tr("Commands:") + u'\n';
    for (const CommandHelp &c : kCommandHelp) {
        const QString synopsis = QString::fromLatin1(c.synopsis);
        QStringList description;
        if (c.description)
            description
                = QCoreApplication::translate("uaip::CliApplication", c.description).split(u'\n');
        if (!description.isEmpty() && synopsis.size() <= kColumn - 2) {
            text += QStringLiteral("  ") + synopsis.leftJustified(kColumn) + description.takeFirst()
                + u'\n';
        } else {
            text += QStringLiteral("  ") + synopsis + u'\n';
        }
        for (const QString &line : description)
            text += QString(kColumn + 2, u' ') + line + u'\n';
    }
    //: keep the numbers and the line break with its indentation (the codes line up)
    text += u'\n'
        + CliApplication::tr("Exit codes: 0 ok, 1 a migration failed, 2 bad usage or bad input,\n"
                             "            3 validation problems or drift found, 4 migration lock "
                             "not obtained in time.");
    return text;
}

// The program's own options and those of the migration commands.
QList<QCommandLineOption> globalAndMigrationOptions()
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
        {QStringLiteral("dir"),
         CliApplication::tr("Migrations folder (default: the bundled migrations)."),
         QStringLiteral("path")},
        {QStringLiteral("json"), CliApplication::tr("Print one JSON document.")},
        {QStringLiteral("lock-timeout"),
         CliApplication::tr(
             "Wait this long for the migration lock and for table locks (5s, 500ms, 2min)."),
         QStringLiteral("duration"), QStringLiteral("10s")},
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
        {QStringLiteral("single-transaction"),
         CliApplication::tr(
             "up, down: the whole plan in one transaction: every migration commits, or none "
             "does (no-transaction migrations are refused).")},
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
        {QStringLiteral("name"), CliApplication::tr("diff: the generated migration's name."),
         QStringLiteral("NAME")},
        {QStringLiteral("fail-on"),
         CliApplication::tr("lint: exit 3 on findings of this severity."),
         QStringLiteral("danger|warning")},
        {QStringLiteral("limit"), CliApplication::tr("history: at most N events."),
         QStringLiteral("N")},
        {QStringLiteral("no-fsync"),
         CliApplication::tr("sandbox start: fsync off (throwaway test clusters).")},
        {QStringLiteral("tcp"),
         CliApplication::tr("sandbox start: also listen on 127.0.0.1 (password auth).")},
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

// The options of seed, sql/explain, import-migrations/adopt and metrics.
QList<QCommandLineOption> dataAndImportOptions()
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
        {QStringLiteral("force"),
         CliApplication::tr(
             "import-migrations: replace a non-empty --out directory an earlier import wrote "
             "(its .uaip-import marker's files, unchanged).")},
        {QStringLiteral("accept-checksums"),
         CliApplication::tr(
             "adopt: take over folders whose up.sql is not the file the tool recorded (Flyway's "
             "and Prisma's checksums), each noted.")},
        {QStringLiteral("verify"),
         CliApplication::tr(
             "import-migrations: apply the converted set on a sandbox database and compare its "
             "schema with the connected source database's.")},
        {QStringLiteral("table"),
         CliApplication::tr(
             "foreign, adopt, import-migrations --verify: the tool's history table has this "
             "name (TypeORM's migrationsTableName, ...)."),
         QStringLiteral("name")},
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

// The options of prompts, activity and fleet.
QList<QCommandLineOption> promptAndActivityOptions()
{
    return {
        {QStringLiteral("search"),
         CliApplication::tr("prompts list: full-text search over names and texts."),
         QStringLiteral("text")},
        {QStringLiteral("type"), CliApplication::tr("prompts list: only this prompt type."),
         QStringLiteral("type")},
        {QStringLiteral("model"), CliApplication::tr("prompts list: only this model preference."),
         QStringLiteral("model")},
        {QStringLiteral("label"), CliApplication::tr("prompts list: only prompts with this label."),
         QStringLiteral("label")},
        {QStringLiteral("period-days"),
         CliApplication::tr("prompts list: usage over the last N days (default 30)."),
         QStringLiteral("N")},
        {QStringLiteral("prompt-version"),
         CliApplication::tr("prompts show: this version (also written --version N)."),
         QStringLiteral("N")},
        {QStringLiteral("decrypt"),
         CliApplication::tr("prompts export: export encrypted prompts decrypted (needs the key).")},
        {QStringLiteral("protect"), CliApplication::tr("prompts label: protect the label.")},
        {QStringLiteral("unprotect"),
         CliApplication::tr("prompts label: remove the label's protection.")},
        {QStringLiteral("confirm"),
         CliApplication::tr(
             "prompts label, seed prompts: the database name, to move a protected label; "
             "activity cancel|terminate: the name of the session's database (needed unless "
             "--sandbox); sql, explain --production: the database name, to run a statement "
             "that can write."),
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
        {QStringLiteral("blocking"),
         CliApplication::tr("activity: only the sessions in lock chains (blocked or blocking).")},
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

} // namespace

int CliApplication::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    for (const auto &options :
         {globalAndMigrationOptions(), dataAndImportOptions(), promptAndActivityOptions()})
        parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("command"), tr("See the list above."));
    // "prompts show ID --version N": --version is also the program's own option (no value).
    QStringList args = arguments;
    if (args.contains(QStringLiteral("prompts")))
        for (qsizetype i = 1; i < args.size(); ++i) {
            bool number = false;
            if (args[i] == QLatin1String("--version") && i + 1 < args.size()) {
                args[i + 1].toInt(&number);
                if (number)
                    args[i] = QStringLiteral("--prompt-version");
            } else if (args[i].startsWith(QLatin1String("--version="))) {
                args[i].replace(0, 9, QStringLiteral("--prompt-version"));
            }
        }
    if (!parser.parse(args)) {
        // a usage error is still one JSON document when --json was asked for
        if (args.contains(QStringLiteral("--json"))) {
            const QStringList words = parser.positionalArguments();
            CliOutput(true).document(JsonFormat::failure(words.value(0), 2, parser.errorText()));
        } else {
            QTextStream(stderr) << "uaip-migrate: " << parser.errorText() << "\n";
        }
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion(); // exits 0
    }
    CliOutput output(parser.isSet(QStringLiteral("json")));
    QStringList positional = parser.positionalArguments();
    CliContext probe(parser, output, {});
    if (positional.isEmpty())
        return probe.fail(2, tr("no command given; see --help"));
    const QString name = positional.takeFirst();
    probe.setCommand(name);
    const auto it = commands().constFind(name);
    if (it == commands().constEnd())
        return probe.fail(2, tr("unknown command \"%1\"; see --help").arg(name));
    // an option some command owns is refused by every other command (the table says whose)
    static const QSet<QString> specific = [] {
        QSet<QString> all;
        for (const Command &c : commands())
            for (const QString &option : c.options)
                all.insert(option);
        return all;
    }();
    for (const QString &option : specific)
        if (parser.isSet(option) && !it->options.contains(option))
            return probe.fail(2, tr("--%1 does not apply to \"%2\"").arg(option, name));
    if (CliContext::parseDuration(parser.value(QStringLiteral("lock-timeout"))) < 0)
        return probe.fail(2,
                          tr("--lock-timeout \"%1\" is not a duration (5s, 500ms, 2min)")
                              .arg(parser.value(QStringLiteral("lock-timeout"))));
    CliContext ctx(parser, output, positional);
    ctx.setCommand(name);
    return it->run(ctx);
}

} // namespace uaip
