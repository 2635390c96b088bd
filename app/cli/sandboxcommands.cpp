#include "sandboxcommands.h"

#include "clicontext.h"
#include "db/sandbox.h"
#include "db/sessioncanceller.h"
#include "interruptwatch.h"

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
                       {QStringLiteral("run_as"), sandbox.runAsUser()}};
}

// A start or stop that failed: 1 when interrupted (as an interrupted run), else 2.
int exitCodeOf(const Error &error)
{
    return error.code() == ErrorCode::Cancelled ? 1 : 2;
}

} // namespace

int SandboxCommands::run(CliContext &ctx)
{
    const QString action = ctx.args().value(0);
    Sandbox sandbox(ctx.parser().value(QStringLiteral("data-dir")));
    SessionCanceller canceller; // SIGINT/SIGTERM during a start or stop (cancelling)
    std::atomic_bool interrupted{false};
    sandbox.setCanceller(&canceller, &interrupted);
    if (action == QLatin1String("start")) {
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
            tr("connect with: psql \"%1\"").arg(sandbox.conninfo(QStringLiteral("uaip"))));
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
        const bool running = sandbox.isRunning();
        ctx.out().line(running
                           ? tr("running: %1 (data in %2)")
                                 .arg(sandbox.conninfo(QStringLiteral("uaip")), sandbox.dataDir())
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
                          tr("usage: uaip-migrate sandbox start|stop|status|env "
                             "[--data-dir DIR] [--no-fsync] [--tcp] [--prepared-transactions]")));
}

} // namespace uaip
