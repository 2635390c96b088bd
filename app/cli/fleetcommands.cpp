#include "fleetcommands.h"

#include "clicontext.h"
#include "fleet/fleetjson.h"
#include "fleet/fleetrunner.h"
#include "fleet/fleettargetsfile.h"
#include "interruptwatch.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QMutex>

namespace uaip {

namespace {

// --parallel N and the like: a whole number of at least 'minimum'; -1 (reported) otherwise.
int count(CliContext &ctx, const QString &option, int fallback, int minimum, int *exit)
{
    if (!ctx.parser().isSet(option))
        return fallback;
    bool ok = false;
    const int n = ctx.parser().value(option).toInt(&ok);
    if (!ok || n < minimum) {
        *exit = ctx.fail(2,
                         Error(ErrorCode::BadInput,
                               FleetCommands::tr("--%1 needs a whole number of at least %2, not "
                                                 "\"%3\"")
                                   .arg(option)
                                   .arg(minimum)
                                   .arg(ctx.parser().value(option)),
                               {{QStringLiteral("option"), option}}));
        return -1;
    }
    return n;
}

QString line(const FleetTargetResult &r)
{
    QString text = QStringLiteral("%1 %2").arg(
        r.name.leftJustified(24, u' '),
        FleetTargetResult::stateText(r.state).leftJustified(12, u' '));
    if (!r.applied.isEmpty())
        text += u' ' + r.applied.join(u',');
    else if (r.state == FleetTargetResult::State::Pending)
        //: %n pending migrations of a fleet target
        text += FleetCommands::tr(" %n pending", nullptr, r.pending);
    text += FleetCommands::tr(" (level %1, %2 ms)")
                .arg(r.appliedLevel.isEmpty() ? FleetCommands::tr("none") : r.appliedLevel)
                .arg(r.durationMs);
    for (const QString &o : r.driftedObjects)
        text += QStringLiteral("\n    ") + o;
    for (const QString &note : r.leftOut)
        text += QStringLiteral("\n    ") + note;
    for (const QString &l : r.forecastLines)
        text += QStringLiteral("\n    ") + QString(l).replace(u'\n', QStringLiteral("\n    "));
    // a failed migration's words name its file:line:col (FleetTargetResult::error)
    if (r.error.isSet())
        text += QStringLiteral("\n    ")
            + r.error.toString().replace(u'\n', QStringLiteral("\n    "));
    return text;
}

} // namespace

int FleetCommands::run(CliContext &ctx)
{
    const auto &p = ctx.parser();
    FleetOptions options;
    if (const int e = readOptions(ctx, &options))
        return e;
    // the targets file first: a malformed one is refused before anything connects
    const QString path = p.value(QStringLiteral("targets"));
    const FleetTargetsResult file = FleetTargetsFile::read(path);
    if (!file.ok()) // a file that is not there is not found; one that is, bad input
        return ctx.fail(2,
                        Error(QFileInfo::exists(path) ? ErrorCode::BadInput : ErrorCode::NotFound,
                              tr("targets file refused, nothing run:\n  %1")
                                  .arg(file.problems.join(QStringLiteral("\n  "))),
                              {{QStringLiteral("path"), path}}));
    const MigrationSource *source = ctx.source();
    if (!source)
        return 2;
    const MigrationRunner::Options engine = ctx.runnerOptions();
    options.client = engine.client;
    options.lockWaitMs = engine.lockWaitMs;
    options.lockTimeoutMs = engine.lockTimeoutMs;
    options.lockAttemptMs = engine.lockAttemptMs;
    options.maxBlockingRows = engine.maxBlockingRows;
    options.statementTimeoutMs = engine.statementTimeoutMs;
    options.sandboxDir = p.value(QStringLiteral("data-dir"));

    FleetRunner runner(file.targets, options, source->migrations());
    runInterruptible(ctx, runner);
    const FleetSummary summary = runner.summary();
    if (!summary.refusal.isEmpty())
        return ctx.fail(2, Error(ErrorCode::Refused, summary.refusal));
    return report(ctx, summary);
}

int FleetCommands::readOptions(CliContext &ctx, FleetOptions *options)
{
    const auto &p = ctx.parser();
    static const QHash<QString, FleetOptions::Command> kCommands{
        {QStringLiteral("status"), FleetOptions::Command::Status},
        {QStringLiteral("up"), FleetOptions::Command::Up},
        {QStringLiteral("down"), FleetOptions::Command::Down},
        {QStringLiteral("drift"), FleetOptions::Command::Drift}};
    if (ctx.args().size() != 1 || !kCommands.contains(ctx.args().first()))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate fleet --targets FILE [--parallel N] "
                                 "[--canary K] [--max-failures F] status|up|down|drift")));
    options->command = kCommands.value(ctx.args().first());
    if (!p.isSet(QStringLiteral("targets")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("fleet needs --targets FILE"),
                              {{QStringLiteral("option"), QStringLiteral("targets")}}));
    int exit = 0;
    options->parallel = count(ctx, QStringLiteral("parallel"), 1, 1, &exit);
    if (!exit)
        options->canary = count(ctx, QStringLiteral("canary"), 0, 0, &exit);
    if (!exit)
        options->maxFailures = count(ctx, QStringLiteral("max-failures"), -1, 1, &exit);
    if (exit)
        return exit;
    const bool writes = options->command == FleetOptions::Command::Up
        || options->command == FleetOptions::Command::Down;
    for (const char *o : {"dry-run", "single-transaction", "to"})
        if (!writes && p.isSet(QLatin1String(o)))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--%1 applies to \"fleet up\" and \"fleet down\" only")
                                      .arg(QLatin1String(o)),
                                  {{QStringLiteral("option"), QLatin1String(o)}}));
    for (const char *o : {"steps", "all"})
        if (options->command != FleetOptions::Command::Down && p.isSet(QLatin1String(o)))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--%1 applies to \"fleet down\" only").arg(QLatin1String(o)),
                                  {{QStringLiteral("option"), QLatin1String(o)}}));
    if (options->command != FleetOptions::Command::Drift && p.isSet(QStringLiteral("table")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--table applies to \"fleet drift\" only"),
                              {{QStringLiteral("option"), QStringLiteral("table")}}));
    options->toolTable = p.value(QStringLiteral("table"));
    options->dryRun = p.isSet(QStringLiteral("dry-run"));
    options->singleTransaction = p.isSet(QStringLiteral("single-transaction"));
    return readVersionOptions(ctx, options);
}

int FleetCommands::readVersionOptions(CliContext &ctx, FleetOptions *options)
{
    const auto &p = ctx.parser();
    if (p.isSet(QStringLiteral("to"))) {
        const auto v = MigrationVersion::parse(p.value(QStringLiteral("to")));
        if (!v)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--to %1 is not a version (digits, optionally grouped by "
                                     "'-')")
                                      .arg(p.value(QStringLiteral("to"))),
                                  {{QStringLiteral("option"), QStringLiteral("to")}}));
        options->toVersion = v->text();
        options->down.kind = DownTarget::Kind::ToVersion;
        options->down.version = *v;
    }
    if (options->command == FleetOptions::Command::Down) {
        if (int(p.isSet(QStringLiteral("steps"))) + int(p.isSet(QStringLiteral("to")))
                + int(p.isSet(QStringLiteral("all")))
            > 1)
            return ctx.fail(
                2, Error(ErrorCode::BadInput, tr("down takes one of --steps N, --to V, --all")));
        if (p.isSet(QStringLiteral("steps"))) {
            int exit = 0;
            options->down.kind = DownTarget::Kind::Steps;
            options->down.steps = count(ctx, QStringLiteral("steps"), 1, 1, &exit);
            if (exit)
                return exit;
        } else if (p.isSet(QStringLiteral("all"))) {
            options->down.kind = DownTarget::Kind::All;
        }
    }
    return 0;
}

void FleetCommands::runInterruptible(CliContext &ctx, FleetRunner &runner)
{
    QMutex printing; // targetFinished comes from the pool's threads
    QObject::connect(&runner, &FleetRunner::targetFinished, [&](const FleetTargetResult &r) {
        QMutexLocker lock(&printing);
        ctx.out().line(line(r));
    });
    // SIGINT/SIGTERM: the run is cancelled (running statements cancelled, nothing new started,
    // the report printed); a second signal ends the process the default way.
    const InterruptWatch interrupt([&] {
        QMutexLocker lock(&printing);
        ctx.out().notice(tr("interrupted: cancelling the running targets ..."));
        runner.cancel();
    });
    runner.run();
}

int FleetCommands::report(CliContext &ctx, const FleetSummary &summary)
{
    using S = FleetTargetResult::State;
    //: the summary of a fleet run; the counts of each state
    ctx.out().line(tr("%n target(s): %1 applied, %2 up to date, %3 pending, %4 failed, %5 not "
                      "started, %6 standby, %7 unreachable, %8 drifted (%9 ms)",
                      nullptr, int(summary.results.size()))
                       .arg(summary.count(S::Applied))
                       .arg(summary.count(S::UpToDate))
                       .arg(summary.count(S::Pending))
                       .arg(summary.count(S::Failed))
                       .arg(summary.count(S::Skipped))
                       .arg(summary.count(S::Standby))
                       .arg(summary.count(S::Unreachable))
                       .arg(summary.count(S::Drifted))
                       .arg(summary.durationMs));
    const int exitCode = summary.ok() ? 0
        : summary.count(S::Drifted) > 0 && summary.count(S::Failed) == 0
            && summary.count(S::Unreachable) == 0
        ? 3
        : 1;
    QJsonObject doc = FleetJson::document(summary);
    doc.insert(QStringLiteral("exit_code"), exitCode);
    if (exitCode) { // the run's code, as every failure document has one (targets: their own)
        doc.insert(QStringLiteral("code"), errorCodeName(summary.failureCode()));
        doc.insert(QStringLiteral("args"),
                   QJsonObject{{QStringLiteral("failed"), summary.count(S::Failed)},
                               {QStringLiteral("unreachable"), summary.count(S::Unreachable)}});
    }
    ctx.out().document(doc);
    return exitCode;
}

} // namespace uaip
