#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace uaip {

class CliContext;
struct ReplicationState;

// activity --replication [--json]: the connected server's replication (ReplicationReader, the
// Activity view's Replication tab): on a primary each standby's write/flush/replay lag in bytes
// and time, on a standby what it receives and how far replay is behind, and the replication
// slots with the WAL each keeps (an inactive slot that keeps WAL flagged).
class ReplicationCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ReplicationCommands)

public:
    static int show(CliContext &ctx);

private:
    // Each part of the report: its lines, and its JSON.
    static QJsonArray listStandbys(CliContext &ctx, const ReplicationState &state);
    static QJsonValue describeReceiver(CliContext &ctx, const ReplicationState &state);
    // *flagged: the inactive slots that keep WAL.
    static QJsonArray listSlots(CliContext &ctx, const ReplicationState &state, int *flagged);
};

} // namespace uaip
