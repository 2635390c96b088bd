#include "insightsconnectionscommand.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightsclicommon.h"
#include "insightsjson.h"

#include "activity/activityage.h"
#include "insights/connectionreader.h"
#include "insights/insightscapabilities.h"

namespace uaip {

int InsightsConnectionsCommand::run(CliContext &ctx, const InsightsCapabilities &caps)
{
    ConnectionReader reader(*ctx.connect());
    Result<ConnectionUsage> r = reader.read();
    if (!r)
        return ctx.fail(1, r.error());
    const ConnectionUsage &u = r.value();
    ctx.out().line(tr("Connections: %1 in use of %2 a role without superuser may take "
                      "(max_connections %3, %4 kept for superusers): %5 free (%6 used)")
                       .arg(u.inUse)
                       .arg(u.maxConnections - u.reserved)
                       .arg(u.maxConnections)
                       .arg(u.reserved)
                       .arg(u.free())
                       .arg(InsightsCliCommon::percent(u.usedPercent())));
    ctx.out().line(QStringLiteral("  %1  %2  %3  %4  %5")
                       .arg(tr("database"), -16)
                       .arg(tr("application"), -24)
                       .arg(tr("state"), -30)
                       .arg(tr("sessions"), 8)
                       .arg(tr("oldest transaction")));
    for (const ConnectionGroup &g : u.groups)
        ctx.out().line(QStringLiteral("  %1  %2  %3  %4  %5")
                           .arg(CliText::oneLine(g.database, 16), -16)
                           .arg(CliText::oneLine(g.application, 24), -24)
                           .arg(g.state.isEmpty() ? tr("(not visible to this role)") : g.state, -30)
                           .arg(g.sessions, 8)
                           .arg(ActivityAge::text(g.oldestTransactionMs)));
    ctx.out().line(QString());
    if (u.idleInTransaction.isEmpty())
        ctx.out().line(tr("No session is idle in a transaction."));
    else
        ctx.out().line(tr("Idle in a transaction (holding their locks; oldest first):"));
    for (const IdleTransaction &s : u.idleInTransaction)
        ctx.out().line(tr("  pid %1 (%2, %3 in %4): transaction %5, idle %6%7: %8")
                           .arg(s.pid)
                           .arg(s.user, s.application, s.database,
                                ActivityAge::text(s.transactionMs), ActivityAge::text(s.idleMs),
                                s.holdsXmin ? tr(", holds back vacuum") : QString(),
                                CliText::oneLine(s.lastQuery, 60)));
    InsightsCliCommon::printLimits(ctx, caps);
    QJsonObject doc = InsightsJson::connections(u);
    doc.insert(QStringLiteral("command"), QStringLiteral("insights connections"));
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("capabilities"), InsightsJson::capabilities(caps));
    ctx.out().document(doc);
    return 0;
}

} // namespace uaip
