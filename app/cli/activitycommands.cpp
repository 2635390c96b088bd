#include "activitycommands.h"

#include "clicontext.h"
#include "promptwritecommands.h"

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

QString oneLine(const QString &text, int max)
{
    QString s = text.simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
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
    ctx.out().line(indent + QStringLiteral("  ") + oneLine(n.query, 100));
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
    if (sub.isEmpty()) {
        if (ctx.parser().isSet(QStringLiteral("confirm")))
            return ctx.fail(2,
                            tr("--confirm applies to \"activity cancel\" and \"activity "
                               "terminate\" only"));
        return show(ctx);
    }
    if (ctx.parser().isSet(QStringLiteral("blocking")))
        return ctx.fail(2, tr("--blocking applies to \"activity\" only"));
    if (sub == QLatin1String("cancel"))
        return act(ctx, false);
    if (sub == QLatin1String("terminate"))
        return act(ctx, true);
    return ctx.fail(2,
                    tr("usage: uaip-migrate activity [--blocking] | activity cancel PID | "
                       "activity terminate PID [--confirm DATABASE]"));
}

int ActivityCommands::show(CliContext &ctx)
{
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    ActivityReader reader(*c);
    DbResult<ActivitySnapshot> snap = reader.snapshot();
    if (!snap)
        return ctx.fail(1, snap.error().toString());
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
                           .arg(oneLine(s.user, 12), -12)
                           .arg(oneLine(s.database, 12), -12)
                           .arg(oneLine(s.application, 22), -22)
                           .arg(oneLine(s.state + wait, 20), -20)
                           .arg(ActivityAge::text(s.transactionMs), 11)
                           .arg(ActivityAge::text(s.queryMs), 11)
                           .arg(oneLine(s.query, 60)));
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
        return ctx.fail(2, tr("usage: uaip-migrate %1 PID [--confirm DATABASE]").arg(name));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    SessionAction action;
    action.kind = terminate ? SessionAction::Kind::Terminate : SessionAction::Kind::Cancel;
    action.pid = pid;
    // No profiles here: anything but the private sandbox may be production.
    action.production = !ctx.parser().isSet(QStringLiteral("sandbox"));
    if (action.production) {
        const QString what = terminate
            ? tr("Terminate session %1 on %2 (its connection drops, its transaction is rolled "
                 "back)?")
                  .arg(pid)
                  .arg(ctx.describeTarget())
            : tr("Cancel the running statement of session %1 on %2?")
                  .arg(pid)
                  .arg(ctx.describeTarget());
        action.confirmation = PromptWriteCommands::confirmDatabase(ctx, c->database(), what)
            ? c->database()
            : ctx.parser().value(QStringLiteral("confirm"));
    }
    const DbResult<bool> r = SessionControl(*c).run(action);
    if (!r) {
        const bool refusedHere = SessionControl::isRefusal(r.error());
        QString message = r.error().message;
        if (action.production && action.confirmation != c->database())
            message += u'\n' + tr("Pass --confirm %1 (the database name).").arg(c->database());
        return ctx.fail(refusedHere ? 2 : 1, message);
    }
    if (!r.value())
        return ctx.fail(1,
                        tr("the server did not signal session %1 (it may have ended, or you "
                           "may lack the privilege)")
                            .arg(pid));
    const QString done = terminate ? tr("session %1 terminated").arg(pid)
                                   : tr("the running statement of session %1 cancelled").arg(pid);
    ctx.out().line(done);
    ctx.out().document({{QStringLiteral("command"), name},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("pid"), pid},
                        {QStringLiteral("database"), c->database()}});
    return 0;
}

} // namespace uaip
