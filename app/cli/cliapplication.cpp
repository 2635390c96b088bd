#include "cliapplication.h"

#include "jsonformat.h"

#include "activitycommands.h"
#include "checkcommands.h"
#include "clicontext.h"
#include "clioptions.h"
#include "clioutput.h"
#include "ddlcommands.h"
#include "driftcommands.h"
#include "explaincommands.h"
#include "fleetcommands.h"
#include "foreigncommands.h"
#include "importcommands.h"
#include "insightscommands.h"
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
#include <optional>

namespace uaip {

namespace {

struct Command
{
    std::function<int(CliContext &)> run;
    QStringList options; // command-specific options it accepts
    bool needsLockTimeout = false;
};

using CommandList = QList<std::pair<QString, Command>>;

// The commands of the ledger: status, up, down, new, baseline, repair, history.
CommandList migrationCommands()
{
    return {
        {QStringLiteral("status"), {MigrateCommands::status, {}}},
        {QStringLiteral("up"),
         {MigrateCommands::up,
          {QStringLiteral("to"), QStringLiteral("dry-run"), QStringLiteral("allow-out-of-order"),
           QStringLiteral("single-transaction"), QStringLiteral("max-blocking-rows"),
           QStringLiteral("force-contract")},
          true}},
        {QStringLiteral("down"),
         {MigrateCommands::down,
          {QStringLiteral("to"), QStringLiteral("steps"), QStringLiteral("all"),
           QStringLiteral("dry-run"), QStringLiteral("single-transaction"),
           QStringLiteral("max-blocking-rows")},
          true}},
        {QStringLiteral("new"),
         {MigrateCommands::create, {QStringLiteral("online"), QStringLiteral("dry-run")}}},
        {QStringLiteral("baseline"), {MigrateCommands::baseline, {}, true}},
        {QStringLiteral("repair"),
         {MigrateCommands::repair,
          {QStringLiteral("yes"), QStringLiteral("mark-done"), QStringLiteral("resume"),
           QStringLiteral("forget")},
          true}},
        {QStringLiteral("history"), {MigrateCommands::history, {QStringLiteral("limit")}}},
    };
}

// Other tools' migrations (foreign, adopt, import-migrations), the checks and fleet.
CommandList foreignAndCheckCommands()
{
    return {
        {QStringLiteral("foreign"), {ForeignCommands::foreign, {QStringLiteral("table")}}},
        {QStringLiteral("adopt"),
         {ForeignCommands::adopt,
          {QStringLiteral("from"), QStringLiteral("table"), QStringLiteral("dry-run"),
           QStringLiteral("accept-checksum"), QStringLiteral("accept-checksums")},
          true}},
        {QStringLiteral("import-migrations"),
         {ImportCommands::importMigrations,
          {QStringLiteral("from"), QStringLiteral("out"), QStringLiteral("force"),
           QStringLiteral("verify"), QStringLiteral("table"), QStringLiteral("placeholder"),
           QStringLiteral("exclude"), QStringLiteral("since"), QStringLiteral("max-blocking-rows"),
           QStringLiteral("java")}}},
        {QStringLiteral("validate"), {CheckCommands::validate, {QStringLiteral("offline")}}},
        {QStringLiteral("lint"),
         {CheckCommands::lint, {QStringLiteral("fail-on"), QStringLiteral("max-blocking-rows")}}},
        {QStringLiteral("verify"), {CheckCommands::verify, {QStringLiteral("table")}}},
        {QStringLiteral("diff"),
         {DriftCommands::diff,
          {QStringLiteral("name"), QStringLiteral("dry-run"), QStringLiteral("max-blocking-rows"),
           QStringLiteral("table")}}},
        {QStringLiteral("fleet"),
         {FleetCommands::run,
          {QStringLiteral("targets"), QStringLiteral("parallel"), QStringLiteral("canary"),
           QStringLiteral("max-failures"), QStringLiteral("to"), QStringLiteral("steps"),
           QStringLiteral("all"), QStringLiteral("dry-run"), QStringLiteral("single-transaction"),
           QStringLiteral("max-blocking-rows"), QStringLiteral("table")},
          true}},
    };
}

// The platform's data and server: sandbox, seed, metrics, explain, sql, activity, prompts.
CommandList dataAndServerCommands()
{
    return {
        {QStringLiteral("sandbox"),
         {SandboxCommands::run,
          {QStringLiteral("no-fsync"), QStringLiteral("tcp"),
           QStringLiteral("prepared-transactions")}}},
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
        {QStringLiteral("insights"),
         {InsightsCommands::run,
          {QStringLiteral("order"), QStringLiteral("limit"), QStringLiteral("bloat"),
           QStringLiteral("confirm"), QStringLiteral("name"), QStringLiteral("dry-run"),
           QStringLiteral("min-ratio"), QStringLiteral("min-ms"), QStringLiteral("keep"),
           QStringLiteral("days"), QStringLiteral("query"), QStringLiteral("table")}}},
        {QStringLiteral("ddl"),
         {DdlCommands::run, {QStringLiteral("kind"), QStringLiteral("list")}}},
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
                  return ctx.fail(
                      2,
                      Error(ErrorCode::BadInput,
                            CliApplication::tr("--passphrase-file applies to "
                                               "\"prompts key\" only"),
                            {{QStringLiteral("option"), QStringLiteral("passphrase-file")}}));
              for (const char *o : {"backup-file", "no-backup"})
                  if (ctx.parser().isSet(QLatin1String(o)))
                      return ctx.fail(
                          2,
                          Error(ErrorCode::BadInput,
                                CliApplication::tr("--%1 applies to \"prompts encryption "
                                                   "enable\" and \"prompts key rotate\" "
                                                   "only")
                                    .arg(QLatin1String(o)),
                                {{QStringLiteral("option"), QLatin1String(o)}}));
              return PromptCommands::run(ctx);
          },
          {QStringLiteral("search"), QStringLiteral("type"), QStringLiteral("model"),
           QStringLiteral("label"), QStringLiteral("period-days"), QStringLiteral("prompt-version"),
           QStringLiteral("ids"), QStringLiteral("decrypt"), QStringLiteral("file"),
           QStringLiteral("dry-run"), QStringLiteral("protect"), QStringLiteral("unprotect"),
           QStringLiteral("confirm"), QStringLiteral("passphrase-file"),
           QStringLiteral("backup-file"), QStringLiteral("no-backup")}}},
    };
}

// The command table, by name (the families inserted in the order above).
const QHash<QString, Command> &commands()
{
    static const QHash<QString, Command> table = [] {
        const CommandList all
            = migrationCommands() + foreignAndCheckCommands() + dataAndServerCommands();
        return QHash<QString, Command>(all.cbegin(), all.cend());
    }();
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
    {"up [--to V] [--dry-run] [--allow-out-of-order] [--single-transaction] [--force-contract "
     "REASON]",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "apply pending migrations in order")},
    {"down [--steps N | --to V | --all] [--dry-run] [--single-transaction]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "roll back (default: the last one; --to V keeps V applied)")},
    {"new NAME",
     QT_TRANSLATE_NOOP("uaip::CliApplication", "scaffold VERSION_NAME/{up.sql,down.sql} in --dir")},
    {"new NAME --online SQL [--dry-run]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "a rename, type change or SET NOT NULL as an expand and a contract\n"
                       "migration, proved on the sandbox")},
    {"validate [--offline]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "syntax of every file (file:line:col) + checksums vs the ledger")},
    {"lint [--fail-on danger|warning]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "destructive statements and ones whose locks block a table\n(squawk's "
                       "lock-safety rules among them), per migration; with\n--db each with its "
                       "table's live rows and size")},
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
                       "dbmate, golang-migrate, node-pg-migrate, diesel, sqlx)")},
    {"adopt --from TOOL [--table NAME] [--dry-run] [--accept-checksum VERSION]...",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "take over a tool's history: each entry matched to\none folder, "
                       "recorded applied without running it")},
    {"import-migrations --from TOOL SRC --out DIR [--force] [--verify] [--placeholder N=V]\n"
     "    [--exclude GLOB] [--java DIR] [--since VERSION]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "convert dbmate, golang-migrate, Flyway, node-pg-migrate,\n"
                       "diesel, Prisma, TypeORM or sqlx files into\n"
                       "VERSION_name/{up,down}.sql")},
    {"verify [--table NAME]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "round-trip every migration on a sandbox; drift of the target")},
    {"diff --name NAME [--dry-run] [--table NAME]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the target's drift as a new migration folder, proved\non a sandbox "
                       "(destructive steps held back)")},
    {"fleet --targets FILE [--parallel N] [--canary K] [--max-failures F] status|up|down|drift",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "one command over many databases: a line per target,\n"
                       "a canary first, waves in file order, a failure budget")},
    {"sandbox start|stop|status|env [--pg MAJOR]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the private PostgreSQL cluster, one per major version")},
    {"sandbox install MAJOR...",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "fetch a major version's server programs (npm's upstream build)")},
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
    {"insights queries [--order total|mean] [--limit N]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the top statements (pg_stat_statements): time, calls,\nrows, cache hits")},
    {"insights indexes [--limit N] [--bloat]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "indexes the top statements need, proven with\nhypothetical indexes "
                       "(hypopg); unused, duplicate,\ncovered, invalid (--bloat: bloated) ones")},
    {"insights tables [--limit N] [--bloat]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "dead tuples, vacuum, what holds back the xmin horizon,\nwraparound "
                       "headroom, sequences near their end")},
    {"insights connections",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "connection slots left, sessions by application and\nstate, idle in "
                       "transaction")},
    {"insights since VERSION [--min-ratio R] [--min-ms MS]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "each top statement before the run that applied\nVERSION and now: mean "
                       "time, calls, plan; exit 3\nwhen one is slower, faster ones listed")},
    {"insights migrate INDEX [--name NAME] [--dry-run] [--bloat]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "a proposed index or an index finding as a\nno-transaction migration, "
                       "proved on a sandbox")},
    {"insights record [--keep 30d]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "one sample of the workload history: the top\nstatements' counters, "
                       "table sizes, connections\n(kept in the ledger's schema, pruned past "
                       "--keep)")},
    {"insights history [--days N] [--query QUERYID] [--table NAME]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the workload history over the last days: each\nstatement's mean time "
                       "and calls, table sizes,\nthe migrations applied in between")},
    {"insights enable EXTENSION [--confirm DATABASE]",
     QT_TRANSLATE_NOOP(
         "uaip::CliApplication",
         "CREATE EXTENSION pg_stat_statements, hypopg,\npg_qualstats or pgstattuple")},
    {"ddl [schema.]name[(argument types)] [--kind KIND]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the statements that create an object (pg_dump -s's\nform); --json adds "
                       "uses, used_by and size")},
    {"ddl --list [SCHEMA] [--kind KIND]",
     QT_TRANSLATE_NOOP("uaip::CliApplication",
                       "the schemas with their objects per kind, or one\nschema's objects")},
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

// "prompts show ID --version N": --version is also the program's own option (no value), so
// there a --version followed by a value (not an option) is read as --prompt-version, whose
// value is then checked ("abc" is bad input, not a request for the program's version).
QStringList withPromptVersion(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.contains(QStringLiteral("prompts")))
        for (qsizetype i = 1; i < args.size(); ++i) {
            if (args[i] == QLatin1String("--version") && i + 1 < args.size()) {
                if (!args[i + 1].startsWith(QLatin1String("--")))
                    args[i] = QStringLiteral("--prompt-version");
            } else if (args[i].startsWith(QLatin1String("--version="))) {
                args[i].replace(0, 9, QStringLiteral("--prompt-version"));
            }
        }
    return args;
}

// --help's text, its usage line naming program: Qt names the process's first argument, the
// same as program for uaip-migrate itself, another program's when run in-process.
QString helpText(const QCommandLineParser &parser, const QString &program)
{
    QString text = parser.helpText();
    const QString self
        = QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : QString();
    const qsizetype at = self.isEmpty() ? -1 : text.indexOf(self);
    if (!program.isEmpty() && at >= 0 && at < text.indexOf(u'\n'))
        text.replace(at, self.size(), program);
    return text;
}

// An option of another command, or a value an option cannot take: the error that says so.
std::optional<Error> refusedOption(const QCommandLineParser &parser,
                                   const QStringList &commandOptions, const QString &name)
{
    // an option some command owns is refused by every other command (the table says whose)
    static const QSet<QString> specific = [] {
        QSet<QString> all;
        for (const Command &c : commands())
            for (const QString &option : c.options)
                all.insert(option);
        return all;
    }();
    for (const QString &option : specific)
        if (parser.isSet(option) && !commandOptions.contains(option))
            return Error(ErrorCode::BadInput,
                         CliApplication::tr("--%1 does not apply to \"%2\"").arg(option, name),
                         {{QStringLiteral("option"), option}, {QStringLiteral("command"), name}});
    for (const QString &option : {QStringLiteral("lock-timeout"), QStringLiteral("lock-attempt"),
                                  QStringLiteral("statement-timeout")}) {
        if (CliContext::parseDuration(parser.value(option)) < 0)
            return Error(ErrorCode::BadInput,
                         CliApplication::tr("--%1 \"%2\" is not a duration (5s, 500ms, 2min)")
                             .arg(option, parser.value(option)),
                         {{QStringLiteral("option"), option}});
    }
    if (parser.isSet(QStringLiteral("force-contract"))
        && parser.value(QStringLiteral("force-contract")).trimmed().isEmpty())
        return Error(ErrorCode::BadInput,
                     CliApplication::tr("--force-contract needs a reason, e.g. --force-contract "
                                        "\"the old column is read by a report that is retired\""),
                     {{QStringLiteral("option"), QStringLiteral("force-contract")}});
    if (CliContext::parseMaxRows(parser.value(QStringLiteral("max-blocking-rows"))) < -1)
        return Error(
            ErrorCode::BadInput,
            CliApplication::tr("--max-blocking-rows \"%1\" is neither a number of rows nor off")
                .arg(parser.value(QStringLiteral("max-blocking-rows"))),
            {{QStringLiteral("option"), QStringLiteral("max-blocking-rows")}});
    return std::nullopt;
}

} // namespace

int CliApplication::run(const QStringList &arguments, const CliStreams &streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    for (const auto &options :
         {globalAndMigrationOptions(), dataAndImportOptions(), promptAndActivityOptions()})
        parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("command"), tr("See the list above."));
    const QStringList args = withPromptVersion(arguments);
    if (!parser.parse(args)) {
        // a usage error is still one JSON document when --json was asked for
        CliOutput usage(args.contains(QStringLiteral("--json")), streams);
        if (usage.json()) {
            const QStringList words = parser.positionalArguments();
            usage.document(JsonFormat::failure(words.value(0), 2,
                                               Error(ErrorCode::BadInput, parser.errorText())));
        } else {
            usage.error(QStringLiteral("uaip-migrate: ") + parser.errorText());
        }
        return 2;
    }
    CliOutput output(parser.isSet(QStringLiteral("json")), streams);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        QTextStream(output.outDevice()) << helpText(parser, arguments.value(0));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        // what QCommandLineParser::showVersion() prints, without its exit()
        QTextStream(output.outDevice()) << QCoreApplication::applicationName() << u' '
                                        << QCoreApplication::applicationVersion() << u'\n';
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    CliContext probe(parser, output, {});
    if (positional.isEmpty())
        return probe.fail(2, Error(ErrorCode::BadInput, tr("no command given; see --help")));
    const QString name = positional.takeFirst();
    probe.setCommand(name);
    const auto it = commands().constFind(name);
    if (it == commands().constEnd())
        return probe.fail(2,
                          Error(ErrorCode::BadInput,
                                tr("unknown command \"%1\"; see --help").arg(name),
                                {{QStringLiteral("command"), name}}));
    if (const std::optional<Error> refused = refusedOption(parser, it->options, name))
        return probe.fail(2, *refused);
    CliContext ctx(parser, output, positional);
    ctx.setCommand(name);
    return it->run(ctx);
}

} // namespace uaip
