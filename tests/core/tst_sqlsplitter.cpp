// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// SqlSplitter, SqlSyntaxChecker and TextPosition: statements and error positions, as the
// runner and `validate` report them.

#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/sqlsyntaxchecker.h"
#include "sqlparse/textposition.h"

#include <QList>
#include <QThread>
#include <QtTest>

#include <memory>
#include <vector>

using namespace uaip;

namespace {

QByteArray bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

QStringList positions(const QList<SqlStatement> &statements)
{
    QStringList list;
    for (const SqlStatement &statement : statements)
        list.append(statement.start.toString());
    return list;
}

QByteArrayList texts(const QList<SqlStatement> &statements)
{
    QByteArrayList list;
    for (const SqlStatement &statement : statements)
        list.append(statement.text);
    return list;
}

} // namespace

class TestSqlSplitter : public QObject
{
    Q_OBJECT

private slots:
    // The parser refuses a text (syntax newer than it): it is also split as psql splits it
    // (ScannerStatementSpans), each statement the parser cannot read alone unchecked; admitted()
    // runs those statements for a server whose syntax is newer.
    void aTextTheParserRefusesIsSplitAsPsqlSplitsIt_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<QList<qsizetype>>("unchecked");
        const QByteArray virt = "CREATE TABLE s (a int, b int GENERATED ALWAYS AS (a) VIRTUAL)";
        QTest::newRow("two statements, the second newer")
            << QByteArray("CREATE TABLE t (id int);\n" + virt + ";\n")
            << QByteArrayList{"CREATE TABLE t (id int)", virt} << QList<qsizetype>{1};
        QTest::newRow("semicolons in quotes, comments and dollar quotes")
            << QByteArray("SELECT ';', $x$ ; $x$, \"a;b\" FROM t; -- x; y\n/* ; */ " + virt + ";")
            << QByteArrayList{"SELECT ';', $x$ ; $x$, \"a;b\" FROM t", virt} << QList<qsizetype>{1};
        // psql's rule: a function's BEGIN ATOMIC body ends at its END (a CASE's END inside
        // too), not at the first ';'
        const QByteArray atomic = "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql\n"
                                  "BEGIN ATOMIC\n  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n"
                                  "  SELECT 2;\nEND";
        QTest::newRow("a BEGIN ATOMIC body with a CASE")
            << QByteArray(atomic + ";\n" + virt + ";\nSELECT 3")
            << QByteArrayList{atomic, virt, "SELECT 3"} << QList<qsizetype>{1};
        QTest::newRow("a rule's actions in parentheses")
            << QByteArray("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\n" + virt)
            << QByteArrayList{"CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", virt}
            << QList<qsizetype>{1};
        // not a routine: BEGIN is a transaction's, and the ';' after it ends a statement
        QTest::newRow("a transaction's BEGIN")
            << QByteArray("BEGIN;\n" + virt + ";\nEND;") << QByteArrayList{"BEGIN", virt, "END"}
            << QList<qsizetype>{1};
    }

    void aTextTheParserRefusesIsSplitAsPsqlSplitsIt()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArrayList, expected);
        QFETCH(QList<qsizetype>, unchecked);
        const SqlSplitResult split = SqlSplitter::split(sql);
        QVERIFY(!split.ok());
        QVERIFY(split.statements.isEmpty());
        QVERIFY(split.admissible());
        QCOMPARE(texts(split.scanned), expected);
        QList<qsizetype> found;
        QVERIFY(split.unchecked.isEmpty()); // until admitted
        for (const UncheckedStatement &u : split.scannedUnchecked) {
            found << u.index;
            QVERIFY(!u.error.message.isEmpty());
        }
        QCOMPARE(found, unchecked);
        const SqlSplitResult admitted = split.admitted();
        QVERIFY(admitted.ok());
        QCOMPARE(texts(admitted.statements), expected);
        QCOMPARE(admitted.unchecked.size(), unchecked.size());
        // the checked statements have their trees, the unchecked none
        for (qsizetype i = 0; i < admitted.statements.size(); ++i)
            QCOMPARE(admitted.statements.at(i).tree()->ok(), !unchecked.contains(i));
    }

    // What not even the scanner splits (an unterminated quote) is a syntax error only.
    void aTextTheScannerCannotSplitIsNotAdmissible()
    {
        const SqlSplitResult split = SqlSplitter::split("SELECT 1;\nSELECT 'open");
        QVERIFY(!split.ok());
        QVERIFY(!split.admissible());
        QVERIFY(split.admitted().statements.isEmpty());
        QVERIFY(!split.admitted().ok());
    }

    void textPosition_data();
    void textPosition();
    void textPositionResumesFromKnownPoint();

    void split_data();
    void split();
    void copyFromAnEmptyFileNameIsNotStdin();
    void statementsPointIntoTheFile_data();
    void statementsPointIntoTheFile();
    void manyStatementsKeepTheirLines();
    void aBigFileIsNotCopied();

    void syntaxError_data();
    void syntaxError();
    void splitsTheSameWindowByWindow_data();
    void splitsTheSameWindowByWindow();
    void failsTheSameWindowByWindow_data();
    void failsTheSameWindowByWindow();
    void checkerAgreesWithSplitter_data();
    void checkerAgreesWithSplitter();

    void firstTokenOffset_data();
    void firstTokenOffset();

    void splitsFromSeveralThreads();

private:
    static void addBodyRows();
};

void TestSqlSplitter::textPosition_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("start") << QByteArray("abc") << 0 << 1 << 1;
    QTest::newRow("empty text") << QByteArray() << 0 << 1 << 1;
    QTest::newRow("same line") << QByteArray("abc def") << 4 << 1 << 5;
    QTest::newRow("second line") << QByteArray("ab\ncd") << 4 << 2 << 2;
    QTest::newRow("at the newline") << QByteArray("ab\ncd") << 2 << 1 << 3;
    QTest::newRow("after the newline") << QByteArray("ab\ncd") << 3 << 2 << 1;
    QTest::newRow("crlf") << QByteArray("ab\r\ncd\r\nef") << 8 << 3 << 1;
    QTest::newRow("crlf column") << QByteArray("ab\r\ncd\r\nef") << 9 << 3 << 2;
    // "é" is two bytes, "€" three, "😀" four: columns count characters.
    QTest::newRow("two-byte chars") << QByteArray("\xC3\xA9\xC3\xA9x") << 4 << 1 << 3;
    QTest::newRow("three-byte char") << QByteArray("\xE2\x82\xAC=1") << 3 << 1 << 2;
    QTest::newRow("four-byte char") << QByteArray("\xF0\x9F\x98\x80=1") << 4 << 1 << 2;
    QTest::newRow("inside a character") << QByteArray("a\xE2\x82\xAC") << 2 << 1 << 2;
    QTest::newRow("multibyte on an earlier line")
        << QByteArray("\xC3\xA9\xC3\xA9\nabc") << 7 << 2 << 3;
    QTest::newRow("past the end clamps") << QByteArray("ab\ncd") << 100 << 2 << 3;
    QTest::newRow("negative clamps") << QByteArray("ab\ncd") << -5 << 1 << 1;
    QTest::newRow("bom is not a column") << bom() + "SELECT" << 3 << 1 << 1;
    QTest::newRow("after bom") << bom() + "SELECT" << 5 << 1 << 3;
    QTest::newRow("inside bom") << bom() + "SELECT" << 1 << 1 << 1;
    QTest::newRow("bom then second line") << bom() + "a\nbc" << 6 << 2 << 2;
}

void TestSqlSplitter::textPosition()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    const TextPosition position = TextPosition::fromOffset(text, offset);
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
    QCOMPARE(position.toString(), QStringLiteral("%1:%2").arg(line).arg(column));
}

void TestSqlSplitter::textPositionResumesFromKnownPoint()
{
    const QByteArray text = bom() + "a\xC3\xA9\nbb\r\n\xE2\x82\xAC\xE2\x82\xAC x\nlast";
    for (int known = 0; known <= text.size(); ++known) {
        const TextPosition knownPosition = TextPosition::fromOffset(text, known);
        for (int offset = known; offset <= text.size() + 1; ++offset) {
            const TextPosition resumed
                = TextPosition::fromOffset(text, offset, known, knownPosition);
            QCOMPARE(resumed.toString(), TextPosition::fromOffset(text, offset).toString());
        }
    }
    // A known point after the target is ignored.
    QCOMPARE(TextPosition::fromOffset(text, 4, 10, TextPosition{5, 5}).toString(),
             QStringLiteral("1:2"));
}

void TestSqlSplitter::split_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QByteArrayList>("statements");
    QTest::addColumn<QStringList>("positions");

    QTest::newRow("empty") << QByteArray() << QByteArrayList() << QStringList();
    QTest::newRow("whitespace only")
        << QByteArray(" \n\t\r\n ") << QByteArrayList() << QStringList();
    QTest::newRow("comments only") << QByteArray("-- nothing; here\n/* nor ; here */\n-- end")
                                   << QByteArrayList() << QStringList();
    QTest::newRow("semicolons only") << QByteArray(";; ;\n;") << QByteArrayList() << QStringList();
    QTest::newRow("bom only") << bom() << QByteArrayList() << QStringList();

    QTest::newRow("one without semicolon")
        << QByteArray("SELECT 1") << QByteArrayList{"SELECT 1"} << QStringList{"1:1"};
    QTest::newRow("two on one line")
        << QByteArray("SELECT 1; SELECT 2;") << QByteArrayList{"SELECT 1", "SELECT 2"}
        << QStringList{"1:1", "1:11"};
    QTest::newRow("empty statements between")
        << QByteArray("SELECT 1;;;\n;SELECT 2") << QByteArrayList{"SELECT 1", "SELECT 2"}
        << QStringList{"1:1", "2:2"};
    QTest::newRow("space before semicolon is trimmed")
        << QByteArray("SELECT 1   ;\nSELECT 2 \n ;") << QByteArrayList{"SELECT 1", "SELECT 2"}
        << QStringList{"1:1", "2:1"};
    QTest::newRow("leading comments are skipped")
        << QByteArray("-- header; with semicolon\n\n/* block ; */ SELECT 1;\n"
                      "  -- about the next one\n  /* and more */\n\tSELECT 2;")
        << QByteArrayList{"SELECT 1", "SELECT 2"} << QStringList{"3:15", "6:2"};
    QTest::newRow("nested block comment before")
        << QByteArray("/* outer /* inner; */ still comment; */ SELECT 1;")
        << QByteArrayList{"SELECT 1"} << QStringList{"1:41"};
    QTest::newRow("comment inside statement stays")
        << QByteArray("SELECT 1 /* ; */ + 2; SELECT 3 -- ;\n;")
        << QByteArrayList{"SELECT 1 /* ; */ + 2", "SELECT 3 -- ;"} << QStringList{"1:1", "1:23"};
    QTest::newRow("trailing comment after last statement")
        << QByteArray("SELECT 1;\n-- the end; really\n") << QByteArrayList{"SELECT 1"}
        << QStringList{"1:1"};
    QTest::newRow("last statement with trailing comment, no semicolon")
        << QByteArray("SELECT 1; SELECT 2 -- end\n")
        << QByteArrayList{"SELECT 1", "SELECT 2 -- end"} << QStringList{"1:1", "1:11"};
    QTest::newRow("semicolon in string and identifier")
        << QByteArray("SELECT 'a;b' AS \"x;y\"; SELECT 2")
        << QByteArrayList{"SELECT 'a;b' AS \"x;y\"", "SELECT 2"} << QStringList{"1:1", "1:24"};
    QTest::newRow("escape string with quote and semicolon")
        << QByteArray("SELECT E'it\\'s; fine';\nSELECT E'\\\\';")
        << QByteArrayList{"SELECT E'it\\'s; fine'", "SELECT E'\\\\'"} << QStringList{"1:1", "2:1"};
    QTest::newRow("doubled quote")
        << QByteArray("SELECT 'it''s; fine'; SELECT 2")
        << QByteArrayList{"SELECT 'it''s; fine'", "SELECT 2"} << QStringList{"1:1", "1:23"};

    addBodyRows();
}

// The rows whose statements hold bodies, blocks and encodings the split must see through:
// dollar quotes, DO blocks, rules, SQL-standard bodies, CRLF, a BOM, non-ASCII names.
void TestSqlSplitter::addBodyRows()
{
    const QByteArray function = "CREATE FUNCTION add(a int, b int) RETURNS int AS $$\n"
                                "  SELECT a + b; -- not the end\n"
                                "$$ LANGUAGE sql";
    QTest::newRow("dollar-quoted function")
        << function + ";\nSELECT add(1, 2);" << QByteArrayList{function, "SELECT add(1, 2)"}
        << QStringList{"1:1", "4:1"};
    const QByteArray plpgsql = "CREATE OR REPLACE FUNCTION touch() RETURNS trigger\n"
                               "LANGUAGE plpgsql AS $fn$\n"
                               "BEGIN\n"
                               "  NEW.updated_at := now();\n"
                               "  RAISE NOTICE 'a $$ b; c';\n"
                               "  RETURN NEW;\n"
                               "END;\n"
                               "$fn$";
    QTest::newRow("tagged dollar quote containing $$")
        << plpgsql + ";\nDROP FUNCTION touch();" << QByteArrayList{plpgsql, "DROP FUNCTION touch()"}
        << QStringList{"1:1", "9:1"};
    QTest::newRow("nested dollar quotes")
        << QByteArray("SELECT $a$ x $b$ ; $b$ y; $a$; SELECT 2")
        << QByteArrayList{"SELECT $a$ x $b$ ; $b$ y; $a$", "SELECT 2"}
        << QStringList{"1:1", "1:32"};
    const QByteArray doBlock
        = "DO $do$\n"
          "BEGIN\n"
          "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN\n"
          "    CREATE ROLE app;\n"
          "  END IF;\n"
          "END\n"
          "$do$";
    QTest::newRow("do block") << "SET lock_timeout = '1s';\n" + doBlock + ";\nSELECT 1;"
                              << QByteArrayList{"SET lock_timeout = '1s'", doBlock, "SELECT 1"}
                              << QStringList{"1:1", "2:1", "9:1"};
    QTest::newRow("create index concurrently")
        << QByteArray("-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON "
                      "users (email);\nDROP INDEX CONCURRENTLY old_idx;")
        << QByteArrayList{"CREATE INDEX CONCURRENTLY users_email_idx ON users (email)",
                          "DROP INDEX CONCURRENTLY old_idx"}
        << QStringList{"2:1", "3:1"};
    QTest::newRow("rule with parenthesised actions")
        << QByteArray("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3")
        << QByteArrayList{"CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)",
                          "SELECT 3"}
        << QStringList{"1:1", "1:63"};
    QTest::newRow("sql-standard function body")
        << QByteArray("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
                      "  SELECT 2;\nEND;\nSELECT 3;")
        << QByteArrayList{"CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT "
                          "1;\n  SELECT 2;\nEND",
                          "SELECT 3"}
        << QStringList{"1:1", "6:1"};
    QTest::newRow("transaction control statements")
        << QByteArray("BEGIN; COMMIT;") << QByteArrayList{"BEGIN", "COMMIT"}
        << QStringList{"1:1", "1:8"};
    QTest::newRow("crlf") << QByteArray("SELECT 1;\r\n-- c\r\nSELECT\r\n  2;\r\n")
                          << QByteArrayList{"SELECT 1", "SELECT\r\n  2"}
                          << QStringList{"1:1", "3:1"};
    QTest::newRow("bom") << bom() + "SELECT 1;\nSELECT 2;" << QByteArrayList{"SELECT 1", "SELECT 2"}
                         << QStringList{"1:1", "2:1"};
    QTest::newRow("bom then comment")
        << bom() + "-- header\n  SELECT 1;" << QByteArrayList{"SELECT 1"} << QStringList{"2:3"};
    QTest::newRow("non-ascii identifiers")
        << QByteArray("CREATE TABLE \"таблица\" (ид int);\nSELECT ид FROM \"таблица\";")
        << QByteArrayList{"CREATE TABLE \"таблица\" (ид int)", "SELECT ид FROM \"таблица\""}
        << QStringList{"1:1", "2:1"};
    // 17 bytes but 14 characters before the second statement.
    QTest::newRow("column counts characters")
        << QByteArray("SELECT '\xC3\xA9\xC3\xA9\xC3\xA9'; SELECT 2")
        << QByteArrayList{"SELECT '\xC3\xA9\xC3\xA9\xC3\xA9'", "SELECT 2"}
        << QStringList{"1:1", "1:15"};
    QTest::newRow("tab and form feed before")
        << QByteArray("\t\f SELECT 1") << QByteArrayList{"SELECT 1"} << QStringList{"1:4"};
    QTest::newRow("copy from stdin is one statement")
        << QByteArray("COPY t (a) FROM STDIN; SELECT 1")
        << QByteArrayList{"COPY t (a) FROM STDIN", "SELECT 1"} << QStringList{"1:1", "1:24"};
    QTest::newRow("copy with a column named stdin reads a file")
        << QByteArray("COPY t (stdin) FROM 'f'; SELECT 1")
        << QByteArrayList{"COPY t (stdin) FROM 'f'", "SELECT 1"} << QStringList{"1:1", "1:26"};
}

// FROM '' is a file, whatever a comment says: what follows is SQL, not rows to skip. The typed
// tree's filename is "" for both FROM '' and FROM STDIN; the tokens tell them apart. Taken for
// stdin, the DROP would be blanked as data up to the "\." line and never linted.
void TestSqlSplitter::copyFromAnEmptyFileNameIsNotStdin()
{
    const SqlSplitResult hidden = SqlSplitter::split("COPY t FROM '' /* stdin */;\n"
                                                     "DROP TABLE users;\n\\.\n");
    QVERIFY(!hidden.ok());
    QCOMPARE(hidden.error->position.line, 3); // the "\." is SQL now, and not valid
    const SqlSplitResult plain
        = SqlSplitter::split("COPY t FROM '' /* stdin */;\nDROP TABLE users;\n");
    QVERIFY(plain.ok());
    QCOMPARE(plain.statements.size(), 2);
    QCOMPARE(plain.statements.at(1).text, QByteArray("DROP TABLE users"));
}

void TestSqlSplitter::split()
{
    QFETCH(QByteArray, sql);
    QFETCH(QByteArrayList, statements);
    QFETCH(QStringList, positions);

    const SqlSplitResult result = SqlSplitter::split(sql);
    if (result.error)
        qWarning() << "unexpected error:" << result.error->toString();
    QVERIFY(result.ok());
    QCOMPARE(texts(result.statements), statements);
    QCOMPARE(::positions(result.statements), positions);
}

void TestSqlSplitter::statementsPointIntoTheFile_data()
{
    split_data();
}

void TestSqlSplitter::statementsPointIntoTheFile()
{
    QFETCH(QByteArray, sql);

    const SqlSplitResult result = SqlSplitter::split(sql);
    QVERIFY(result.ok());
    int previousEnd = 0;
    for (const SqlStatement &statement : result.statements) {
        QVERIFY(statement.offset >= previousEnd);
        QCOMPARE(sql.mid(statement.offset, statement.text.size()), statement.text);
        QCOMPARE(statement.start.toString(),
                 TextPosition::fromOffset(sql, statement.offset).toString());
        previousEnd = statement.offset + static_cast<int>(statement.text.size());
    }
}

void TestSqlSplitter::manyStatementsKeepTheirLines()
{
    QByteArray sql;
    const int count = 20000;
    for (int i = 0; i < count; ++i)
        sql += "INSERT INTO t VALUES (" + QByteArray::number(i) + ", 'é;');\n";
    const SqlSplitResult result = SqlSplitter::split(sql);
    QVERIFY(result.ok());
    QCOMPARE(result.statements.size(), count);
    QCOMPARE(result.statements.last().start.line, count);
    QCOMPARE(result.statements.last().start.column, 1);
    QCOMPARE(result.statements.at(1234).text, QByteArray("INSERT INTO t VALUES (1234, 'é;')"));
}

// Issue 32, point 12: what a split keeps of a file is its statements' texts once, in one block
// (each a C string for libpq and libpg_query), and COPY rows are the file's own bytes: before,
// each text and the rows were copies (and the rows were copied twice more while splitting).
void TestSqlSplitter::aBigFileIsNotCopied()
{
    QByteArray sql = "CREATE TABLE t (a int, b text);\r\nCOPY t (a, b) FROM stdin;\n";
    const qsizetype rowsStart = sql.size();
    for (int i = 0; i < 2000; ++i)
        sql += QByteArray::number(i) + "\trow; " + QByteArray::number(i) + '\n';
    const qsizetype rowsEnd = sql.size();
    sql += "\\.\nINSERT INTO t VALUES (1, 'x');\n  /* c */ INSERT INTO t VALUES (2, 'y')  ;\n";
    const SqlSplitResult result = SqlSplitter::split(sql);
    QVERIFY(result.ok());
    QCOMPARE(texts(result.statements),
             QList<QByteArray>({"CREATE TABLE t (a int, b text)", "COPY t (a, b) FROM stdin",
                                "INSERT INTO t VALUES (1, 'x')", "INSERT INTO t VALUES (2, 'y')"}));
    const SqlStatement &copy = result.statements[1];
    QVERIFY(copy.copyData);
    QCOMPARE(*copy.copyData, sql.sliced(rowsStart, rowsEnd - rowsStart));
    QVERIFY(copy.copyData->constData() == sql.constData() + rowsStart); // not a copy
    QCOMPARE(result.statements[3].start.toString(), QStringLiteral("2005:11"));
    const char *next = result.statements.first().text.constData();
    for (const SqlStatement &st : result.statements) {
        QVERIFY(st.text.constData() == next); // one block, in order
        QCOMPARE(st.text.constData()[st.text.size()], '\0');
        next = st.text.constData() + st.text.size() + 1;
    }
    // a statement text written to is its own copy; the others stay as they are
    SqlSplitResult writable = result;
    writable.statements[2].text[0] = 'i';
    QCOMPARE(result.statements[2].text, QByteArray("INSERT INTO t VALUES (1, 'x')"));
    QCOMPARE(writable.statements[3].text, QByteArray("INSERT INTO t VALUES (2, 'y')"));
    // the rows outlive the file they came from
    QByteArray temporary = sql;
    temporary.detach();
    const SqlSplitResult kept = SqlSplitter::split(temporary);
    temporary = QByteArray();
    QCOMPARE(kept.statements[1].copyData->size(), rowsEnd - rowsStart);
    QVERIFY(kept.statements[1].copyData->startsWith("0\trow; 0\n1\trow; 1\n"));
}

void TestSqlSplitter::syntaxError_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("position");

    const QByteArray sixLines = "-- 1\nCREATE TABLE t (a int);\n\n/* 4\n 5 */\nSELECT 1;\n";
    // "SELECT a b c": "b" is an alias for a, "c" is where it breaks, in column 12.
    QTest::newRow("line 7 column 12")
        << sixLines + "SELECT a b c;\nSELECT 2;" << QStringLiteral("syntax error at or near \"c\"")
        << static_cast<int>(sixLines.size()) + 11 << "7:12";
    QByteArray crlf = sixLines;
    crlf.replace("\n", "\r\n");
    QTest::newRow("line 7 column 12, crlf") << crlf + "SELECT a b c;\r\n"
                                            << QStringLiteral("syntax error at or near \"c\"")
                                            << static_cast<int>(crlf.size()) + 11 << "7:12";
    QTest::newRow("line 7 column 12, bom")
        << bom() + sixLines + "SELECT a b c;" << QStringLiteral("syntax error at or near \"c\"")
        << static_cast<int>(sixLines.size()) + 3 + 11 << "7:12";
    QTest::newRow("first byte") << QByteArray("SELEC 1;")
                                << QStringLiteral("syntax error at or near \"SELEC\"") << 0
                                << "1:1";
    QTest::newRow("second statement")
        << QByteArray("SELECT 1;\nSELEC 2;") << QStringLiteral("syntax error at or near \"SELEC\"")
        << 10 << "2:1";
    QTest::newRow("after multibyte characters")
        << QByteArray("SELECT '\xC3\xA9\xC3\xA9\xC3\xA9' b c;")
        << QStringLiteral("syntax error at or near \"c\"") << 18 << "1:16";
    // libpg_query's cursorpos counts characters; the offset is in bytes all the same.
    QTest::newRow("after four-byte characters, second line")
        << QByteArray("SELECT '\xF0\x9F\x98\x80';\nSELECT '\xF0\x9F\x98\x80\xF0\x9F\x98\x80' b c;")
        << QStringLiteral("syntax error at or near \"c\"") << 35 << "2:15";
    QTest::newRow("bom and multibyte characters")
        << bom() + "SELECT '\xC3\xA9' b c;" << QStringLiteral("syntax error at or near \"c\"")
        << 3 + 14 << "1:14";
    // Latin-1, not UTF-8: PostgreSQL takes 0xE9 as the lead byte of a 3-byte character; the
    // byte offset still lands on "c".
    QTest::newRow("invalid utf-8")
        << QByteArray("SELECT '\xE9' b c;") << QStringLiteral("syntax error at or near \"c\"") << 13
        << "1:14";
    QTest::newRow("at end of input")
        << QByteArray("SELECT 1 +") << QStringLiteral("syntax error at end of input") << 10
        << "1:11";
    QTest::newRow("at end of input, trailing newline")
        << QByteArray("SELECT 1;\nSELECT 1 +\n") << QStringLiteral("syntax error at end of input")
        << 21 << "3:1";
    QTest::newRow("unterminated string")
        << QByteArray("SELECT 1;\nSELECT 'abc") << QStringLiteral("unterminated quoted string")
        << 17 << "2:8";
    QTest::newRow("unterminated dollar quote")
        << QByteArray("SELECT 1;\nDO $$ BEGIN NULL; END;")
        << QStringLiteral("unterminated dollar-quoted string") << 13 << "2:4";
    QTest::newRow("unterminated comment")
        << QByteArray("SELECT 1; /* never closed; SELECT 2;")
        << QStringLiteral("unterminated /* comment") << 10 << "1:11";
    QTest::newRow("unterminated identifier")
        << QByteArray("SELECT 1;\nSELECT \"abc") << QStringLiteral("unterminated quoted identifier")
        << 17 << "2:8";
    // (A vertical tab is whitespace to the parser, PostgreSQL 17's, as to every server from 16
    // on; 15 refuses it when it runs.)
    // The grammar raises this one without a position: the statement is located instead.
    QTest::newRow("error without position")
        << QByteArray("SELECT 1;\n\n  -- c\n  SELECT * FROM t FETCH FIRST 1 ROW WITH TIES;")
        << QStringLiteral("WITH TIES cannot be specified without ORDER BY clause") << 20 << "4:3";
    QTest::newRow("bom in the middle is not whitespace")
        << QByteArray("SELECT 1; ") + bom() << QStringLiteral("syntax error") << 10 << "1:11";
    QTest::newRow("nul byte") << QByteArray("SELECT 1;\nSELECT\0 2;", 20)
                              << QStringLiteral("NUL byte") << 16 << "2:7";
}

void TestSqlSplitter::syntaxError()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);
    QFETCH(int, offset);
    QFETCH(QString, position);

    const SqlSplitResult result = SqlSplitter::split(sql);
    QVERIFY(!result.ok());
    QVERIFY(result.statements.isEmpty());
    QVERIFY2(result.error->message.contains(message), qPrintable(result.error->message));
    QCOMPARE(result.error->offset, offset);
    QCOMPARE(result.error->position.toString(), position);
    QVERIFY(result.error->toString().startsWith(position + QStringLiteral(": ")));
}

// A file is parsed a window at a time (StatementSpans): whatever the window, the statements
// and the errors are those of the whole file. A window of a few bytes cuts inside every
// string, comment, body and rule.
void TestSqlSplitter::splitsTheSameWindowByWindow_data()
{
    split_data();
}

void TestSqlSplitter::splitsTheSameWindowByWindow()
{
    QFETCH(QByteArray, sql);
    QFETCH(QByteArrayList, statements);
    QFETCH(QStringList, positions);

    for (const qsizetype window : {1, 2, 3, 5, 8, 13, 21, 34}) {
        const SqlSplitResult result = SqlSplitter::split(sql, window);
        QVERIFY2(result.ok(),
                 qPrintable(QStringLiteral("window %1: %2")
                                .arg(window)
                                .arg(result.error ? result.error->toString() : QString())));
        QCOMPARE(texts(result.statements), statements);
        QCOMPARE(::positions(result.statements), positions);
    }
}

void TestSqlSplitter::failsTheSameWindowByWindow_data()
{
    syntaxError_data();
    // an error far behind a cut, and one in the statement a window ends in
    QByteArray many;
    for (int i = 0; i < 50; ++i)
        many += "SELECT 'a;b', $$c;d$$ /* e; */; -- f;\n";
    QTest::newRow("after fifty statements with cut points")
        << many + "SELECT a b c;\nSELECT 1;" << QStringLiteral("syntax error at or near \"c\"")
        << int(many.size()) + 11 << "51:12";
    QTest::newRow("unterminated string at the end")
        << many + "SELECT 'x;\nSELECT 1;" << QStringLiteral("unterminated quoted string")
        << int(many.size()) + 7 << "51:8";
}

void TestSqlSplitter::failsTheSameWindowByWindow()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);
    QFETCH(int, offset);
    QFETCH(QString, position);

    for (const qsizetype window :
         {qsizetype(1), qsizetype(4), qsizetype(9), qsizetype(40), StatementSpans::defaultWindow}) {
        const SqlSplitResult result = SqlSplitter::split(sql, window);
        QVERIFY(!result.ok());
        QVERIFY2(result.error->message.contains(message), qPrintable(result.error->message));
        QCOMPARE(result.error->offset, offset);
        QCOMPARE(result.error->position.toString(), position);
    }
}

void TestSqlSplitter::checkerAgreesWithSplitter_data()
{
    syntaxError_data();
}

void TestSqlSplitter::checkerAgreesWithSplitter()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);
    QFETCH(int, offset);
    QFETCH(QString, position);

    const std::optional<SqlSyntaxError> error = SqlSyntaxChecker::check(sql);
    QVERIFY(error.has_value());
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QCOMPARE(error->offset, offset);
    QCOMPARE(error->position.toString(), position);

    // And a file that parses has no error.
    QVERIFY(!SqlSyntaxChecker::check(bom() + "-- only a comment\n").has_value());
    QVERIFY(!SqlSyntaxChecker::check(QByteArray()).has_value());
    QVERIFY(!SqlSyntaxChecker::check("CREATE INDEX CONCURRENTLY i ON t (a);").has_value());
}

void TestSqlSplitter::firstTokenOffset_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("expected");

    QTest::newRow("nothing to skip") << QByteArray("SELECT") << 0 << 6 << 0;
    QTest::newRow("spaces") << QByteArray("  \t\r\n\fX") << 0 << 7 << 6;
    QTest::newRow("line comment to LF") << QByteArray("-- a\nX") << 0 << 6 << 5;
    QTest::newRow("line comment to CR") << QByteArray("-- a\rX") << 0 << 6 << 5;
    QTest::newRow("nested block") << QByteArray("/* a /* b */ c */X") << 0 << 18 << 17;
    QTest::newRow("block star slash") << QByteArray("/**/X") << 0 << 5 << 4;
    QTest::newRow("slash star slash stays open") << QByteArray("/*/ x */X") << 0 << 9 << 8;
    QTest::newRow("all trivia") << QByteArray("  -- x") << 0 << 6 << 6;
    QTest::newRow("unterminated block stops at to") << QByteArray("/* x") << 0 << 4 << 4;
    QTest::newRow("bounded by to") << QByteArray("    X") << 0 << 2 << 2;
    QTest::newRow("from the middle") << QByteArray("X; -- c\n Y") << 2 << 10 << 9;
    QTest::newRow("single dash is a token") << QByteArray(" -1") << 0 << 3 << 1;
    QTest::newRow("bom at start") << bom() + " X" << 0 << 5 << 4;
    QTest::newRow("to past the end") << QByteArray("  ") << 0 << 50 << 2;
}

void TestSqlSplitter::firstTokenOffset()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, expected);

    QCOMPARE(SqlSplitter::firstTokenOffset(sql, from, to), expected);
}

void TestSqlSplitter::splitsFromSeveralThreads()
{
    // libpg_query keeps its parser state in thread-local storage.
    QByteArray sql;
    for (int i = 0; i < 300; ++i)
        sql += "CREATE FUNCTION f" + QByteArray::number(i)
            + "() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n";
    const QByteArray broken = sql + "SELECT a b c;";
    const SqlSplitResult expected = SqlSplitter::split(sql);
    QCOMPARE(expected.statements.size(), 300);

    std::vector<std::unique_ptr<QThread>> threads;
    QAtomicInt failures;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&] {
            for (int round = 0; round < 10; ++round) {
                const SqlSplitResult good = SqlSplitter::split(sql);
                if (!good.ok() || texts(good.statements) != texts(expected.statements)
                    || ::positions(good.statements) != ::positions(expected.statements)) {
                    failures.ref();
                }
                const SqlSplitResult bad = SqlSplitter::split(broken);
                if (bad.ok() || bad.error->position.line != 301 || bad.error->position.column != 12)
                    failures.ref();
            }
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(failures.loadRelaxed(), 0);
}

QTEST_GUILESS_MAIN(TestSqlSplitter)
#include "tst_sqlsplitter.moc"
