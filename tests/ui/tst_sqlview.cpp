// The SQL view (ui/sql) against the real sandbox: completion names from the catalog, an error
// marked at its line in the margin, rows paged from the cursor as the grid asks, the plan with
// its most expensive node selected in tree and bars, the production guard asking for the
// database name, and Cancel stopping a pg_sleep(60) within a second.
#include "db/sessionspec.h"
#include "pgbouncer.h"
#include "sql/planbarview.h"
#include "sql/planview.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"
#include "sql/sqlresultmodel.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace uaip;
using namespace uaip::test;

namespace {

SessionSpec specOf(const TestDatabase &db, bool production = false)
{
    ConnectionProfile p = db.profile();
    p.production = production;
    return SessionSpec::from(p, QString(), QStringLiteral("test"));
}

// Triggers action and waits for the tab's finished().
bool runAndWait(SqlConsoleTab *tab, QAction *action, int timeoutMs = 30000)
{
    QSignalSpy finished(tab, &SqlConsoleTab::finished);
    action->trigger();
    return finished.wait(timeoutMs);
}

} // namespace

class TestSqlView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void runsMarksErrorsAndPages()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE orders (id int PRIMARY KEY, customer text)");
        SqlConsoleView view;
        QSignalSpy names(&view, &SqlConsoleView::completionNamesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(names.wait(20000));
        QVERIFY(view.completionNames().contains(QStringLiteral("orders")));
        QVERIFY(view.completionNames().contains(QStringLiteral("customer")));
        SqlConsoleTab *tab = view.currentTab();
        QVERIFY(tab->analyzeBox()->isChecked());
        QVERIFY(tab->autocommitBox()->isChecked());

        tab->editor()->setText(QStringLiteral("SELECT 1;\n\nSELECT *\n  FROM nosuch;\n"));
        tab->editor()->setCursorPosition(3, 4);
        QVERIFY(runAndWait(tab, tab->runAction()));
        QCOMPARE(tab->editor()->markedLine(), 4);
        QVERIFY2(tab->messages()->toPlainText().contains(QStringLiteral("4:8: ERROR 42P01")),
                 qPrintable(tab->messages()->toPlainText()));

        tab->editor()->setText(QStringLiteral("SELECT generate_series(1, 1200) AS n"));
        QVERIFY(runAndWait(tab, tab->runAction()));
        QCOMPARE(tab->editor()->markedLine(), 0);
        SqlResultModel *model = tab->resultModel(0);
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 500);
        QVERIFY(model->canFetchMore(QModelIndex()));
        QSignalSpy finished(tab, &SqlConsoleTab::finished);
        model->fetchMore(QModelIndex());
        QVERIFY(finished.wait(20000));
        QCOMPARE(model->rowCount(), 1000);
        model->fetchMore(QModelIndex());
        QVERIFY(finished.wait(20000));
        QCOMPARE(model->rowCount(), 1200);
        QVERIFY(!model->canFetchMore(QModelIndex()));
        QCOMPARE(model->data(model->index(1199, 0)).toString(), QStringLiteral("1200"));
    }

    // Behind a transaction pooler the view shows the refusal of a statement that would leave
    // session state like any other: the message with its line:col, the line marked, nothing run.
    void sessionStateIsRefusedBehindAPooler()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE t (id int)");
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.poolSize = 1;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        ConnectionProfile p = db.profile();
        p.sandbox = false;
        p.host = bouncer.socketDir();
        p.port = bouncer.port();
        p.sslMode = QStringLiteral("disable");
        SqlConsoleView view;
        view.setTarget(SessionSpec::from(p, QString(), QStringLiteral("test")));
        SqlConsoleTab *tab = view.currentTab();
        QVERIFY(tab);
        tab->editor()->setText(
            QStringLiteral("INSERT INTO t VALUES (1);\n\nSET statement_timeout = 5;\n"));
        QVERIFY(runAndWait(tab, tab->runScriptAction()));
        const QString shown = tab->messages()->toPlainText();
        QVERIFY2(shown.contains(u"3:1") && shown.contains(u"connection pooler")
                     && shown.contains(u"SET LOCAL"),
                 qPrintable(shown));
        QCOMPARE(tab->editor()->markedLine(), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
    }

    void planSelectsTheMostExpensiveNode()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE a AS SELECT i AS id FROM generate_series(1, 50000) i");
        db.witness().exec("CREATE TABLE b AS SELECT i AS a_id FROM generate_series(1, 50000) i");
        SqlConsoleView view;
        view.setTarget(specOf(db));
        SqlConsoleTab *tab = view.currentTab();
        tab->editor()->setText(
            QStringLiteral("SELECT count(*) FROM a JOIN b ON b.a_id = a.id WHERE a.id % 2 = 0"));
        QSignalSpy shown(tab, &SqlConsoleTab::planShown);
        QVERIFY(runAndWait(tab, tab->explainAction()));
        QCOMPARE(shown.size(), 1);
        PlanView *plan = tab->planView();
        QVERIFY(plan->hasPlan());
        QVERIFY(plan->tree()->topLevelItemCount() == 1);
        QVERIFY(plan->selectedNode() >= 0);
        QCOMPARE(plan->bars()->selected(), plan->selectedNode());
        // the node of the most exclusive time, whichever it is: under ANALYZE a loaded machine
        // can give the Aggregate the most (CI once did), so the test names no node type
        const ExplainPlan &shownPlan = plan->result().plan;
        const int expensive = shownPlan.mostExpensive();
        QCOMPARE(plan->selectedNode(), expensive);
        for (const PlanNode &n : shownPlan.nodes())
            QVERIFY(shownPlan.exclusive(n.id) <= shownPlan.exclusive(expensive));
        QCOMPARE(plan->tree()->currentItem()->text(0), shownPlan.nodes().at(expensive).label());
        // a click on a bar selects that node in the tree
        plan->bars()->resize(800, 300);
        const QRectF root = plan->bars()->barRect(0);
        QTest::mouseClick(plan->bars(), Qt::LeftButton, {}, root.center().toPoint());
        QCOMPARE(plan->selectedNode(), 0);
    }

    void productionAsksForTheDatabaseName()
    {
        TestDatabase db;
        db.witness().exec("CREATE TABLE t (id int)");
        SqlConsoleView view;
        view.setTarget(specOf(db, true));
        SqlConsoleTab *tab = view.currentTab();
        QVERIFY(!tab->autocommitBox()->isChecked()); // production: explicit transaction
        QVERIFY(!tab->analyzeBox()->isChecked());
        QStringList asked;
        QString answer;
        tab->setNameAsker([&](QWidget *, const QString &database, const QString &) {
            asked << database;
            return answer;
        });
        tab->editor()->setText(QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(runAndWait(tab, tab->runAction()));
        QCOMPARE(asked, QStringList{db.name()});
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        QVERIFY(!tab->inTransaction()); // nothing ran

        answer = db.name();
        QVERIFY(runAndWait(tab, tab->runAction()));
        QCOMPARE(asked.size(), 2);
        QVERIFY(tab->inTransaction());
        QVERIFY(tab->commitAction()->isEnabled());
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0")); // not committed
        QVERIFY(runAndWait(tab, tab->commitAction()));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
        QVERIFY(!tab->inTransaction());
    }

    void cancelStopsASleep()
    {
        TestDatabase db;
        SqlConsoleView view;
        view.setTarget(specOf(db));
        SqlConsoleTab *tab = view.currentTab();
        tab->editor()->setText(QStringLiteral("SELECT pg_sleep(60)"));
        QSignalSpy finished(tab, &SqlConsoleTab::finished);
        tab->runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                      "wait_event = 'PgSleep' AND datname = current_database()")
                == QStringLiteral("1"),
            20000);
        QVERIFY(tab->cancelAction()->isEnabled());
        tab->cancelAction()->trigger();
        QVERIFY(finished.wait(30000));
        // cancelled on the server (not at the sleep's end)
        QVERIFY(tab->messages()->toPlainText().contains(QStringLiteral("57014")));
        QVERIFY(!tab->isBusy());
    }

    // Esc in the editor cancels the running statement; the status line then says what ended.
    void escapeCancels()
    {
        TestDatabase db;
        SqlConsoleView view;
        view.setTarget(specOf(db));
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SqlConsoleTab *tab = view.currentTab();
        QVERIFY(tab->cancelAction()->toolTip().contains(u"Esc"));
        tab->editor()->setText(QStringLiteral("SELECT pg_sleep(60)"));
        tab->editor()->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(tab->editor()->hasFocus());
        QSignalSpy finished(tab, &SqlConsoleTab::finished);
        tab->runAction()->trigger();
        QCOMPARE(tab->statusText(), QStringLiteral("Running…")); // the last outcome is gone
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                      "wait_event = 'PgSleep' AND datname = current_database()")
                == QStringLiteral("1"),
            20000);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(finished.wait(5000));
        QCOMPARE(tab->statusText(), QStringLiteral("cancelled"));
    }

    // After an error in the user's transaction the status says it failed and only Roll back is
    // offered; Roll back ends it.
    void aFailedTransactionIsSaidAndRolledBack()
    {
        TestDatabase db;
        SqlConsoleView view;
        view.setTarget(specOf(db));
        SqlConsoleTab *tab = view.currentTab();
        tab->autocommitBox()->setChecked(false);
        tab->editor()->setText(QStringLiteral("SELECT 1/0"));
        QVERIFY(runAndWait(tab, tab->runAction()));
        QVERIFY(tab->inTransaction());
        QVERIFY2(tab->transactionText().startsWith(u"Failed transaction open"),
                 qPrintable(tab->transactionText()));
        QVERIFY(tab->transactionText().contains(u"roll it back"));
        QVERIFY(tab->rollbackAction()->isEnabled());
        QVERIFY(!tab->commitAction()->isEnabled());
        QVERIFY(runAndWait(tab, tab->rollbackAction()));
        QVERIFY(!tab->inTransaction());
        // autocommit: a failed read ends its own transaction
        tab->autocommitBox()->setChecked(true);
        tab->editor()->setText(QStringLiteral("SELECT 1/(3 - g) FROM generate_series(1, 3) g"));
        QVERIFY(runAndWait(tab, tab->runAction()));
        QVERIFY(!tab->inTransaction());
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND state = 'idle in transaction (aborted)'"),
            QStringLiteral("0"));
    }

    // An editor closed while its completion names are still being prepared (QsciAPIs' thread)
    // leaves nothing running on a half-destroyed lexer: that crashed ui_sqlresultcopy once,
    // in the thread, when the editor went away right after the catalog's names arrived.
    void closingWhileCompletionPreparesIsSafe()
    {
        QStringList names;
        for (int i = 0; i < 20000; ++i)
            names << QStringLiteral("table_%1").arg(i) << QStringLiteral("column_%1").arg(i);
        for (int round = 0; round < 40; ++round) {
            auto *editor = new SqlEditor;
            editor->setCompletionNames(names);
            QTest::qWait(round % 4);
            delete editor;
        }
    }
};

QTEST_MAIN(TestSqlView)
#include "tst_sqlview.moc"
