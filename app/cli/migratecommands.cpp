#include "migratecommands.h"
#include "db/serversupport.h"
#include "onlinecommands.h"

#include "clicontext.h"
#include "forecast/lockforecastformat.h"
#include "interruptwatch.h"
#include "jsonformat.h"
#include "ledger/ledger.h"
#include "ledger/migrationscaffold.h"
#include "live/batchwalkgate.h"
#include "live/blockingworkgate.h"
#include "live/concurrentindexleftovers.h"
#include "live/contractgate.h"
#include "live/planforecastreader.h"
#include "migrate/migrationplanner.h"
#include "migrate/planchecker.h"
#include "migrate/plangate.h"
#include "migrate/serversyntaxcheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace uaip {

namespace {

QString pad(const QString &s, int width)
{
    return s.leftJustified(width, u' ');
}

// Runs a runner command with progress printed, then prints its result.
int report(CliContext &ctx, const QString &command, MigrationRunner &runner,
           const std::function<RunResult()> &run)
{
    QObject::connect(&runner, &MigrationRunner::stepStarted,
                     [&](int i, int n, const QString &id, const QString &action) {
                         ctx.out().event({{QStringLiteral("event"), QStringLiteral("start")},
                                          {QStringLiteral("index"), i + 1},
                                          {QStringLiteral("total"), n},
                                          {QStringLiteral("migration"), id},
                                          {QStringLiteral("action"), action}},
                                         (action == QLatin1String("apply")
                                              ? MigrateCommands::tr("[%1/%2] applying %3 ...")
                                              : MigrateCommands::tr("[%1/%2] rolling back %3 ..."))
                                             .arg(i + 1)
                                             .arg(n)
                                             .arg(id));
                     });
    QObject::connect(&runner, &MigrationRunner::stepFinished,
                     [&](int i, int n, const QString &id, const QString &action, bool ok, int ms) {
                         ctx.out().event({{QStringLiteral("event"), QStringLiteral("finish")},
                                          {QStringLiteral("index"), i + 1},
                                          {QStringLiteral("total"), n},
                                          {QStringLiteral("migration"), id},
                                          {QStringLiteral("action"), action},
                                          {QStringLiteral("ok"), ok},
                                          {QStringLiteral("duration_ms"), ms}},
                                         (ok ? MigrateCommands::tr("      %1 ok (%2 ms)")
                                             : MigrateCommands::tr("      %1 FAILED (%2 ms)"))
                                             .arg(id)
                                             .arg(ms));
                     });
    QObject::connect(&runner, &MigrationRunner::message,
                     [&](const QString &text) { ctx.out().progress(QStringLiteral("  ") + text); });
    // SIGINT/SIGTERM: the running statement is cancelled (PQcancel) and the run ends Cancelled,
    // its transaction rolled back; a second signal ends the process the default way
    const RunResult r = [&] {
        const InterruptWatch interrupt([&runner] { runner.cancel(); });
        return run();
    }();
    if (ctx.out().json()) {
        ctx.out().document(JsonFormat::result(command, r));
        return r.exitCode();
    }
    if (r.ok()) {
        ctx.out().line(r.message);
        return 0;
    }
    QString text = r.message;
    for (const QString &p : r.problems)
        text += QStringLiteral("\n  ") + p;
    if (r.failure && !r.failure->statement.isEmpty())
        text += u'\n'
            + MigrateCommands::tr("statement:\n  %1")
                  .arg(r.failure->statement.left(400).replace(u'\n', QStringLiteral("\n  ")));
    if (r.partial)
        text += u'\n'
            + MigrateCommands::tr("It runs without a transaction: what ran remains. 'status' "
                                  "shows how far it got; 'repair --mark-done/--resume/--forget' "
                                  "decides.");
    // only when a migration of this run failed (and its transaction was rolled back): not
    // after a lock or ledger read that failed, nor after a lost connection
    else if (r.failure && !r.cancelled && !r.outcomeUnknown && !r.connectionLost
             && r.outcome == RunResult::Outcome::Failed)
        text += u'\n'
            + MigrateCommands::tr("The failed migration was rolled back; the database is as it "
                                  "was before it.");
    ctx.out().error(text);
    return r.exitCode();
}

std::optional<MigrationVersion> versionOption(CliContext &ctx, const QString &option, int *exit)
{
    if (!ctx.parser().isSet(option))
        return std::nullopt;
    const auto v = MigrationVersion::parse(ctx.parser().value(option));
    if (!v) {
        *exit = ctx.fail(2,
                         Error(ErrorCode::BadInput,
                               MigrateCommands::tr("--%1 %2 is not a version (digits, optionally "
                                                   "grouped by '-')")
                                   .arg(option, ctx.parser().value(option)),
                               {{QStringLiteral("option"), option}}));
        return std::nullopt;
    }
    return *v;
}

// The plan's forecast (locks, live sizes, who holds a conflicting lock now), shown after each
// migration; what the real run refuses before its first statement is refused here too, by the
// same gates in the same order (a no-transaction script behind a pooler, blocking work on a big
// table, a uaip:batch walk that cannot be): the refusal, nothing when not refused.
std::optional<RunResult> readForecast(CliContext &ctx, const QList<MigrationStatus> &plan, bool up,
                                      PgConnection &connection, PlanForecast *forecast)
{
    *forecast
        = PlanForecastReader::read(connection, plan, up, PlanForecastReader::Reading::Everything);
    RunResult refused;
    const MigrationRunner::Options options = ctx.runnerOptions();
    const ServerTopology *server = ctx.topology();
    if ((server
         && PlanGate::refuseNoTransactionBehindPooler(refused, plan, up, *server,
                                                      options.poolerFix))
        || BlockingWorkGate::refuse(refused, *forecast, up, options.maxBlockingRows)
        || BatchWalkGate::refuse(refused, connection, plan, up)
        || (up
            && ContractGate::refuse(refused, connection, plan, options.forceContract,
                                    [&ctx](const QString &line) { ctx.out().error(line); })))
        return refused;
    if (forecast->error.isSet())
        ctx.out().error(MigrateCommands::tr("warning: the tables' sizes could not be read: %1")
                            .arg(forecast->error.toString()));
    return std::nullopt;
}

// The dry run's first line: what it would do with the plan's n migrations.
QString planHeading(qsizetype n, bool up, bool oneTransaction)
{
    if (n == 0)
        return MigrateCommands::tr("dry run: nothing to do");
    if (oneTransaction)
        return up ? MigrateCommands::tr("dry run: would apply %n migration(s), in this order, all "
                                        "in one transaction:",
                                        nullptr, int(n))
                  : MigrateCommands::tr("dry run: would roll back %n migration(s), in this order, "
                                        "all in one transaction:",
                                        nullptr, int(n));
    return up ? MigrateCommands::tr("dry run: would apply %n migration(s), in this order, each in "
                                    "its own transaction unless marked no-transaction:",
                                    nullptr, int(n))
              : MigrateCommands::tr("dry run: would roll back %n migration(s), in this order, "
                                    "each in its own transaction unless marked no-transaction:",
                                    nullptr, int(n));
}

// One migration of the dry run: its heading, its SQL and its statements' lock forecast as SQL
// comments; its --json item (with the forecast when there is one), empty without --json.
QJsonObject printMigration(CliContext &ctx, const MigrationStatus &s, bool up,
                           const PlanForecast &forecast, bool withForecast)
{
    const Migration &m = *s.migration;
    const QByteArray &sql = up ? m.upSql : m.downSql;
    const QString file = up ? m.upPath() : m.downPath();
    const bool noTx = (up ? m.upDirectives : m.downDirectives).noTransaction;
    //: a SQL comment heading one migration of a dry run: %1 the migration, %2 its file
    const QString heading = up ? (noTx ? MigrateCommands::tr("apply %1 (%2), no transaction")
                                       : MigrateCommands::tr("apply %1 (%2)"))
                               : (noTx ? MigrateCommands::tr("roll back %1 (%2), no transaction")
                                       : MigrateCommands::tr("roll back %1 (%2)"));
    ctx.out().line(QStringLiteral("\n-- ==== %1 ====").arg(heading.arg(m.id(), file)));
    ctx.out().bytes(QByteArrayView(sql).trimmed());
    QList<StatementForecast> statements;
    for (const PlanForecast::Script &script : forecast.scripts)
        if (script.migration == m.id())
            statements = script.statements;
    // one statement's lines at a time: a file of 40,000 statements never has them all at once
    for (const StatementForecast &item : std::as_const(statements))
        for (const QString &line :
             LockForecastFormat::commentLines(file, {item}, forecast.sizes, forecast.heldBy))
            ctx.out().line(line);
    if (!ctx.out().json())
        return {}; // no copy of a big file's text that nothing prints
    QJsonObject item{{QStringLiteral("version"), s.version},
                     {QStringLiteral("name"), s.name},
                     {QStringLiteral("file"), file},
                     {QStringLiteral("no_transaction"), noTx},
                     {QStringLiteral("sql"), QString::fromUtf8(sql)}};
    if (withForecast)
        item.insert(QStringLiteral("statements"),
                    LockForecastFormat::json(statements, forecast.sizes, forecast.heldBy));
    return item;
}

int printPlan(CliContext &ctx, const QString &command, const QList<MigrationStatus> &plan, bool up,
              PgConnection *connection = nullptr)
{
    // the same whole-plan check the real run does first: a problem anywhere, exit 2
    const bool oneTransaction = ctx.runnerOptions().singleTransaction;
    QList<ValidationProblem> problems = PlanChecker::check(plan, up, oneTransaction);
    // what the parser cannot read, read by the server's own grammar (ServerSyntaxCheck)
    if (problems.isEmpty() && connection)
        if (const Result<QList<ValidationProblem>> server
            = ServerSyntaxCheck::plan(*connection, plan, up))
            problems += server.value();
    if (!problems.isEmpty()) {
        const QStringList lines = ValidationProblem::describeAll(problems);
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              (up ? MigrateCommands::tr("dry run: nothing would be applied: %n "
                                                        "problem(s) in the plan\n  %1",
                                                        nullptr, int(problems.size()))
                                  : MigrateCommands::tr("dry run: nothing would be rolled back: "
                                                        "%n problem(s) in the plan\n  %1",
                                                        nullptr, int(problems.size())))
                                  .arg(lines.join(QStringLiteral("\n  ")))),
                        problems);
    }
    PlanForecast forecast;
    const std::optional<RunResult> refused
        = connection ? readForecast(ctx, plan, up, *connection, &forecast) : std::nullopt;
    if (refused) {
        const Error error(
            ErrorCode::Refused,
            MigrateCommands::tr("dry run: %1\n  %2")
                .arg(refused->message, refused->problems.join(QStringLiteral("\n  "))));
        if (!ctx.out().json())
            return ctx.fail(2, error, refused->planProblems);
        // --json: the refusal, and the forecast it was judged on (plan[].statements[])
        QJsonArray items;
        for (const MigrationStatus &s : plan)
            items.append(printMigration(ctx, s, up, forecast, true));
        QJsonObject doc = JsonFormat::failure(command, 2, error, refused->planProblems);
        doc.insert(QStringLiteral("dry_run"), true);
        doc.insert(QStringLiteral("plan"), items);
        ctx.out().document(doc);
        return 2;
    }
    ctx.out().line(planHeading(plan.size(), up, oneTransaction));
    QJsonArray items;
    for (const MigrationStatus &s : plan) {
        const QJsonObject item = printMigration(ctx, s, up, forecast, connection != nullptr);
        if (ctx.out().json())
            items.append(item);
    }
    ctx.out().document({{QStringLiteral("command"), command},
                        {QStringLiteral("dry_run"), true},
                        {QStringLiteral("single_transaction"), oneTransaction},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("plan"), items}});
    return 0;
}

} // namespace

int MigrateCommands::status(CliContext &ctx)
{
    const auto [source, c] = ctx.sourceAndConnection(CliContext::SourceUse::Show);
    if (!c)
        return 2;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    const auto statuses = runner.status();
    if (!statuses)
        return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
    QJsonArray items;
    int attention = 0;
    const ServerTopology *server = ctx.topology();
    if (!server)
        return 2;
    ctx.out().line(ctx.describeTarget());
    //: %1: "primary" or "standby (read-only) of HOST"
    ctx.out().line(
        server->pooled()
            ? tr("server: %1, through %2").arg(server->role(), server->poolerDescription())
            : tr("server: %1").arg(server->role()));
    ctx.out().line(ServerSupport::describe(server->serverVersion));
    ctx.out().line(QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(pad(tr("VERSION"), 18), pad(tr("NAME"), 32), pad(tr("STATE"), 9),
                            pad(tr("APPLIED AT"), 21), pad(tr("BY"), 12), tr("DURATION")));
    const QStringList leftovers = ConcurrentIndexLeftovers::ofFailedRuns(*c, statuses.value());
    for (const MigrationStatus &s : statuses.value()) {
        QStringList left; // the invalid indexes its failed run left
        for (const QString &line : leftovers)
            if (line.startsWith(s.id() + u':'))
                left << line.mid(s.id().size() + 2);
        QJsonObject item = JsonFormat::status(s);
        if (s.state == MigrationState::Failed)
            item.insert(QStringLiteral("invalid_indexes"), QJsonArray::fromStringList(left));
        items.append(item);
        if (s.state == MigrationState::Modified || s.state == MigrationState::Failed
            || s.state == MigrationState::Missing)
            ++attention;
        ctx.out().line(QStringLiteral("%1 %2 %3 %4 %5 %6")
                           .arg(pad(s.version, 18), pad(s.name, 32),
                                pad(migrationStateName(s.state), 9),
                                pad(s.entry ? s.entry->appliedAt : QString(), 21),
                                pad(s.entry ? s.entry->appliedBy : QString(), 12),
                                s.entry ? tr("%1 ms").arg(s.entry->durationMs) : QString()));
        if (!s.note().isEmpty())
            ctx.out().line(QStringLiteral("    ^ ") + s.note());
        for (const QString &line : std::as_const(left))
            ctx.out().line(QStringLiteral("    ^ ") + line);
    }
    const auto pending
        = std::count_if(statuses.value().cbegin(), statuses.value().cend(),
                        [](const auto &s) { return s.state == MigrationState::Pending; });
    ctx.out().line(
        tr("%n migration(s): %1 pending, %2 need attention", nullptr, int(statuses.value().size()))
            .arg(pending)
            .arg(attention));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("status")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("database"), c->database()},
                        {QStringLiteral("server"), JsonFormat::server(*server)},
                        {QStringLiteral("migrations"), items}});
    return 0;
}

int MigrateCommands::up(CliContext &ctx)
{
    int exit = 0;
    const auto to = versionOption(ctx, QStringLiteral("to"), &exit);
    if (exit)
        return exit;
    const auto [source, c] = ctx.sourceAndConnection();
    if (!c)
        return 2;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    if (ctx.parser().isSet(QStringLiteral("dry-run"))) {
        const auto statuses = runner.status();
        if (!statuses)
            return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
        const QStringList blockers = MigrationPlanner::blockers(statuses.value())
            + MigrationPlanner::upBlockers(statuses.value(), ctx.runnerOptions().allowOutOfOrder)
            + ConcurrentIndexLeftovers::ofFailedRuns(*c, statuses.value());
        if (!blockers.isEmpty())
            return ctx.fail(3,
                            Error(ErrorCode::Refused,
                                  tr("up would refuse to run:\n  %1")
                                      .arg(blockers.join(QStringLiteral("\n  ")))));
        return printPlan(ctx, QStringLiteral("up"), MigrationPlanner::planUp(statuses.value(), to),
                         true, c);
    }
    ctx.out().progress(tr("target: %1").arg(ctx.describeTarget()));
    return report(ctx, QStringLiteral("up"), runner, [&] { return runner.up(to); });
}

int MigrateCommands::down(CliContext &ctx)
{
    const auto &p = ctx.parser();
    const int chosen = int(p.isSet(QStringLiteral("steps"))) + int(p.isSet(QStringLiteral("to")))
        + int(p.isSet(QStringLiteral("all")));
    if (chosen > 1)
        return ctx.fail(
            2, Error(ErrorCode::BadInput, tr("down takes one of --steps N, --to V, --all")));
    DownTarget target;
    if (p.isSet(QStringLiteral("steps"))) {
        bool ok = false;
        target.steps = p.value(QStringLiteral("steps")).toInt(&ok);
        if (!ok || target.steps < 1)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--steps needs a positive number, not \"%1\"")
                                      .arg(p.value(QStringLiteral("steps"))),
                                  {{QStringLiteral("option"), QStringLiteral("steps")}}));
    } else if (p.isSet(QStringLiteral("to"))) {
        int exit = 0;
        target.kind = DownTarget::Kind::ToVersion;
        target.version = versionOption(ctx, QStringLiteral("to"), &exit);
        if (exit)
            return exit;
    } else if (p.isSet(QStringLiteral("all"))) {
        target.kind = DownTarget::Kind::All;
    }
    const auto [source, c] = ctx.sourceAndConnection();
    if (!c)
        return 2;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    if (p.isSet(QStringLiteral("dry-run"))) {
        const auto statuses = runner.status();
        if (!statuses)
            return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
        const QStringList blockers = MigrationPlanner::blockers(statuses.value())
            + ConcurrentIndexLeftovers::ofFailedRuns(*c, statuses.value());
        if (!blockers.isEmpty())
            return ctx.fail(3,
                            Error(ErrorCode::Refused,
                                  tr("down would refuse to run:\n  %1")
                                      .arg(blockers.join(QStringLiteral("\n  ")))));
        const auto plan = MigrationPlanner::planDown(statuses.value(), target);
        if (!plan)
            return ctx.fail(2, plan.error());
        return printPlan(ctx, QStringLiteral("down"), *plan, false, c);
    }
    ctx.out().progress(tr("target: %1").arg(ctx.describeTarget()));
    return report(ctx, QStringLiteral("down"), runner, [&] { return runner.down(target); });
}

int MigrateCommands::create(CliContext &ctx)
{
    if (ctx.parser().isSet(QStringLiteral("online")))
        return OnlineCommands::create(ctx);
    if (ctx.args().size() != 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("usage: uaip-migrate --dir PATH new NAME")));
    if (!ctx.parser().isSet(QStringLiteral("dir")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("new needs --dir PATH (the bundled migrations are "
                                 "read-only)"),
                              {{QStringLiteral("option"), QStringLiteral("dir")}}));
    const MigrationSource *source = ctx.source();
    if (!source)
        return 2;
    const Result<QString> created = MigrationScaffold::create(
        source->dir(), source->migrations(), ctx.args().first(), QDateTime::currentDateTimeUtc());
    if (!created)
        return ctx.fail(2, created.error());
    const QString &folder = created.value();
    ctx.out().line(tr("created %1/up.sql and %1/down.sql").arg(folder));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("new")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("folder"), folder}});
    return 0;
}

int MigrateCommands::baseline(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.fail(2, Error(ErrorCode::BadInput, tr("usage: uaip-migrate baseline VERSION")));
    const auto v = MigrationVersion::parse(ctx.args().first());
    if (!v)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("\"%1\" is not a version").arg(ctx.args().first()),
                              {{QStringLiteral("version"), ctx.args().first()}}));
    const auto [source, c] = ctx.sourceAndConnection();
    if (!c)
        return 2;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    return report(ctx, QStringLiteral("baseline"), runner, [&] { return runner.baseline(*v); });
}

int MigrateCommands::repair(CliContext &ctx)
{
    RepairChoice choice;
    const QList<std::pair<QString, RepairChoice::Kind>> kinds{
        {QStringLiteral("mark-done"), RepairChoice::Kind::MarkDone},
        {QStringLiteral("resume"), RepairChoice::Kind::Resume},
        {QStringLiteral("forget"), RepairChoice::Kind::Forget}};
    int chosen = 0;
    for (const auto &[option, kind] : kinds) {
        if (!ctx.parser().isSet(option))
            continue;
        ++chosen;
        int exit = 0;
        choice.kind = kind;
        choice.version = versionOption(ctx, option, &exit);
        if (exit)
            return exit;
    }
    if (chosen > 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("repair takes one of --mark-done V, --resume V, "
                                 "--forget V")));
    const auto [source, c] = ctx.sourceAndConnection();
    if (!c)
        return 2;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    const auto statuses = runner.status();
    if (!statuses)
        return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
    QStringList plan;
    if (choice.kind == RepairChoice::Kind::Checksums) {
        for (const MigrationStatus &s : statuses.value())
            if (s.state == MigrationState::Modified)
                plan << tr("%1: re-record the checksums of its current files").arg(s.id());
    } else {
        const QString option = kinds[qsizetype(choice.kind) - 1].first;
        plan << QStringLiteral("--%1 %2").arg(option, choice.version->text());
    }
    if (plan.isEmpty())
        return report(ctx, QStringLiteral("repair"), runner, [&] { return runner.repair(); });
    if (!ctx.parser().isSet(QStringLiteral("yes"))) {
        ctx.out().error(tr("repair would:\n  %1").arg(plan.join(QStringLiteral("\n  "))));
        if (ctx.out().json() || !isatty(STDIN_FILENO))
            return ctx.fail(2,
                            Error(ErrorCode::Refused,
                                  tr("repair changes the ledger; confirm with --yes"),
                                  {{QStringLiteral("option"), QStringLiteral("yes")}}));
        QTextStream in(stdin); // the process's stdin, a terminal (the question went to err)
        //: the answer to type stays "yes" (not translated)
        ctx.out().error(tr("Proceed? Type yes: "));
        if (in.readLine().trimmed() != QLatin1String("yes"))
            return ctx.fail(2,
                            Error(ErrorCode::Refused, tr("repair not confirmed; nothing changed")));
    }
    return report(ctx, QStringLiteral("repair"), runner, [&] { return runner.repair(choice); });
}

int MigrateCommands::history(CliContext &ctx)
{
    const QString version = ctx.args().value(0);
    if (!version.isEmpty() && !MigrationVersion::parse(version))
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("%1 is not a version (digits, optionally grouped by '-')").arg(version),
                  {{QStringLiteral("version"), version}}));
    bool ok = true;
    const int limit = ctx.parser().isSet(QStringLiteral("limit"))
        ? ctx.parser().value(QStringLiteral("limit")).toInt(&ok)
        : 200;
    if (!ok || limit < 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--limit needs a positive number"),
                              {{QStringLiteral("option"), QStringLiteral("limit")}}));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    Ledger ledger(*c, ctx.clientName());
    const Result<bool> exists = ledger.exists();
    if (!exists)
        return ctx.fail(2, exists.error());
    QList<LedgerEvent> events;
    if (exists.value()) {
        auto read = ledger.events(version, limit);
        if (!read)
            return ctx.fail(2, Error(read.error()).in(tr("cannot read the event log")));
        events = read.take();
    }
    QJsonArray items;
    for (const LedgerEvent &e : events) {
        items.append(JsonFormat::event(e));
        //: %1 time, %2 action, %3 outcome, %4 migration (padded columns), %5 empty, %6 who,
        //: %7 duration, %8 the error's first lines (starting on a line of their own)
        ctx.out().line(tr("%1  %2 %3 %4 %5 by %6 (%7 ms)%8")
                           .arg(e.happenedAt, pad(e.action, 8), pad(e.outcome, 9),
                                pad(e.version + u'_' + e.name, 40), QString(), e.actor)
                           .arg(e.durationMs)
                           .arg(e.error.isEmpty()
                                    ? QString()
                                    : QStringLiteral("\n    ") + e.error.section(u'\n', 0, 2)));
        if (!e.detail.isEmpty())
            ctx.out().line(QStringLiteral("    ") + e.detail);
    }
    if (events.isEmpty())
        ctx.out().line(version.isEmpty() ? tr("no migration events recorded in this database")
                                         : tr("no events recorded for migration %1").arg(version));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("history")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("events"), items}});
    return 0;
}

} // namespace uaip
