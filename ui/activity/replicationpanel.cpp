#include "replicationpanel.h"

#include "activity/activityage.h"
#include "activity/replicationreader.h"
#include "widgets/statestyle.h"

#include <QBrush>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

QString bytes(const std::optional<qint64> &v)
{
    return v ? ReplicationReader::bytesText(*v) : QStringLiteral("?");
}

QString ms(const std::optional<qint64> &v)
{
    return v ? ActivityAge::text(*v) : QStringLiteral("-");
}

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    return tree;
}

} // namespace

ReplicationPanel::ReplicationPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_standbys(makeTree({tr("Standby"), tr("Client"), tr("State"), tr("Sync"),
                           tr("Written behind"), tr("Flushed behind"), tr("Replayed behind"),
                           tr("Write lag"), tr("Flush lag"), tr("Replay lag")},
                          this))
    , m_slotTree(makeTree({tr("Slot"), tr("Type"), tr("Active"), tr("WAL status"), tr("Keeps WAL"),
                           tr("Restart LSN")},
                          this))
{
    m_standbys->setObjectName(QStringLiteral("replicationStandbys"));
    m_slotTree->setObjectName(QStringLiteral("replicationSlots"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Standbys streaming from this server:"), this));
    layout->addWidget(m_standbys, 1);
    layout->addWidget(new QLabel(tr("Replication slots:"), this));
    layout->addWidget(m_slotTree, 1);
}

void ReplicationPanel::setState(const ReplicationState &state)
{
    m_standbys->clear();
    for (const ReplicationState::Standby &s : state.standbys)
        m_standbys->addTopLevelItem(new QTreeWidgetItem(
            {s.application, s.client, s.state, s.syncState, bytes(s.writeBehindBytes),
             bytes(s.flushBehindBytes), bytes(s.replayBehindBytes), ms(s.writeLagMs),
             ms(s.flushLagMs), ms(s.replayLagMs)}));
    m_slotTree->clear();
    int flagged = 0;
    for (const ReplicationState::Slot &s : state.replicationSlots) {
        auto *item = new QTreeWidgetItem({s.name, s.type, s.active ? tr("yes") : tr("no"),
                                          s.walStatus, bytes(s.retainedBytes), s.restartLsn});
        if (s.keepsWalInactive()) {
            ++flagged;
            const QString why = tr("Inactive, and it keeps WAL: the disk fills until the slot is "
                                   "dropped (pg_drop_replication_slot) or its consumer comes "
                                   "back.");
            for (int c = 0; c < item->columnCount(); ++c) {
                item->setForeground(c, QBrush(StateStyle::danger()));
                item->setToolTip(c, why);
            }
        }
        m_slotTree->addTopLevelItem(item);
    }
    QStringList lines;
    if (state.receiver) {
        const ReplicationState::Receiver &r = *state.receiver;
        const QString from = r.senderHost.isEmpty()
            ? tr("its primary")
            : QStringLiteral("%1:%2").arg(r.senderHost).arg(r.senderPort);
        lines << tr("This server is a standby receiving from %1 (%2): received up to %3, "
                    "replayed up to %4, replay %5 behind; last replayed transaction %6 ago.")
                     .arg(from, r.status.isEmpty() ? tr("no WAL receiver") : r.status,
                          r.receivedLsn, r.replayedLsn, bytes(r.replayBehindBytes),
                          ms(r.lastReplayedMs));
    }
    if (!state.standby || !state.standbys.isEmpty())
        lines << (state.standbys.isEmpty() ? tr("No standby streams from this server.")
                                           : tr("%n standby(s) stream from this server.", nullptr,
                                                int(state.standbys.size())));
    if (flagged > 0)
        lines << tr("%n inactive replication slot(s) keep WAL: the disk fills until they are "
                    "dropped or their consumers come back.",
                    nullptr, flagged);
    m_summary->setText(lines.join(u'\n'));
}

QString ReplicationPanel::summary() const
{
    return m_summary->text();
}

} // namespace uaip
