#include "replicationcommands.h"

#include "activity/activityage.h"
#include "activity/replicationreader.h"
#include "clicontext.h"
#include "jsonformat.h"

#include <QJsonArray>
#include <QJsonObject>

namespace uaip {

namespace {

QJsonValue orNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}

QString bytes(const std::optional<qint64> &v)
{
    return v ? ReplicationReader::bytesText(*v) : QStringLiteral("?");
}

QString ageText(const std::optional<qint64> &v)
{
    return v ? ActivityAge::text(*v) : QStringLiteral("-");
}

} // namespace

int ReplicationCommands::show(CliContext &ctx)
{
    ctx.setCommand(QStringLiteral("activity --replication"));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const ServerTopology *server = ctx.topology();
    if (!server)
        return 2;
    const Result<ReplicationState> read = ReplicationReader(*c).read();
    if (!read)
        return ctx.fail(1, read.error());
    const ReplicationState &state = read.value();
    ctx.out().line(tr("server: %1").arg(server->role()));
    const QJsonArray standbys = listStandbys(ctx, state);
    const QJsonValue receiver = describeReceiver(ctx, state);
    int flagged = 0;
    const QJsonArray slotList = listSlots(ctx, state, &flagged);
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("activity")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("server"), JsonFormat::server(*server)},
                        {QStringLiteral("standbys"), standbys},
                        {QStringLiteral("receiver"), receiver},
                        {QStringLiteral("slots"), slotList},
                        {QStringLiteral("inactive_slots_keeping_wal"), flagged}});
    return 0;
}

QJsonArray ReplicationCommands::listStandbys(CliContext &ctx, const ReplicationState &state)
{
    QJsonArray standbys;
    if (!state.standby || !state.standbys.isEmpty())
        ctx.out().line(tr("standbys streaming from it: %n", nullptr, int(state.standbys.size())));
    for (const ReplicationState::Standby &s : state.standbys) {
        //: %1 name, %2 client, %3 state, %4 sync state; then bytes behind (time behind)
        ctx.out().line(tr("  %1 from %2, %3, %4: written %5 behind (%6), flushed %7 (%8), "
                          "replayed %9 (%10)")
                           .arg(s.application, s.client, s.state, s.syncState,
                                bytes(s.writeBehindBytes), ageText(s.writeLagMs),
                                bytes(s.flushBehindBytes), ageText(s.flushLagMs),
                                bytes(s.replayBehindBytes))
                           .arg(ageText(s.replayLagMs)));
        standbys.append(
            QJsonObject{{QStringLiteral("pid"), s.pid},
                        {QStringLiteral("application_name"), s.application},
                        {QStringLiteral("client"), s.client},
                        {QStringLiteral("state"), s.state},
                        {QStringLiteral("sync_state"), s.syncState},
                        {QStringLiteral("sent_behind_bytes"), orNull(s.sentBehindBytes)},
                        {QStringLiteral("write_behind_bytes"), orNull(s.writeBehindBytes)},
                        {QStringLiteral("flush_behind_bytes"), orNull(s.flushBehindBytes)},
                        {QStringLiteral("replay_behind_bytes"), orNull(s.replayBehindBytes)},
                        {QStringLiteral("write_lag_ms"), orNull(s.writeLagMs)},
                        {QStringLiteral("flush_lag_ms"), orNull(s.flushLagMs)},
                        {QStringLiteral("replay_lag_ms"), orNull(s.replayLagMs)},
                        {QStringLiteral("replay_lsn"), s.replayLsn}});
    }
    return standbys;
}

QJsonValue ReplicationCommands::describeReceiver(CliContext &ctx, const ReplicationState &state)
{
    QJsonValue receiver;
    if (state.receiver) {
        const ReplicationState::Receiver &r = *state.receiver;
        const QString from = r.senderHost.isEmpty()
            ? tr("its primary")
            : QStringLiteral("%1:%2").arg(r.senderHost).arg(r.senderPort);
        ctx.out().line(tr("receiving from %1 (%2): received up to %3, replayed up to %4, replay "
                          "%5 behind; last replayed transaction %6 ago, last message from the "
                          "primary %7 ago")
                           .arg(from, r.status.isEmpty() ? tr("no WAL receiver") : r.status,
                                r.receivedLsn, r.replayedLsn, bytes(r.replayBehindBytes),
                                ageText(r.lastReplayedMs), ageText(r.lastMessageMs)));
        receiver = QJsonObject{{QStringLiteral("status"), r.status},
                               {QStringLiteral("sender_host"), r.senderHost},
                               {QStringLiteral("sender_port"), r.senderPort},
                               {QStringLiteral("received_lsn"), r.receivedLsn},
                               {QStringLiteral("replayed_lsn"), r.replayedLsn},
                               {QStringLiteral("replay_behind_bytes"), orNull(r.replayBehindBytes)},
                               {QStringLiteral("last_replayed_ms"), orNull(r.lastReplayedMs)},
                               {QStringLiteral("last_message_ms"), orNull(r.lastMessageMs)}};
    }
    return receiver;
}

QJsonArray ReplicationCommands::listSlots(CliContext &ctx, const ReplicationState &state,
                                          int *flagged)
{
    ctx.out().line(tr("replication slots: %n", nullptr, int(state.replicationSlots.size())));
    QJsonArray slotList;
    for (const ReplicationState::Slot &s : state.replicationSlots) {
        const bool flag = s.keepsWalInactive();
        *flagged += flag ? 1 : 0;
        ctx.out().line(
            tr("  %1 (%2, %3): keeps %4 of WAL from %5%6")
                .arg(s.name, s.type, s.active ? tr("active") : tr("inactive"),
                     bytes(s.retainedBytes), s.restartLsn.isEmpty() ? tr("nothing") : s.restartLsn,
                     s.walStatus.isEmpty() ? QString() : QStringLiteral(", %1").arg(s.walStatus)));
        if (flag)
            ctx.out().line(tr("    ! inactive, and it keeps WAL: the disk fills until the slot is "
                              "dropped (pg_drop_replication_slot) or its consumer comes back"));
        slotList.append(QJsonObject{{QStringLiteral("name"), s.name},
                                    {QStringLiteral("type"), s.type},
                                    {QStringLiteral("database"), s.database},
                                    {QStringLiteral("active"), s.active},
                                    {QStringLiteral("wal_status"), s.walStatus},
                                    {QStringLiteral("restart_lsn"), s.restartLsn},
                                    {QStringLiteral("retained_bytes"), orNull(s.retainedBytes)},
                                    {QStringLiteral("inactive_keeps_wal"), flag}});
    }
    return slotList;
}

} // namespace uaip
