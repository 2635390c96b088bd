#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace uaip {

class SessionTableModel;

// The Activity view's sessions table: the sessions through a proxy that sorts by value and
// filters on any column (case-insensitive), sorted by pid at first, one whole row selected at a
// time, the query column taking the width that is left. Finds and reads the selected session.
class SessionTableView : public QTableView
{
    Q_OBJECT
public:
    SessionTableView(SessionTableModel *model, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Selects the session's row (false when it is not listed); a listed session before an
    // ended one with the same pid.
    bool selectPid(int pid);
    // The selected session's pid, 0 when none.
    int selectedPid() const;
    // The selected row of the sessions model, -1 when none.
    int selectedRow() const;

private:
    QSortFilterProxyModel *m_proxy;
};

} // namespace uaip
