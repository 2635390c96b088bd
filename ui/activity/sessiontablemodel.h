#pragma once

#include "activity/activitysession.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// The sessions of pg_stat_activity for the Activity view. SortRole gives numbers for the age
// columns; a session idle in a transaction longer than the threshold is highlighted (and says
// why in its tooltip); the console's own sessions are marked.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Pid,
        User,
        Database,
        Application,
        Client,
        State,
        WaitEvent,
        TransactionAge,
        QueryAge,
        Query,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int PidRole = Qt::UserRole + 2;
    static constexpr int HighlightedRole = Qt::UserRole + 3;

    explicit SessionTableModel(QObject *parent = nullptr);

    void setSessions(const QList<ActivitySession> &sessions);
    const QList<ActivitySession> &sessions() const { return m_sessions; }
    void setIdleThresholdMs(qint64 ms);
    qint64 idleThresholdMs() const { return m_idleThresholdMs; }
    bool highlighted(const ActivitySession &s) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ActivitySession> m_sessions;
    qint64 m_idleThresholdMs = 60 * 1000;
};

} // namespace uaip
