// EntityModel + PageLoader against real data: keyset paging in both directions, the bounded
// page cache, sorting (with NULLs), every filter operator, the free WHERE clause check, exact
// count and its cancel, dropping stale results, nasty identifiers and tables without a key.
#include "browse/catalogreader.h"
#include "browse/entitymodel.h"
#include "browsetestutil.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kItems
    = "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, score int NOT NULL, tag text);"
      "INSERT INTO items SELECT g, 'item ' || g, g % 7,"
      "  CASE WHEN g % 5 = 0 THEN NULL ELSE 't' || (g % 3) END FROM generate_series(1, 1000) g;"
      "CREATE INDEX ON items (score); CREATE INDEX ON items (tag); ANALYZE items;";

void createItems(TestDatabase &db)
{
    QVERIFY2(db.witness().execScript(kItems).ok(),
             qPrintable(db.witness().execScript(kItems).error().toString()));
}

} // namespace

class TestEntityModel : public QObject
{
    Q_OBJECT

private slots:
    // Issue 21, point 16: the first page is shown before the constraints, foreign keys,
    // defaults and sortability are read; until they are, nothing can be edited or inserted,
    // and a sort asked for meanwhile runs once they are known.
    void firstPageComesBeforeTheConstraints()
    {
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript("CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                            "CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);\n"
                            "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES "
                            "parent ON DELETE CASCADE, m mood DEFAULT 'ok');\n"
                            "INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 30) g;")
                .ok());
        EntityModel model;
        model.setTarget(specOf(db));
        bool pendingAtFirstPage = false;
        bool editableAtFirstPage = true;
        bool insertableAtFirstPage = true;
        connect(&model, &EntityModel::tableOpened, this, [&] {
            pendingAtFirstPage = model.loader()->detailsPending();
            editableAtFirstPage
                = model.isEditable() || model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable);
            insertableAtFirstPage = model.canInsert();
            model.sort(1, Qt::DescendingOrder); // asked before sortability is known
        });
        QSignalSpy details(&model, &EntityModel::tableDetailsLoaded);
        model.openTable(QStringLiteral("public"), QStringLiteral("parent"));
        QVERIFY(details.wait(20000));
        QVERIFY(pendingAtFirstPage);
        QVERIFY(!editableAtFirstPage);
        QVERIFY(!insertableAtFirstPage);
        QVERIFY(waitIdle(model));
        QVERIFY(!model.loader()->detailsPending());
        QVERIFY(model.isEditable());
        QVERIFY(model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
        QCOMPARE(model.table().referencedBy.size(), 1);
        QCOMPARE(model.table().referencedBy.first().table, QStringLiteral("child"));
        QVERIFY(model.table().columns[1].sortable);
        QCOMPARE(model.query().sortColumn, QStringLiteral("name"));
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("p9"));

        // A sorted open reads everything first: no second step.
        EntityModel sorted;
        sorted.setTarget(specOf(db));
        bool pendingSorted = true;
        connect(&sorted, &EntityModel::tableOpened, this,
                [&] { pendingSorted = sorted.loader()->detailsPending(); });
        BrowseQuery byName;
        byName.sortColumn = QStringLiteral("m");
        QSignalSpy opened(&sorted, &EntityModel::tableOpened);
        sorted.openTable(QStringLiteral("public"), QStringLiteral("child"), byName);
        QVERIFY(opened.wait(20000));
        QVERIFY(!pendingSorted);
        QVERIFY(waitIdle(sorted));
        QCOMPARE(sorted.table().foreignKeys.size(), 1);
        QCOMPARE(sorted.table().columns[2].enumLabels, QStringList({"sad", "ok"}));
        QCOMPARE(sorted.table().columns[2].defaultExpr, QStringLiteral("'ok'::mood"));
    }

    void pagesAsTheUserScrolls()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.loader()->countState(), PageLoader::CountState::Partial);
        QVERIFY(model.canFetchMore({}));
        const QStringList ids = fetchColumn(model, 0);
        QCOMPARE(ids.size(), 1000);
        QCOMPARE(ids.first(), QStringLiteral("1"));
        QCOMPARE(ids.last(), QStringLiteral("1000"));
        QCOMPARE(model.loader()->countState(), PageLoader::CountState::Complete);
        QCOMPARE(model.loader()->exactCount(), 1000);
    }

    void pageCacheIsBounded()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        model.loader()->setMaxCachedPages(4);
        fetchColumn(model, 0);
        QVERIFY(model.loader()->cachedPages() <= 4);
        // Row 0's page was evicted: reading it reloads it by its boundary key.
        QVERIFY(!model.data(model.index(0, 0), EntityModel::LoadedRole).toBool());
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("…"));
        QSignalSpy loaded(model.loader(), &PageLoader::rowsLoaded);
        QVERIFY(loaded.wait());
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1"));
        // A middle page between two evicted ones comes back too.
        model.data(model.index(510, 0));
        QVERIFY(waitIdle(model));
        QCOMPARE(model.data(model.index(510, 0)).toString(), QStringLiteral("511"));
    }

    void sortsWithNullsAcrossPages_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QByteArray>("witness");
        QTest::newRow("tag asc") << 3 << false
                                 << QByteArray(
                                        "SELECT id FROM items ORDER BY tag ASC NULLS LAST, id");
        QTest::newRow("tag desc")
            << 3 << true
            << QByteArray("SELECT id FROM items ORDER BY tag DESC NULLS FIRST, id DESC");
        QTest::newRow("score asc")
            << 2 << false << QByteArray("SELECT id FROM items ORDER BY score, id");
        QTest::newRow("id desc") << 0 << true
                                 << QByteArray("SELECT id FROM items ORDER BY id DESC");
    }
    void sortsWithNullsAcrossPages()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(QByteArray, witness);
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items", 37));
        model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(waitIdle(model));
        QCOMPARE(fetchColumn(model, 0), witnessColumn(db, witness));
    }

    void jumpsToTheEndAndPagesBackwards_data()
    {
        QTest::addColumn<bool>("descending");
        QTest::newRow("asc") << false;
        QTest::newRow("desc") << true;
    }
    void jumpsToTheEndAndPagesBackwards()
    {
        QFETCH(bool, descending);
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        model.sort(3, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(waitIdle(model));
        model.loader()->jumpToEnd();
        QTRY_COMPARE(model.loader()->countState(), PageLoader::CountState::Complete);
        QCOMPARE(model.rowCount(), 1000);
        QTRY_VERIFY(model.data(model.index(999, 0), EntityModel::LoadedRole).toBool());
        const QStringList expected = witnessColumn(
            db,
            descending ? "SELECT id FROM items ORDER BY tag DESC NULLS FIRST, id DESC"
                       : "SELECT id FROM items ORDER BY tag ASC NULLS LAST, id");
        QCOMPARE(model.data(model.index(999, 0)).toString(), expected[999]);
        // Walking back from the tail uses the tail page's first key.
        for (int row = 949; row >= 800; row -= 50) {
            model.data(model.index(row, 0));
            QVERIFY(waitIdle(model));
            QCOMPARE(model.data(model.index(row, 0)).toString(), expected[row]);
        }
    }

    void filtersBindValues_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("witness");
        using Op = ColumnFilter::Op;
        QTest::newRow("=") << "score" << int(Op::Equal) << "3"
                           << QByteArray("SELECT id FROM items WHERE score = 3 ORDER BY id");
        QTest::newRow("≠") << "score" << int(Op::NotEqual) << "3"
                           << QByteArray("SELECT id FROM items WHERE score <> 3 ORDER BY id");
        QTest::newRow("<") << "id" << int(Op::Less) << "17"
                           << QByteArray("SELECT id FROM items WHERE id < 17 ORDER BY id");
        QTest::newRow(">") << "name" << int(Op::Greater) << "item 995"
                           << QByteArray(
                                  "SELECT id FROM items WHERE name > 'item 995' ORDER BY id");
        QTest::newRow("contains")
            << "name" << int(Op::Contains) << "M 99"
            << QByteArray("SELECT id FROM items WHERE name ILIKE '%m 99%' ORDER BY id");
        QTest::newRow("contains wildcard")
            << "name" << int(Op::Contains) << "%" << QByteArray("SELECT id FROM items WHERE false");
        QTest::newRow("is null") << "tag" << int(Op::IsNull) << ""
                                 << QByteArray(
                                        "SELECT id FROM items WHERE tag IS NULL ORDER BY id");
        QTest::newRow("is not null")
            << "tag" << int(Op::IsNotNull) << ""
            << QByteArray("SELECT id FROM items WHERE tag IS NOT NULL ORDER BY id");
        QTest::newRow("in") << "score" << int(Op::In) << "1,2"
                            << QByteArray("SELECT id FROM items WHERE score IN (1, 2) ORDER BY id");
        QTest::newRow("injection as value")
            << "name" << int(Op::Equal) << "x'; drop table items; --"
            << QByteArray("SELECT id FROM items WHERE false");
    }
    void filtersBindValues()
    {
        QFETCH(QString, column);
        QFETCH(int, op);
        QFETCH(QString, value);
        QFETCH(QByteArray, witness);
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items", 100));
        ColumnFilter f;
        f.column = column;
        f.op = ColumnFilter::Op(op);
        f.value = value;
        f.values = value.split(u',');
        BrowseQuery q;
        q.filters << f;
        model.setQuery(q);
        QVERIFY(waitIdle(model));
        QCOMPARE(fetchColumn(model, 0), witnessColumn(db, witness));
        QCOMPARE(db.scalar("SELECT count(*) FROM items"), QStringLiteral("1000"));
    }

    void freeWhereClauseIsCheckedByTheServer()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items", 100));
        QSignalSpy rejected(model.loader(), &PageLoader::queryRejected);
        BrowseQuery q;
        q.whereClause = "1=1); DROP TABLE items; SELECT (1";
        model.setQuery(q);
        QCOMPARE(rejected.size(), 1); // libpg_query: more than one statement, rejected offline
        q.whereClause = "no_such_column = 1";
        model.setQuery(q);
        QVERIFY(rejected.wait());
        QVERIFY(rejected.last().first().toString().contains("no_such_column"));
        q.whereClause = "score = 6 AND id < 100 -- comment";
        model.setQuery(q);
        QTRY_COMPARE(model.query().whereClause, q.whereClause);
        QVERIFY(waitIdle(model));
        QCOMPARE(
            fetchColumn(model, 0),
            witnessColumn(db, "SELECT id FROM items WHERE score = 6 AND id < 100 ORDER BY id"));
        QCOMPARE(db.scalar("SELECT count(*) FROM items"), QStringLiteral("1000"));
    }

    void exactCountOnRequestAndCancel()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        model.loader()->requestCount();
        QTRY_COMPARE(model.loader()->countState(), PageLoader::CountState::Complete);
        QCOMPARE(model.rowCount(), 1000);

        BrowseQuery slow;
        slow.whereClause = "pg_sleep(0.05) IS NOT NULL"; // 1000 rows: 50 s unless cancelled
        ColumnFilter f{"id", ColumnFilter::Op::Less, "3", {}};
        slow.filters << f;
        model.setQuery(slow);
        QTRY_COMPARE(model.query().whereClause, slow.whereClause);
        QVERIFY(waitIdle(model));
        slow.filters.clear();
        model.setQuery(slow);
        QTRY_VERIFY(model.query().filters.isEmpty());
        model.loader()->cancel(); // the page load of the slow query
        QSignalSpy failed(model.loader(), &PageLoader::countFailed);
        model.loader()->requestCount();
        QTRY_COMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                               "current_database() AND state = 'active' "
                               "AND query LIKE 'SELECT count(*)%pg_sleep%' "
                               "AND pid <> pg_backend_pid()"),
                     QStringLiteral("1"));
        model.loader()->cancelCount();
        QCOMPARE(failed.size(), 1);
        QTRY_COMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                               "current_database() AND state = 'active' "
                               "AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()"),
                     QStringLiteral("0"));
        QVERIFY(model.loader()->countState() != PageLoader::CountState::Complete);
    }

    void staleResultsAreDropped()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "items"));
        QStringList firstIds;
        connect(model.loader(), &PageLoader::rowsLoaded, this, [&](qint64 first, qint64) {
            if (first == 0)
                firstIds << model.data(model.index(0, 0)).toString();
        });
        BrowseQuery slow;
        slow.whereClause = "id <= 4 AND pg_sleep(0.1) IS NOT NULL";
        model.setQuery(slow);
        QTRY_COMPARE(model.query().whereClause, slow.whereClause); // slow page load running
        model.sort(0, Qt::DescendingOrder); // keeps the clause, new generation
        model.sort(2, Qt::AscendingOrder);
        BrowseQuery last;
        last.sortColumn = "id";
        last.descending = true;
        model.setQuery(last);
        QVERIFY(waitIdle(model));
        QTRY_COMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1000"));
        QVERIFY(!firstIds.isEmpty());
        for (const QString &id : firstIds)
            QCOMPARE(id, QStringLiteral("1000"));
    }

    void nastyIdentifiersAreQuoted()
    {
        TestDatabase db;
        const QByteArray ddl
            = "CREATE SCHEMA \"we \"\"ird\";"
              "CREATE TABLE \"we \"\"ird\".\"x\"\"; drop table users; --\" ("
              "  \"id; --\" int PRIMARY KEY, \"na me\" text, \"ünï\" int, \"\"\"q\"\"\" text);"
              "INSERT INTO \"we \"\"ird\".\"x\"\"; drop table users; --\" "
              "  SELECT g, 'n' || g, 100 - g, 'q' FROM generate_series(1, 120) g;"
              "CREATE TABLE users (id int);";
        QVERIFY(db.witness().execScript(ddl).ok());
        const QString schema = QStringLiteral("we \"ird");
        const QString table = QStringLiteral("x\"; drop table users; --");
        const Result<QList<TableSummary>> listed = CatalogReader::listTables(db.witness());
        QVERIFY(listed.ok());
        const QList<TableSummary> tables = listed.value();
        QVERIFY(std::any_of(tables.begin(), tables.end(), [&](const TableSummary &t) {
            return t.schema == schema && t.name == table && t.domain.isEmpty();
        }));
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), schema, table));
        QVERIFY(model.isEditable());
        model.sort(2, Qt::AscendingOrder);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("120"));
        BrowseQuery q = model.query();
        q.filters << ColumnFilter{"na me", ColumnFilter::Op::Equal, "n7", {}};
        model.setQuery(q);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.setData(model.index(0, 3), "it's \"new\""));
        model.insertNewRow({{0, "500"}, {1, "new; --"}});
        QCOMPARE(model.pendingChangeCount(), 2);
        QSignalSpy saved(&model, &EntityModel::saveFinished);
        model.save(model.savePlan());
        QVERIFY(saved.wait());
        QVERIFY2(saved.first().first().value<SaveResult>().ok,
                 qPrintable(saved.first().first().value<SaveResult>().message));
        QCOMPARE(
            db.scalar("SELECT \"\"\"q\"\"\" FROM \"we \"\"ird\".\"x\"\"; drop table users; --\" "
                      "WHERE \"id; --\" = 7"),
            QStringLiteral("it's \"new\""));
        QCOMPARE(db.scalar("SELECT \"na me\" FROM \"we \"\"ird\".\"x\"\"; drop table users; --\" "
                           "WHERE \"id; --\" = 500"),
                 QStringLiteral("new; --"));
        QCOMPARE(db.scalar("SELECT to_regclass('public.users') IS NOT NULL"), QStringLiteral("t"));
    }

    void tableWithoutPrimaryKeyIsReadOnly()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript(
                        "CREATE TABLE logs (at int, msg text);"
                        "INSERT INTO logs SELECT g % 10, 'm' || g FROM generate_series(1, 120) g")
                    .ok());
        EntityModel model;
        QVERIFY(openTable(model, specOf(db), "public", "logs"));
        QVERIFY(!model.isEditable());
        QVERIFY(model.readOnlyReason().contains("no primary key"));
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, 1), "x"));
        const QStringList msgs = fetchColumn(model, 1);
        QCOMPARE(msgs.size(), 120); // ctid keyset paging
        QCOMPARE(msgs.first(), QStringLiteral("m1"));
        QCOMPARE(msgs.last(), QStringLiteral("m120"));
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(waitIdle(model));
        const QStringList at = fetchColumn(model, 0);
        QCOMPARE(at.size(), 120);
        QCOMPARE(at.first(), QStringLiteral("9"));
        QCOMPARE(at.last(), QStringLiteral("0"));
    }

    void readOnlyProfileDisablesEditing()
    {
        TestDatabase db;
        createItems(db);
        EntityModel model;
        model.setTarget(specOf(db), "The profile is read-only.");
        QSignalSpy opened(&model, &EntityModel::tableOpened);
        model.openTable("public", "items");
        QVERIFY(opened.wait());
        QCOMPARE(model.readOnlyReason(), QStringLiteral("The profile is read-only."));
        QVERIFY(!(model.flags(model.index(0, 1)) & Qt::ItemIsEditable));
        QCOMPARE(model.insertNewRow(), -1);
    }
};

QTEST_GUILESS_MAIN(TestEntityModel)
#include "tst_entitymodel.moc"
