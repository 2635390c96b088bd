#include "eventtablemodel.h"

#include "widgets/localeformat.h"
#include "widgets/statestyle.h"

namespace uaip {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventTableModel::setEvents(const QList<LedgerEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (index.row() < 0 || index.row() >= m_events.size())
        return {};
    const LedgerEvent &e = m_events[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            return role == Qt::ToolTipRole ? e.happenedAt : LocaleFormat::isoDateTime(e.happenedAt);
        case Who:
            return role == Qt::ToolTipRole ? e.actor + QStringLiteral(" — ") + e.client : e.actor;
        case Action:
            return e.action;
        case Migration:
            return e.version + u'_' + e.name;
        case Duration:
            return LocaleFormat::milliseconds(e.durationMs);
        case Outcome:
            return e.outcome;
        case Detail:
            return role == Qt::ToolTipRole ? e.detail : e.detail.section(u'\n', 0, 0);
        case Error:
            return role == Qt::ToolTipRole ? e.error : e.error.section(u'\n', 0, 0);
        }
    }
    if (role == Qt::ForegroundRole && e.outcome != QLatin1String("ok"))
        return QBrush(e.outcome == QLatin1String("cancelled") ? StateStyle::warning()
                                                              : StateStyle::danger());
    if (role == Qt::TextAlignmentRole && index.column() == Duration)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When (UTC)");
    case Who:
        return tr("Who");
    case Action:
        return tr("What");
    case Migration:
        return tr("Migration");
    case Duration:
        return tr("Duration");
    case Outcome:
        return tr("Outcome");
    case Detail:
        return tr("Detail");
    case Error:
        return tr("Error");
    }
    return {};
}

} // namespace uaip
