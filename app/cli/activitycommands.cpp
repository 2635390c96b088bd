#include "activitycommands.h"

#include "clicontext.h"
#include "clitext.h"
#include "promptwritecommands.h"
#include "replicationcommands.h"

#include "activity/activityage.h"
#include "activity/activityreader.h"
#include "activity/lockchain.h"
#include "activity/sessioncontrol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace uaip {

namespace {

QJsonValue ageJson(qint64 ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(ms);
}

QJsonObject sessionJson(const ActivitySession &s)
{
    QJsonArray blockedBy;
    for (int pid : s.blockedBy)
        blockedBy.append(pid);
    return {{QStringLiteral("pid"), s.pid},
            {QStringLiteral("user"), s.user},
            {QStringLiteral("database"), s.database},
            {QStringLiteral("application"), s.application},
            {QStringLiteral("client"), s.client},
            {QStringLiteral("state"), s.state},
            {QStringLiteral("wait_event_type"), s.waitEventType},
            {QStringLiteral("wait_event"), s.waitEvent},
            {QStringLiteral("transaction_ms"), ageJson(s.transactionMs)},
            {QStringLiteral("query_ms"), ageJson(s.queryMs)},
            {QStringLiteral("backend_start"), s.backendStart},
            {QStringLiteral("query"), s.query},
            {QStringLiteral("blocked_by"), blockedBy},
            {QStringLiteral("holds_migration_lock"), s.holdsMigrationLock},
            {QStringLiteral("own"), s.own}};
}

QJsonObject chainJson(const LockChainNode &n)
{
    QJsonArray children;
    for (const LockChainNode &c : n.children)
        children.append(chainJson(c));
    QJsonObject o{{QStringLiteral("pid"), n.pid},
                  {QStringLiteral("user"), n.user},
                  {QStringLiteral("application"), n.application},
                  {QStringLiteral("state"), n.state},
                  {QStringLiteral("query"), n.query},
                  {QStringLiteral("holds_migration_lock"), n.holdsMigrationLock},
                  {QStringLiteral("children"), children}};
    if (!n.lockType.isEmpty()) {
        o.insert(QStringLiteral("waits_for"),
                 QJsonObject{{QStringLiteral("lock_type"), n.lockType},
                             {QStringLiteral("mode"), n.mode},
                             {QStringLiteral("relation"), n.relation},
                             {QStringLiteral("waited_ms"), n.waitedMs},
                             {QStringLiteral("migration_lock"), n.waitsForMigrationLock}});
    }
    if (n.repeated)
        o.insert(QStringLiteral("repeated"), true);
    return o;
}

void chainText(CliContext &ctx, const LockChainNode &n, int level)
{
    const QString indent(level * 2, u' ');
    QString line
        = indent + ActivityCommands::tr("pid %1 (%2, %3)").arg(n.pid).arg(n.user, n.application);
    if (level == 1) // the top of a chain (level 0 is the heading's)
        line += u' ' + ActivityCommands::tr("root blocker");
    if (n.holdsMigrationLock)
        line += u' ' + ActivityCommands::tr("[holds the migration lock]");
    if (!n.lockType.isEmpty()) {
        const QString lock = n.waitsForMigrationLock
            ? ActivityCommands::tr("the migration lock")
            : ActivityCommands::tr("%1 on %2")
                  .arg(n.mode, n.relation.isEmpty() ? n.lockType : n.relation);
        line += u' '
            + ActivityCommands::tr("waits %1 for %2").arg(ActivityAge::text(n.waitedMs), lock);
    }
    if (n.repeated)
        line += u' ' + ActivityCommands::tr("(cycle)");
    ctx.out().line(line);
    ctx.out().line(indent + QStringLiteral("  ") + CliText::oneLine(n.query, 100));
    for (const LockChainNode &c : n.children)
        chainText(ctx, c, level + 1);
}

void collectPids(const LockChainNode &n, QSet<int> &pids)
{
    pids.insert(n.pid);
    for (const LockChainNode &c : n.children)
        collectPids(c, pids);
}

} // namespace

int ActivityCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    if (ctx.parser().isSet(QStringLiteral("replication"))) {
        if (!sub.isEmpty() || ctx.parser().isSet(QStringLiteral("blocking")))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("usage: uaip-migrate activity --replication [--json]")));
        return ReplicationCommands::show(ctx);
    }
    if (sub.isEmpty()) {
        for (const char *o : {"confirm", "all-databases", "backend-start"})
            if (ctx.parser().isSet(QLatin1String(o)))
                return ctx.fail(2,
                                Error(ErrorCode::BadInput,
                                      tr("--%1 applies to \"activity cancel\" and \"activity "
                                         "terminate\" only")
                                          .arg(QLatin1String(o)),
                                      {{QStringLiteral("option"), QLatin1String(o)}}));
        return show(ctx);
    }
    if (ctx.parser().isSet(QStringLiteral("blocking")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--blocking applies to \"activity\" only"),
                              {{QStringLiteral("option"), QStringLiteral("blocking")}}));
    if (sub == QLatin1String("cancel"))
        return act(ctx, false);
    if (sub == QLatin1String("terminate"))
        return act(ctx, true);
    return ctx.fail(2,
                    Error(ErrorCode::BadInput,
                          tr("usage: uaip-migrate activity [--blocking] | activity cancel PID | "
                             "activity terminate PID [--all-databases] [--backend-start TIME] "
                             "[--confirm DATABASE]")));
}

int ActivityCommands::show(CliContext &ctx)
{
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    ActivityReader reader(*c);
    Result<ActivitySnapshot> snap = reader.snapshot();
    if (!snap)
        return ctx.fail(1, snap.error());
    const QList<LockChainNode> chains = LockChain::build(snap.value());
    const bool blocking = ctx.parser().isSet(QStringLiteral("blocking"));
    QSet<int> inChains;
    for (const LockChainNode &n : chains)
        collectPids(n, inChains);
    QJsonArray sessions;
    QJsonArray chainArray;
    for (const LockChainNode &n : chains)
        chainArray.append(chainJson(n));
    int shown = 0;
    if (!ctx.out().json())
        ctx.out().line(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                           .arg(tr("pid"), 7)
                           .arg(tr("user"), -12)
                           .arg(tr("database"), -12)
                           .arg(tr("application"), -22)
                           .arg(tr("state"), -20)
                           .arg(tr("transaction"), 11)
                           .arg(tr("query age"), 11)
                           .arg(tr("query")));
    for (const ActivitySession &s : snap.value().sessions) {
        if (blocking && !inChains.contains(s.pid))
            continue;
        ++shown;
        sessions.append(sessionJson(s));
        const QString wait = s.waitEventType.isEmpty()
            ? QString()
            : QStringLiteral(" (%1:%2)").arg(s.waitEventType, s.waitEvent);
        ctx.out().line(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                           .arg(s.pid, 7)
                           .arg(CliText::oneLine(s.user, 12), -12)
                           .arg(CliText::oneLine(s.database, 12), -12)
                           .arg(CliText::oneLine(s.application, 22), -22)
                           .arg(CliText::oneLine(s.state + wait, 20), -20)
                           .arg(ActivityAge::text(s.transactionMs), 11)
                           .arg(ActivityAge::text(s.queryMs), 11)
                           .arg(CliText::oneLine(s.query, 60)));
    }
    ctx.out().line(QString());
    if (chains.isEmpty()) {
        ctx.out().line(tr("No session waits on a lock."));
    } else {
        ctx.out().line(tr("Lock chains (root blocker first, the sessions waiting on it below):"));
        for (const LockChainNode &n : chains)
            chainText(ctx, n, 1);
    }
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("activity")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("database"), snap.value().database},
                        {QStringLiteral("blocking_only"), blocking},
                        {QStringLiteral("session_count"), shown},
                        {QStringLiteral("sessions"), sessions},
                        {QStringLiteral("lock_chains"), chainArray}});
    return 0;
}

int ActivityCommands::act(CliContext &ctx, bool terminate)
{
    const QString name
        = terminate ? QStringLiteral("activity terminate") : QStringLiteral("activity cancel");
    ctx.setCommand(name);
    bool number = false;
    const int pid = ctx.args().value(1).toInt(&number);
    if (ctx.args().size() != 2 || !number || pid <= 0)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate %1 PID [--all-databases] [--backend-start "
                                 "TIME] [--confirm DATABASE]")
                                  .arg(name)));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    SessionControl control(*c);
    // The session as it is now: its database (named in the question, typed on production) and,
    // unless given, the backend_start the signal must match.
    const Result<std::optional<ActivitySession>> seen = control.target(pid);
    if (!seen)
        return ctx.fail(1, seen.error());
    if (!seen.value())
        return ctx.fail(1,
                        Error(ErrorCode::NotFound,
                              tr("session %1 was already gone: the server has no client session "
                                 "with this process id. Nothing was sent.")
                                  .arg(pid),
                              {{QStringLiteral("pid"), pid}}));
    const ActivitySession &session = *seen.value();
    SessionAction action;
    action.kind = terminate ? SessionAction::Kind::Terminate : SessionAction::Kind::Cancel;
    action.pid = pid;
    action.allDatabases = ctx.parser().isSet(QStringLiteral("all-databases"));
    action.backendStart = ctx.parser().isSet(QStringLiteral("backend-start"))
        ? ctx.parser().value(QStringLiteral("backend-start"))
        : session.backendStart;
    if (!action.allDatabases && session.database != c->database())
        return ctx.fail(2,
                        Error(ErrorCode::Refused,
                              tr("refused: session %1 is a session of the database %2, not of "
                                 "%3 (the connected one). Nothing was sent.\nPass "
                                 "--all-databases to act on sessions of other databases (the "
                                 "confirmation is then that session's database name).")
                                  .arg(pid)
                                  .arg(session.database, c->database()),
                              {{QStringLiteral("pid"), pid}}));
    // No profiles here: anything but the private sandbox may be production.
    action.production = !ctx.parser().isSet(QStringLiteral("sandbox"));
    if (action.production)
        action.confirmation = confirmation(ctx, session, pid, terminate);
    const Result<SessionOutcome> r = control.run(action);
    if (!r)
        return notSent(ctx, r.error(), action, session);
    const SessionOutcome &outcome = r.value();
    if (!outcome.signalled)
        return ctx.fail(1,
                        Error(outcome.gone ? ErrorCode::NotFound : ErrorCode::Refused,
                              outcome.message, {{QStringLiteral("pid"), pid}}));
    ctx.out().line(outcome.message);
    ctx.out().document({{QStringLiteral("command"), name},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("pid"), pid},
                        {QStringLiteral("backend_start"), action.backendStart},
                        {QStringLiteral("database"), outcome.database},
                        {QStringLiteral("connected_database"), c->database()}});
    return 0;
}

QString ActivityCommands::confirmation(CliContext &ctx, const ActivitySession &session, int pid,
                                       bool terminate)
{
    const QString who = tr("session %1 (%2, %3) of the database %4")
                            .arg(pid)
                            .arg(session.user, session.application, session.database);
    const QString what = terminate
        ? tr("Terminate %1 on %2 (its connection drops, its transaction is rolled back)?")
              .arg(who, ctx.describeTarget())
        : tr("Cancel the running statement of %1 on %2?").arg(who, ctx.describeTarget());
    return PromptWriteCommands::confirmDatabase(ctx, session.database, what)
        ? session.database
        : ctx.parser().value(QStringLiteral("confirm"));
}

int ActivityCommands::notSent(CliContext &ctx, const Error &error, const SessionAction &action,
                              const ActivitySession &session)
{
    const bool refusedHere = SessionControl::isRefusal(error);
    const QString message = error.toString();
    if (error.sqlState().startsWith(QLatin1String("22")))
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("--backend-start \"%1\" is not a time: %2").arg(action.backendStart, message),
                  {{QStringLiteral("option"), QStringLiteral("backend-start")}}));
    if (action.production && action.confirmation != session.database)
        return ctx.fail(refusedHere ? 2 : 1,
                        Error(error.code(),
                              message + u'\n'
                                  + tr("Pass --confirm %1 (the name of the session's database).")
                                        .arg(session.database),
                              error.args()));
    return ctx.fail(refusedHere ? 2 : 1, error);
}

} // namespace uaip
