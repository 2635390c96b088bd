#include "sessiontablemodel.h"

#include "activity/activityage.h"
#include "widgets/statestyle.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace uaip {

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SessionTableModel::setSessions(const QList<ActivitySession> &sessions)
{
    beginResetModel();
    m_sessions = sessions;
    rebuild();
    endResetModel();
}

void SessionTableModel::setOutcome(const ActivitySession &session, const QString &shortText,
                                   const QString &message, bool failed)
{
    beginResetModel();
    m_outcomes.removeIf([&](const ActionOutcome &o) {
        return o.session.pid == session.pid && o.session.backendStart == session.backendStart;
    });
    m_outcomes.append({session, shortText, message, failed, QDateTime::currentDateTimeUtc()});
    rebuild();
    endResetModel();
}

void SessionTableModel::clearOutcomes()
{
    beginResetModel();
    m_outcomes.clear();
    rebuild();
    endResetModel();
}

const SessionTableModel::ActionOutcome *SessionTableModel::outcomeOf(const ActivitySession &s) const
{
    for (const ActionOutcome &o : m_outcomes)
        if (o.session.pid == s.pid && o.session.backendStart == s.backendStart)
            return &o;
    return nullptr;
}

void SessionTableModel::rebuild()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_rows.clear();
    for (const ActivitySession &s : std::as_const(m_sessions))
        m_rows.append({s, false});
    // the ended sessions' outcomes stay a while; outcomes of listed sessions as long as they are
    m_outcomes.removeIf([&](const ActionOutcome &o) {
        const bool listed
            = std::any_of(m_sessions.cbegin(), m_sessions.cend(), [&o](const ActivitySession &s) {
                  return s.pid == o.session.pid && s.backendStart == o.session.backendStart;
              });
        return !listed && o.at.secsTo(now) > kKeepEndedMinutes * 60;
    });
    for (const ActionOutcome &o : std::as_const(m_outcomes)) {
        const bool listed
            = std::any_of(m_sessions.cbegin(), m_sessions.cend(), [&o](const ActivitySession &s) {
                  return s.pid == o.session.pid && s.backendStart == o.session.backendStart;
              });
        if (!listed)
            m_rows.append({o.session, true});
    }
}

QString SessionTableModel::outcomeAt(int row) const
{
    const ActionOutcome *o = outcomeOf(m_rows[row].session);
    return o ? o->message : QString();
}

void SessionTableModel::setIdleThresholdMs(qint64 ms)
{
    m_idleThresholdMs = ms;
    if (!m_sessions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool SessionTableModel::highlighted(const ActivitySession &s) const
{
    return s.idleInTransaction() && s.stateMs >= m_idleThresholdMs;
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ActivitySession &s = m_rows[index.row()].session;
    const bool ended = m_rows[index.row()].ended;
    const ActionOutcome *outcome = outcomeOf(s);
    if (role == PidRole)
        return s.pid;
    if (role == HighlightedRole)
        return !ended && highlighted(s);
    if (role == EndedRole)
        return ended;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Pid:
            if (role == SortRole)
                return s.pid;
            return s.own ? tr("%1 (this console)").arg(s.pid) : QString::number(s.pid);
        case User:
            return s.user;
        case Database:
            return s.database;
        case Application:
            return s.application;
        case Client:
            return s.client;
        case State:
            return ended ? tr("ended") : s.state;
        case Outcome:
            return outcome ? outcome->shortText : QString();
        case WaitEvent:
            return s.waitEventType.isEmpty() ? QString() : s.waitEventType + u':' + s.waitEvent;
        case TransactionAge:
            return role == SortRole ? QVariant(s.transactionMs)
                                    : QVariant(ActivityAge::text(s.transactionMs));
        case QueryAge:
            return role == SortRole ? QVariant(s.queryMs) : QVariant(ActivityAge::text(s.queryMs));
        case Query:
            return role == SortRole ? s.query : s.query.simplified().left(500);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (outcome && (index.column() == Outcome || ended))
            return outcome->message;
        if (highlighted(s))
            return tr("Idle in a transaction for %1 (threshold %2): it holds its locks and "
                      "keeps VACUUM from removing dead rows.")
                .arg(ActivityAge::text(s.stateMs), ActivityAge::text(m_idleThresholdMs));
        if (index.column() == Query)
            return s.query;
        if (s.own)
            return tr("A session of this console: it cannot be cancelled or terminated here.");
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Outcome && outcome && outcome->failed)
        return QBrush(StateStyle::danger());
    if (role == Qt::ForegroundRole && ended)
        return QBrush(StateStyle::muted());
    if (role == Qt::BackgroundRole && !ended && highlighted(s))
        return QBrush(StateStyle::highlightBackground());
    if (role == Qt::FontRole && (s.own || ended)) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == Pid || index.column() == TransactionAge
            || index.column() == QueryAge))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID");
    case User:
        return tr("User");
    case Database:
        return tr("Database");
    case Application:
        return tr("Application");
    case Client:
        return tr("Client");
    case State:
        return tr("State");
    case Outcome:
        return tr("Outcome");
    case WaitEvent:
        return tr("Wait event");
    case TransactionAge:
        return tr("Transaction age");
    case QueryAge:
        return tr("Query age");
    case Query:
        return tr("Query");
    default:
        return {};
    }
}

} // namespace uaip
