#include "cliapplication.h"

#include "checkcommands.h"
#include "clicontext.h"
#include "clioutput.h"
#include "metricscommands.h"
#include "migratecommands.h"
#include "promptcommands.h"
#include "promptkeycommands.h"
#include "sandboxcommands.h"
#include "seedcommands.h"

#include <QCommandLineParser>
#include <QHash>
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
         {MigrateCommands::up, {QStringLiteral("to"), QStringLiteral("dry-run")}, true}},
        {QStringLiteral("down"),
         {MigrateCommands::down,
          {QStringLiteral("to"), QStringLiteral("steps"), QStringLiteral("all"),
           QStringLiteral("dry-run")},
          true}},
        {QStringLiteral("new"), {MigrateCommands::create, {}}},
        {QStringLiteral("baseline"), {MigrateCommands::baseline, {}, true}},
        {QStringLiteral("repair"),
         {MigrateCommands::repair,
          {QStringLiteral("yes"), QStringLiteral("mark-done"), QStringLiteral("resume"),
           QStringLiteral("forget")},
          true}},
        {QStringLiteral("history"), {MigrateCommands::history, {QStringLiteral("limit")}}},
        {QStringLiteral("validate"), {CheckCommands::validate, {QStringLiteral("offline")}}},
        {QStringLiteral("lint"), {CheckCommands::lint, {QStringLiteral("fail-on")}}},
        {QStringLiteral("verify"), {CheckCommands::verify, {}}},
        {QStringLiteral("sandbox"),
         {SandboxCommands::run, {QStringLiteral("no-fsync"), QStringLiteral("tcp")}}},
        {QStringLiteral("seed"),
         {SeedCommands::run,
          {QStringLiteral("update"), QStringLiteral("dry-run"), QStringLiteral("scale"),
           QStringLiteral("admin-password-file"), QStringLiteral("file"),
           QStringLiteral("seed-value")}}},
        {QStringLiteral("metrics"),
         {MetricsCommands::run,
          {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("bucket"),
           QStringLiteral("width"), QStringLiteral("tz"), QStringLiteral("metric"),
           QStringLiteral("metric-type"), QStringLiteral("ids"), QStringLiteral("top"),
           QStringLiteral("format"), QStringLiteral("previous")}}},
        {QStringLiteral("prompts"),
         {[](CliContext &ctx) {
              // encryption|key: PromptKeyCommands; everything else: PromptCommands
              const int rc = PromptKeyCommands::run(ctx);
              if (rc >= 0)
                  return rc;
              if (ctx.parser().isSet(QStringLiteral("passphrase-file")))
                  return ctx.fail(2,
                                  QStringLiteral("--passphrase-file applies to \"prompts "
                                                 "key\" only"));
              return PromptCommands::run(ctx);
          },
          {QStringLiteral("search"), QStringLiteral("type"), QStringLiteral("model"),
           QStringLiteral("label"), QStringLiteral("period-days"), QStringLiteral("prompt-version"),
           QStringLiteral("ids"), QStringLiteral("decrypt"), QStringLiteral("file"),
           QStringLiteral("dry-run"), QStringLiteral("protect"), QStringLiteral("unprotect"),
           QStringLiteral("confirm"), QStringLiteral("passphrase-file")}}},
    };
    return table;
}

const char *kDescription = R"(Apply, roll back and check the migrations of a UAIP database.

Commands:
  status                      every migration: version, name, state, applied at/by, duration
  up [--to V] [--dry-run]     apply pending migrations in order
  down [--steps N | --to V | --all] [--dry-run]
                              roll back (default: the last one; --to V keeps V applied)
  new NAME                    scaffold VERSION_NAME/{up.sql,down.sql} in --dir
  validate [--offline]        syntax of every file (file:line:col) + checksums vs the ledger
  lint [--fail-on danger|warning]
                              destructive statements per migration
  baseline V                  mark everything up to V applied without running it
  repair [--yes]              re-record edited checksums; list failed runs
  repair --mark-done V | --resume V | --forget V [--yes]
                              decide about failed no-transaction run V: finished by
                              hand / run the rest of it / it never happened
  history [VERSION] [--limit N]
                              the event log: apply, rollback, baseline, repair, failure
  verify                      round-trip every migration on a sandbox; drift of the target
  sandbox start|stop|status|env
                              the private PostgreSQL cluster
  seed prompts [--update] [--dry-run] [--file F]
  seed initial [--admin-password-file F]
  seed demo --scale N [--seed-value S]
  metrics persona|capability|tools|interactions|tokens --from T --to T [--previous]
                              the series an Analytics panel draws, as CSV or JSON
  prompts list [--search T] [--type T] [--model M] [--label L] [--period-days N]
  prompts show ID [--version N]
  prompts diff ID A B         line and word diff of two versions, parameters apart
  prompts export [--ids ID,...] [--decrypt] --file F
  prompts import F [--dry-run]
  prompts label ID LABEL VERSION [--protect|--unprotect] [--confirm DATABASE]
  prompts history ID          versions, label history and audit trail
  prompts encryption enable|disable|status
                              encryption at rest of the system prompts (key in the keychain)
  prompts key export F | import F [--passphrase-file P]
                              the data key as a passphrase-protected file

Exit codes: 0 ok, 1 a migration failed, 2 bad usage or bad input,
            3 validation problems or drift found, 4 migration lock not obtained in time.)";

} // namespace

int CliApplication::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("Target database: libpq conninfo or URI (default: PG* variables)."),
         QStringLiteral("conninfo")},
        {QStringLiteral("sandbox"),
         QStringLiteral("Use the private sandbox cluster (started if needed), database uaip.")},
        {QStringLiteral("data-dir"),
         QStringLiteral("Sandbox folder (default: the user's app-data folder)."),
         QStringLiteral("path")},
        {QStringLiteral("dir"),
         QStringLiteral("Migrations folder (default: the bundled migrations)."),
         QStringLiteral("path")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON document.")},
        {QStringLiteral("lock-timeout"),
         QStringLiteral(
             "Wait this long for the migration lock and for table locks (5s, 500ms, 2min)."),
         QStringLiteral("duration"), QStringLiteral("10s")},
        {QStringLiteral("to"),
         QStringLiteral("up: apply up to and including V; down: roll back to V (V stays); "
                        "metrics: end of the range (exclusive)."),
         QStringLiteral("V")},
        {QStringLiteral("steps"), QStringLiteral("down: roll back the last N migrations."),
         QStringLiteral("N")},
        {QStringLiteral("all"), QStringLiteral("down: roll back every applied migration.")},
        {QStringLiteral("dry-run"), QStringLiteral("Print the plan and its SQL; change nothing.")},
        {QStringLiteral("yes"), QStringLiteral("repair: confirm.")},
        {QStringLiteral("mark-done"),
         QStringLiteral("repair: failed run V was finished by hand (apply: applied; rollback: "
                        "rolled back)."),
         QStringLiteral("V")},
        {QStringLiteral("resume"),
         QStringLiteral("repair: run the rest of failed run V, from the statement that did not "
                        "complete."),
         QStringLiteral("V")},
        {QStringLiteral("forget"),
         QStringLiteral("repair: failed run V never happened (apply: pending again; rollback: "
                        "applied again)."),
         QStringLiteral("V")},
        {QStringLiteral("offline"), QStringLiteral("validate: syntax only, no database.")},
        {QStringLiteral("fail-on"), QStringLiteral("lint: exit 3 on findings of this severity."),
         QStringLiteral("danger|warning")},
        {QStringLiteral("limit"), QStringLiteral("history: at most N events."),
         QStringLiteral("N")},
        {QStringLiteral("no-fsync"),
         QStringLiteral("sandbox start: fsync off (throwaway test clusters).")},
        {QStringLiteral("tcp"),
         QStringLiteral("sandbox start: also listen on 127.0.0.1 (password auth).")},
        {QStringLiteral("update"),
         QStringLiteral("seed prompts: write a new version of changed prompts.")},
        {QStringLiteral("file"),
         QStringLiteral("seed prompts: seed file (default: the bundled one); prompts export: the "
                        "file to write."),
         QStringLiteral("path")},
        {QStringLiteral("scale"), QStringLiteral("seed demo: number of metric rows."),
         QStringLiteral("N")},
        {QStringLiteral("seed-value"),
         QStringLiteral("seed demo: random seed (same seed, same data)."), QStringLiteral("S"),
         QStringLiteral("42")},
        {QStringLiteral("admin-password-file"),
         QStringLiteral("seed initial: read the admin password from this file."),
         QStringLiteral("path")},
        {QStringLiteral("from"),
         QStringLiteral("metrics: start of the range (ISO 8601, a date, now, now-7d)."),
         QStringLiteral("T")},
        {QStringLiteral("bucket"),
         QStringLiteral("metrics: bucket size: auto (from range and width), 1s..12h, 1d, 1w, "
                        "1mo, 1q, 1y."),
         QStringLiteral("size"), QStringLiteral("auto")},
        {QStringLiteral("width"),
         QStringLiteral("metrics: plot width in pixels (at most 2 points per pixel column)."),
         QStringLiteral("px"), QStringLiteral("1600")},
        {QStringLiteral("tz"),
         QStringLiteral("metrics: IANA time zone of the buckets (default: the system's)."),
         QStringLiteral("zone")},
        {QStringLiteral("metric"),
         QStringLiteral("metrics: metric or capability name; tokens|response_time; "
                        "tokens|cost."),
         QStringLiteral("name")},
        {QStringLiteral("metric-type"),
         QStringLiteral("metrics: persona or capability metric type."), QStringLiteral("type")},
        {QStringLiteral("ids"),
         QStringLiteral("metrics: the series to show, comma-separated (default: top N); "
                        "prompts export: these prompt ids (default all)."),
         QStringLiteral("ids")},
        {QStringLiteral("top"),
         QStringLiteral("metrics: show the N series with most rows (0 = all)."),
         QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("format"), QStringLiteral("metrics: output format."),
         QStringLiteral("csv|json"), QStringLiteral("csv")},
        {QStringLiteral("search"),
         QStringLiteral("prompts list: full-text search over names and texts."),
         QStringLiteral("text")},
        {QStringLiteral("type"), QStringLiteral("prompts list: only this prompt type."),
         QStringLiteral("type")},
        {QStringLiteral("model"), QStringLiteral("prompts list: only this model preference."),
         QStringLiteral("model")},
        {QStringLiteral("label"), QStringLiteral("prompts list: only prompts with this label."),
         QStringLiteral("label")},
        {QStringLiteral("period-days"),
         QStringLiteral("prompts list: usage over the last N days (default 30)."),
         QStringLiteral("N")},
        {QStringLiteral("prompt-version"),
         QStringLiteral("prompts show: this version (also written --version N)."),
         QStringLiteral("N")},
        {QStringLiteral("decrypt"),
         QStringLiteral("prompts export: export encrypted prompts decrypted (needs the key).")},
        {QStringLiteral("protect"), QStringLiteral("prompts label: protect the label.")},
        {QStringLiteral("unprotect"),
         QStringLiteral("prompts label: remove the label's protection.")},
        {QStringLiteral("confirm"),
         QStringLiteral("prompts label: the database name, to move a protected label."),
         QStringLiteral("database")},
        {QStringLiteral("passphrase-file"),
         QStringLiteral("prompts key: read the key file's passphrase from this file."),
         QStringLiteral("path")},
        {QStringLiteral("previous"),
         QStringLiteral("metrics: also the previous period of the same length (CSV: a "
                        "period column, current|previous; JSON: previous_series).")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See the list above."));
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
        QTextStream(stderr) << "uaip-migrate: " << parser.errorText() << "\n";
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
        return probe.fail(2, QStringLiteral("no command given; see --help"));
    const QString name = positional.takeFirst();
    const auto it = commands().constFind(name);
    if (it == commands().constEnd())
        return probe.fail(2, QStringLiteral("unknown command \"%1\"; see --help").arg(name));
    static const QStringList specific{QStringLiteral("to"),
                                      QStringLiteral("steps"),
                                      QStringLiteral("all"),
                                      QStringLiteral("dry-run"),
                                      QStringLiteral("yes"),
                                      QStringLiteral("mark-done"),
                                      QStringLiteral("resume"),
                                      QStringLiteral("forget"),
                                      QStringLiteral("offline"),
                                      QStringLiteral("fail-on"),
                                      QStringLiteral("limit"),
                                      QStringLiteral("no-fsync"),
                                      QStringLiteral("tcp"),
                                      QStringLiteral("update"),
                                      QStringLiteral("file"),
                                      QStringLiteral("scale"),
                                      QStringLiteral("seed-value"),
                                      QStringLiteral("admin-password-file"),
                                      QStringLiteral("from"),
                                      QStringLiteral("bucket"),
                                      QStringLiteral("width"),
                                      QStringLiteral("tz"),
                                      QStringLiteral("metric"),
                                      QStringLiteral("metric-type"),
                                      QStringLiteral("ids"),
                                      QStringLiteral("top"),
                                      QStringLiteral("format"),
                                      QStringLiteral("search"),
                                      QStringLiteral("type"),
                                      QStringLiteral("model"),
                                      QStringLiteral("label"),
                                      QStringLiteral("period-days"),
                                      QStringLiteral("prompt-version"),
                                      QStringLiteral("decrypt"),
                                      QStringLiteral("protect"),
                                      QStringLiteral("unprotect"),
                                      QStringLiteral("confirm"),
                                      QStringLiteral("passphrase-file"),
                                      QStringLiteral("previous")};
    for (const QString &option : specific)
        if (parser.isSet(option) && !it->options.contains(option))
            return probe.fail(2, QStringLiteral("--%1 does not apply to \"%2\"").arg(option, name));
    if (CliContext::parseDuration(parser.value(QStringLiteral("lock-timeout"))) < 0)
        return probe.fail(
            2,
            QStringLiteral("--lock-timeout \"%1\" is not a duration (5s, 500ms, 2min)")
                .arg(parser.value(QStringLiteral("lock-timeout"))));
    CliContext ctx(parser, output, positional);
    return it->run(ctx);
}

} // namespace uaip
