// The read-only guard reads a statement with long IN lists of integer constants from the tree of
// its text with those lists blanked (IntegerInLists, issue 62: a list of 200,000 constants made
// the guard 3x psql): every field of the verdict is the one the whole tree gives, the blanked
// text keeps every other byte, line and column, the script's shared tree is not parsed for it,
// and where the blanked tree does not show the IN of its three kept constants (a list that is
// no IN list, a scan that fails) the whole tree is read as before.
#include "sqlconsole/integerinlists.h"
#include "sqlconsole/statementclass.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/scripttrees.h"
#include "sqlparse/sqlsplitter.h"

#include <QtTest>

using namespace uaip;

namespace {

// n constants from first on, each separated by sep.
QByteArray constants(int n, int first = 1, const QByteArray &sep = ", ")
{
    QByteArray s;
    for (int i = 0; i < n; ++i)
        s += (i > 0 ? sep : QByteArray()) + QByteArray::number(first + i);
    return s;
}

// The verdict read from the whole tree of text.
StatementClass whole(const QByteArray &text)
{
    // the whole tree's verdict (one that does not parse: a statement not read)
    return StatementClass::of(PgParseTree::parse(text), text);
}

// What differs between two verdicts (probeText aside), in words; empty when nothing does.
QString difference(const StatementClass &a, const StatementClass &b)
{
    QStringList out;
    const auto check = [&out](bool same, const char *field) {
        if (!same)
            out << QString::fromLatin1(field);
    };
    check(a.type == b.type, "type");
    check(a.writes == b.writes, "writes");
    check(a.cursorable == b.cursorable, "cursorable");
    check(a.transactionControl == b.transactionControl, "transactionControl");
    check(a.preparesTransaction == b.preparesTransaction, "preparesTransaction");
    check(a.parsed == b.parsed, "parsed");
    check(a.functions == b.functions, "functions");
    check(a.operators == b.operators, "operators");
    check(a.resolvable == b.resolvable, "resolvable");
    check(a.resolvableAt == b.resolvableAt, "resolvableAt");
    check(a.stringLiterals == b.stringLiterals, "stringLiterals");
    check(a.namesProbe == b.namesProbe, "namesProbe");
    check(a.sessionState == b.sessionState, "sessionState");
    return out.join(u", ");
}

} // namespace

class TestIntegerInLists : public QObject
{
    Q_OBJECT

private slots:
    void theVerdictIsTheWholeTreesOne_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("writes");
        QTest::newRow("select") << "SELECT count(*) FROM t WHERE id IN (" + constants(1000) + ")"
                                << false;
        QTest::newRow("lines, comments, negatives, a writer after")
            << "SELECT public.qa_writer() IN (1,\n-2, /* é\n*/ 3,\r\n" + constants(40, 4, ",\n")
                + " -- ü\n, - 99) AND now() > '2020-01-01' AND x::text ~ 'a'"
            << false;
        QTest::newRow("explain analyze, NOT IN")
            << "EXPLAIN (ANALYZE, BUFFERS) SELECT f(1) FROM t WHERE id NOT IN (" + constants(500)
                + ")"
            << false;
        QTest::newRow("two lists, a subquery") << "SELECT 1 FROM t WHERE a IN (" + constants(20)
                + ") OR b IN (SELECT c FROM u "
                  "WHERE d IN ("
                + constants(30, 7) + "))" << false;
        QTest::newRow("delete") << "DELETE FROM t WHERE id IN (" + constants(100) + ")" << true;
        QTest::newRow("data-modifying with") << "WITH d AS (DELETE FROM t WHERE id IN ("
                + constants(100) + ") RETURNING 1) SELECT * FROM d"
                                             << true;
        QTest::newRow("session state")
            << "SELECT set_config('a.b', 'c', false) WHERE 1 IN (" + constants(50) + ")" << false;
        QTest::newRow("a comment holding a list, in( unspaced, int4's largest")
            << "SELECT 1 FROM t WHERE id in(2147483647, 2, /* x IN (" + constants(20)
                + ") */ 3, --in (1, 2)\n" + constants(20, 4) + ") AND id iN (" + constants(16) + ")"
            << false;
        QTest::newRow("a multibyte comment in the blanked part")
            << "SELECT 1 WHERE 1 IN (1, 2, 3, /* é\n ü */ 4, " + constants(20, 5) + ")" << false;
        QTest::newRow("probe name")
            << "SELECT * FROM uaip_resolution_probe WHERE id IN (" + constants(50) + ")" << false;
    }

    // Read from the blanked tree (its probe text is cut), the verdict is the whole tree's.
    void theVerdictIsTheWholeTreesOne()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, writes);
        const IntegerInLists lists = IntegerInLists::of(sql);
        QVERIFY(!lists.isEmpty());
        const QByteArray blanked = lists.blanked();
        QCOMPARE(blanked.size(), sql.size());
        for (qsizetype i = 0; i < sql.size(); ++i)
            if (sql.at(i) == '\n' || sql.at(i) == '\r' || blanked.at(i) != ' ')
                QVERIFY2(blanked.at(i) == sql.at(i), qPrintable(QString::number(i)));
        QVERIFY(blanked.count(' ') > sql.count(' '));
        // as many parses as the whole tree takes (one; EXPLAIN's query is parsed once more)
        quint64 parses = PgParseTree::parseCount();
        const StatementClass read = StatementClass::of(sql);
        const quint64 readParses = PgParseTree::parseCount() - parses;
        parses = PgParseTree::parseCount();
        const StatementClass expected = whole(sql);
        QCOMPARE(readParses, PgParseTree::parseCount() - parses);
        QCOMPARE(read.writes, writes);
        QVERIFY2(difference(read, expected).isEmpty(), qPrintable(difference(read, expected)));
        QCOMPARE(read.probeText.isEmpty(), read.resolvable.isEmpty());
        if (!read.probeText.isEmpty()) { // the cut text parses to the same kind of statement
            QVERIFY(read.probeText.size() < read.resolvable.size());
            QCOMPARE(StatementClass::of(read.probeText).type, whole(read.resolvable).type);
        }
    }

    // A statement of a split script with a long list: its shared tree is not parsed.
    void theScriptsTreeIsNotParsed()
    {
        const QByteArray script = "SELECT 1;\nSELECT 2 WHERE 3 IN (" + constants(5000) + ");\n";
        const SqlSplitResult split = SqlSplitter::split(script);
        QCOMPARE(split.statements.size(), 2);
        const StatementClass c = StatementClass::of(split.statements.at(1));
        QVERIFY(c.parsed && !c.writes && !c.probeText.isEmpty());
        QCOMPARE(split.statements.at(1).trees->parsedCount(), qsizetype(0));
    }

    // Lists the blanked tree does not confirm, or that are no long lists of integer constants:
    // the whole tree is read (nothing cut).
    void otherListsAreReadWhole_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("a row in position()") << "SELECT position(5 IN (" + constants(20) + "))";
        QTest::newRow("fifteen") << "SELECT 1 WHERE 1 IN (" + constants(15) + ")";
        QTest::newRow("a float") << "SELECT 1 WHERE 1 IN (" + constants(20) + ", 1.5)";
        QTest::newRow("beyond int4") << "SELECT 1 WHERE 1 IN (" + constants(20) + ", 3000000000)";
        QTest::newRow("a string") << "SELECT 1 WHERE 1 IN (" + constants(20) + ", '7')";
        QTest::newRow("a column") << "SELECT 1 FROM t WHERE 1 IN (" + constants(20) + ", id)";
        QTest::newRow("an expression") << "SELECT 1 WHERE 1 IN (" + constants(20) + ", 2 - 1)";
        QTest::newRow("in a string") << "SELECT 'x IN (" + constants(20) + ")' WHERE 1 IN (1)";
        QTest::newRow("in a function body") << "SELECT $f$ 1 IN (" + constants(20) + ") $f$";
        QTest::newRow("a list in a string beside one") << "SELECT 1 FROM t WHERE id IN ("
                + constants(20) + ") AND 'x IN (" + constants(20) + ")' <> ''";
        QTest::newRow("a list in an escaped string")
            << "SELECT E'\\' x IN (" + constants(20) + ")' WHERE 1 IN (" + constants(20) + ")";
        QTest::newRow("a list in a quoted name")
            << "SELECT 1 AS \"IN (" + constants(20) + ")\" WHERE 1 IN (" + constants(20) + ")";
        QTest::newRow("int4's smallest (a float negated)")
            << "SELECT 1 WHERE 1 IN (" + constants(20) + ", -2147483648, 5)";
        QTest::newRow("a nested comment")
            << "SELECT 1 WHERE 1 IN (" + constants(20) + ", /* a /* b */ c */ 5)";
        QTest::newRow("a function named ...in")
            << "SELECT pg_catalog.concat(1, 2) WHERE pin (" + constants(20) + ") IS NULL";
        QTest::newRow("unterminated") << "SELECT 1 WHERE 1 IN (" + constants(20) + ") AND '";
    }

    void otherListsAreReadWhole()
    {
        QFETCH(QByteArray, sql);
        const StatementClass read = StatementClass::of(sql);
        QVERIFY(read.probeText.isEmpty());
        const StatementClass expected = whole(sql);
        QVERIFY2(difference(read, expected).isEmpty(), qPrintable(difference(read, expected)));
    }
};

QTEST_GUILESS_MAIN(TestIntegerInLists)
#include "tst_integerinlists.moc"
