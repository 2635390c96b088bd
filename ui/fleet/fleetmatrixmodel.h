#pragma once

#include "fleet/fleettarget.h"
#include "fleet/fleettargetresult.h"
#include "ledger/migration.h"

#include <QAbstractTableModel>

namespace uaip {

// The Fleet view's matrix: a row per target, the target's name, state, applied level and
// error, then a column per migration with that target's cell (applied / pending / failed /
// drifted). Qt::UserRole: the cell's CellState (sort key); StateRole: the target's state.
class FleetMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, LevelColumn, ErrorColumn, FirstMigrationColumn };
    enum class CellState { Unknown, Applied, Pending, Failed, Drifted };
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit FleetMatrixModel(QObject *parent = nullptr);

    void setTargets(const QList<FleetTarget> &targets, const QList<Migration> &migrations);
    // Nothing known yet: the target is about to run.
    void markRunning(const QString &name);
    void setResult(const FleetTargetResult &result);

    const QList<FleetTarget> &targets() const { return m_targets; }
    const FleetTarget &target(int row) const { return m_targets.at(row); }
    // The target's last result (State::Skipped with an empty name before any).
    const FleetTargetResult &result(int row) const { return m_results.at(row); }
    bool hasResult(int row) const { return !m_results.at(row).name.isEmpty(); }
    CellState cell(int row, int migration) const;
    // Why the target failed, needs attention or drifted, whole (several lines maybe); empty
    // when there is nothing to say.
    QString errorText(int row) const;
    static QString cellText(CellState state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int rowOf(const QString &name) const;
    QVariant cellData(int row, int migration, int role) const;
    QVariant targetData(int row, int column, int role) const;

    QList<FleetTarget> m_targets;
    QList<FleetTargetResult> m_results;
    QList<bool> m_running;
    QList<Migration> m_migrations;
};

} // namespace uaip
