// The plan linked to its SQL text in the SQL view, against the real sandbox: selecting a plan
// node marks in the editor the table reference it scans (name and alias, also the planner's
// t_1 for a second unaliased t) and names its condition; the cursor on a table reference
// selects the node scanning it; a statement no longer in the editor is said so.
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
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

int nodeScanning(const PlanView *view, const QString &relation, const QString &alias)
{
    for (const PlanNode &n : view->result().plan.nodes())
        if (n.relation == relation && n.alias == alias)
            return n.id;
    return -1;
}

QByteArray highlighted(SqlEditor *editor)
{
    int from = 0;
    int to = 0;
    if (!editor->highlightedRange(&from, &to))
        return {};
    return editor->utf8Text().mid(from, to - from);
}

// Puts the cursor at byte offset of the editor.
void moveCursorTo(SqlEditor *editor, int offset)
{
    int line = 0;
    int index = 0;
    editor->lineIndexFromPosition(offset, &line, &index);
    editor->setCursorPosition(line, index);
}

} // namespace

class TestPlanSqlLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void nodesAndTableReferencesSelectEachOther()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(
                        "CREATE TABLE customers (id int PRIMARY KEY, name text);"
                        "CREATE TABLE orders (id int, customer_id int, total numeric);"
                        "INSERT INTO customers SELECT i, 'c' || i FROM generate_series(1, 500) i;"
                        "INSERT INTO orders SELECT i, i % 500 + 1, i % 300 "
                        "FROM generate_series(1, 20000) i; ANALYZE customers; ANALYZE orders")
                    .ok());
        SqlConsoleView view;
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        view.resize(1000, 700);
        view.show(); // the editor reports cursor moves as it updates
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SqlConsoleTab *tab = view.currentTab();
        tab->analyzeBox()->setChecked(true);
        SqlEditor *editor = tab->editor();
        const QByteArray script = "SELECT 1;\n\n"
                                  "SELECT c.name, count(*)\n"
                                  "  FROM public.orders o\n"
                                  "  JOIN customers AS \"c\" ON c.id = o.customer_id\n"
                                  " WHERE o.total > 100\n"
                                  " GROUP BY c.name";
        editor->setText(QString::fromUtf8(script));
        moveCursorTo(editor, int(script.indexOf("count")));
        QVERIFY(explainAndWait(tab));
        PlanView *plan = tab->planView();

        // the scan of orders: "public.orders o" marked, its filter named
        const int orders = nodeScanning(plan, QStringLiteral("orders"), QStringLiteral("o"));
        QVERIFY(orders >= 0);
        plan->select(orders);
        QCOMPARE(highlighted(editor), QByteArray("public.orders o"));
        QLabel *label = tab->planLinkLabel();
        QVERIFY(!label->isHidden());
        QVERIFY2(label->text().contains(QLatin1String("Filter: (total > "))
                     && label->text().startsWith(QLatin1String("Seq Scan on orders o")),
                 qPrintable(label->text()));
        const int customers = nodeScanning(plan, QStringLiteral("customers"), QStringLiteral("c"));
        QVERIFY(customers >= 0);
        plan->select(customers);
        QCOMPARE(highlighted(editor), QByteArray("customers AS \"c\""));
        // a node that scans no table: nothing marked
        plan->select(0);
        QCOMPARE(highlighted(editor), QByteArray());

        // the cursor on a table reference selects its node, and the cursor stays
        const int inOrders = int(script.indexOf("orders o")) + 2;
        moveCursorTo(editor, inOrders);
        QTRY_COMPARE(plan->selectedNode(), orders);
        QCOMPARE(editor->cursorOffset(), inOrders);
        moveCursorTo(editor, int(script.indexOf("customers AS")));
        QTRY_COMPARE(plan->selectedNode(), customers);
        // not on a table: unchanged, once the editor has reported the move (PlanSqlLink's slot,
        // connected before this spy, has run by then)
        QSignalSpy moved(editor, &SqlEditor::cursorPositionChanged);
        const int inGroup = int(script.indexOf("GROUP"));
        moveCursorTo(editor, inGroup);
        QTRY_VERIFY(!moved.isEmpty());
        QCOMPARE(editor->cursorOffset(), inGroup);
        QCOMPARE(plan->selectedNode(), customers);

        // the same statement moved in the editor is still found
        editor->setText(QStringLiteral("-- moved\n") + QString::fromUtf8(script));
        plan->select(orders);
        QCOMPARE(highlighted(editor), QByteArray("public.orders o"));
        // gone from the editor: said so, nothing marked
        editor->setText(QStringLiteral("SELECT 2"));
        plan->select(customers);
        QCOMPARE(highlighted(editor), QByteArray());
        QVERIFY2(label->text().contains(QLatin1String("no longer in the editor")),
                 qPrintable(label->text()));

        // the same table twice without an alias: the planner's t_1 is the second reference
        const QByteArray twice = "SELECT name FROM customers WHERE id IN "
                                 "(SELECT customer_id FROM orders JOIN customers ON true "
                                 "WHERE customers.id = 3)";
        editor->setText(QString::fromUtf8(twice));
        QVERIFY(explainAndWait(tab));
        const int second
            = nodeScanning(plan, QStringLiteral("customers"), QStringLiteral("customers_1"));
        QVERIFY2(second >= 0, qPrintable(QString::fromUtf8(plan->result().plan.json())));
        plan->select(second);
        int from = 0;
        int to = 0;
        QVERIFY(editor->highlightedRange(&from, &to));
        QCOMPARE(from, int(twice.lastIndexOf("customers ON")));
        QCOMPARE(editor->utf8Text().mid(from, to - from), QByteArray("customers"));
    }
};

QTEST_MAIN(TestPlanSqlLink)
#include "tst_plansqllink.moc"
