#pragma once

#include "sqlconsole/sqlclosedcursor.h"
#include "sqlconsole/sqltransactionstate.h"

#include <QList>
#include <QObject>

class QLabel;
class QWidget;

namespace uaip {

class SqlResultTabs;
class SqlTabSession;
class SqlTransactionMonitor;

// What an SQL tab's session holds between runs, and ending it: the user's transaction (open;
// failed: only Roll back ends it), the results' cursors and their read transaction. The line
// under the results says what is held and for how long (SqlTransactionMonitor), in the warning
// or danger colour of its level. Commit and Roll back end the user's transaction; Close result
// reads what is left of small results, closes the cursors and ends the read transaction (by
// itself once the results were idle too long).
class SqlTabTransaction : public QObject
{
    Q_OBJECT
public:
    // The monitor and the line are tab's children; messages go to results.
    SqlTabTransaction(SqlTabSession *session, SqlResultTabs *results, QWidget *tab);

    SqlTransactionMonitor *monitor() const { return m_monitor; }
    QLabel *line() const { return m_line; }
    bool inTransaction() const { return m_inTransaction; }
    bool failed() const { return m_failed; }

    // A new target: nothing held.
    void reset();
    // What a run says of the user's transaction (open, failed).
    void setOutcome(bool inTransaction, bool failed);
    // A job of the tab ended: what its session holds now.
    void heldAfter(const SqlTransactionState &state);
    // Commit (true) or Roll back (false) the user's transaction.
    void end(bool commit);
    void closeResults();

signals:
    // What is held changed: the tab's actions follow.
    void changed();
    // For the tab's status line.
    void status(const QString &text);
    // A commit, rollback or close has ended.
    void finished();

private:
    void showLine();
    void showClosed(const QList<SqlClosedCursor> &closed, bool idle);

    QWidget *m_tab;
    SqlTabSession *m_session;
    SqlResultTabs *m_results;
    SqlTransactionMonitor *m_monitor;
    QLabel *m_line;
    bool m_inTransaction = false;
    bool m_failed = false; // the user's transaction failed: only Roll back ends it
    bool m_closingIdle = false; // the close that runs was the idle time's, not the user's
};

} // namespace uaip
