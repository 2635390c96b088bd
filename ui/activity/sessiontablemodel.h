#pragma once

#include "activity/activitysession.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace uaip {

// The sessions of pg_stat_activity for the Activity view. SortRole gives numbers for the age
// columns; a session idle in a transaction longer than the threshold is highlighted (and says
// why in its tooltip); the console's own sessions are marked. The outcome of a cancel or
// terminate stays in its session's row (the Outcome column, the whole message in the tooltip);
// a session that ended since (terminated, already gone) stays listed as ended, greyed, for
// kKeepEndedMinutes, so its outcome does not vanish with the next refresh.
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
        Outcome,
        WaitEvent,
        TransactionAge,
        QueryAge,
        Query,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int PidRole = Qt::UserRole + 2;
    static constexpr int HighlightedRole = Qt::UserRole + 3;
    static constexpr int EndedRole = Qt::UserRole + 4; // a row kept for its outcome
    static constexpr int kKeepEndedMinutes = 10;

    explicit SessionTableModel(QObject *parent = nullptr);

    // The sessions listed now; rows of ended sessions with an outcome are added after them.
    void setSessions(const QList<ActivitySession> &sessions);
    const QList<ActivitySession> &sessions() const { return m_sessions; }
    // The outcome of an action on this session (pid and backend_start), shown in its row
    // (failed: in the danger colour).
    void setOutcome(const ActivitySession &session, const QString &shortText,
                    const QString &message, bool failed);
    void clearOutcomes();
    const ActivitySession &sessionAt(int row) const { return m_rows[row].session; }
    bool endedAt(int row) const { return m_rows[row].ended; }
    QString outcomeAt(int row) const;
    void setIdleThresholdMs(qint64 ms);
    qint64 idleThresholdMs() const { return m_idleThresholdMs; }
    bool highlighted(const ActivitySession &s) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct ActionOutcome
    {
        ActivitySession session;
        QString shortText;
        QString message;
        bool failed = false;
        QDateTime at;
    };
    struct Row
    {
        ActivitySession session;
        bool ended = false;
    };
    const ActionOutcome *outcomeOf(const ActivitySession &s) const;
    void rebuild();

    QList<ActivitySession> m_sessions;
    QList<ActionOutcome> m_outcomes;
    QList<Row> m_rows;
    qint64 m_idleThresholdMs = 60 * 1000;
};

} // namespace uaip
