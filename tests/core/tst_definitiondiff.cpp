// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// DefinitionDiff and SqlLiteralMask on plain strings: which changes are literal values only.
// (tst_schemadiff checks the same against definitions PostgreSQL prints.)
#include "schema/definitiondiff.h"
#include "schema/sqlliteralmask.h"

#include <QtTest>

using namespace uaip;

class TestDefinitionDiff : public QObject
{
    Q_OBJECT

private slots:
    void masksStringsAndNumbers_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("literals");
        QTest::newRow("timestamp") << QStringLiteral(
            "  WHERE t.created_at > '2024-01-01 00:00:00+00'::timestamp with time zone;")
                                   << QStringList{QStringLiteral("'2024-01-01 00:00:00+00'")};
        QTest::newRow("doubled quote")
            << QStringLiteral("SELECT 'it''s', 'x'")
            << QStringList{QStringLiteral("'it''s'"), QStringLiteral("'x'")};
        QTest::newRow("escape string")
            << QStringLiteral("E'a\\'b' || e'c'")
            << QStringList{QStringLiteral("E'a\\'b'"), QStringLiteral("e'c'")};
        QTest::newRow("bit and unicode")
            << QStringLiteral("B'101', X'1F', U&'d\\0061t'")
            << QStringList{QStringLiteral("B'101'"), QStringLiteral("X'1F'"),
                           QStringLiteral("U&'d\\0061t'")};
        QTest::newRow("numbers") << QStringLiteral("x >= 0::numeric AND y < 1.5e-3 AND z = .25")
                                 << QStringList{QStringLiteral("0"), QStringLiteral("1.5e-3"),
                                                QStringLiteral(".25")};
        QTest::newRow("identifiers keep digits")
            << QStringLiteral("SELECT t1.col2, \"9 lives\", $1 FROM v2") << QStringList{};
        QTest::newRow("type modifiers and positions")
            << QStringLiteral("#3 numeric(10,2) NOT NULL, varchar(255)") << QStringList{};
        QTest::newRow("comment kept")
            << QStringLiteral("x := 1; -- was '2'") << QStringList{QStringLiteral("1")};
        QTest::newRow("one-line dollar quote") << QStringLiteral("AS $$SELECT 1$$, $f$")
                                               << QStringList{QStringLiteral("$$SELECT 1$$")};
    }

    void masksStringsAndNumbers()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, literals);
        const SqlLiteralMask mask(line);
        QCOMPARE(mask.literals(), literals);
        QCOMPARE(mask.masked().count(QChar(u'\x01')), literals.size());
    }

    void frozenTimestampIsLiteralOnly()
    {
        const QString before
            = QStringLiteral(" SELECT id,\n    created_at\n   FROM t\n"
                             "  WHERE created_at > '2024-01-31 12:00:00+00'::timestamp "
                             "with time zone;");
        QString after = before;
        after.replace(QStringLiteral("2024-01-31 12:00:00+00"),
                      QStringLiteral("2026-11-22 08:30:00+00"));
        const DefinitionDiff d(before, after);
        QVERIFY(d.literalOnly());
        QCOMPARE(d.literalChanges().size(), 1);
        QCOMPARE(d.literalChanges()[0].before, QStringLiteral("'2024-01-31 12:00:00+00'"));
        QCOMPARE(d.literalChanges()[0].after, QStringLiteral("'2026-11-22 08:30:00+00'"));
        QCOMPARE(d.summary(),
                 QStringLiteral("only literal values differ: '2024-01-31 12:00:00+00' -> "
                                "'2026-11-22 08:30:00+00'"));
        QCOMPARE(d.hunks().size(), 1);
        QCOMPARE(d.hunks()[0].header(), QStringLiteral("@@ -1,4 +1,4 @@"));
    }

    void structuralChangeIsNotLiteralOnly()
    {
        const DefinitionDiff d(QStringLiteral("SELECT a,\n  b\nFROM t"),
                               QStringLiteral("SELECT a,\n  c\nFROM t"));
        QVERIFY(!d.literalOnly());
        QVERIFY(d.literalChanges().isEmpty());
        QCOMPARE(d.summary(), QStringLiteral("1 line(s) removed, 1 added"));
    }

    void mixedChangeIsNotLiteralOnly()
    {
        // One pair differs in a literal, another in structure: not literal-only.
        const DefinitionDiff d(QStringLiteral("a = 1\nx\nb = 2"),
                               QStringLiteral("a = 5\nx\nc = 2"));
        QVERIFY(!d.literalOnly());
    }

    void unequalRunsAreNotLiteralOnly()
    {
        // A line added next to a literal change cannot pair up.
        const DefinitionDiff d(QStringLiteral("a = 1\nz"), QStringLiteral("a = 2\nb = 3\nz"));
        QVERIFY(!d.literalOnly());
    }

    void typeModifierAndColumnPositionAreNotLiterals()
    {
        QVERIFY(
            !DefinitionDiff(QStringLiteral("#2 numeric(10,2)"), QStringLiteral("#2 numeric(12,2)"))
                 .literalOnly());
        QVERIFY(
            !DefinitionDiff(QStringLiteral("#2 text"), QStringLiteral("#3 text")).literalOnly());
    }

    void repeatedLiteralChangeIsListedOnce()
    {
        const DefinitionDiff d(QStringLiteral("x > '2024-01-01'\ny\nz < '2024-01-01'\nw"),
                               QStringLiteral("x > '2025-01-01'\ny\nz < '2025-01-01'\nw"));
        QVERIFY(d.literalOnly());
        QCOMPARE(d.literalChanges().size(), 1);
    }

    void summaryNamesAtMostThreeLiterals()
    {
        const DefinitionDiff d(QStringLiteral("x IN (1, 2, 3, 4, 5)"),
                               QStringLiteral("x IN (6, 7, 8, 9, 10)"));
        QVERIFY(d.literalOnly());
        QCOMPARE(d.literalChanges().size(), 5);
        QCOMPARE(d.summary(),
                 QStringLiteral("only literal values differ: 1 -> 6, 2 -> 7, 3 -> 8 and 2 more"));
    }
};

QTEST_GUILESS_MAIN(TestDefinitionDiff)
#include "tst_definitiondiff.moc"
