#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// Replication as one server sees it (ReplicationReader): on a primary its standbys and their
// lag, on a standby what it receives and how far its replay is behind, and on both the
// replication slots with the WAL each keeps. Byte and millisecond values are nullopt where the
// server does not say (a role without pg_read_all_stats, no measurement yet).
struct ReplicationState
{
    struct Standby
    {
        int pid = 0;
        QString application; // the standby's application_name (cluster_name / walreceiver)
        QString client;
        QString state; // streaming, catchup, ...
        QString syncState; // async, sync, quorum, potential
        std::optional<qint64> sentBehindBytes;
        std::optional<qint64> writeBehindBytes;
        std::optional<qint64> flushBehindBytes;
        std::optional<qint64> replayBehindBytes;
        std::optional<qint64> writeLagMs;
        std::optional<qint64> flushLagMs;
        std::optional<qint64> replayLagMs;
        QString replayLsn;
    };
    struct Slot
    {
        QString name;
        QString type; // physical, logical
        QString database; // logical slots
        bool active = false;
        int activePid = 0;
        QString walStatus; // reserved, extended, unreserved, lost
        QString restartLsn;
        std::optional<qint64> retainedBytes;
        // An inactive slot that keeps WAL (or has lost some): the disk fills until it is dropped
        // or its consumer comes back.
        bool keepsWalInactive() const
        {
            return !active && (retainedBytes.value_or(0) > 0 || walStatus == QLatin1String("lost"));
        }
    };
    struct Receiver
    {
        QString status; // streaming, ... (empty: no WAL receiver running)
        QString senderHost;
        int senderPort = 0;
        QString receivedLsn;
        QString replayedLsn;
        std::optional<qint64> replayBehindBytes;
        std::optional<qint64> lastReplayedMs; // since the last replayed transaction committed
        std::optional<qint64> lastMessageMs; // since the primary was last heard from
    };

    bool standby = false; // pg_is_in_recovery()
    QList<Standby> standbys;
    QList<Slot> replicationSlots;
    std::optional<Receiver> receiver; // on a standby
};

} // namespace uaip
