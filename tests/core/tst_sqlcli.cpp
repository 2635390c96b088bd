// uaip-migrate sql and explain as processes, as a non-owner role (issue 30): the SQL view's
// guards from the command line (--read-only, --production [--confirm]), exit codes, aligned
// text and JSON, and explain -c never running a statement hidden in the text.
#include "sqlguardtestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

class TestSqlCli : public QObject
{
    Q_OBJECT

private slots:
    void productionRefusesWritesUnlessConfirmed()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const QString before = consoleState(db);
        const QString app = appConninfo(db);
        Run r = migrate(
            app, {"sql", "--production", "-c", "SELECT count(*) FROM t;\nSELECT qa_writer()"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"-c:2:1") && r.err.contains(db.name()), qPrintable(r.err));
        QVERIFY2(!r.out.contains(u"3"), qPrintable(r.out)); // nothing ran, not even the count
        QCOMPARE(consoleState(db), before);
        r = migrate(app,
                    {"sql", "--production", "--confirm", "wrong", "-c", "SELECT nextval('s')"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(consoleState(db), before);
        r = migrate(app,
                    {"sql", "--production", "--confirm", db.name(), "-c", "SELECT qa_writer()"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(db.scalar("SELECT min(id) FROM t"), QStringLiteral("101"));
    }

    void readOnlyRunsReadsAndRefusesTheRest()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const QString before = consoleState(db);
        const QString app = appConninfo(db);
        Run r = migrate(app,
                        {"sql", "--read-only", "-c",
                         "SELECT id, id * 2 AS twice FROM t ORDER BY id;\nSHOW search_path"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"id | twice") && r.out.contains(u"3  | 6")
                     && r.out.contains(u"(3 row(s))"),
                 qPrintable(r.out));
        for (const char *sql :
             {"SELECT set_config('default_transaction_read_only','off',false); DELETE FROM t",
              "COMMIT; INSERT INTO t VALUES (9)", "SELECT * FROM v_writer", "CALL p_ins()"}) {
            r = migrate(app, {"sql", "--read-only", "-c", sql});
            QVERIFY2(r.exitCode != 0, sql);
            QVERIFY2(r.err.contains(u"-c:1:"), qPrintable(r.err));
            QCOMPARE(consoleState(db), before);
        }
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("q.sql"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SELECT 1;\n\nSELECT 1/0;\n");
        f.close();
        r = migrate(app, {"sql", "-f", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(file + QStringLiteral(":3:")) && r.err.contains(u"22012"),
                 qPrintable(r.err));
    }

    void jsonHasEveryResult()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const Run r = migrate(
            appConninfo(db),
            {"--json", "sql", "-c", "SELECT id FROM t ORDER BY id; UPDATE t SET id = id"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray results = r.json().value(u"results").toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(u"rows").toArray().size(), 3);
        QCOMPARE(results.at(1).toObject().value(u"affected_rows").toInt(), 3);
    }

    // explain -c without --analyze runs nothing, whatever the text hides (the role's setting
    // turns standard_conforming_strings off; the statement goes out alone).
    void explainNeverRunsAHiddenStatement()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        QVERIFY(db.witness()
                    .exec(QByteArray("ALTER ROLE uaip_console_app IN DATABASE ")
                          + db.witness().quoteIdentifier(db.name())
                          + " SET standard_conforming_strings = off")
                    .ok());
        const QString before = consoleState(db);
        Run r = migrate(appConninfo(db),
                        {"explain", "-c", "SELECT 'a\\' , '; INSERT INTO t VALUES (42); --'"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(consoleState(db), before);
        r = migrate(appConninfo(db), {"explain", "--analyze", "-c", "DELETE FROM t"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(consoleState(db), before); // rolled back
        r = migrate(appConninfo(db),
                    {"explain", "--analyze", "--production", "-c", "SELECT qa_writer()"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(db.name()), qPrintable(r.err));
        QCOMPARE(consoleState(db), before);
        QVERIFY(db.witness()
                    .exec(QByteArray("ALTER ROLE uaip_console_app IN DATABASE ")
                          + db.witness().quoteIdentifier(db.name())
                          + " RESET standard_conforming_strings")
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestSqlCli)
#include "tst_sqlcli.moc"
