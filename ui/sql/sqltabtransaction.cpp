#include "sqltabtransaction.h"

#include "activity/activityage.h"
#include "sqlconsole/sqlrunjob.h"
#include "sqlresultmodel.h"
#include "sqlresulttabs.h"
#include "sqltabsession.h"
#include "sqltransactionmonitor.h"
#include "widgets/elidinglabel.h"
#include "widgets/statestyle.h"

#include <QLocale>

#include <utility>

namespace uaip {

namespace {

// Closing a result reads at most this many more rows of it first: a result that ends within
// them is whole (most results a person scrolls are), a longer one is cut where it was read.
constexpr int kRestRows = 2000;

} // namespace

SqlTabTransaction::SqlTabTransaction(SqlTabSession *session, SqlResultTabs *results, QWidget *tab)
    : QObject(tab)
    , m_tab(tab)
    , m_session(session)
    , m_results(results)
    , m_monitor(new SqlTransactionMonitor(session, tab))
    , m_line(new ElidingLabel(tab))
{
    connect(m_monitor, &SqlTransactionMonitor::changed, this, &SqlTabTransaction::showLine);
    connect(m_monitor, &SqlTransactionMonitor::idleCloseDue, this, [this] {
        if (m_session->isReady() && m_monitor->state().runnersRead) {
            m_closingIdle = true;
            closeResults();
        }
    });
    m_line->setObjectName(QStringLiteral("sqlTransactionLine"));
    m_line->hide();
}

void SqlTabTransaction::reset()
{
    m_monitor->reset();
    m_inTransaction = false;
    m_failed = false;
}

void SqlTabTransaction::setOutcome(bool inTransaction, bool failed)
{
    m_inTransaction = inTransaction;
    m_failed = failed;
}

void SqlTabTransaction::heldAfter(const SqlTransactionState &state)
{
    m_inTransaction = state.open && !state.runnersRead;
    m_failed = state.failed;
    m_monitor->setState(state);
    emit changed();
}

void SqlTabTransaction::end(bool commit)
{
    if (!m_session->isReady())
        return;
    const std::shared_ptr<SqlRunner> &runner = m_session->runner();
    auto *job = commit ? SqlRunJob::commit(runner) : SqlRunJob::rollback(runner);
    m_session->post(job, [this, job](bool ok) {
        m_results->message(job->summary());
        if (ok) {
            m_inTransaction = false;
            m_failed = false;
            emit status(job->summary());
        }
        m_results->endRows(); // their cursors ended with the transaction
        heldAfter(job->transactionState());
        emit finished();
    });
}

void SqlTabTransaction::closeResults()
{
    if (!m_session->isReady())
        return;
    const bool idle = std::exchange(m_closingIdle, false);
    auto *job = SqlRunJob::closeResults(m_session->runner(), kRestRows);
    m_session->post(job, [this, job, idle](bool ok) {
        if (ok)
            showClosed(job->closed(), idle);
        else
            m_results->message(job->summary());
        heldAfter(job->transactionState());
        emit finished();
    });
}

void SqlTabTransaction::showClosed(const QList<SqlClosedCursor> &closed, bool idle)
{
    const QLocale locale;
    for (const SqlClosedCursor &c : closed) {
        SqlResultModel *model = m_results->modelOf(c.cursor);
        if (!model)
            continue;
        model->appendPage(c.rest);
        const QString where = model->resultSet().start.toString();
        if (c.rest.done) {
            m_results->message(tr("%1: all %2 rows read; its cursor is closed.")
                                   .arg(where, locale.toString(model->rowCount())));
            continue;
        }
        model->endRows();
        m_results->message(
            (idle ? tr("%1: the result was idle for %2, so its cursor closed after the first "
                       "%3 rows and its read transaction ended (it held its tables' locks); "
                       "run the statement again for the rest.")
                        .arg(where, ActivityAge::text(m_monitor->idleCloseMs()),
                             locale.toString(model->rowCount()))
                  : tr("%1: the cursor closed after the first %2 rows; run the statement "
                       "again for the rest.")
                        .arg(where, locale.toString(model->rowCount()))));
    }
}

void SqlTabTransaction::showLine()
{
    const QString text = m_monitor->text();
    m_line->setText(text);
    m_line->setToolTip(text);
    m_line->setVisible(!text.isEmpty());
    QPalette p = m_tab->palette();
    switch (m_monitor->level()) {
    case SqlTransactionMonitor::Level::Blocking:
        p.setColor(QPalette::WindowText, StateStyle::danger());
        break;
    case SqlTransactionMonitor::Level::Warning:
        p.setColor(QPalette::WindowText, StateStyle::warning());
        break;
    default:
        break;
    }
    m_line->setPalette(p);
    emit changed();
}

} // namespace uaip
