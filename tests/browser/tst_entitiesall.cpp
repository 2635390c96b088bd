// One EntitiesView opens every table in turn — the platform schema (bundled migrations plus a
// small demo data set) and a schema of hostile identifiers — with a row selected and the row
// panel visible, pages through it, and sorts by every sortable column (every column kind,
// varchar included; descending once per type), checking the order against the same query
// on a second connection.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browsetestutil.h"
#include "demo/demodataloader.h"
#include "demo/demodataplan.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QDockWidget>
#include <QTableView>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr int kPageSize = 40;
constexpr int kCompareRows = 2 * kPageSize + 5; // crosses two page boundaries

// The first `n` values of a column as the grid shows them (EditRole text, "<null>").
QStringList firstValues(EntityModel &model, int column, int n)
{
    // the grid may have asked for the next page itself: wait for it, then ask for more
    while (model.rowCount() < n && (model.canFetchMore({}) || model.loader()->isLoading())) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        if (!waitIdle(model))
            return {QStringLiteral("<timeout>")};
    }
    QStringList out;
    for (int r = 0; r < qMin(n, model.rowCount()); ++r) {
        if (!model.data(model.index(r, column), EntityModel::LoadedRole).toBool()
            && !waitIdle(model))
            return {QStringLiteral("<timeout>")};
        const QVariant v = model.data(model.index(r, column), Qt::EditRole);
        out << (v.isNull() ? QStringLiteral("<null>") : v.toString());
    }
    return out;
}

struct Coverage
{
    QSet<QString> sortedTypes; // base types sorted by
    int tables = 0;
    int sorts = 0;
    int pagedTables = 0;
};

// Opens schema.name in the view, selects a row, pages through it and sorts by every column.
void exerciseTable(EntitiesView &view, TestDatabase &db, const QString &schema, const QString &name,
                   Coverage *coverage)
{
    QVERIFY2(openInView(view, schema, name), qPrintable(name));
    EntityModel &model = *view.model();
    const TableInfo &table = model.table();
    QCOMPARE(table.name, name);
    const QByteArray relation
        = db.witness().quoteIdentifier(schema) + '.' + db.witness().quoteIdentifier(name);
    const qint64 rows = db.scalar("SELECT count(*) FROM " + relation).toLongLong();
    if (model.rowCount() > 0) {
        view.grid()->setCurrentIndex(model.index(0, model.columnCount() - 1));
        QCOMPARE(view.details()->row(), 0);
        QVERIFY(view.details()->isVisible());
    }
    // every row, page by page, in the grid's default order
    const QStringList all = firstValues(model, 0, int(rows) + 1);
    QVERIFY2(qint64(all.size()) == rows,
             qPrintable(QStringLiteral("%1: %2 of %3 rows; count state %4, loading %5")
                            .arg(name)
                            .arg(all.size())
                            .arg(rows)
                            .arg(int(model.loader()->countState()))
                            .arg(model.loader()->isLoading())));
    if (rows > kPageSize)
        ++coverage->pagedTables;
    for (int c = 0; c < model.columnCount(); ++c) {
        const ColumnInfo &col = table.columns[c];
        if (!col.sortable)
            continue;
        // ascending by every column of a table with rows, descending by the first column of
        // each type; an empty table only by the types not sorted yet (time)
        const bool firstOfType = !coverage->sortedTypes.contains(col.baseType);
        if (rows == 0 && !firstOfType)
            continue;
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            if (order == Qt::DescendingOrder && !firstOfType)
                continue;
            view.grid()->sortByColumn(c, order);
            QVERIFY(waitIdle(model));
            QCOMPARE(model.query().sortColumn, col.name);
            const QByteArray dir
                = order == Qt::AscendingOrder ? " ASC NULLS LAST" : " DESC NULLS FIRST";
            const QStringList expected = witnessColumn(
                db,
                "SELECT t." + col.quoted + " FROM " + relation + " t ORDER BY t." + col.quoted + dir
                    + " LIMIT " + QByteArray::number(kCompareRows));
            const QStringList shown = firstValues(model, c, kCompareRows);
            QVERIFY2(
                shown == expected,
                qPrintable(QStringLiteral("%1.%2 %3 (%4): %5 | expected %6")
                               .arg(name, col.name, col.displayType,
                                    order == Qt::AscendingOrder ? "asc" : "desc",
                                    shown.mid(0, 6).join(u','), expected.mid(0, 6).join(u','))));
            coverage->sortedTypes.insert(col.baseType);
            ++coverage->sorts;
        }
    }
    ++coverage->tables;
}

QByteArray hostileSchema()
{
    QByteArray sql = R"sql(
CREATE SCHEMA "we""ird; sch";
SET search_path = "we""ird; sch";
CREATE TABLE "tab le;""x" (id int PRIMARY KEY, "na""me" varchar(40), "ünï cødé" text,
                           "sel;ect" int, "--" numeric);
INSERT INTO "tab le;""x"
SELECT g, chr(65 + (g * 7) % 26) || 'name ''' || g, 'ü' || (100 - g), g % 5, g / 7.0
FROM generate_series(1, 100) g;
CREATE TABLE "no key" (a int, b text);
INSERT INTO "no key" SELECT g % 10, 'row ' || g FROM generate_series(1, 60) g;
CREATE TABLE composite (a int, b varchar(10), v text, PRIMARY KEY (a, b));
INSERT INTO composite SELECT g % 4, 'k' || (50 - g), 'v' || g FROM generate_series(1, 50) g;
CREATE VIEW "a view" AS SELECT id, "na""me" FROM "tab le;""x" WHERE id % 2 = 0;
CREATE TABLE blobs (id int PRIMARY KEY, data bytea, big text);
INSERT INTO blobs VALUES (1, '\x00ff10'::bytea, repeat('x', 100 * 1024)),
                         (2, '\x'::bytea, repeat('ab', 50 * 1024)), (3, NULL, NULL);
CREATE TABLE public."x""; drop table users; --" (id int PRIMARY KEY, "ü" text);
INSERT INTO public."x""; drop table users; --" VALUES (1, 'a'), (2, 'b');
)sql";
    QByteArray wide = "CREATE TABLE wide120 (id int PRIMARY KEY";
    QByteArray insert = "INSERT INTO wide120 SELECT g";
    for (int c = 1; c < 120; ++c) {
        wide += ", \"c " + QByteArray::number(c) + "\" text";
        insert += ", 'v' || ((g * " + QByteArray::number(c) + ") % 13)";
    }
    sql += wide + ");\n" + insert + " FROM generate_series(1, 50) g;\nRESET search_path;\n";
    return sql;
}

} // namespace

class TestEntitiesAll : public QObject
{
    Q_OBJECT

private slots:
    void everyPlatformTable()
    {
        TestDatabase db;
        {
            MigrationSource source;
            QVERIFY(source.load(MigrationSource::bundledDir()));
            PgConnection c;
            QVERIFY(c.open(db.conninfo()));
            MigrationRunner runner(c, source.migrations(), MigrationRunner::Options{});
            QVERIFY(runner.up().ok());
            DemoDataLoader::Options o;
            o.progressIntervalMs = 0;
            const DemoLoadResult r = DemoDataLoader(c, DemoDataPlan::forScale(2000), o).load();
            QVERIFY2(r.ok(), qPrintable(r.message));
            QVERIFY(c.exec("ANALYZE").ok());
        }
        EntitiesView view;
        view.resize(1400, 900);
        view.show();
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait(20000));
        view.model()->loader()->setPageSize(kPageSize);
        const PgResult tables = db.witness().execScript(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "ORDER BY table_name");
        QVERIFY(tables.rows() > 20);
        Coverage coverage;
        for (int i = 0; i < tables.rows(); ++i) {
            exerciseTable(view, db, QStringLiteral("public"), tables.value(i, 0), &coverage);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d tables, %d paged, %d sorts over %lld types: %s", coverage.tables,
              coverage.pagedTables, coverage.sorts, qsizetype(coverage.sortedTypes.size()),
              qPrintable(QStringList(coverage.sortedTypes.values()).join(u' ')));
        QCOMPARE(coverage.tables, tables.rows());
        QVERIFY(coverage.pagedTables >= 3);
        for (const char *type :
             {"varchar", "text", "int4", "int8", "numeric", "uuid", "timestamptz", "bool"})
            QVERIFY2(coverage.sortedTypes.contains(QLatin1String(type)), type);
    }

    void hostileIdentifiers()
    {
        TestDatabase db;
        const PgResult created = db.witness().execScript(hostileSchema());
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        EntitiesView view;
        view.resize(1400, 900);
        view.show();
        QSignalSpy loaded(&view, &EntitiesView::tablesLoaded);
        view.setTarget(specOf(db));
        QVERIFY(loaded.wait(20000));
        view.model()->loader()->setPageSize(kPageSize);
        const QString schema = QStringLiteral("we\"ird; sch");
        Coverage coverage;
        for (const QString &name :
             {QStringLiteral("tab le;\"x"), QStringLiteral("no key"), QStringLiteral("composite"),
              QStringLiteral("a view"), QStringLiteral("wide120"), QStringLiteral("blobs")}) {
            exerciseTable(view, db, schema, name, &coverage);
            if (QTest::currentTestFailed())
                return;
        }
        exerciseTable(view, db, "public", "x\"; drop table users; --", &coverage);
        QCOMPARE(coverage.tables, 7);
        QVERIFY(coverage.sortedTypes.contains("bytea"));
        QVERIFY(coverage.sortedTypes.contains("varchar"));

        // the 100 KB value arrives whole; an edit of a hostile column is saved
        QVERIFY(openInView(view, schema, "blobs"));
        QCOMPARE(view.model()->data(view.model()->index(0, 2), Qt::EditRole).toString().size(),
                 100 * 1024);
        QVERIFY(openInView(view, schema, "tab le;\"x"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), "O'Brien \"; --"));
        QVERIFY(view.model()->setData(view.model()->index(1, 4), "2.5"));
        view.saveAction()->trigger();
        auto *preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait());
        QVERIFY2(saved.first().first().value<SaveResult>().ok,
                 qPrintable(saved.first().first().value<SaveResult>().message));
        QCOMPARE(
            db.scalar("SELECT \"na\"\"me\" FROM \"we\"\"ird; sch\".\"tab le;\"\"x\" WHERE id = 1"),
            QStringLiteral("O'Brien \"; --"));
        QCOMPARE(db.scalar("SELECT \"--\" FROM \"we\"\"ird; sch\".\"tab le;\"\"x\" WHERE id = 2"),
                 QStringLiteral("2.5"));
    }
};

QTEST_MAIN(TestEntitiesAll)
#include "tst_entitiesall.moc"
