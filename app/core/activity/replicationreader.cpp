#include "replicationreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QLocale>

namespace uaip {

namespace {

std::optional<qint64> number(const PgResult &r, int row, const char *column)
{
    const int c = r.columnIndex(column);
    if (c < 0 || r.isNull(row, c))
        return std::nullopt;
    return r.value(row, c).toLongLong();
}

} // namespace

ReplicationReader::ReplicationReader(PgConnection &connection)
    : m_connection(connection)
{ }

Result<ReplicationState> ReplicationReader::read()
{
    const std::vector<PgResult> results
        = m_connection.pipeline({SqlResource::of("activity", "replication_standbys"),
                                 SqlResource::of("activity", "replication_slots"),
                                 SqlResource::of("activity", "replication_receiver")});
    for (const PgResult &r : results)
        if (!r.ok()) {
            return Error(r.error()).in(tr("cannot read the replication state"));
        }
    ReplicationState state;
    const PgResult &standbys = results[0];
    for (int i = 0; i < standbys.rows(); ++i) {
        ReplicationState::Standby s;
        s.pid = standbys.value(i, "pid").toInt();
        s.application = standbys.value(i, "application_name");
        s.client = standbys.value(i, "client");
        s.state = standbys.value(i, "state");
        s.syncState = standbys.value(i, "sync_state");
        s.sentBehindBytes = number(standbys, i, "sent_behind_bytes");
        s.writeBehindBytes = number(standbys, i, "write_behind_bytes");
        s.flushBehindBytes = number(standbys, i, "flush_behind_bytes");
        s.replayBehindBytes = number(standbys, i, "replay_behind_bytes");
        s.writeLagMs = number(standbys, i, "write_lag_ms");
        s.flushLagMs = number(standbys, i, "flush_lag_ms");
        s.replayLagMs = number(standbys, i, "replay_lag_ms");
        s.replayLsn = standbys.value(i, "replay_lsn");
        state.standbys << s;
    }
    const PgResult &slotRows = results[1];
    for (int i = 0; i < slotRows.rows(); ++i) {
        ReplicationState::Slot s;
        s.name = slotRows.value(i, "slot_name");
        s.type = slotRows.value(i, "slot_type");
        s.database = slotRows.value(i, "database");
        s.active = slotRows.value(i, "active") == QLatin1String("t");
        s.activePid = slotRows.value(i, "active_pid").toInt();
        s.walStatus = slotRows.value(i, "wal_status");
        s.restartLsn = slotRows.value(i, "restart_lsn");
        s.retainedBytes = number(slotRows, i, "retained_bytes");
        state.replicationSlots << s;
    }
    const PgResult &receiver = results[2];
    if (receiver.rows() > 0) {
        state.standby = true;
        ReplicationState::Receiver r;
        r.status = receiver.value(0, "status");
        r.senderHost = receiver.value(0, "sender_host");
        r.senderPort = receiver.value(0, "sender_port").toInt();
        r.receivedLsn = receiver.value(0, "received_lsn");
        r.replayedLsn = receiver.value(0, "replayed_lsn");
        r.replayBehindBytes = number(receiver, 0, "replay_behind_bytes");
        r.lastReplayedMs = number(receiver, 0, "last_replayed_ms");
        r.lastMessageMs = number(receiver, 0, "last_message_ms");
        state.receiver = r;
    }
    return state;
}

QString ReplicationReader::bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace uaip
