#pragma once

#include "ledger/migrationstatus.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// Every migration known from files and ledger, one row each, with a colour and an icon per
// state. Rows keep the planner's order (version order).
class MigrationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Version, Name, State, AppliedAt, AppliedBy, Duration, Checksum, ColumnCount };
    static constexpr int StatusIndexRole = Qt::UserRole + 1;

    explicit MigrationTableModel(QObject *parent = nullptr);

    void setStatuses(const QList<MigrationStatus> &statuses);
    const QList<MigrationStatus> &statuses() const { return m_statuses; }
    const MigrationStatus *statusAt(int row) const;
    int rowOfVersion(const QString &version) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<MigrationStatus> m_statuses;
};

} // namespace uaip
