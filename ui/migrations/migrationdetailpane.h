#pragma once

#include "ledger/ledgerevent.h"
#include "ledger/migrationfailure.h"
#include "ledger/migrationstatus.h"

#include <QTabWidget>

class QTableView;
class QTreeWidget;

namespace uaip {

class EventTableModel;
class SqlView;

// Below the migrations table: up.sql and down.sql (read-only SQL views that can mark the
// failing line), the lint findings of both, and the event history of the selected migration.
class MigrationDetailPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { UpTab, DownTab, LintTab, EventsTab };

    explicit MigrationDetailPane(QWidget *parent = nullptr);

    // status may be null (nothing selected).
    void showMigration(const MigrationStatus *status, const QList<LedgerEvent> &allEvents);
    // Marks the failing line in up.sql or down.sql (whichever the failure is about).
    void showFailure(const MigrationFailure &failure);

    SqlView *upView() const { return m_up; }
    SqlView *downView() const { return m_down; }
    QTreeWidget *lintView() const { return m_lint; }
    EventTableModel *eventModel() const { return m_events; }

private:
    void fillLint(const Migration &m);

    SqlView *m_up;
    SqlView *m_down;
    QTreeWidget *m_lint;
    QTableView *m_eventView;
    EventTableModel *m_events;
    QString m_shownVersion;
};

} // namespace uaip
