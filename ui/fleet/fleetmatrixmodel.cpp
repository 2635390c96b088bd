#include "fleetmatrixmodel.h"

#include "widgets/statestyle.h"

namespace uaip {

FleetMatrixModel::FleetMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FleetMatrixModel::setTargets(const QList<FleetTarget> &targets,
                                  const QList<Migration> &migrations)
{
    beginResetModel();
    m_targets = targets;
    m_migrations = migrations;
    m_results = QList<FleetTargetResult>(targets.size());
    for (FleetTargetResult &r : m_results)
        r.name.clear();
    m_running = QList<bool>(targets.size(), false);
    endResetModel();
}

int FleetMatrixModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_targets.size(); ++i)
        if (m_targets.at(i).name == name)
            return i;
    return -1;
}

void FleetMatrixModel::markRunning(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_running[row] = true;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void FleetMatrixModel::setResult(const FleetTargetResult &result)
{
    const int row = rowOf(result.name);
    if (row < 0)
        return;
    m_running[row] = false;
    FleetTargetResult merged = result;
    // A target not started keeps what an earlier run read about it.
    const FleetTargetResult &before = m_results.at(row);
    if (result.state == FleetTargetResult::State::Skipped && !before.name.isEmpty()
        && result.appliedVersions.isEmpty() && result.pendingVersions.isEmpty()) {
        merged.appliedVersions = before.appliedVersions;
        merged.pendingVersions = before.pendingVersions;
        merged.failedVersion = before.failedVersion;
        merged.appliedLevel = before.appliedLevel;
    }
    m_results[row] = merged;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

FleetMatrixModel::CellState FleetMatrixModel::cell(int row, int migration) const
{
    const FleetTargetResult &r = m_results.at(row);
    if (r.name.isEmpty())
        return CellState::Unknown;
    const QString version = m_migrations.at(migration).version.text();
    if (r.failedVersion == version)
        return CellState::Failed;
    if (r.appliedVersions.contains(version))
        return r.state == FleetTargetResult::State::Drifted && r.appliedLevel == version
            ? CellState::Drifted
            : CellState::Applied;
    if (r.pendingVersions.contains(version))
        return CellState::Pending;
    return CellState::Unknown;
}

QString FleetMatrixModel::cellText(CellState state)
{
    switch (state) {
    case CellState::Applied:
        return StateStyle::label(MigrationState::Applied);
    case CellState::Pending:
        return StateStyle::label(MigrationState::Pending);
    case CellState::Failed:
        return StateStyle::label(MigrationState::Failed);
    case CellState::Drifted:
        return tr("drifted");
    case CellState::Unknown:
        break;
    }
    return QString();
}

int FleetMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int FleetMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstMigrationColumn + int(m_migrations.size());
}

QVariant FleetMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row();
    const FleetTargetResult &r = m_results.at(row);
    const bool known = !r.name.isEmpty();
    if (role == StateRole)
        return known ? int(r.state) : -1;
    if (index.column() >= FirstMigrationColumn)
        return cellData(row, index.column() - FirstMigrationColumn, role);
    return targetData(row, index.column(), role);
}

// A migration's column: that target's cell.
QVariant FleetMatrixModel::cellData(int row, int migration, int role) const
{
    const CellState c = cell(row, migration);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(c);
    case Qt::UserRole:
        return int(c);
    case Qt::ForegroundRole:
        switch (c) {
        case CellState::Applied:
            return StateStyle::foreground(MigrationState::Applied);
        case CellState::Pending:
            return StateStyle::foreground(MigrationState::Pending);
        case CellState::Failed:
            return StateStyle::foreground(MigrationState::Failed);
        case CellState::Drifted:
            return StateStyle::foreground(MigrationState::Modified);
        case CellState::Unknown:
            break;
        }
        return {};
    case Qt::DecorationRole:
        switch (c) {
        case CellState::Applied:
            return StateStyle::icon(MigrationState::Applied);
        case CellState::Pending:
            return StateStyle::icon(MigrationState::Pending);
        case CellState::Failed:
            return StateStyle::icon(MigrationState::Failed);
        case CellState::Drifted:
            return StateStyle::icon(MigrationState::Modified);
        case CellState::Unknown:
            break;
        }
        return {};
    default:
        return {};
    }
}

QString FleetMatrixModel::errorText(int row) const
{
    const FleetTargetResult &r = m_results.at(row);
    if (!r.driftedObjects.isEmpty() && !r.error.isSet())
        return tr("drifted: %1").arg(r.driftedObjects.join(QStringLiteral(", ")));
    // a failed migration's words name its file:line:col (FleetTargetResult::error)
    return r.error.toString();
}

// The target's own columns: name, state, applied level and error.
QVariant FleetMatrixModel::targetData(int row, int column, int role) const
{
    const FleetTargetResult &r = m_results.at(row);
    const bool known = !r.name.isEmpty();
    const FleetTarget &t = m_targets.at(row);
    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::UserRole)
            return t.name;
        if (role == Qt::ToolTipRole)
            return t.wave.isEmpty() ? t.conninfo : tr("%1 (wave %2)").arg(t.conninfo, t.wave);
        return {};
    case StateColumn:
        if (role == Qt::DisplayRole) {
            if (m_running.at(row))
                return tr("running…");
            return known ? FleetTargetResult::stateText(r.state) : QString();
        }
        if (role == Qt::UserRole)
            return known ? int(r.state) : -1;
        if (role == Qt::ForegroundRole && known) {
            using S = FleetTargetResult::State;
            if (r.state == S::Failed || r.state == S::Unreachable)
                return QBrush(StateStyle::danger());
            if (r.state == S::Drifted || r.state == S::Pending || r.state == S::Attention)
                return QBrush(StateStyle::warning());
            if (r.state == S::Skipped || r.state == S::Standby)
                return QBrush(StateStyle::muted());
            return QBrush(StateStyle::success());
        }
        return {};
    case LevelColumn:
        if (role == Qt::DisplayRole || role == Qt::UserRole)
            return r.appliedLevel;
        return {};
    case ErrorColumn:
        // The column is narrow and elides: one line of it there, the whole in the tool tip
        // and in the view's detail (errorText).
        if (role == Qt::DisplayRole)
            return errorText(row).simplified();
        if (role == Qt::UserRole || role == Qt::ToolTipRole)
            return errorText(row);
        return {};
    default:
        return {};
    }
}

QVariant FleetMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section >= FirstMigrationColumn) {
        const Migration &m = m_migrations.at(section - FirstMigrationColumn);
        if (role == Qt::DisplayRole)
            return m.version.text();
        if (role == Qt::ToolTipRole)
            return m.id();
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Target");
    case StateColumn:
        return tr("State");
    case LevelColumn:
        return tr("Level");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace uaip
