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

    // A failure's JSON "position" is the server's in the user's own statement (1-based
    // characters), not in the DECLARE the runner wraps a SELECT in, with line and column in the
    // input; absent where the server gave none (attack finding B3).
    void failurePositionIsInTheUsersStatement()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const QString app = appConninfo(db);
        struct Case
        {
            const char *sql;
            int position;
            int line;
            int column;
        };
        for (const Case &c : {Case{"SELECT nosuchcol FROM t", 8, 1, 8},
                              Case{"SELECT 1;\n  SELECT '\u00e4', nosuchcol FROM t", 13, 2, 15},
                              Case{"UPDATE t SET nosuchcol = 1", 14, 1, 14}}) {
            const Run r = migrate(app, {"--json", "sql", "-c", QString::fromUtf8(c.sql)});
            QCOMPARE(r.exitCode, 1);
            const QJsonObject doc = r.json();
            QCOMPARE(doc.value(u"sqlstate").toString(), QStringLiteral("42703"));
            QCOMPARE(doc.value(u"position").toInt(), c.position);
            const QJsonObject args = doc.value(u"args").toObject();
            QCOMPARE(args.value(u"line").toInt(), c.line);
            QCOMPARE(args.value(u"column").toInt(), c.column);
        }
        const Run r = migrate(app, {"--json", "sql", "-c", "SELECT 1;\nSELECT 1/0"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(u"sqlstate").toString(), QStringLiteral("22012"));
        QVERIFY2(!r.json().contains(u"position"), qPrintable(r.out));
        QCOMPARE(r.json().value(u"args").toObject().value(u"line").toInt(), 2);
    }

    // A guard (--read-only, --production without the name) whose probe of a query the server
    // refused (a missing table or column, no right on a table) reports the server's error,
    // exit 1, not "it can write" (attack finding B4); a writing query is still refused, and a
    // query on a table an earlier statement makes still runs once the name is typed.
    void guardReportsTheServersErrorOfAQuery()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        QVERIFY(db.witness().exec("CREATE TABLE secret (i int)").ok()); // no right for the app
        const QString before = consoleState(db);
        const QString app = appConninfo(db);
        struct Case
        {
            QStringList args;
            const char *sqlState;
            int position; // 0: none
            int line;
            int column;
        };
        const QList<Case> cases{
            {{"sql", "--read-only", "-c", "SELECT 1;\nSELECT * FROM no_such_table"},
             "42P01",
             15,
             2,
             15},
            {{"sql", "--production", "-c", "SELECT nosuchcol FROM t"}, "42703", 8, 1, 8},
            {{"sql", "--read-only", "-c", "SELECT * FROM secret"}, "42501", 0, 1, 1},
            {{"explain", "--read-only", "-c", "SELECT nosuchcol FROM t"}, "42703", 8, 1, 8},
            {{"explain", "--analyze", "--read-only", "-c", "EXPLAIN SELECT nosuchcol FROM t"},
             "42703",
             16,
             1,
             16},
        };
        for (const Case &c : cases) {
            const Run r = migrate(app, QStringList{"--json"} + c.args);
            QVERIFY2(r.exitCode == 1, qPrintable(c.args.join(u' ') + u'\n' + r.out));
            const QJsonObject doc = r.json();
            QCOMPARE(doc.value(u"code").toString(), QStringLiteral("server"));
            QCOMPARE(doc.value(u"sqlstate").toString(), QLatin1String(c.sqlState));
            QCOMPARE(doc.value(u"position").toInt(), c.position);
            QCOMPARE(doc.contains(u"position"), c.position > 0);
            const QJsonObject args = doc.value(u"args").toObject();
            QCOMPARE(args.value(u"line").toInt(), c.line);
            QCOMPARE(args.value(u"column").toInt(), c.column);
        }
        Run r = migrate(app, {"--json", "sql", "--read-only", "-c", "SELECT qa_writer()"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json().value(u"code").toString(), QStringLiteral("refused"));
        r = migrate(app,
                    {"sql", "--production", "--confirm", db.name(), "-c",
                     "CREATE TEMP TABLE x (i int); SELECT * FROM x"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(consoleState(db), before);
    }

    // explain's failure carries line and column in JSON as its text names them.
    void explainFailureHasLineAndColumn()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const Run r = migrate(appConninfo(db),
                              {"--json", "explain", "-c", "\n  SELECT id,\n nosuchcol FROM t"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(u"sqlstate").toString(), QStringLiteral("42703"));
        QCOMPARE(doc.value(u"position").toInt(), 13);
        const QJsonObject args = doc.value(u"args").toObject();
        QCOMPARE(args.value(u"line").toInt(), 3);
        QCOMPARE(args.value(u"column").toInt(), 2);
        QVERIFY2(doc.value(u"error").toString().startsWith(u"-c:3:2:"), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestSqlCli)
#include "tst_sqlcli.moc"
