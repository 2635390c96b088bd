// The table tree's row column on a first run: a table never analysed shows the statistics'
// live-row count as an estimate (0 when its file is empty), a view a dash, a partitioned table
// or one whose statistics know nothing yet "not analysed" — never "?".
#include "browse/catalogreader.h"
#include "browser/tabletree.h"
#include "db/pgconnection.h"
#include "testdatabase.h"

#include <QLocale>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestTableTreeEstimate : public QObject
{
    Q_OBJECT

private slots:
    void firstRunSizes()
    {
        TestDatabase db;
        {
            PgConnection writer;
            QVERIFY(writer.open(db.conninfo()));
            for (const char *sql :
                 {"CREATE TABLE fresh (id int PRIMARY KEY) WITH (autovacuum_enabled = false)",
                  "INSERT INTO fresh SELECT generate_series(1, 1234)",
                  "CREATE TABLE analysed (id int PRIMARY KEY) WITH (autovacuum_enabled = false)",
                  "INSERT INTO analysed SELECT generate_series(1, 10)", "ANALYZE analysed",
                  "CREATE VIEW recent AS SELECT * FROM fresh",
                  "CREATE TABLE parted (id int) PARTITION BY RANGE (id)",
                  "CREATE TABLE unknown (id int) WITH (autovacuum_enabled = false)",
                  "INSERT INTO unknown SELECT generate_series(1, 50)",
                  "CREATE TABLE empty (id int) WITH (autovacuum_enabled = false)"})
                QVERIFY2(writer.execScript(sql).ok(), sql);
        } // the writer's statistics are flushed when it disconnects
        QCOMPARE(db.scalar("SELECT reltuples FROM pg_class WHERE relname = 'fresh'"),
                 QStringLiteral("-1")); // never analysed

        PgConnection reader;
        QVERIFY(reader.open(db.conninfo()));
        QList<TableSummary> tables;
        auto estimateOf = [&](const QString &name) -> qint64 {
            Result<QList<TableSummary>> listed = CatalogReader::listTables(reader);
            if (!listed)
                qFatal("listTables: %s", qPrintable(listed.error().toString()));
            tables = listed.value();
            for (const TableSummary &t : tables)
                if (t.name == name)
                    return t.estimate;
            return -2;
        };
        QTRY_COMPARE_WITH_TIMEOUT(estimateOf(QStringLiteral("fresh")), 1234, 20000);
        // rows on disk, but neither ANALYZE nor statistics know how many: not a "~0"
        QVERIFY(
            reader.exec("SELECT pg_stat_reset_single_table_counters('unknown'::regclass)").ok());
        QTRY_COMPARE_WITH_TIMEOUT(estimateOf(QStringLiteral("unknown")), -1, 20000);

        TableTree tree;
        tree.setTables(tables);
        auto shown = [&](const char *name) {
            QTreeWidgetItem *item = tree.itemFor(QStringLiteral("public"), QLatin1String(name));
            return item ? item->text(1) : QStringLiteral("<missing>");
        };
        QCOMPARE(shown("fresh"), QStringLiteral("~") + QLocale().toString(1234));
        QCOMPARE(shown("analysed"), QStringLiteral("~10"));
        QCOMPARE(shown("recent"), QStringLiteral("\u2014"));
        QCOMPARE(shown("parted"), QStringLiteral("not analysed"));
        QCOMPARE(shown("unknown"), QStringLiteral("not analysed"));
        QCOMPARE(shown("empty"), QStringLiteral("~0"));
        for (QTreeWidgetItemIterator it(&tree); *it; ++it)
            QVERIFY((*it)->text(1) != QLatin1String("?"));
    }
};

QTEST_MAIN(TestTableTreeEstimate)
#include "tst_tabletreeestimate.moc"
