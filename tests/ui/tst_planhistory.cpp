// The SQL view's plan history against the real sandbox: every EXPLAIN of a tab is kept, newest
// first, labelled with its time and total time; two plans of it side by side (the same query
// without and with an index) with the difference in exclusive time per node kind, and a node
// selected in one plan selecting its counterpart in the other.
#include "db/sessionspec.h"
#include "sql/planhistoryview.h"
#include "sql/planview.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"
#include "sqlconsoletestutil.h"
#include "testdatabase.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace uaip;
using namespace uaip::test;

namespace {

int nodeOn(const PlanView *view, const QString &relation)
{
    for (const PlanNode &n : view->result().plan.nodes())
        if (n.relation == relation && n.nodeType.contains(QLatin1String("Scan")))
            return n.id;
    return -1;
}

} // namespace

class TestPlanHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void historyAndTwoPlansSideBySide()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        QVERIFY(w.execScript("CREATE TABLE t (id int, v int);"
                             "INSERT INTO t SELECT i, i % 7 FROM generate_series(1, 200000) i;"
                             "ANALYZE t")
                    .ok());
        SqlConsoleView view;
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        SqlConsoleTab *tab = view.currentTab();
        tab->analyzeBox()->setChecked(true);
        tab->editor()->setText(QStringLiteral("SELECT v FROM t WHERE id = 4242"));
        QVERIFY(explainAndWait(tab));
        QVERIFY(w.execScript("CREATE INDEX t_id ON t (id); ANALYZE t").ok());
        tab->editor()->setText(QStringLiteral("SELECT v FROM t WHERE id = 4242 -- indexed"));
        QVERIFY(explainAndWait(tab));

        PlanHistoryView *history = tab->planHistory();
        QCOMPARE(history->history().size(), 2);
        QCOMPARE(history->historyBox()->count(), 2);
        QCOMPARE(history->compareBox()->count(), 3); // (none) and the two plans
        // newest first, with its time, its total time and its statement
        const QString newest = history->historyBox()->itemText(0);
        QVERIFY2(newest.contains(QStringLiteral(" ms  SELECT v FROM t WHERE id = 4242 -- indexed")),
                 qPrintable(newest));
        QVERIFY(newest.contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d  "))));
        QCOMPARE(history->shown(), 0);
        QVERIFY(!history->comparing());
        QVERIFY(!history->comparedPlan()->isVisibleTo(history));
        QVERIFY(nodeOn(tab->planView(), QStringLiteral("t")) >= 0);
        QVERIFY(tab->planView()
                    ->result()
                    .plan.nodes()
                    .at(nodeOn(tab->planView(), QStringLiteral("t")))
                    .nodeType.contains(QLatin1String("Index")));

        // choose the older plan: it shows alone
        history->historyBox()->setCurrentIndex(1);
        emit history->historyBox()->activated(1);
        QCOMPARE(history->shown(), 1);
        QVERIFY(tab->planView()
                    ->result()
                    .plan.nodes()
                    .at(nodeOn(tab->planView(), QStringLiteral("t")))
                    .nodeType.contains(QLatin1String("Seq Scan")));

        // compare it with the newer one: both trees, the differences per node kind
        history->compareBox()->setCurrentIndex(1);
        emit history->compareBox()->activated(1);
        QVERIFY(history->comparing());
        QVERIFY(history->comparedPlan()->isVisibleTo(history));
        QVERIFY(history->comparedPlan()->hasPlan());
        QTreeWidget *kinds = history->kindTable();
        QVERIFY(kinds->topLevelItemCount() >= 2);
        QTreeWidgetItem *top = kinds->topLevelItem(0);
        QVERIFY2(top->text(0).contains(QLatin1String("Seq Scan")), qPrintable(top->text(0)));
        QCOMPARE(top->text(1), QStringLiteral("1")); // one Seq Scan on the left
        QCOMPARE(top->text(3), QStringLiteral("0")); // none on the right
        QVERIFY2(top->text(5).startsWith(u'-') && top->text(5).endsWith(QLatin1String(" ms")),
                 qPrintable(top->text(5)));
        QVERIFY(history->compareSummary()->text().contains(QLatin1String("Exclusive time")));

        // the scan of t selected on the left selects its counterpart on the right
        const int left = nodeOn(history->plan(), QStringLiteral("t"));
        const int right = nodeOn(history->comparedPlan(), QStringLiteral("t"));
        QVERIFY(left >= 0 && right >= 0);
        history->plan()->select(left);
        QCOMPARE(history->comparedPlan()->selectedNode(), right);
        history->comparedPlan()->select(0);
        QCOMPARE(history->plan()->selectedNode(), 0);

        // a new plan goes on top and shows alone
        QVERIFY(explainAndWait(tab));
        QCOMPARE(history->history().size(), 3);
        QCOMPARE(history->shown(), 0);
        QVERIFY(!history->comparing());
    }
};

QTEST_MAIN(TestPlanHistory)
#include "tst_planhistory.moc"
