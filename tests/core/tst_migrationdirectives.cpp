// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// MigrationDirectives: the "-- uaip:" comment lines at the top of a migration.

#include "sqlparse/migrationdirectives.h"

#include <QtTest>

using namespace uaip;

class TestMigrationDirectives : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void batchSettings();
    void allowBlockingKeepsItsReason_data();
    void allowBlockingKeepsItsReason();
};

void TestMigrationDirectives::valid_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<bool>("noTransaction");
    QTest::addColumn<int>("lockTimeoutMs"); // -1: not set

    QTest::newRow("empty file") << QByteArray() << false << -1;
    QTest::newRow("no directives") << QByteArray("CREATE TABLE t (a int);") << false << -1;
    QTest::newRow("plain comments")
        << QByteArray("-- Adds users.\n-- uaip is great\nSELECT 1;") << false << -1;
    QTest::newRow("no-transaction")
        << QByteArray("-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);") << true
        << -1;
    QTest::newRow("no space after dashes") << QByteArray("--uaip:no-transaction\n") << true << -1;
    QTest::newRow("many dashes and spaces")
        << QByteArray("  ----   uaip:no-transaction   \nSELECT 1;") << true << -1;
    QTest::newRow("case-insensitive") << QByteArray("-- UAIP:No-Transaction\n") << true << -1;
    QTest::newRow("seconds") << QByteArray("-- uaip:lock-timeout=5s\n") << false << 5000;
    QTest::newRow("milliseconds") << QByteArray("-- uaip:lock-timeout=500ms\n") << false << 500;
    QTest::newRow("minutes") << QByteArray("-- uaip:lock-timeout=2min\n") << false << 120000;
    QTest::newRow("hours") << QByteArray("-- uaip:lock-timeout=1h\n") << false << 3600000;
    QTest::newRow("plain number is ms") << QByteArray("-- uaip:lock-timeout=250\n") << false << 250;
    QTest::newRow("zero: do not wait") << QByteArray("-- uaip:lock-timeout=0\n") << false << 0;
    QTest::newRow("spaces around =") << QByteArray("-- uaip:lock-timeout = 3 s\n") << false << 3000;
    QTest::newRow("upper-case unit") << QByteArray("-- uaip:lock-timeout=5S\n") << false << 5000;
    QTest::newRow("both, blank lines and comments between")
        << QByteArray("-- Adds an index without blocking writes.\n\n-- uaip:no-transaction\n"
                      "\n   \n-- uaip:lock-timeout=10s\nCREATE INDEX CONCURRENTLY i ON t (a);")
        << true << 10000;
    QTest::newRow("crlf") << QByteArray("-- uaip:no-transaction\r\n-- uaip:lock-timeout=1s\r\n"
                                        "SELECT 1;\r\n")
                          << true << 1000;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF-- uaip:no-transaction\n") << true << -1;
    QTest::newRow("largest value")
        << QByteArray("-- uaip:lock-timeout=2147483647\n") << false << 2147483647;
    // Text that merely mentions uaip: after the first statement is not a directive line.
    QTest::newRow("mention inside a statement")
        << QByteArray("SELECT 1; -- uaip:no-transaction\nSELECT 'uaip:lock-timeout=x';") << false
        << -1;
    QTest::newRow("directive text not at comment start")
        << QByteArray("-- see uaip:no-transaction docs\nSELECT 1;") << false << -1;
    // issue 19: a /* */ header is part of the header, not a statement
    QTest::newRow("after a block comment header")
        << QByteArray("/* header */\n-- uaip:lock-timeout=5s\nSELECT 1;") << false << 5000;
    QTest::newRow("a lookalike inside a function body")
        << QByteArray("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n"
                      "-- uaip:no-transaction\nSELECT 1 $$;")
        << false << -1;
}

void TestMigrationDirectives::valid()
{
    QFETCH(QByteArray, sql);
    QFETCH(bool, noTransaction);
    QFETCH(int, lockTimeoutMs);

    QString error;
    const std::optional<MigrationDirectives> directives = MigrationDirectives::parse(sql, &error);
    QVERIFY2(directives.has_value(), qPrintable(error));
    QCOMPARE(directives->noTransaction, noTransaction);
    QCOMPARE(directives->lockTimeoutMs.has_value(), lockTimeoutMs >= 0);
    if (lockTimeoutMs >= 0)
        QCOMPARE(*directives->lockTimeoutMs, lockTimeoutMs);
}

void TestMigrationDirectives::invalid_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown directive") << QByteArray("-- uaip:no-transactions\n")
                                       << "line 1: unknown directive \"uaip:no-transactions\"";
    QTest::newRow("unknown on line 3")
        << QByteArray("-- header\n\n-- uaip:search-path=app\nSELECT 1;")
        << "line 3: unknown directive \"uaip:search-path\"";
    QTest::newRow("empty directive") << QByteArray("-- uaip:\n") << "line 1: unknown directive";
    QTest::newRow("allow-blocking without a reason")
        << QByteArray("-- uaip:allow-blocking\n") << "line 1: uaip:allow-blocking needs a reason";
    QTest::newRow("allow-blocking twice")
        << QByteArray("-- uaip:allow-blocking a\n-- uaip:allow-blocking b\n")
        << "line 2: uaip:allow-blocking is given more than once";
    QTest::newRow("allow-blocking glued to a word")
        << QByteArray("-- uaip:allow-blockingly yes\n")
        << "line 1: unknown directive \"uaip:allow-blockingly\"";
    QTest::newRow("no-transaction with value") << QByteArray("-- uaip:no-transaction=yes\n")
                                               << "line 1: uaip:no-transaction takes no value";
    QTest::newRow("no-transaction with trailing text")
        << QByteArray("-- uaip:no-transaction please\n")
        << "line 1: uaip:no-transaction takes no value";
    QTest::newRow("lock-timeout without value")
        << QByteArray("-- uaip:lock-timeout\n") << "line 1: uaip:lock-timeout needs a duration";
    QTest::newRow("lock-timeout with empty value")
        << QByteArray("\n-- uaip:lock-timeout=\n") << "line 2: uaip:lock-timeout needs a duration";
    QTest::newRow("bad unit") << QByteArray("-- uaip:lock-timeout=5x\n")
                              << "line 1: bad uaip:lock-timeout value \"5x\"";
    QTest::newRow("fraction") << QByteArray("-- uaip:lock-timeout=1.5s\n")
                              << "line 1: bad uaip:lock-timeout value \"1.5s\"";
    QTest::newRow("negative") << QByteArray("-- uaip:lock-timeout=-1\n")
                              << "line 1: bad uaip:lock-timeout value \"-1\"";
    QTest::newRow("unit only") << QByteArray("-- uaip:lock-timeout=s\n")
                               << "line 1: bad uaip:lock-timeout value \"s\"";
    QTest::newRow("too large") << QByteArray("-- uaip:lock-timeout=2147483648\n")
                               << "line 1: uaip:lock-timeout value \"2147483648\" is too large";
    QTest::newRow("too large in hours")
        << QByteArray("-- uaip:lock-timeout=1000h\n") << "is too large";
    QTest::newRow("very many digits")
        << QByteArray("-- uaip:lock-timeout=99999999999999999999999\n") << "is too large";
    QTest::newRow("given twice") << QByteArray("-- uaip:lock-timeout=1s\n-- uaip:lock-timeout=2s\n")
                                 << "line 2: uaip:lock-timeout is given more than once";
    QTest::newRow("after the first statement")
        << QByteArray("CREATE INDEX CONCURRENTLY i ON t (a);\n-- uaip:no-transaction\n")
        << "line 2: directive \"uaip:no-transaction\" comes after the first statement";
    QTest::newRow("bad value on a crlf line")
        << QByteArray("-- a\r\n-- b\r\n-- uaip:lock-timeout=abc\r\n")
        << "line 3: bad uaip:lock-timeout value \"abc\"";
    // issue 43, point 4
    QTest::newRow("batch without no-transaction") << QByteArray("-- a\n-- uaip:batch rows=10\n")
                                                  << "line 2: uaip:batch needs uaip:no-transaction";
    QTest::newRow("batch rows zero") << QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=0\n")
                                     << "line 2: bad uaip:batch rows \"0\"";
    QTest::newRow("batch rows too many")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=1000001\n")
        << "from 1 to 1000000";
    QTest::newRow("batch bad pause")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch pause=soon\n")
        << "bad uaip:batch pause value \"soon\"";
    QTest::newRow("batch unknown setting")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch size=5\n")
        << "unknown uaip:batch setting \"size=5\"";
    QTest::newRow("batch twice") << QByteArray(
        "-- uaip:no-transaction\n-- uaip:batch\n-- uaip:batch rows=5\n")
                                 << "line 3: uaip:batch is given more than once";
    QTest::newRow("batch glued") << QByteArray("-- uaip:batches\n") << "unknown directive";
}

void TestMigrationDirectives::batchSettings()
{
    QString error;
    const auto parsed = MigrationDirectives::parse(
        "-- uaip:no-transaction\n-- UAIP:Batch  ROWS=500   pause=20ms\nUPDATE t SET a = 1;",
        &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->batch, std::optional<MigrationDirectives::Batch>({500, 20}));
    const auto defaults = MigrationDirectives::parse("-- uaip:batch\n-- uaip:no-transaction\n");
    QVERIFY(defaults);
    QCOMPARE(defaults->batch, std::optional<MigrationDirectives::Batch>({10000, 0}));
}

void TestMigrationDirectives::invalid()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!MigrationDirectives::parse(sql, &message).has_value());
    QVERIFY2(message.startsWith(u"line "), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!MigrationDirectives::parse(sql).has_value());
}

// Issue 43, point 3: the reason is free text (spaces, '=', quotes), kept for the ledger event.
void TestMigrationDirectives::allowBlockingKeepsItsReason_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("reason");
    QTest::newRow("after a space")
        << QByteArray("-- uaip:allow-blocking 12 rows in every deployment\nSELECT 1;")
        << QStringLiteral("12 rows in every deployment");
    QTest::newRow("after =") << QByteArray("-- uaip:Allow-Blocking = quiet hour: 02:00=UTC\n")
                             << QStringLiteral("quiet hour: 02:00=UTC");
    QTest::newRow("with the other directives")
        << QByteArray("-- uaip:no-transaction\n-- uaip:allow-blocking \"ok'd\" by ops\n")
        << QStringLiteral("\"ok'd\" by ops");
}

void TestMigrationDirectives::allowBlockingKeepsItsReason()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, reason);
    QString error;
    const std::optional<MigrationDirectives> directives = MigrationDirectives::parse(sql, &error);
    QVERIFY2(directives.has_value(), qPrintable(error));
    QCOMPARE(directives->allowBlocking, std::optional<QString>(reason));
}

QTEST_GUILESS_MAIN(TestMigrationDirectives)
#include "tst_migrationdirectives.moc"
