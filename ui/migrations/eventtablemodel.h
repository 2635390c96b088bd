#pragma once

#include "ledger/ledgerevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// The migration event log (uaip_migration_events): who, when, what, how long, outcome, the
// event's detail (an adopt event: the tool and the foreign row it took over) and the error.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Action, Migration, Duration, Outcome, Detail, Error, ColumnCount };

    explicit EventTableModel(QObject *parent = nullptr);

    void setEvents(const QList<LedgerEvent> &events);
    const QList<LedgerEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<LedgerEvent> m_events;
};

} // namespace uaip
