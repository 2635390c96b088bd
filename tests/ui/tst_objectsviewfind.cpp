// The Objects view's details and its search over the server (issue 60) against the real
// sandbox: every kind's comment shows whether the object was found by name or picked in the
// tree; a table's size reads as its total with its parts, the tree's as the catalog's estimate;
// the search answers from every database the role can open, grouped by database, says which
// could not be opened, and going to a result in another database selects it in that
// database's subtree (a hostile name); an index or trigger found by name is placed under its
// table; an index's uses and used by show, and activating one goes to it.
#include "objects/objectdetailpane.h"
#include "objects/objectsearch.h"
#include "objects/objectsessions.h"
#include "objects/objectsview.h"
#include "objects/objecttreemodel.h"
#include "objectsviewtestutil.h"
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "db/sessionspec.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kFixture = R"sql(
CREATE SCHEMA cm_app;
COMMENT ON SCHEMA cm_app IS 'schema note';
CREATE TABLE cm_app.cm_orders (id integer PRIMARY KEY,
                               qty integer CONSTRAINT cm_qty CHECK (qty > 0), note text);
COMMENT ON TABLE cm_app.cm_orders IS 'table note';
COMMENT ON COLUMN cm_app.cm_orders.qty IS 'column note';
COMMENT ON CONSTRAINT cm_qty ON cm_app.cm_orders IS 'constraint note';
CREATE INDEX cm_note_idx ON cm_app.cm_orders (note);
COMMENT ON INDEX cm_app.cm_note_idx IS 'index note';
CREATE FUNCTION cm_app.cm_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION cm_app.cm_touch() IS 'function note';
CREATE TRIGGER cm_touch_trg BEFORE UPDATE ON cm_app.cm_orders
    FOR EACH ROW EXECUTE FUNCTION cm_app.cm_touch();
COMMENT ON TRIGGER cm_touch_trg ON cm_app.cm_orders IS 'trigger note';
CREATE POLICY cm_pol ON cm_app.cm_orders USING (qty > 1);
COMMENT ON POLICY cm_pol ON cm_app.cm_orders IS 'policy note';
CREATE PROCEDURE cm_app.cm_proc() LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE cm_app.cm_proc() IS 'procedure note';
CREATE TYPE cm_app.cm_mood AS ENUM ('ok', 'sad');
COMMENT ON TYPE cm_app.cm_mood IS 'type note';
CREATE DOMAIN cm_app.cm_positive AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN cm_app.cm_positive IS 'domain note';
CREATE SEQUENCE cm_app.cm_seq;
COMMENT ON SEQUENCE cm_app.cm_seq IS 'sequence note';
CREATE VIEW cm_app.cm_view AS SELECT id FROM cm_app.cm_orders;
COMMENT ON VIEW cm_app.cm_view IS 'view note';
CREATE MATERIALIZED VIEW cm_app.cm_mat AS SELECT id FROM cm_app.cm_orders;
COMMENT ON MATERIALIZED VIEW cm_app.cm_mat IS 'materialized view note';
CREATE TABLE cm_app.cm_lines (order_id integer REFERENCES cm_app.cm_orders (id));
)sql";

QString facts(const ObjectsView &view)
{
    return view.detailPane()->findChild<QLabel *>(QStringLiteral("objectFacts"))->text();
}

QString status(const ObjectsView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("objectsStatus"))->text();
}

// Searches for text; false when no answer came within 30 s.
bool search(ObjectsView &view, const QString &text)
{
    QSignalSpy found(&view, &ObjectsView::searchFinished);
    view.searchEdit()->setText(text);
    return found.wait(30000);
}

// The search results' row of the hit of database named name (and of kind, if given); -1: none.
int resultRow(const ObjectsView &view, const QString &database, const QString &name,
              std::optional<ObjectKind> kind = std::nullopt)
{
    const QList<ObjectSearchHit> hits = view.search()->hits();
    for (int row = 0; row < view.searchResults()->count(); ++row) {
        const QVariant at = view.searchResults()->item(row)->data(Qt::UserRole);
        if (!at.isValid() || at.toInt() >= hits.size())
            continue;
        const ObjectSearchHit &hit = hits.at(at.toInt());
        if (hit.database == database && hit.node.name == name && (!kind || hit.node.kind == *kind))
            return row;
    }
    return -1;
}

// The database a tree node belongs to, from its top ancestor's name.
QString databaseOf(QModelIndex at)
{
    while (at.parent().isValid())
        at = at.parent();
    return at.data(ObjectTreeModel::NameRole).toString();
}

QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

// A role of its own for the test (roles are the cluster's), dropped at the end.
struct TestRole
{
    TestDatabase &db;
    QString name;
    ~TestRole() { exec(db.witness(), "DROP ROLE IF EXISTS " + db.witness().quoteIdentifier(name)); }
};

} // namespace

class TestObjectsViewFind : public QObject
{
    Q_OBJECT

private:
    // Selects database's tree node at names (schema, kind folder, object, ...: a folder by its
    // kind key) and waits for its details.
    static bool selectPath(ObjectsView &view, const QStringList &names)
    {
        QModelIndex at = view.model()->targetDatabase();
        for (const QString &name : names) {
            const bool folder = name.startsWith(u'/');
            at = expandTo(view, at, folder ? name.mid(1) : name,
                          folder ? ObjectTreeModel::KindRole : ObjectTreeModel::NameRole);
            if (!at.isValid())
                return false;
        }
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        view.tree()->setCurrentIndex(at);
        return shown.wait(30000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // A function found by name said "No comment": the search's results carry none; the details
    // read it now, for every kind.
    void everyKindsCommentShowsWhereverItWasFound()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        const TestRole role{db, db.name() + QStringLiteral("_cm_role")};
        const QByteArray roleName = db.witness().quoteIdentifier(role.name);
        exec(db.witness(),
             "CREATE ROLE " + roleName + "; COMMENT ON ROLE " + roleName + " IS 'role note'");
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specFor(db));
        const QList<std::pair<QString, QString>> byName{
            {QStringLiteral("cm_app"), QStringLiteral("schema note")},
            {QStringLiteral("cm_orders"), QStringLiteral("table note")},
            {QStringLiteral("cm_touch"), QStringLiteral("function note")},
            {QStringLiteral("cm_proc"), QStringLiteral("procedure note")},
            {QStringLiteral("cm_mood"), QStringLiteral("type note")},
            {QStringLiteral("cm_positive"), QStringLiteral("domain note")},
            {QStringLiteral("cm_seq"), QStringLiteral("sequence note")},
            {QStringLiteral("cm_view"), QStringLiteral("view note")},
            {QStringLiteral("cm_mat"), QStringLiteral("materialized view note")},
            {QStringLiteral("cm_note_idx"), QStringLiteral("index note")},
            {QStringLiteral("cm_touch_trg"), QStringLiteral("trigger note")},
            {QStringLiteral("cm_qty"), QStringLiteral("constraint note")},
            {QStringLiteral("cm_pol"), QStringLiteral("policy note")},
            {QStringLiteral("plpgsql"), QStringLiteral("PL/pgSQL procedural language")},
            {role.name, QStringLiteral("role note")},
        };
        for (const auto &[name, note] : byName) {
            QVERIFY2(search(view, name), qPrintable(name));
            const int row = resultRow(view, db.name(), name);
            QVERIFY2(row >= 0, qPrintable(name + u'\n' + texts(view.searchResults()).join(u'\n')));
            QSignalSpy shown(&view, &ObjectsView::detailsShown);
            view.searchResults()->setCurrentRow(row);
            QVERIFY2(shown.wait(30000), qPrintable(name));
            QVERIFY2(facts(view).contains(QStringLiteral("Comment: ") + note),
                     qPrintable(name + u'\n' + facts(view)));
        }
        // a column, picked in the tree
        view.searchEdit()->clear();
        QVERIFY(selectPath(view,
                           {QStringLiteral("cm_app"), QStringLiteral("/table"),
                            QStringLiteral("cm_orders"), QStringLiteral("/column"),
                            QStringLiteral("qty")}));
        QVERIFY2(facts(view).contains(u"Comment: column note"), qPrintable(facts(view)));
        // no comment: said so
        QVERIFY(selectPath(
            view,
            {QStringLiteral("cm_app"), QStringLiteral("/table"), QStringLiteral("cm_lines")}));
        QVERIFY2(facts(view).contains(u"No comment"), qPrintable(facts(view)));
    }

    // The detail's size is the tree's measure (heap, TOAST and indexes), labelled with its parts;
    // the tree's tooltip says its number is the catalog's estimate.
    void aTablesSizeReadsAsItsTotalWithItsParts()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        exec(db.witness(),
             "INSERT INTO cm_app.cm_orders SELECT g, g, repeat('x', 200) "
             "FROM pg_catalog.generate_series(1, 3000) g");
        // vacuumed now: no autovacuum adds its maps between the view's reading and the test's
        QVERIFY(db.witness().exec("VACUUM (ANALYZE) cm_app.cm_orders").ok());
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specFor(db));
        QVERIFY(selectPath(
            view,
            {QStringLiteral("cm_app"), QStringLiteral("/table"), QStringLiteral("cm_orders")}));
        const auto size = [](const QString &bytes) {
            return QLocale().formattedDataSize(bytes.toLongLong(), 1,
                                               QLocale::DataSizeTraditionalFormat);
        };
        const QString table = db.scalar("SELECT pg_table_size('cm_app.cm_orders')");
        const QString indexes = db.scalar("SELECT pg_indexes_size('cm_app.cm_orders')");
        const QString total = db.scalar("SELECT pg_total_relation_size('cm_app.cm_orders')");
        QCOMPARE(table.toLongLong() + indexes.toLongLong(), total.toLongLong());
        const QString expected = QStringLiteral("Size: %1 total (table %2, indexes %3)")
                                     .arg(size(total), size(table), size(indexes));
        QVERIFY2(facts(view).contains(expected), qPrintable(facts(view) + u'\n' + expected));
        const QString tip = view.tree()->currentIndex().data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"total (table, TOAST and indexes)")
                     && tip.contains(u"the catalog's estimate as of the last VACUUM or ANALYZE"),
                 qPrintable(tip));
        // an index: its own size, one number
        QVERIFY(selectPath(view,
                           {QStringLiteral("cm_app"), QStringLiteral("/table"),
                            QStringLiteral("cm_orders"), QStringLiteral("/index"),
                            QStringLiteral("cm_note_idx")}));
        QVERIFY2(facts(view).contains(QStringLiteral("Size: ")
                                      + size(db.scalar("SELECT pg_total_relation_size("
                                                       "'cm_app.cm_note_idx')"))),
                 qPrintable(facts(view)));
    }

    // The tree shows every database of the server: the search answers from each one the role
    // can open, grouped by database, and says which it could not open; going to a result in
    // another database selects it in that database's subtree.
    void theSearchAnswersFromEveryDatabase()
    {
        TestDatabase db;
        TestDatabase other;
        TestDatabase refusing;
        const QString schema = QStringLiteral("we\"ird;\nschema");
        const QString hostile = QStringLiteral("zq_hostile\"; DROP TABLE x;--\nline");
        exec(db.witness(), "CREATE TABLE public.zq_hostile_here (id integer)");
        exec(other.witness(),
             "CREATE SCHEMA " + other.witness().quoteIdentifier(schema) + "; CREATE TABLE "
                 + other.witness().quoteIdentifier(schema) + '.'
                 + other.witness().quoteIdentifier(hostile) + " (id integer)");
        const QByteArray closed = db.witness().quoteIdentifier(refusing.name());
        exec(db.witness(), "ALTER DATABASE " + closed + " ALLOW_CONNECTIONS false");
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        SessionSpec spec = specFor(db); // a name of its own: other tests' views run beside it
        spec.profile.applicationName = QStringLiteral("uaip-find-test");
        view.setTarget(spec);
        // the server's databases listed; none but the connection's own opened yet
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() > 2, 30000);
        QCOMPARE(view.sessions()->openDatabases(), 1);
        // other expanded in the tree: searched within the bound of 16 whatever else the shared
        // cluster holds (a database with a session comes first)
        const QModelIndex otherNode = expandTo(view, QModelIndex(), other.name());
        QVERIFY(otherNode.isValid());
        view.tree()->expand(otherNode);
        QTRY_COMPARE_WITH_TIMEOUT(view.sessions()->openDatabases(), 2, 30000);
        QVERIFY(search(view, QStringLiteral("ZQ_HOSTILE")));
        QVERIFY(view.search()->databases().contains(other.name()));
        QVERIFY(!view.search()->databases().contains(refusing.name()));
        QVERIFY(view.search()->databases().size() > 2); // postgres at least, transiently
        // the sessions opened only for the search end with it: none stays idle on another
        // database, where it would hold up a DROP DATABASE there
        QCOMPARE(view.sessions()->openDatabases(), 2);
        QCOMPARE(view.sessions()->transientDatabases(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname <> ALL ($1::text[]) "
                      "AND application_name LIKE 'uaip-find-test objects%'",
                      {QStringLiteral("{%1,%2}").arg(db.name(), other.name())}),
            QStringLiteral("0"), 20000);
        const int here = resultRow(view, db.name(), QStringLiteral("zq_hostile_here"));
        const int there = resultRow(view, other.name(), hostile);
        QVERIFY2(here >= 0 && there >= 0, qPrintable(texts(view.searchResults()).join(u'\n')));
        // grouped: each database's heading (not selectable) before its objects
        const auto headingOf = [&view](int row) {
            while (row >= 0 && view.searchResults()->item(row)->data(Qt::UserRole).isValid())
                --row;
            return row < 0 ? QString() : view.searchResults()->item(row)->text();
        };
        QVERIFY2(headingOf(here).startsWith(db.name()), qPrintable(headingOf(here)));
        QVERIFY2(headingOf(there).startsWith(other.name()), qPrintable(headingOf(there)));
        for (int row = 0; row < view.searchResults()->count(); ++row)
            if (!view.searchResults()->item(row)->data(Qt::UserRole).isValid())
                QVERIFY(!(view.searchResults()->item(row)->flags() & Qt::ItemIsSelectable));
        QVERIFY2(status(view).contains(refusing.name()
                                       + QStringLiteral(": it does not allow connections")),
                 qPrintable(status(view)));
        // going to it: the tree, the other database's node selected
        emit view.searchResults()->itemActivated(view.searchResults()->item(there));
        QTRY_COMPARE_WITH_TIMEOUT(
            view.tree()->currentIndex().data(ObjectTreeModel::NameRole).toString(), hostile, 30000);
        QVERIFY(view.tree()->isVisible());
        QCOMPARE(databaseOf(view.tree()->currentIndex()), other.name());
        QCOMPARE(view.tree()
                     ->currentIndex()
                     .parent()
                     .parent()
                     .data(ObjectTreeModel::NameRole)
                     .toString(),
                 schema);
        exec(db.witness(), "ALTER DATABASE " + closed + " ALLOW_CONNECTIONS true");
    }

    // An index or trigger found by name goes to its place under its table.
    void indexesAndTriggersFoundByNameArePlacedUnderTheirTable()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specFor(db));
        for (const auto &[part, partKind] :
             {std::pair{QStringLiteral("cm_note_idx"), ObjectKind::Index},
              std::pair{QStringLiteral("cm_touch_trg"), ObjectKind::Trigger}}) {
            const QString name = part;
            const ObjectKind kind = partKind;
            QVERIFY(search(view, name));
            const int row = resultRow(view, db.name(), name, kind);
            QVERIFY2(row >= 0, qPrintable(texts(view.searchResults()).join(u'\n')));
            emit view.searchResults()->itemActivated(view.searchResults()->item(row));
            QTRY_COMPARE_WITH_TIMEOUT(
                view.tree()->currentIndex().data(ObjectTreeModel::NameRole).toString(), name,
                30000);
            const QModelIndex at = view.tree()->currentIndex();
            QCOMPARE(at.data(ObjectTreeModel::KindRole).toString(), objectkind::key(kind));
            QCOMPARE(at.parent().data(ObjectTreeModel::KindRole).toString(),
                     objectkind::key(kind)); // its folder
            QCOMPARE(at.parent().parent().data(ObjectTreeModel::NameRole).toString(),
                     QStringLiteral("cm_orders"));
        }
    }

    // An index's uses (its table) and used by (a foreign key on it) show; activating its table
    // goes to it.
    void anIndexsUsesAndUsedByShowAndNavigate()
    {
        TestDatabase db;
        exec(db.witness(), kFixture);
        ObjectsView view;
        view.resize(1200, 800);
        view.show();
        view.setTarget(specFor(db));
        QVERIFY(selectPath(view,
                           {QStringLiteral("cm_app"), QStringLiteral("/table"),
                            QStringLiteral("cm_orders"), QStringLiteral("/index"),
                            QStringLiteral("cm_orders_pkey")}));
        QListWidget *uses = view.detailPane()->uses();
        QListWidget *usedBy = view.detailPane()->usedBy();
        QVERIFY2(texts(usedBy).join(u'\n').contains(u"cm_lines_order_id_fkey"),
                 qPrintable(texts(usedBy).join(u'\n')));
        int table = -1;
        for (int i = 0; i < uses->count(); ++i)
            if (uses->item(i)->data(Qt::UserRole + 1).toString() == u"cm_app.cm_orders")
                table = i;
        QVERIFY2(table >= 0, qPrintable(texts(uses).join(u'\n')));
        QSignalSpy shown(&view, &ObjectsView::detailsShown);
        emit uses->itemActivated(uses->item(table));
        QVERIFY(shown.wait(30000));
        QCOMPARE(view.tree()->currentIndex().data(ObjectTreeModel::NameRole).toString(),
                 QStringLiteral("cm_orders"));
        QCOMPARE(view.tree()->currentIndex().data(ObjectTreeModel::KindRole).toString(),
                 QStringLiteral("table"));
    }
};

QTEST_MAIN(TestObjectsViewFind)
#include "tst_objectsviewfind.moc"
