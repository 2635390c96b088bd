#include "migrationtablemodel.h"

#include "widgets/localeformat.h"
#include "widgets/statestyle.h"

namespace uaip {

MigrationTableModel::MigrationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MigrationTableModel::setStatuses(const QList<MigrationStatus> &statuses)
{
    beginResetModel();
    m_statuses = statuses;
    endResetModel();
}

const MigrationStatus *MigrationTableModel::statusAt(int row) const
{
    return row >= 0 && row < m_statuses.size() ? &m_statuses[row] : nullptr;
}

int MigrationTableModel::rowOfVersion(const QString &version) const
{
    for (int i = 0; i < m_statuses.size(); ++i)
        if (m_statuses[i].version == version)
            return i;
    return -1;
}

int MigrationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int MigrationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationTableModel::data(const QModelIndex &index, int role) const
{
    const MigrationStatus *s = statusAt(index.row());
    if (!s)
        return {};
    const std::optional<LedgerEntry> &e = s->entry;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Version:
            return s->version;
        case Name:
            return s->name;
        case State: // a failed no-transaction run: how far it got; modified: which file
            if (role == Qt::ToolTipRole && !s->note().isEmpty())
                return StateStyle::label(s->state) + u'\n' + s->note();
            if (!s->awaitingContract.isEmpty()) // an expand: "expanded: awaiting its contract"
                return tr("%1 (%2)").arg(StateStyle::label(s->state), s->note());
            return StateStyle::label(s->state);
        case AppliedAt:
            return e
                ? (role == Qt::ToolTipRole ? e->appliedAt : LocaleFormat::isoDateTime(e->appliedAt))
                : QString();
        case AppliedBy:
            return e ? e->appliedBy : QString();
        case Duration:
            return e ? LocaleFormat::milliseconds(e->durationMs) : QString();
        case Checksum: {
            const QString sum
                = s->migration ? s->migration->upChecksum : (e ? e->checksum : QString());
            return role == Qt::ToolTipRole ? sum : sum.left(12);
        }
        }
    }
    if (role == Qt::DecorationRole && index.column() == State)
        return StateStyle::icon(s->state);
    if (role == Qt::ForegroundRole)
        return StateStyle::foreground(s->state);
    if (role == Qt::TextAlignmentRole && index.column() == Duration)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == StatusIndexRole)
        return index.row();
    return {};
}

QVariant MigrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case AppliedAt:
        return tr("Applied at");
    case AppliedBy:
        return tr("By");
    case Duration:
        return tr("Duration");
    case Checksum:
        return tr("Checksum");
    }
    return {};
}

} // namespace uaip
