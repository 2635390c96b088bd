// Issue 60, point 7: the Entities tree at scale. Names sort naturally (t2 before t10) at every
// level; an extension's relations (pg_depend deptype 'e') sit in a group of their own, after the
// platform's domains and the other tables, collapsed; ten thousand tables are listed and a
// filter (Ctrl+Shift+F, case ignored, debounced) narrows them with a count, the current table
// kept; estimates are read again when the view is shown or its window activated, so rows
// another process wrote show without Refresh (in place when the listing is the same).
#include "browse/catalogreader.h"
#include "browser/entitiesview.h"
#include "browser/tabletree.h"
#include "browser/tabletreefilter.h"
#include "browsetestutil.h"
#include "testdatabase.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList childTexts(const QTreeWidgetItem *node)
{
    QStringList out;
    for (int i = 0; node && i < node->childCount(); ++i)
        out << node->child(i)->text(0);
    return out;
}

QStringList topTexts(const QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(0);
    return out;
}

QTreeWidgetItem *child(QTreeWidgetItem *node, const QString &text)
{
    for (int i = 0; node && i < node->childCount(); ++i)
        if (node->child(i)->text(0) == text)
            return node->child(i);
    return nullptr;
}

QTreeWidgetItem *top(const QTreeWidget *tree, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == text)
            return tree->topLevelItem(i);
    return nullptr;
}

// The tables' names the tree shows (leaves), in its order.
QStringList leaves(const QTreeWidget *tree)
{
    QStringList out;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
        if ((*it)->childCount() == 0)
            out << (*it)->text(0);
    return out;
}

// The relations extension owns, as the catalog says (sorted).
QStringList members(TestDatabase &db, const QString &extension)
{
    const PgResult r = db.witness().exec(
        "SELECT c.relname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid "
        "JOIN pg_class c ON c.oid = d.objid WHERE d.classid = 'pg_class'::regclass "
        "AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' "
        "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND e.extname = $1",
        {extension});
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << r.value(i, 0);
    out.sort();
    return out;
}

bool listed(EntitiesView &view, TestDatabase &db)
{
    QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
    view.setTarget(specOf(db));
    return loaded.wait(60000);
}

QString estimateOf(EntitiesView &view, const char *name)
{
    QTreeWidgetItem *item = view.tree()->itemFor(QStringLiteral("public"), QLatin1String(name));
    return item ? item->text(1) : QStringLiteral("<missing>");
}

// trigger() (the view shown again, its window activated) until the tree reads want for
// public.name: statistics reach the server a moment after the writer is gone.
bool refreshedTo(EntitiesView &view, const std::function<void()> &trigger, const char *name,
                 const QString &want)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        QSignalSpy refreshed(&view, &EntitiesView::estimatesRefreshed);
        trigger();
        if (!refreshed.wait(15000))
            return false;
        if (estimateOf(view, name) == want)
            return true;
    }
    qWarning("public.%s reads %s, not %s", name, qPrintable(estimateOf(view, name)),
             qPrintable(want));
    return false;
}

} // namespace

class TestEntitiesTree : public QObject
{
    Q_OBJECT

private slots:
    void naturalOrderAndExtensionGroups()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; "
                                "CREATE TABLE t10 (id int); CREATE TABLE t2 (id int); "
                                "CREATE TABLE \"T1\" (id int); CREATE TABLE t1 (id int); "
                                "CREATE TABLE users (id int PRIMARY KEY); "
                                "CREATE SCHEMA s10; CREATE SCHEMA s9; CREATE SCHEMA \"S1\"; "
                                "CREATE TABLE s10.a (id int); CREATE TABLE s9.b (id int); "
                                "CREATE TABLE \"S1\".c (id int)")
                    .ok());
        const QStringList statements = members(db, QStringLiteral("pg_stat_statements"));
        const QStringList hypopg = members(db, QStringLiteral("hypopg"));
        QVERIFY(!statements.isEmpty());
        QVERIFY(!hypopg.isEmpty());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(listed(view, db));
        TableTree *tree = view.tree();
        QCOMPARE(topTexts(tree), (QStringList{"public", "S1", "s9", "s10"}));
        QTreeWidgetItem *pub = top(tree, QStringLiteral("public"));
        // the platform's domain, the other tables, then each extension's group
        QCOMPARE(childTexts(pub),
                 (QStringList{"Core", "T1", "t1", "t2", "t10", "hypopg (extension)",
                              "pg_stat_statements (extension)"}));
        for (const auto &[group, names] :
             {std::pair{QStringLiteral("hypopg (extension)"), hypopg},
              std::pair{QStringLiteral("pg_stat_statements (extension)"), statements}}) {
            QTreeWidgetItem *node = child(pub, group);
            QVERIFY(node);
            QVERIFY2(!node->isExpanded(), qPrintable(group)); // collapsed at first
            QStringList shown = childTexts(node);
            QStringList sorted = shown;
            sorted.sort();
            QCOMPARE(sorted, names);
            for (const QString &name : shown)
                QCOMPARE(tree->itemFor(QStringLiteral("public"), name)->parent(), node);
        }
        QCOMPARE(tree->tableCount(), 8 + int(statements.size() + hypopg.size()));
        QCOMPARE(view.treeFilter()->countLabel()->text(),
                 QStringLiteral("%1 table(s)").arg(tree->tableCount()));

        // Read again when shown: a new table appears without Refresh, the group the user
        // opened stays open.
        child(pub, QStringLiteral("hypopg (extension)"))->setExpanded(true);
        QVERIFY(db.witness().execScript("CREATE TABLE t3 (id int)").ok());
        QVERIFY(refreshedTo(
            view,
            [&view] {
                view.hide();
                view.show();
            },
            "t3", QStringLiteral("~0")));
        pub = top(tree, QStringLiteral("public"));
        QCOMPARE(childTexts(pub).mid(0, 6), (QStringList{"Core", "T1", "t1", "t2", "t3", "t10"}));
        QVERIFY(child(pub, QStringLiteral("hypopg (extension)"))->isExpanded());
        QVERIFY(!child(pub, QStringLiteral("pg_stat_statements (extension)"))->isExpanded());
    }

    void tenThousandTablesFilter()
    {
        TestDatabase db;
        // one DO block; a COMMIT every thousand tables keeps the locks of one transaction
        // below the server's lock table
        const PgResult made
            = db.witness().execScript("DO $$ BEGIN FOR i IN 0..9999 LOOP "
                                      "EXECUTE format('CREATE TABLE %I (id int)', 't' || i); "
                                      "IF i % 1000 = 999 THEN COMMIT; END IF; END LOOP; END $$");
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        QVERIFY(db.witness().execScript("CREATE EXTENSION pg_stat_statements").ok());
        const QStringList statements = members(db, QStringLiteral("pg_stat_statements"));
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(listed(view, db));
        TableTree *tree = view.tree();
        const int total = 10000 + int(statements.size());
        QCOMPARE(tree->tableCount(), total);
        QCOMPARE(tree->shownTableCount(), total);
        QTreeWidgetItem *pub = top(tree, QStringLiteral("public"));
        QVERIFY(pub);
        QCOMPARE(pub->childCount(), 10001); // the tables and the extension's group, last
        QCOMPARE(pub->child(10000)->text(0), QStringLiteral("pg_stat_statements (extension)"));
        QCOMPARE(childTexts(pub).mid(0, 12),
                 (QStringList{"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10",
                              "t11"}));
        {
            // the GUI thread's part of a listing, for the log (no assertion on time)
            const Result<QList<TableSummary>> listing = CatalogReader::listTables(db.witness());
            QVERIFY(listing.ok());
            QElapsedTimer clock;
            clock.start();
            tree->setTables(listing.value());
            QCoreApplication::processEvents();
            qInfo("%d tables: the tree built in %lld ms", tree->tableCount(), clock.elapsed());
        }

        QVERIFY(tree->selectTable(QStringLiteral("public"), QStringLiteral("t1005")));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.grid()->setFocus();
        QTRY_VERIFY(view.grid()->hasFocus());
        QLineEdit *edit = view.treeFilter()->edit();
        QTest::keyClick(view.grid(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(edit->hasFocus());
        QTest::keyClicks(edit, QStringLiteral("T100"));
        QTRY_COMPARE(tree->filter(), QStringLiteral("T100")); // after the pause, not per key
        QCOMPARE(leaves(tree),
                 (QStringList{"t100", "t1000", "t1001", "t1002", "t1003", "t1004", "t1005", "t1006",
                              "t1007", "t1008", "t1009"}));
        QCOMPARE(tree->shownTableCount(), 11);
        QCOMPARE(view.treeFilter()->countLabel()->text(),
                 QStringLiteral("11 of %1 table(s)").arg(QLocale().toString(total)));
        QCOMPARE(tree->currentItem(), tree->itemFor(QStringLiteral("public"), "t1005"));

        // schema.name, and nothing
        edit->setText(QStringLiteral("public.t999"));
        QTRY_COMPARE(leaves(tree),
                     (QStringList{"t999", "t9990", "t9991", "t9992", "t9993", "t9994", "t9995",
                                  "t9996", "t9997", "t9998", "t9999"}));
        QVERIFY(!tree->currentItem());
        edit->setText(QStringLiteral("no such table"));
        QTRY_COMPARE(tree->shownTableCount(), 0);
        QCOMPARE(tree->topLevelItemCount(), 0);
        // the extension's relations, their group open while filtered
        edit->setText(QStringLiteral("pg_stat_statements"));
        QTRY_COMPARE(tree->shownTableCount(), int(statements.size()));
        pub = top(tree, QStringLiteral("public"));
        QCOMPARE(childTexts(pub), QStringList{QStringLiteral("pg_stat_statements (extension)")});
        QVERIFY(pub->child(0)->isExpanded());
        // cleared (the button's way): everything again, t1005 current again, the group closed
        edit->clear();
        QTRY_COMPARE(tree->shownTableCount(), total);
        QCOMPARE(tree->currentItem(), tree->itemFor(QStringLiteral("public"), "t1005"));
        pub = top(tree, QStringLiteral("public"));
        QVERIFY(!pub->child(10000)->isExpanded());
        QCOMPARE(view.treeFilter()->countLabel()->text(),
                 QStringLiteral("%1 table(s)").arg(QLocale().toString(total)));
    }

    void estimatesFollowAnotherProcessWithoutRefresh()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE seeded (id int PRIMARY KEY) "
                                "WITH (autovacuum_enabled = false)")
                    .ok());
        EntitiesView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(listed(view, db));
        QCOMPARE(estimateOf(view, "seeded"), QStringLiteral("~0")); // its file is empty
        QTreeWidgetItem *item = view.tree()->itemFor(QStringLiteral("public"), "seeded");
        view.tree()->setCurrentItem(item);
        // another process seeds (no ANALYZE) and ends
        {
            PgConnection seeder;
            QVERIFY(seeder.open(db.conninfo()));
            QVERIFY(seeder.execScript("INSERT INTO seeded SELECT generate_series(1, 500)").ok());
        }
        // the view shown again (another view was in front)
        QVERIFY(refreshedTo(
            view,
            [&view] {
                view.hide();
                view.show();
            },
            "seeded", QStringLiteral("~500")));
        // the same listing: the number changed in place
        QCOMPARE(view.tree()->itemFor(QStringLiteral("public"), "seeded"), item);
        QCOMPARE(view.tree()->currentItem(), item);
        // the seed analyses: the window activated again shows the planner's number
        {
            PgConnection seeder;
            QVERIFY(seeder.open(db.conninfo()));
            QVERIFY(seeder.execScript("INSERT INTO seeded SELECT generate_series(501, 750)").ok());
            QVERIFY(seeder.execScript("ANALYZE seeded").ok());
        }
        QVERIFY(refreshedTo(
            view,
            [&view] {
                QEvent activate(QEvent::WindowActivate);
                QCoreApplication::sendEvent(&view, &activate);
            },
            "seeded", QStringLiteral("~750")));
        QCOMPARE(view.tree()->itemFor(QStringLiteral("public"), "seeded"), item);
    }
};

QTEST_MAIN(TestEntitiesTree)
#include "tst_entitiestree.moc"
