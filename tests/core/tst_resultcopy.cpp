// "Copy as TSV" and "Copy as SQL INSERT" of the SQL console's results (ResultCopy) against the
// real sandbox: rows read through SqlRunner, written as INSERTs, run on a copy table, must give
// back the same rows exactly (text with quotes, line breaks and backslashes, NULL vs the empty
// string, numerics with many digits, NaN and infinities, bytea, json, arrays, timestamps).
#include "db/pgconnection.h"
#include "sqlconsole/resultcopy.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "testdatabase.h"

#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr auto kTable = R"(
CREATE TABLE src (
    id int PRIMARY KEY, t text, "Mixed ""Case""" text, "order" bigint, s smallint, n numeric,
    f8 float8, f4 real, b bool, by bytea, j json, jb jsonb, ia int[], ta text[], ts timestamptz,
    tl timestamp, d date, iv interval, u uuid, bits bit varying, m money, c char(3))
)";

constexpr auto kRows = R"(
INSERT INTO src VALUES
 (1, E'it''s "quoted"\nsecond line\\ back\\slash\ttab', '', 9223372036854775807, -32768,
  123456789012345678901234567890.123456789012345678901234567890, 'NaN', 'Infinity', true,
  E'\\x00275c0a27ff', '{"a": "x\"y\\\\z", "ü": [1, 2.50]}', '{"k": null, "e": ""}',
  '{1,NULL,3}', ARRAY['a,b', 'c"d', NULL, '', E'e\\f'], '2024-02-29 23:59:59.123456+05:30',
  '1999-12-31 00:00:00.5', '2000-01-01', '1 year 2 mons 3 days 04:05:06.789', gen_random_uuid(),
  B'1010', 12.34, 'ab'),
 (2, NULL, NULL, NULL, NULL, 'NaN', '-Infinity', '-Infinity', false, '\x', 'null', '[]', '{}', '{}',
  '-infinity', 'infinity', 'epoch', '-1 days', NULL, B'', 0, NULL),
 (3, '', 'NULL', 0, 0, '-0.000000000000000000000000000001', 1e-300, 0.1, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '   '),
 (4, '\', '''', -1, 1, 'Infinity', 'NaN', 3.4028235e38, true, '\x5c', '"\\"', '"\\u0000x"',
  '{{1,2},{3,4}}', '{"\\\\"}', now(), now(), now(), '0', NULL, NULL, -99.99, 'x')
)";

// Every row as its text form, in id order: NULL and '' differ there, as do all values.
QStringList rowsOf(PgConnection &pg, const QByteArray &table)
{
    QStringList rows;
    PgResult r = pg.exec("SELECT x::text FROM " + table + " x ORDER BY id");
    for (int i = 0; i < r.rows(); ++i)
        rows.append(r.value(i, 0));
    return rows;
}

} // namespace

class TestResultCopy : public QObject
{
    Q_OBJECT

private slots:
    void insertsReproduceTheRowsExactly()
    {
        TestDatabase db;
        PgConnection &pg = db.witness();
        QVERIFY(pg.execScript(kTable).ok());
        PgResult inserted = pg.execScript(kRows);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().toString()));

        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner;
        SqlRunResult r
            = runner.run(console, SqlRunRequest::forScript("SELECT * FROM src ORDER BY id"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        const SqlResultSet &set = r.results.first();
        QCOMPARE(set.rows.size(), 4);
        // the rows come from one table: its name is known
        QCOMPARE(set.sourceTable, QStringList({QStringLiteral("public"), QStringLiteral("src")}));

        QVERIFY(pg.exec("CREATE TABLE \"copy \"\"of\"\" src\" (LIKE src)").ok());
        const QString sql
            = ResultCopy::inserts({QStringLiteral("public"), QStringLiteral("copy \"of\" src")},
                                  set.columns, set.columnTypes, set.rows);
        QCOMPARE(sql.count(QStringLiteral("INSERT INTO \"public\".\"copy \"\"of\"\" src\"")), 4);
        QVERIFY(sql.contains(QStringLiteral("\"Mixed \"\"Case\"\"\", \"order\"")));
        // Run with standard_conforming_strings off too: the backslashes read the same.
        for (const char *conforming : {"on", "off"}) {
            QVERIFY(
                pg.execScript(QByteArray("SET standard_conforming_strings = ") + conforming).ok());
            QVERIFY(pg.exec("TRUNCATE \"copy \"\"of\"\" src\"").ok());
            PgResult copied = pg.execScript(sql.toUtf8());
            QVERIFY2(copied.ok(), qPrintable(copied.error().toString() + u'\n' + sql));
            QVERIFY(pg.exec("RESET standard_conforming_strings").ok());
            const QStringList original = rowsOf(pg, "src");
            QCOMPARE(original.size(), 4);
            QCOMPARE(rowsOf(pg, "\"copy \"\"of\"\" src\""), original);
        }
        // and the row-wise comparison is strict: NULL vs '' and the NaN numeric are in it
        QCOMPARE(db.scalar("SELECT count(*) FROM src s JOIN \"copy \"\"of\"\" src\" c USING (id) "
                           "WHERE (s.t, s.n, s.f8, s.by, s.jb, s.ts, s.ta) IS NOT DISTINCT FROM "
                           "(c.t, c.n, c.f8, c.by, c.jb, c.ts, c.ta)"),
                 QStringLiteral("4"));
        QCOMPARE(db.scalar("SELECT count(*) FROM \"copy \"\"of\"\" src\" WHERE t = ''"),
                 QStringLiteral("1"));
    }

    void literalsByType()
    {
        QCOMPARE(ResultCopy::literal(QVariant(), 25), QStringLiteral("NULL"));
        QCOMPARE(ResultCopy::literal(QStringLiteral(""), 25), QStringLiteral("''"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("-12.5e-3"), 701), QStringLiteral("-12.5e-3"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("NaN"), 1700),
                 QStringLiteral("'NaN'::numeric"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("-Infinity"), 701),
                 QStringLiteral("'-Infinity'::double precision"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("t"), 16), QStringLiteral("TRUE"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("1; DROP TABLE x"), 23),
                 QStringLiteral("'1; DROP TABLE x'::numeric"));
        QCOMPARE(ResultCopy::literal(QStringLiteral("a'b\\c"), 25), QStringLiteral("E'a''b\\\\c'"));
    }

    void sourceTableOnlyForOneTable()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE a (id int, v text); CREATE TABLE b (id int);"
                                "INSERT INTO a VALUES (1, 'x'); INSERT INTO b VALUES (1);")
                    .ok());
        PgConnection console;
        QVERIFY(console.open(db.conninfo()));
        SqlRunner runner;
        SqlRunResult r
            = runner.run(console,
                         SqlRunRequest::forScript("SELECT v, id FROM a;\n"
                                                  "SELECT a.v, b.id FROM a JOIN b USING (id);\n"
                                                  "SELECT v, id + 1 FROM a;\n"
                                                  "SELECT 1 AS one"));
        QVERIFY(r.ok());
        QCOMPARE(r.results.size(), 4);
        QCOMPARE(r.results[0].sourceTable,
                 QStringList({QStringLiteral("public"), QStringLiteral("a")}));
        QVERIFY(r.results[1].sourceTable.isEmpty()); // two tables
        QVERIFY(r.results[2].sourceTable.isEmpty()); // a computed column
        QVERIFY(r.results[3].sourceTable.isEmpty());
    }

    void tsvQuotesWhatASpreadsheetWouldSplit()
    {
        const QList<QVariantList> rows{
            {QStringLiteral("plain"), QVariant(), QStringLiteral("")},
            {QStringLiteral("a\tb"), QStringLiteral("line\nbreak"), QStringLiteral("say \"hi\"")},
        };
        QCOMPARE(
            ResultCopy::tsv(rows, {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}),
            QStringLiteral("x\ty\tz\nplain\t\t\n\"a\tb\"\t\"line\nbreak\"\t\"say "
                           "\"\"hi\"\"\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestResultCopy)
#include "tst_resultcopy.moc"
