#pragma once

#include "activity/replicationstate.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace uaip {

// The Activity view's Replication tab: on a primary its standbys with their write, flush and
// replay lag in bytes and time; on a standby what it receives and how far its replay is behind;
// on both the replication slots with the WAL each keeps, an inactive slot that keeps WAL in the
// danger colour with the reason as tool tip.
class ReplicationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReplicationPanel(QWidget *parent = nullptr);

    void setState(const ReplicationState &state);
    QString summary() const;
    QTreeWidget *standbyTree() const { return m_standbys; }
    QTreeWidget *slotTree() const { return m_slotTree; }

private:
    QLabel *m_summary;
    QTreeWidget *m_standbys;
    QTreeWidget *m_slotTree;
};

} // namespace uaip
