// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// What the console does with a statement its parser cannot read, on a server newer than the
// parser (issue 77; the cases a hostile review found): the names the lock forecast assumes the
// worst of, U&"..." ones decoded as the server reads them, and the plan check's rules read from
// the scanner's tokens (a transaction command, the runner's lock released, COPY, what cannot
// run in a transaction), refused rather than run unchecked.
#include "forecast/uncheckedstatementlocks.h"
#include "lint/uncheckedstatementrules.h"
#include "sqlparse/sqlsplitter.h"

#include <QtTest>

using namespace uaip;

namespace {

const QByteArray kNewer = " GENERATED ALWAYS AS (1) VIRTUAL";

// The split a newer server runs: one statement the parser cannot read (it ends with kNewer).
SqlSplitResult admittedOf(const QByteArray &statement)
{
    return SqlSplitter::split(statement + kNewer).admitted();
}

} // namespace

class TestUncheckedStatements : public QObject
{
    Q_OBJECT

private slots:
    void namesAreReadAsTheServerReadsThem_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QByteArray("ALTER TABLE big ADD COLUMN v int") << "big";
        QTest::newRow("qualified")
            << QByteArray("ALTER TABLE app.big ADD COLUMN v int") << "app.big";
        QTest::newRow("quoted") << QByteArray("ALTER TABLE \"Big\" ADD COLUMN v int") << "\"Big\"";
        QTest::newRow("U& name") << QByteArray("ALTER TABLE U&\"big\" ADD COLUMN v int")
                                 << "\"big\"";
        QTest::newRow("U& escapes")
            << QByteArray("ALTER TABLE U&\"b\\0069\\+000067\" ADD COLUMN v int") << "\"big\"";
        QTest::newRow("UESCAPE") << QByteArray("ALTER TABLE U&\"b!0069g\" UESCAPE '!' ADD v int")
                                 << "\"big\"";
        QTest::newRow("U& schema")
            << QByteArray("ALTER TABLE app.U&\"big\" ADD COLUMN v int") << "app.\"big\"";
    }
    void namesAreReadAsTheServerReadsThem()
    {
        QFETCH(QByteArray, statement);
        QFETCH(QString, name);
        const QStringList names = UncheckedStatementLocks::names(statement);
        QVERIFY2(names.contains(name), qPrintable(names.join(u' ')));
    }

    // A name not decoded (an escape the server would refuse anyway) is no name: the worst is
    // assumed of every table (an empty relation, which the big-table gate refuses).
    void aNameNotDecodedIsEveryTable()
    {
        QVERIFY(UncheckedStatementLocks::names("ALTER TABLE U&\"b\\zz\" ADD v int")
                    .contains(QString()));
    }

    void rulesReadFromTheTokens_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<bool>("noTransaction");
        QTest::addColumn<QString>("refused"); // a word of the refusal; empty: none
        QTest::newRow("a table") << QByteArray("CREATE TABLE t (a int, b int") << false
                                 << QString();
        QTest::newRow("advisory unlock")
            << QByteArray("CREATE TABLE t AS SELECT pg_advisory_unlock_all() AS a, 1 AS b") << false
            << QStringLiteral("pg_advisory_unlock_all");
        QTest::newRow("COPY") << QByteArray("COPY (SELECT 1 AS a, 2 AS b) TO STDOUT") << false
                              << QStringLiteral("COPY");
        QTest::newRow("VACUUM in a transaction")
            << QByteArray("VACUUM t") << false << QStringLiteral("VACUUM");
        QTest::newRow("VACUUM without one") << QByteArray("VACUUM t") << true << QString();
        QTest::newRow("CONCURRENTLY in a transaction")
            << QByteArray("CREATE INDEX CONCURRENTLY i ON t (a") << false
            << QStringLiteral("CONCURRENTLY");
        QTest::newRow("a transaction command")
            << QByteArray("COMMIT AND CHAIN") << true << QStringLiteral("COMMIT");
    }
    void rulesReadFromTheTokens()
    {
        QFETCH(QByteArray, statement);
        QFETCH(bool, noTransaction);
        QFETCH(QString, refused);
        const SqlSplitResult split = admittedOf(statement);
        QVERIFY(split.ok());
        QCOMPARE(split.unchecked.size(), 1);
        const QList<ValidationProblem> problems
            = UncheckedStatementRules::check(QStringLiteral("up.sql"), split, noTransaction);
        if (refused.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(refused), qPrintable(problems.first().message));
    }
};

QTEST_GUILESS_MAIN(TestUncheckedStatements)
#include "tst_uncheckedstatements.moc"
