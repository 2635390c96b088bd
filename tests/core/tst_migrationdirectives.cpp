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

    const Result<MigrationDirectives> directives = MigrationDirectives::parse(sql);
    QVERIFY2(directives.ok(),
             qPrintable(directives.ok() ? QString() : directives.error().toString()));
    QCOMPARE(directives->noTransaction, noTransaction);
    QCOMPARE(directives->lockTimeoutMs.has_value(), lockTimeoutMs >= 0);
    if (lockTimeoutMs >= 0)
        QCOMPARE(*directives->lockTimeoutMs, lockTimeoutMs);
}

namespace {

// The rows of invalid_data for lock-timeout and statement-timeout: values that are no duration
// PostgreSQL takes, and a directive given twice.
void invalidTimeoutRows()
{
    QTest::newRow("lock-timeout without value")
        << QByteArray("-- uaip:lock-timeout\n") << 1 << QStringLiteral("lock-timeout")
        << QStringLiteral("");
    QTest::newRow("lock-timeout with empty value")
        << QByteArray("\n-- uaip:lock-timeout=\n") << 2 << QStringLiteral("lock-timeout")
        << QStringLiteral("");
    QTest::newRow("bad unit") << QByteArray("-- uaip:lock-timeout=5x\n") << 1
                              << QStringLiteral("lock-timeout") << QStringLiteral("5x");
    QTest::newRow("fraction") << QByteArray("-- uaip:lock-timeout=1.5s\n") << 1
                              << QStringLiteral("lock-timeout") << QStringLiteral("1.5s");
    QTest::newRow("negative") << QByteArray("-- uaip:lock-timeout=-1\n") << 1
                              << QStringLiteral("lock-timeout") << QStringLiteral("-1");
    QTest::newRow("unit only") << QByteArray("-- uaip:lock-timeout=s\n") << 1
                               << QStringLiteral("lock-timeout") << QStringLiteral("s");
    QTest::newRow("too large") << QByteArray("-- uaip:lock-timeout=2147483648\n") << 1
                               << QStringLiteral("lock-timeout") << QStringLiteral("2147483648");
    QTest::newRow("too large in hours")
        << QByteArray("-- uaip:lock-timeout=1000h\n") << 1 << QStringLiteral("lock-timeout")
        << QStringLiteral("1000h");
    QTest::newRow("very many digits")
        << QByteArray("-- uaip:lock-timeout=99999999999999999999999\n") << 1
        << QStringLiteral("lock-timeout") << QStringLiteral("99999999999999999999999");
    QTest::newRow("given twice") << QByteArray("-- uaip:lock-timeout=1s\n-- uaip:lock-timeout=2s\n")
                                 << 2 << QStringLiteral("lock-timeout") << QStringLiteral("");
    QTest::newRow("statement-timeout given twice")
        << QByteArray("-- uaip:statement-timeout=1s\n-- uaip:statement-timeout=2s\n") << 2
        << QStringLiteral("statement-timeout") << QStringLiteral("");
}

// The rows of invalid_data for batch (issue 43, point 4): without no-transaction, settings out
// of range or unknown, given twice.
void invalidBatchRows()
{
    QTest::newRow("batch without no-transaction")
        << QByteArray("-- a\n-- uaip:batch rows=10\n") << 2 << QStringLiteral("batch")
        << QStringLiteral("");
    QTest::newRow("batch rows zero") << QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=0\n")
                                     << 2 << QStringLiteral("batch rows") << QStringLiteral("0");
    QTest::newRow("batch rows too many")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch rows=1000001\n") << 2
        << QStringLiteral("batch rows") << QStringLiteral("1000001");
    QTest::newRow("batch bad pause")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch pause=soon\n") << 2
        << QStringLiteral("batch pause") << QStringLiteral("soon");
    QTest::newRow("batch unknown setting")
        << QByteArray("-- uaip:no-transaction\n-- uaip:batch size=5\n") << 2
        << QStringLiteral("batch") << QStringLiteral("size=5");
    QTest::newRow("batch twice") << QByteArray(
        "-- uaip:no-transaction\n-- uaip:batch\n-- uaip:batch rows=5\n")
                                 << 3 << QStringLiteral("batch") << QStringLiteral("");
    QTest::newRow("batch glued") << QByteArray("-- uaip:batches\n") << 1
                                 << QStringLiteral("batches") << QStringLiteral("");
}

} // namespace

void TestMigrationDirectives::invalid_data()
{
    // each refused as bad input, on its line, naming the directive (and the value written)
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value"); // empty: none is named

    QTest::newRow("unknown directive") << QByteArray("-- uaip:no-transactions\n") << 1
                                       << QStringLiteral("no-transactions") << QStringLiteral("");
    QTest::newRow("unknown on line 3")
        << QByteArray("-- header\n\n-- uaip:search-path=app\nSELECT 1;") << 3
        << QStringLiteral("search-path") << QStringLiteral("");
    QTest::newRow("empty directive")
        << QByteArray("-- uaip:\n") << 1 << QStringLiteral("") << QStringLiteral("");
    QTest::newRow("allow-blocking without a reason")
        << QByteArray("-- uaip:allow-blocking\n") << 1 << QStringLiteral("allow-blocking")
        << QStringLiteral("");
    QTest::newRow("allow-blocking twice")
        << QByteArray("-- uaip:allow-blocking a\n-- uaip:allow-blocking b\n") << 2
        << QStringLiteral("allow-blocking") << QStringLiteral("");
    QTest::newRow("allow-blocking glued to a word")
        << QByteArray("-- uaip:allow-blockingly yes\n") << 1 << QStringLiteral("allow-blockingly")
        << QStringLiteral("");
    QTest::newRow("no-transaction with value")
        << QByteArray("-- uaip:no-transaction=yes\n") << 1 << QStringLiteral("no-transaction")
        << QStringLiteral("");
    QTest::newRow("no-transaction with trailing text")
        << QByteArray("-- uaip:no-transaction please\n") << 1 << QStringLiteral("no-transaction")
        << QStringLiteral("");
    QTest::newRow("after the first statement")
        << QByteArray("CREATE INDEX CONCURRENTLY i ON t (a);\n-- uaip:no-transaction\n") << 2
        << QStringLiteral("no-transaction") << QStringLiteral("");
    QTest::newRow("bad value on a crlf line")
        << QByteArray("-- a\r\n-- b\r\n-- uaip:lock-timeout=abc\r\n") << 3
        << QStringLiteral("lock-timeout") << QStringLiteral("abc");
    invalidTimeoutRows();
    invalidBatchRows();
}

void TestMigrationDirectives::batchSettings()
{
    const auto parsed = MigrationDirectives::parse(
        "-- uaip:no-transaction\n-- UAIP:Batch  ROWS=500   pause=20ms\nUPDATE t SET a = 1;");
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->batch, std::optional<MigrationDirectives::Batch>({500, 20}));
    const auto defaults = MigrationDirectives::parse("-- uaip:batch\n-- uaip:no-transaction\n");
    QVERIFY(defaults);
    QCOMPARE(defaults->batch, std::optional<MigrationDirectives::Batch>({10000, 0}));
}

void TestMigrationDirectives::invalid()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, line);
    QFETCH(QString, name);
    QFETCH(QString, value);

    const Result<MigrationDirectives> directives = MigrationDirectives::parse(sql);
    QVERIFY(!directives.ok());
    const Error &error = directives.error();
    QCOMPARE(error.code(), ErrorCode::BadInput);
    QCOMPARE(error.arg(QStringLiteral("line")).toInt(), line);
    QCOMPARE(error.arg(QStringLiteral("name")).toString(), name);
    QCOMPARE(error.arg(QStringLiteral("value")).toString(), value);
    QVERIFY2(error.text().startsWith(QStringLiteral("line %1: ").arg(line)),
             qPrintable(error.toString()));
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
    const Result<MigrationDirectives> directives = MigrationDirectives::parse(sql);
    QVERIFY2(directives.ok(),
             qPrintable(directives.ok() ? QString() : directives.error().toString()));
    QCOMPARE(directives->allowBlocking, std::optional<QString>(reason));
}

QTEST_GUILESS_MAIN(TestMigrationDirectives)
#include "tst_migrationdirectives.moc"
