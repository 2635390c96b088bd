// A SQL console tab never holds a transaction it did not need (issue 46, point 3), against the
// real sandbox: a result read through a cursor is read to its end or closed after its idle
// time, and the read transaction ends, so a second session's ALTER TABLE under lock_timeout
// gets its lock; while a tab holds a transaction its line says how long, the locks it holds and
// who waits for them.
#include "../core/activitytestutil.h"
#include "db/sessionspec.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqleditor.h"
#include "sql/sqlresultmodel.h"
#include "sql/sqltransactionmonitor.h"
#include "testdatabase.h"

#include <QAction>
#include <QCheckBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

SessionSpec specOf(const TestDatabase &db)
{
    return SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
}

bool runAndWait(SqlConsoleTab *tab, const QString &sql)
{
    tab->editor()->setText(sql);
    QSignalSpy finished(tab, &SqlConsoleTab::finished);
    tab->runAction()->trigger();
    return finished.wait(30000);
}

// The SQLSTATE an ALTER TABLE from a second session ends with under lock_timeout ("": it ran).
QString alterFromAnotherSession(TestDatabase &db, const QByteArray &timeout)
{
    SleepingSession other(db.conninfo(), QByteArray());
    if (!other.ok())
        return QStringLiteral("connection");
    PQclear(PQexec(other.conn, "SET lock_timeout = '" + timeout + "'"));
    PQsendQuery(other.conn, "ALTER TABLE personas ADD COLUMN IF NOT EXISTS note text");
    return endOfCommand(other.conn, 30000);
}

} // namespace

class TestSqlTransaction : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anIdleResultEndsItsReadTransaction()
    {
        TestDatabase db;
        db.witness().exec(
            "CREATE TABLE personas AS SELECT g AS id FROM generate_series(1, 1200) g");
        SqlConsoleTab tab;
        tab.transactionMonitor()->setIdleCloseMs(0); // as before: the transaction stays
        tab.setTarget(specOf(db));
        QVERIFY(runAndWait(&tab, QStringLiteral("SELECT * FROM personas ORDER BY id")));
        QCOMPARE(tab.resultModel(0)->rowCount(), 500);
        QVERIFY(tab.transactionMonitor()->state().runnersRead);
        QTRY_VERIFY_WITH_TIMEOUT(
            tab.transactionText().contains(QStringLiteral("ACCESS SHARE on personas")), 20000);
        QCOMPARE(alterFromAnotherSession(db, "200ms"), QStringLiteral("55P03")); // the lock

        // The idle time closes it: the rest (700 rows) is read, the transaction ends.
        tab.transactionMonitor()->setIdleCloseMs(300);
        QVERIFY(runAndWait(&tab, QStringLiteral("SELECT * FROM personas ORDER BY id")));
        QSignalSpy finished(&tab, &SqlConsoleTab::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(tab.resultModel(0)->rowCount(), 1200);
        QVERIFY(!tab.resultModel(0)->hasMoreRows());
        QVERIFY(!tab.transactionMonitor()->state().open);
        QVERIFY(tab.transactionText().isEmpty());
        QVERIFY2(tab.messages()->toPlainText().contains(QStringLiteral("all 1,200 rows read")),
                 qPrintable(tab.messages()->toPlainText()));
        QCOMPARE(alterFromAnotherSession(db, "3s"), QString());
    }

    void aLongResultIsCutWhereItWasRead()
    {
        TestDatabase db;
        SqlConsoleTab tab;
        tab.setTarget(specOf(db));
        QVERIFY(runAndWait(&tab, QStringLiteral("SELECT generate_series(1, 10000) AS n")));
        QVERIFY(tab.closeResultsAction()->isEnabled());
        QSignalSpy finished(&tab, &SqlConsoleTab::finished);
        tab.closeResultsAction()->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(tab.resultModel(0)->rowCount(), 2500); // the first page and 2,000 more
        QVERIFY(!tab.resultModel(0)->hasMoreRows());
        QVERIFY(!tab.transactionMonitor()->state().open);
        QVERIFY(!tab.closeResultsAction()->isEnabled());
        QVERIFY2(tab.messages()->toPlainText().contains(QStringLiteral("run the statement again")),
                 qPrintable(tab.messages()->toPlainText()));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                      " AND state = 'idle in transaction'"),
            QStringLiteral("0"));
    }

    void theUsersTransactionSaysWhatItHoldsAndWhoWaits()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE personas AS SELECT 1 AS id");
        SqlConsoleTab tab;
        tab.setTarget(specOf(db));
        tab.autocommitBox()->setChecked(false);
        QVERIFY(runAndWait(&tab, QStringLiteral("UPDATE personas SET id = id + 1")));
        QVERIFY(tab.inTransaction());
        QVERIFY(!tab.transactionMonitor()->state().runnersRead);
        QTRY_VERIFY_WITH_TIMEOUT(
            tab.transactionText().contains(QStringLiteral("ROW EXCLUSIVE on personas")), 20000);
        QVERIFY(tab.transactionText().startsWith(QStringLiteral("Transaction open")));
        QCOMPARE(tab.transactionMonitor()->level(), SqlTransactionMonitor::Level::Info);

        // A session waiting for a row the transaction changed, then one for the table.
        SleepingSession row(db.conninfo(), "UPDATE personas SET id = 5");
        QVERIFY(row.ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            tab.transactionText().contains(
                QStringLiteral("pid %1 waits for a row this transaction").arg(row.pid())),
            20000);
        SleepingSession waiter(db.conninfo(), "ALTER TABLE personas ADD COLUMN note text");
        QVERIFY(waiter.ok());
        const QString blocked
            = QStringLiteral("pid %1 waits for ACCESS EXCLUSIVE on personas").arg(waiter.pid());
        QTRY_VERIFY_WITH_TIMEOUT(tab.transactionText().contains(blocked), 20000);
        QVERIFY2(tab.transactionText().contains(QStringLiteral("BLOCKS 2 session(s)")),
                 qPrintable(tab.transactionText()));
        QCOMPARE(tab.transactionMonitor()->level(), SqlTransactionMonitor::Level::Blocking);

        QSignalSpy finished(&tab, &SqlConsoleTab::finished);
        tab.rollbackAction()->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY(tab.transactionText().isEmpty());
        QCOMPARE(endOfCommand(row.conn, 20000), QString()); // the UPDATE ran
        QCOMPARE(endOfCommand(waiter.conn, 20000), QString()); // the ALTER ran
    }

    // A prepared transaction would keep its locks with no session: refused before anything.
    void prepareTransactionIsRefused()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE personas (id int)");
        SqlConsoleTab tab;
        tab.setTarget(specOf(db));
        tab.editor()->setText(QStringLiteral(
            "BEGIN;\nINSERT INTO personas VALUES (1);\nPREPARE TRANSACTION 'p1';\n"));
        QSignalSpy finished(&tab, &SqlConsoleTab::finished);
        tab.runScriptAction()->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY2(tab.messages()->toPlainText().contains(QStringLiteral("two-phase commit")),
                 qPrintable(tab.messages()->toPlainText()));
        QCOMPARE(db.scalar("SELECT count(*) FROM personas"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_prepared_xacts"), QStringLiteral("0"));
        QVERIFY(!tab.transactionMonitor()->state().open);
    }
};

QTEST_MAIN(TestSqlTransaction)
#include "tst_sqltransaction.moc"
