#include "sandboxcommands.h"

#include "clicontext.h"
#include "db/sandbox.h"
#include "db/sandboxserverprograms.h"
#include "db/sessioncanceller.h"
#include "interruptwatch.h"
#include "serverbuilds/pinnedserverbuild.h"
#include "serverbuilds/serverbuildinstaller.h"

#include <QJsonArray>
#include <QJsonObject>

#include <atomic>

namespace uaip {

namespace {

QString shellQuote(QString s)
{
    s.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + s + u'\'';
}

// The sandbox as the JSON document says it.
QJsonObject describe(const Sandbox &sandbox, const QString &action, bool running)
{
    return QJsonObject{{QStringLiteral("command"), QStringLiteral("sandbox ") + action},
                       {QStringLiteral("ok"), true},
                       {QStringLiteral("running"), running},
                       {QStringLiteral("root"), sandbox.rootDir()},
                       {QStringLiteral("socket_dir"), sandbox.socketDir()},
                       {QStringLiteral("port"), sandbox.port()},
                       {QStringLiteral("user"), sandbox.superuser()},
                       {QStringLiteral("passfile"), sandbox.passFile()},
                       {QStringLiteral("database"), QStringLiteral("uaip")},
                       {QStringLiteral("run_as"), sandbox.runAsUser()},
                       {QStringLiteral("major"), sandbox.major()},
                       {QStringLiteral("programs"), sandbox.binDir()}};
}

// --pg N: a major version (N > 0), 0 when not given, -1 reported.
int majorOption(CliContext &ctx)
{
    if (!ctx.parser().isSet(QStringLiteral("pg")))
        return 0;
    bool ok = false;
    const int major = ctx.parser().value(QStringLiteral("pg")).toInt(&ok);
    if (ok && major >= 10 && major < 100)
        return major;
    ctx.fail(2,
             Error(ErrorCode::BadInput,
                   SandboxCommands::tr("--pg takes a PostgreSQL major version (15, 16, 17, "
                                       "18), not %1")
                       .arg(ctx.parser().value(QStringLiteral("pg"))),
                   {{QStringLiteral("option"), QStringLiteral("pg")}}));
    return -1;
}

// A start or stop that failed: 1 when interrupted (as an interrupted run), else 2.
int exitCodeOf(const Error &error)
{
    return error.code() == ErrorCode::Cancelled ? 1 : 2;
}

} // namespace

int SandboxCommands::install(CliContext &ctx)
{
    QList<int> majors;
    for (const QString &arg : ctx.args().mid(1)) {
        bool ok = false;
        const int major = arg.toInt(&ok);
        if (!ok || major < 10 || major >= 100)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("sandbox install takes major versions (15, 16, 17, 18), "
                                     "not %1")
                                      .arg(arg)));
        majors << major;
    }
    if (const int major = majorOption(ctx); major != 0)
        majors << major;
    if (majors.isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate sandbox install MAJOR... (e.g. 16 17 18)")));
    QJsonArray installed;
    for (const int major : std::as_const(majors)) {
        QString where = SandboxServerPrograms::binDir(major);
        if (where.isEmpty()) {
            std::atomic_bool interrupted{false};
            const InterruptWatch interrupt([&interrupted] { interrupted = true; });
            const Result<QString> done = ServerBuildInstaller::install(
                major, [&ctx](const QString &line) { ctx.out().line(line); }, &interrupted);
            if (!done)
                return ctx.fail(exitCodeOf(done.error()), done.error());
            where = SandboxServerPrograms::binDir(major);
        } else {
            ctx.out().line(tr("PostgreSQL %1: installed in %2").arg(major).arg(where));
        }
        installed.append(
            QJsonObject{{QStringLiteral("major"), major}, {QStringLiteral("programs"), where}});
    }
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("sandbox install")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("installed"), installed}});
    return 0;
}

int SandboxCommands::run(CliContext &ctx)
{
    const QString action = ctx.args().value(0);
    if (action == QLatin1String("install"))
        return install(ctx);
    const int major = majorOption(ctx);
    if (major < 0)
        return 2;
    Sandbox sandbox = ctx.sandboxFor(0); // --pg N: that major's sandbox of --data-dir
    SessionCanceller canceller; // SIGINT/SIGTERM during a start or stop (cancelling)
    std::atomic_bool interrupted{false};
    sandbox.setCanceller(&canceller, &interrupted);
    if (action == QLatin1String("start")) {
        // a major this machine lacks is fetched on first use (sandbox install)
        if (sandbox.binDir().isEmpty() && PinnedServerBuild::of(sandbox.major())) {
            const Result<QString> done = ServerBuildInstaller::install(
                sandbox.major(), [&ctx](const QString &line) { ctx.out().line(line); },
                &interrupted);
            if (!done)
                return ctx.fail(exitCodeOf(done.error()), done.error());
        }
        Sandbox::Options options;
        options.durable = !ctx.parser().isSet(QStringLiteral("no-fsync"));
        options.tcp = ctx.parser().isSet(QStringLiteral("tcp"));
        options.preparedTransactions = ctx.parser().isSet(QStringLiteral("prepared-transactions"));
        Status started = InterruptWatch::cancelling(canceller, interrupted,
                                                    [&] { return sandbox.start(options); });
        if (started)
            started = sandbox.ensureDatabase(QStringLiteral("uaip"));
        if (!started)
            return ctx.fail(exitCodeOf(started.error()),
                            started.error()
                                .in(tr("sandbox in %1").arg(sandbox.rootDir()))
                                .with(QStringLiteral("path"), sandbox.rootDir()));
        for (const QString &m : sandbox.messages())
            ctx.out().line(m);
        ctx.out().line(
            tr("connect with: psql \"%1\"").arg(sandbox.clientConninfo(QStringLiteral("uaip"))));
        ctx.out().document(describe(sandbox, action, true));
        return 0;
    }
    if (action == QLatin1String("stop")) {
        if (const Status stopped
            = InterruptWatch::cancelling(canceller, interrupted, [&] { return sandbox.stop(); });
            !stopped)
            return ctx.fail(exitCodeOf(stopped.error()), stopped.error());
        ctx.out().line(tr("sandbox in %1 stopped").arg(sandbox.rootDir()));
        ctx.out().document(describe(sandbox, action, false));
        return 0;
    }
    if (action == QLatin1String("status")) {
        const Result<bool> runs = sandbox.running();
        if (!runs) // another user's cluster, one pg_ctl cannot read: said, never "stopped"
            return ctx.fail(2, runs.error());
        const bool running = *runs;
        ctx.out().line(
            running ? tr("running PostgreSQL %3: %1 (data in %2)")
                          .arg(sandbox.clientConninfo(QStringLiteral("uaip")), sandbox.dataDir())
                          .arg(sandbox.major())
                : sandbox.isInitialised()
                ? tr("stopped (data in %1)").arg(sandbox.dataDir())
                : tr("not created yet (would live in %1)").arg(sandbox.rootDir()));
        ctx.out().document(describe(sandbox, action, running));
        return running ? 0 : 3;
    }
    if (action == QLatin1String("env")) {
        if (!sandbox.isRunning())
            return ctx.fail(3,
                            Error(ErrorCode::NotFound,
                                  tr("the sandbox in %1 is not running; start it with "
                                     "'uaip-migrate sandbox start'")
                                      .arg(sandbox.rootDir()),
                                  {{QStringLiteral("path"), sandbox.rootDir()}}));
        ctx.out().line(QStringLiteral("export PGHOST=%1").arg(shellQuote(sandbox.socketDir())));
        ctx.out().line(QStringLiteral("export PGPORT=%1").arg(sandbox.port()));
        ctx.out().line(QStringLiteral("export PGUSER=%1").arg(shellQuote(sandbox.superuser())));
        // the superuser's password, for psql and friends (the sandbox trusts no connection)
        ctx.out().line(QStringLiteral("export PGPASSFILE=%1").arg(shellQuote(sandbox.passFile())));
        ctx.out().line(QStringLiteral("export PGDATABASE=uaip"));
        ctx.out().document(describe(sandbox, action, true));
        return 0;
    }
    return ctx.fail(2,
                    Error(ErrorCode::BadInput,
                          tr("usage: uaip-migrate sandbox start|stop|status|env [--pg MAJOR] "
                             "[--data-dir DIR] [--no-fsync] [--tcp] [--prepared-transactions]; "
                             "uaip-migrate sandbox install MAJOR...")));
}

} // namespace uaip
