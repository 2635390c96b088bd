// The Objects view (the object browser, issue 46) against the real sandbox: on a fresh database
// with a table whose name holds a quote, a semicolon and a line break (with a constraint, an
// index and a trigger), a view over it and a function, the tree shows database → schema →
// Tables → the table → its parts after expanding; selecting the table shows the DDL
// ObjectCatalog::ddl writes and the view among what uses it; the search finds the function;
// Open in Entities and Open in SQL emit the right names and text; another database of the
// server is listed and read on a session of its own only when expanded, one that refuses
// connections says so; a 2,000-table schema's Tables folder gets its rows in one insertion.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "objects/objectcatalog.h"
#include "objects/objectdetailpane.h"
#include "objects/objectsearch.h"
#include "objects/objectsessions.h"
#include "objects/objectsview.h"
#include "objects/objecttreemodel.h"
#include "objectsviewtestutil.h"
#include "shell/mainwindow.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"
#include "testdatabase.h"
#include "widgets/sqlview.h"

#include "db/pgconnection.h"
#include "db/sessionspec.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kTable = QStringLiteral("or\"der;\nlines");

const QByteArray kFixture = R"sql(
CREATE SCHEMA app;
CREATE TABLE app."or""der;
lines" (id integer PRIMARY KEY, qty integer NOT NULL CONSTRAINT qty_positive CHECK (qty > 0),
        note text);
CREATE INDEX order_note ON app."or""der;
lines" (note);
CREATE FUNCTION app.touch_it() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER order_touch BEFORE UPDATE ON app."or""der;
lines" FOR EACH ROW EXECUTE FUNCTION app.touch_it();
CREATE VIEW app.big_orders AS SELECT id, qty FROM app."or""der;
lines" WHERE qty > 10;
CREATE FUNCTION app.add_it(a integer, b integer) RETURNS integer LANGUAGE sql
    AS $$ SELECT a + b $$;
)sql";

QStringList childKinds(const ObjectTreeModel *model, const QModelIndex &parent)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(parent); ++row)
        out << model->index(row, 0, parent).data(ObjectTreeModel::KindRole).toString();
    return out;
}

QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

CatalogNode objectNamed(PgConnection &connection, const QString &name, ObjectKind kind)
{
    ObjectCatalog catalog(connection);
    const Result<QList<CatalogNode>> found = catalog.objects(QStringLiteral("app"), kind);
    if (!found)
        qFatal("%s", qPrintable(found.error().toString()));
    for (const CatalogNode &n : found.value())
        if (n.name == name)
            return n;
    qFatal("no %s", qPrintable(name));
}

} // namespace

class TestObjectsView : public QObject
{
    Q_OBJECT

private:
    // The fixture's table in the tree, selected, its details shown.
    QModelIndex selectTable(ObjectsView &view)
    {
        const QModelIndex db = view.model()->targetDatabase();
        const QModelIndex schema = expandTo(view, db, QStringLiteral("app"));
        const QModelIndex tables
            = expandTo(view, schema, QStringLiteral("table"), ObjectTreeModel::KindRole);
        const QModelIndex table = expandTo(view, tables, kTable);
        if (!table.isValid())
            return {};
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        view.tree()->setCurrentIndex(table);
        if (!shown.wait(30000))
            return {};
        return table;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void theTreeShowsATablesPartsAndItsDdl()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specFor(db));
        const QModelIndex table = selectTable(view);
        QVERIFY(table.isValid());
        QCOMPARE(view.model()->index(0, 0).data(ObjectTreeModel::NameRole).toString(), db.name());
        // the table's parts, grouped by kind
        view.tree()->expand(table);
        QTRY_COMPARE_WITH_TIMEOUT(
            childKinds(view.model(), table),
            (QStringList{QStringLiteral("column"), QStringLiteral("constraint"),
                         QStringLiteral("index"), QStringLiteral("trigger")}),
            30000);
        const QModelIndex indexes
            = expandTo(view, table, QStringLiteral("index"), ObjectTreeModel::KindRole);
        QVERIFY(expandTo(view, indexes, QStringLiteral("order_note")).isValid());
        const QModelIndex triggers
            = expandTo(view, table, QStringLiteral("trigger"), ObjectTreeModel::KindRole);
        QVERIFY(expandTo(view, triggers, QStringLiteral("order_touch")).isValid());
        const QModelIndex constraints
            = expandTo(view, table, QStringLiteral("constraint"), ObjectTreeModel::KindRole);
        QVERIFY(expandTo(view, constraints, QStringLiteral("qty_positive")).isValid());

        // the DDL is the catalog's, in the read-only SQL viewer
        ObjectCatalog catalog(db.witness());
        const Result<QStringList> ddl
            = catalog.ddl(objectNamed(db.witness(), kTable, ObjectKind::Table));
        QVERIFY(ddl.ok());
        QCOMPARE(view.detailPane()->ddl(), ObjectCatalog::text(ddl.value()));
        QCOMPARE(view.detailPane()->ddlView()->text(), ObjectCatalog::text(ddl.value()));
        QVERIFY(view.detailPane()->ddlView()->isReadOnly());
        QVERIFY(view.copyDdlAction()->isEnabled());
        view.copyDdlAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), ObjectCatalog::text(ddl.value()));
        // the view uses it; activating it there selects the view in the tree once it is loaded
        QTRY_VERIFY(texts(view.detailPane()->usedBy()).join(u'\n').contains(u"app.big_orders"));
        QVERIFY(expandTo(view, table.parent().parent(), QStringLiteral("view"),
                         ObjectTreeModel::KindRole)
                    .isValid());
        const QModelIndex views = expandTo(view, table.parent().parent(), QStringLiteral("view"),
                                           ObjectTreeModel::KindRole);
        QVERIFY(expandTo(view, views, QStringLiteral("big_orders")).isValid());
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        emit view.detailPane()->referenceActivated(
            ObjectReference{QStringLiteral("view"), QStringLiteral("app.big_orders")});
        QVERIFY(shown.wait(30000));
        QCOMPARE(view.tree()->currentIndex().data(ObjectTreeModel::NameRole).toString(),
                 QStringLiteral("big_orders"));
        QVERIFY(view.detailPane()->ddl().contains(u"CREATE VIEW app.big_orders"));
    }

    void searchFindsTheFunctionAndShowsIt()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        QSignalSpy found(&view, &ObjectsView::searchFinished);
        view.searchEdit()->setText(QStringLiteral("ADD_i"));
        QVERIFY(found.wait(30000));
        QVERIFY(found.last().at(0).toInt() >= 1); // every database's: the server's others too
        QCOMPARE(view.search()->foundIn(db.name()), 1);
        QVERIFY(view.searchResults()->isVisible());
        QVERIFY(!view.tree()->isVisible());
        // the connection's database first: its heading, then what it holds
        QVERIFY(view.searchResults()->item(0)->text().startsWith(db.name()));
        QVERIFY2(
            view.searchResults()->item(1)->text().contains(u"app.add_it(a integer, b integer)"),
            qPrintable(view.searchResults()->item(1)->text()));
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        view.searchResults()->setCurrentRow(1);
        QVERIFY(shown.wait(30000));
        QVERIFY(view.detailPane()->ddl().startsWith(u"CREATE FUNCTION app.add_it"));
        // Open in SQL: the function's definition
        QSignalSpy sql(&view, &ObjectsView::openInSqlRequested);
        QVERIFY(view.openInSqlAction()->isEnabled());
        QVERIFY(!view.openInEntitiesAction()->isEnabled());
        view.openInSqlAction()->trigger();
        QCOMPARE(sql.size(), 1);
        QCOMPARE(sql.first().at(0).toString(), view.detailPane()->ddl());
        // the text cleared: the tree again
        view.searchEdit()->clear();
        QVERIFY(view.tree()->isVisible());
    }

    void openInEntitiesAndSqlNameTheRelation()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        QVERIFY(selectTable(view).isValid());
        QSignalSpy entities(&view, &ObjectsView::openInEntitiesRequested);
        QSignalSpy sql(&view, &ObjectsView::openInSqlRequested);
        QVERIFY(view.openInEntitiesAction()->isEnabled());
        view.openInEntitiesAction()->trigger();
        QCOMPARE(entities.size(), 1);
        QCOMPARE(entities.first().at(0).toString(), QStringLiteral("app"));
        QCOMPARE(entities.first().at(1).toString(), kTable);
        view.openInSqlAction()->trigger();
        QCOMPARE(sql.size(), 1);
        QCOMPARE(sql.first().at(0).toString(),
                 QStringLiteral("SELECT * FROM app.\"or\"\"der;\nlines\" LIMIT 100;"));
    }

    void otherDatabasesOpenOnTheirOwnSessionWhenExpanded()
    {
        TestDatabase db;
        TestDatabase other;
        TestDatabase refusing;
        exec(other.witness(), "CREATE SCHEMA elsewhere; CREATE TABLE elsewhere.t (id int);");
        exec(db.witness(),
             "ALTER DATABASE " + db.witness().quoteIdentifier(refusing.name())
                 + " ALLOW_CONNECTIONS false");
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        ObjectTreeModel *model = view.model();
        const QModelIndex second = expandTo(view, {}, other.name());
        QVERIFY(second.isValid());
        const QModelIndex closed = expandTo(view, {}, refusing.name());
        QVERIFY(closed.isValid());
        QVERIFY(!model->hasChildren(closed));
        QVERIFY2(closed.siblingAtColumn(ObjectTreeModel::DetailColumn)
                     .data()
                     .toString()
                     .contains(u"does not allow connections"),
                 qPrintable(closed.siblingAtColumn(1).data().toString()));
        QCOMPARE(view.sessions()->openDatabases(), 1); // the target's only, so far
        const QModelIndex schema = expandTo(view, second, QStringLiteral("elsewhere"));
        QVERIFY(schema.isValid());
        QCOMPARE(view.sessions()->openDatabases(), 2);
        const QModelIndex tables
            = expandTo(view, schema, QStringLiteral("table"), ObjectTreeModel::KindRole);
        QVERIFY(expandTo(view, tables, QStringLiteral("t")).isValid());
        // not the connection's database: nothing to open in Entities or SQL
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        view.tree()->setCurrentIndex(model->index(0, 0, tables));
        QVERIFY(shown.wait(30000));
        QVERIFY(view.detailPane()->ddl().startsWith(u"CREATE TABLE elsewhere.t"));
        QVERIFY(!view.openInEntitiesAction()->isEnabled());
        QVERIFY(!view.openInSqlAction()->isEnabled());
        exec(db.witness(),
             "ALTER DATABASE " + db.witness().quoteIdentifier(refusing.name())
                 + " ALLOW_CONNECTIONS true");
    }

    // A level that cannot be read says why (its one row, the pane) and is read again after
    // collapse and expand.
    void aFailedLevelSaysWhyAndIsReadAgain()
    {
        TestDatabase db;
        TestDatabase later;
        exec(later.witness(), "CREATE SCHEMA back_again");
        const QByteArray name = db.witness().quoteIdentifier(later.name());
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        const QModelIndex other = expandTo(view, {}, later.name());
        QVERIFY(other.isValid());
        QVERIFY(view.model()->hasChildren(other)); // listed while it accepted connections
        exec(db.witness(), "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        view.tree()->setCurrentIndex(other);
        view.tree()->expand(other);
        ObjectTreeItem *item = view.model()->item(other);
        QTRY_VERIFY_WITH_TIMEOUT(item->load == ObjectTreeItem::Load::Failed, 30000);
        const QString why = item->error;
        // object_not_in_prerequisite_state (ALLOW_CONNECTIONS false), as the reason shows the
        // server's error (the tree keeps no code of its own)
        QVERIFY2(why.contains(u"55000"), qPrintable(why));
        QCOMPARE(view.model()->rowCount(other), 1); // the reason, as its one row
        QVERIFY(view.model()->index(0, 0, other).data().toString().contains(u"55000"));
        QVERIFY(other.siblingAtColumn(ObjectTreeModel::DetailColumn)
                    .data()
                    .toString()
                    .contains(u"collapse and expand"));
        QVERIFY(view.detailPane()
                    ->findChild<QLabel *>(QStringLiteral("objectFacts"))
                    ->text()
                    .contains(u"55000"));
        exec(db.witness(), "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        view.tree()->collapse(other);
        QCOMPARE(view.model()->rowCount(other), 0);
        QVERIFY(expandTo(view, other, QStringLiteral("back_again")).isValid());
    }

    void aBigSchemasTablesArriveInOneInsertion()
    {
        TestDatabase db;
        exec(db.witness(),
             "CREATE SCHEMA big; DO $$ BEGIN FOR i IN 1..2000 LOOP "
             "EXECUTE format('CREATE TABLE big.t%s (id integer)', i); "
             "END LOOP; END $$;");
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        const QModelIndex schema
            = expandTo(view, view.model()->targetDatabase(), QStringLiteral("big"));
        QVERIFY(schema.isValid());
        view.tree()->expand(schema);
        QModelIndex tables;
        QTRY_VERIFY((tables = view.model()->index(0, 0, schema)).isValid());
        QCOMPARE(tables.data().toString(), QStringLiteral("Tables (2000)"));
        QSignalSpy inserted(view.model(), &QAbstractItemModel::rowsInserted);
        view.tree()->expand(tables);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(tables), 2000, 30000);
        int intoTables = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            if (args.at(0).value<QModelIndex>() == tables)
                ++intoTables;
        QCOMPARE(intoTables, 1);
    }

    // Refresh reads everything again and expands and selects again what was.
    void refreshKeepsWhatWasExpandedAndSelected()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.show();
        view.setTarget(specFor(db));
        QVERIFY(selectTable(view).isValid());
        exec(db.witness(), "CREATE TABLE app.added (id integer)");
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        view.refreshAction()->trigger();
        QVERIFY(shown.wait(30000));
        QCOMPARE(view.tree()->currentIndex().data(ObjectTreeModel::NameRole).toString(), kTable);
        const QModelIndex tables = view.tree()->currentIndex().parent();
        QVERIFY(view.tree()->isExpanded(tables));
        QCOMPARE(tables.data().toString(), QStringLiteral("Tables (2)"));
        QCOMPARE(view.model()->rowCount(tables), 2);
        // two reloads in a row: the first one's list of databases is not added to the second
        QSignalSpy reloaded(&view, &ObjectsView::detailsShown);
        view.reload();
        view.reload();
        // the table selected again: everything before it answered (one worker, in order)
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
        QVERIFY(view.model()->rowCount() > 1);
        QStringList names;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            names << view.model()->index(row, 0).data(ObjectTreeModel::NameRole).toString();
        QCOMPARE(names.removeDuplicates(), 0);
    }

    // In the window: Open in Entities opens the table there, Open in SQL fills the SQL tab.
    void theWindowOpensTheObjectInEntitiesAndSql()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        MainWindow window(MainWindow::Options{});
        window.show();
        window.entitiesView()->setTarget(specFor(db));
        window.objectsView()->setTarget(specFor(db));
        window.showView(MainWindow::Objects);
        QCOMPARE(window.currentView(), MainWindow::Objects);
        QCOMPARE(MainWindow::viewKey(MainWindow::Objects), QStringLiteral("objects"));
        QVERIFY(selectTable(*window.objectsView()).isValid());
        window.objectsView()->openInEntitiesAction()->trigger();
        QCOMPARE(window.currentView(), MainWindow::Entities);
        QTRY_COMPARE_WITH_TIMEOUT(window.entitiesView()->model()->table().name, kTable, 30000);
        QCOMPARE(window.entitiesView()->model()->table().schema, QStringLiteral("app"));
        window.showView(MainWindow::Objects);
        window.objectsView()->openInSqlAction()->trigger();
        QCOMPARE(window.currentView(), MainWindow::Sql);
        QCOMPARE(window.sqlView()->currentTab()->editor()->text(),
                 QStringLiteral("SELECT * FROM app.\"or\"\"der;\nlines\" LIMIT 100;"));
    }

    void withoutATargetItSaysNotConnected()
    {
        ObjectsView view;
        view.show();
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.searchEdit()->isEnabled());
        QVERIFY(!view.refreshAction()->isEnabled());
        QVERIFY(view.detailPane()->findChild<QWidget *>(QStringLiteral("objectHeading")));
    }
};

QTEST_MAIN(TestObjectsView)
#include "tst_objectsview.moc"
