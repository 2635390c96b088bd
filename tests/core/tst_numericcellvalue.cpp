// NumericCellValue, the entity grid's rule for numbers, against the real server: the columns
// come from the catalog (CatalogReader: numeric precision and scale from atttypmod, a domain's
// typmod, negative scales), every accepted value is stored by the server unchanged, and every
// refused value that the server would have taken as typed in C notation would have been
// rounded, cut or refused by it.
#include "browse/catalogreader.h"
#include "browse/numericcellvalue.h"
#include "testdatabase.h"

#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kTable = R"sql(
CREATE DOMAIN amount AS numeric(6,2);
CREATE TABLE nums (n104 numeric(10,4), n numeric, n5m2 numeric(5,-2), i integer, s smallint,
                   b bigint, d double precision, r real, m amount);
)sql";

QLocale localeOf(const QString &name)
{
    return name == QLatin1String("c") ? QLocale::c() : QLocale(name);
}

} // namespace

class TestNumericCellValue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    TableInfo m_table;

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>();
        const PgResult created = m_db->witness().execScript(kTable);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const Result<TableInfo> table = CatalogReader::readTable(
            m_db->witness(), QStringLiteral("public"), QStringLiteral("nums"));
        if (!table.ok())
            QFAIL(qPrintable(table.error().toString()));
        m_table = table.value();
    }

    void cleanupTestCase() { m_db.reset(); }

    void catalogGivesPrecisionAndScale()
    {
        const ColumnInfo &n104 = m_table.columns.at(m_table.columnIndex(QStringLiteral("n104")));
        QCOMPARE(n104.precision, 10);
        QCOMPARE(n104.scale, 4);
        const ColumnInfo &n5m2 = m_table.columns.at(m_table.columnIndex(QStringLiteral("n5m2")));
        QCOMPARE(n5m2.precision, 5);
        QCOMPARE(n5m2.scale, -2);
        const ColumnInfo &m = m_table.columns.at(m_table.columnIndex(QStringLiteral("m")));
        QCOMPARE(m.precision, 6);
        QCOMPARE(m.scale, 2);
        const ColumnInfo &n = m_table.columns.at(m_table.columnIndex(QStringLiteral("n")));
        QCOMPARE(n.precision, -1);
    }

    void fromText_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::addColumn<QString>("reason"); // a word of the reason when refused
        QTest::addColumn<QString>("asC"); // the typed value in C notation, for the server

        auto ok = [](const char *name, const char *column, const char *locale, const char *typed,
                     const char *expected) {
            QTest::newRow(name) << column << locale << typed << expected << QString() << QString();
        };
        auto refused = [](const char *name, const char *column, const char *locale,
                          const char *typed, const char *reason, const char *asC = "") {
            QTest::newRow(name) << column << locale << typed << QString() << reason << asC;
        };
        // issue 21, point 1: the German decimal comma
        ok("de 1,5", "n104", "de_DE", "1,5", "1.5");
        ok("de -1,5", "n104", "de_DE", "-1,5", "-1.5");
        ok("de grouped", "n104", "de_DE", "1.234,5", "1234.5");
        ok("de only groups", "n104", "de_DE", "1.234", "1234");
        refused("de 1.5 is no German number", "n104", "de_DE", "1.5", "\",\"");
        refused("en 1,5 is no English number", "n104", "en_US", "1,5", "\".\"");
        ok("en grouped", "n104", "en_US", "1,234.5", "1234.5");
        ok("c", "n104", "c", "-0.5", "-0.5");
        // issue 21, point 2: never rounded or cut
        refused("de too many digits", "n104", "de_DE", "12345678,5", "6", "12345678.5");
        refused("en too many digits", "n104", "en_US", "12345678.5", "6", "12345678.5");
        refused("rounded", "n104", "en_US", "1.23456", "4", "1.23456");
        refused("rounded up to overflow", "n104", "en_US", "999999.99999", "4", "999999.99999");
        ok("largest", "n104", "en_US", "999999.9999", "999999.9999");
        ok("trailing zeros kept to the scale", "n104", "en_US", "1.50000", "1.5000");
        ok("exponent", "n104", "en_US", "1.5e3", "1500");
        ok("negative exponent", "n104", "de_DE", "15e-4", "0.0015");
        refused("exponent too small", "n104", "en_US", "1e-5", "4", "1e-5");
        ok("zero", "n104", "de_DE", "-0", "0");
        ok("nan", "n104", "en_US", "NaN", "NaN");
        refused("infinity in numeric(p,s)", "n104", "en_US", "Infinity", "infinite", "Infinity");
        refused("empty", "n104", "en_US", "", "number");
        refused("letters", "n104", "en_US", "abc", "number");
        refused("two points", "n104", "en_US", "1.2.3", "number");
        refused("bad groups", "n104", "en_US", "12,34", "number");
        ok("unconstrained keeps every digit", "n", "en_US",
           "1.234567890123456789012345678901234567890",
           "1.234567890123456789012345678901234567890");
        ok("unconstrained exponent", "n", "de_DE", "1,5e40", "1.5e40");
        ok("unconstrained infinity", "n", "en_US", "-Infinity", "-Infinity");
        ok("negative scale", "n5m2", "de_DE", "1.200", "1200");
        refused("negative scale rounds", "n5m2", "en_US", "1250", "100", "1250");
        refused("negative scale too large", "n5m2", "en_US", "10000000", "7", "10000000");
        ok("domain", "m", "de_DE", "1234,56", "1234.56");
        refused("domain too large", "m", "de_DE", "12345,6", "4", "12345.6");
        refused("domain rounded", "m", "de_DE", "1,234", "2", "1.234");
        // integers
        ok("int max", "i", "en_US", "2147483647", "2147483647");
        ok("int min", "i", "en_US", "-2147483648", "-2147483648");
        refused("int too large", "i", "en_US", "2147483648", "2,147,483,647", "2147483648");
        refused("int too small", "i", "en_US", "-2147483649", "2,147,483,648", "-2147483649");
        refused("int decimals", "i", "de_DE", "1,5", "whole", "1.5");
        refused("int exponent", "i", "en_US", "1e3", "whole", "1e3");
        ok("int grouped", "i", "de_DE", "1.000", "1000");
        ok("int leading zeros", "i", "en_US", "007", "7");
        refused("smallint too large", "s", "en_US", "32768", "32,767", "32768");
        ok("bigint max", "b", "en_US", "9223372036854775807", "9223372036854775807");
        ok("bigint min", "b", "en_US", "-9223372036854775808", "-9223372036854775808");
        refused("bigint too large", "b", "en_US", "9223372036854775808", "range",
                "9223372036854775808");
        refused("bigint far too large", "b", "en_US", "123456789012345678901234", "range",
                "123456789012345678901234");
        // floating point: the type's own binary rounding, but nothing out of range
        ok("double", "d", "de_DE", "1,5", "1.5");
        ok("double exponent", "d", "de_DE", "-1,5e-3", "-1.5e-3");
        ok("double infinity", "d", "en_US", "Infinity", "Infinity");
        refused("double overflow", "d", "en_US", "1e400", "range", "1e400");
        refused("double in English with a comma", "d", "en_US", "1,5", "number");
        ok("real", "r", "de_DE", "3,4e38", "3.4e38");
        refused("real overflow", "r", "en_US", "1e39", "range", "1e39");
    }

    void fromText()
    {
        QFETCH(QString, column);
        QFETCH(QString, locale);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        QFETCH(QString, asC);
        const int index = m_table.columnIndex(column);
        QVERIFY(index >= 0);
        const ColumnInfo &info = m_table.columns.at(index);
        const NumericCellValue v = NumericCellValue::fromText(typed, info, localeOf(locale));
        PgConnection &server = m_db->witness();
        const QByteArray type = info.displayType.toUtf8();
        if (!expected.isEmpty()) {
            QVERIFY2(v.ok(), qPrintable(v.error()));
            QCOMPARE(v.value(), expected);
            QVERIFY(v.error().isEmpty());
            // The model's guard takes the server text as it is.
            QVERIFY2(NumericCellValue::check(v.value(), info).ok(),
                     qPrintable(NumericCellValue::check(v.value(), info).error()));
            // The server stores exactly that value (no rounding by the column's typmod). $1 is
            // text: a parameter typed as the domain would be rounded at bind already.
            const PgResult r = server.exec("SELECT $1::text::" + type + "::text", {v.value()});
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            if (info.kind != ColumnInfo::Kind::Float) {
                const PgResult same = server.exec(
                    "SELECT $1::text::numeric = $1::text::" + type + "::numeric", {v.value()});
                QVERIFY2(same.ok(), qPrintable(same.error().toString()));
                QCOMPARE(same.value(0, 0), QStringLiteral("t"));
            }
            return;
        }
        QVERIFY2(!v.ok(), qPrintable(v.value()));
        QVERIFY(v.value().isEmpty());
        QVERIFY2(v.error().contains(reason), qPrintable(v.error()));
        QVERIFY2(v.error().contains(info.displayType) || v.error().contains(typed),
                 qPrintable(v.error()));
        if (asC.isEmpty())
            return;
        QVERIFY(!NumericCellValue::check(asC, info).ok()); // the model's guard refuses it too
        // Without the rule, the server would have refused the value or changed it.
        const PgResult r
            = server.exec("SELECT $1::text::" + type
                              + "::text, ($1::text::numeric = $1::text::" + type + "::numeric)",
                          {asC});
        if (r.ok())
            QVERIFY2(r.value(0, 1) == QLatin1String("f"),
                     qPrintable(asC + QStringLiteral(" -> ") + r.value(0, 0)));
    }

    void toDisplay_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("de decimal") << "1.5000"
                                    << "de_DE"
                                    << "1,5000";
        QTest::newRow("de negative") << "-1234.5"
                                     << "de_DE"
                                     << "-1234,5";
        QTest::newRow("de exponent") << "1.5e-05"
                                     << "de_DE"
                                     << "1,5e-05";
        QTest::newRow("de integer") << "123456789"
                                    << "de_DE"
                                    << "123456789";
        QTest::newRow("en") << "-1234.5"
                            << "en_US"
                            << "-1234.5";
        QTest::newRow("nan") << "NaN"
                             << "de_DE"
                             << "NaN";
    }

    void toDisplay()
    {
        QFETCH(QString, server);
        QFETCH(QString, locale);
        QFETCH(QString, shown);
        QCOMPARE(NumericCellValue::toDisplay(server, localeOf(locale)), shown);
    }

    // What the grid shows is read back as the same value in every locale.
    void displayReadsBack()
    {
        const ColumnInfo &n104 = m_table.columns.at(m_table.columnIndex(QStringLiteral("n104")));
        for (const char *name : {"de_DE", "en_US", "fr_FR", "de_CH", "c"}) {
            const QLocale l = localeOf(QLatin1String(name));
            for (const char *value : {"1.5000", "-1234.5", "0.0001", "999999.9999"}) {
                const NumericCellValue back = NumericCellValue::fromText(
                    NumericCellValue::toDisplay(QLatin1String(value), l), n104, l);
                QVERIFY2(back.ok(), qPrintable(QLatin1String(name) + u' ' + back.error()));
                QCOMPARE(back.value(), QLatin1String(value));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNumericCellValue)
#include "tst_numericcellvalue.moc"
