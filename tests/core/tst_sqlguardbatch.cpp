// The read-only guard's probe of a whole script at once (issue 62): the statements of a run share
// one probe transaction and two round trips (not five or six each), and each keeps the verdict,
// reason and error position it has when probed alone: a view the server refuses in the middle,
// a statement that reaches a VOLATILE function through a view, a long IN list of integer
// constants (probed cut short, probed whole where that fails). Between two runs of the same
// statement another session makes the function it calls VOLATILE and writing: the second run is
// refused (no verdict outlives its run). As a non-owner role with its own schema.
#include "db/pgconnection.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqlconsole/statementsafety.h"
#include "sqlguardbatchtestutil.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kRoleObjects[] = {
    "CREATE FUNCTION calm() RETURNS int STABLE LANGUAGE sql AS 'SELECT 1'",
    "CREATE VIEW vw AS SELECT public.qa_writer() AS x",
};

QByteArray inList(int n, const QByteArray &tail = {})
{
    QByteArray s = "SELECT count(*) FROM t WHERE id IN (";
    for (int i = 1; i <= n; ++i)
        s += (i > 1 ? ", " : "") + QByteArray::number(i);
    return s + ")" + tail;
}

using Setup = GuardSetup;

bool prepare(Setup &s)
{
    return prepareGuard(s, QList<const char *>(std::begin(kRoleObjects), std::end(kRoleObjects)));
}

// The session is idle and its temporary schema holds nothing.
QString leftOver(PgConnection &app)
{
    if (app.transactionState() != PgConnection::TransactionState::Idle)
        return QStringLiteral("the session is left in a transaction");
    if (app.scalar("SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()")
        != u"0")
        return QStringLiteral("a temporary object is left");
    return {};
}

} // namespace

class TestSqlGuardBatch : public QObject
{
    Q_OBJECT

private slots:
    // 200 reading statements (each with a string literal: the literal check too) are judged in
    // a handful of round trips: two per probe transaction of at most 256 statements.
    void aScriptIsProbedInAFewRoundTrips()
    {
        Setup s;
        QVERIFY(prepare(s));
        QByteArray script;
        for (int i = 1; i <= 200; ++i)
            script += "SELECT id FROM t WHERE id = " + QByteArray::number(i) + " AND 'x' <> 'y';\n";
        const QList<StatementClass> classes = classesOf(script);
        QCOMPARE(classes.size(), 200);
        const quint64 before = s.app.roundTrips();
        const Result<QList<StatementVerdict>> v = StatementSafety::judge(s.app, classes, QString());
        const quint64 trips = s.app.roundTrips() - before;
        QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().toString()));
        for (const StatementVerdict &one : v.value())
            QVERIFY2(one.reads(), qPrintable(one.reason));
        QVERIFY2(trips <= 6, qPrintable(QStringLiteral("%1 round trips").arg(trips)));
        QVERIFY2(leftOver(s.app).isEmpty(), qPrintable(leftOver(s.app)));
    }

    // Judged together, each statement gets what it gets judged alone: its kind, its reason
    // (a VOLATILE function, through a view; a missing column) and its error's position, also
    // after a statement whose view the server refused and in a long IN list whose error lies
    // after the constants the probe cuts.
    void eachStatementKeepsItsVerdict()
    {
        Setup s;
        QVERIFY(prepare(s));
        const QByteArray script = "SELECT id FROM t;\n"
                                  "SELECT public.qa_writer();\n"
                                  "SELECT x FROM vw;\n"
                                  "SELECT nosuch FROM t;\n"
                                  "SELECT calm(), 'text' AS label;\n"
            + inList(40, " AND nosuch2 = 1") + ";\n" + inList(40) + ";\n"
            + "SELECT 1 FROM t WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "
              "11, 12, 13, 14, 15, 16, 'a', missing);\n"
              "EXPLAIN ANALYZE SELECT x FROM vw;\n"
              "SELECT id FROM t WHERE id = 2;\n";
        const QList<StatementClass> classes = classesOf(script);
        QCOMPARE(classes.size(), 10);
        const Result<QList<StatementVerdict>> together
            = StatementSafety::judge(s.app, classes, QString());
        QVERIFY2(together.ok(), together.ok() ? "" : qPrintable(together.error().toString()));
        QVERIFY2(leftOver(s.app).isEmpty(), qPrintable(leftOver(s.app)));
        QStringList expected;
        for (const StatementClass &c : classes) {
            const Result<QList<StatementVerdict>> alone
                = StatementSafety::judge(s.app, {c}, QString());
            QVERIFY(alone.ok());
            expected << described(alone.value().first());
        }
        QStringList got;
        for (const StatementVerdict &v : together.value())
            got << described(v);
        QCOMPARE(got, expected);
        const QList<StatementVerdict> &v = together.value();
        QVERIFY(v.at(0).reads() && v.at(4).reads() && v.at(6).reads() && v.at(9).reads());
        QVERIFY2(v.at(1).reason.contains(u"qa_writer"), qPrintable(v.at(1).reason));
        QVERIFY2(v.at(2).reason.contains(u"qa_writer"), qPrintable(v.at(2).reason));
        QVERIFY2(v.at(8).reason.contains(u"qa_writer"), qPrintable(v.at(8).reason));
        QVERIFY(v.at(3).failure.server() && v.at(3).failure.server()->statementPosition == 8);
        // the error of the long list is placed in its whole text: after the 40 constants
        const int at = int(inList(40).size()) + 6;
        QVERIFY2(v.at(5).failure.server() && v.at(5).failure.server()->statementPosition == at,
                 qPrintable(described(v.at(5))));
        QVERIFY2(v.at(7).failure.toString().contains(u"missing"), qPrintable(described(v.at(7))));
    }

    // Inside the user's open transaction the probe is a savepoint: a view the server refuses in
    // the middle of the script is rolled back to it, the verdicts are the same, and the user's
    // transaction is open and whole afterwards (what it wrote is still there).
    void insideAnOpenTransactionTheProbeIsASavepoint()
    {
        Setup s;
        QVERIFY(prepare(s));
        QVERIFY(s.app.exec("BEGIN").ok());
        QVERIFY(s.app.exec("INSERT INTO t VALUES (42)").ok());
        const QList<StatementClass> classes = classesOf("SELECT id FROM t;\n"
                                                        "SELECT nosuch FROM t;\n"
                                                        "SELECT x FROM vw;\n"
                                                        "SELECT count(*) FROM t WHERE id = 42;\n");
        const Result<QList<StatementVerdict>> v = StatementSafety::judge(s.app, classes, QString());
        QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().toString()));
        QVERIFY(v.value().at(0).reads() && v.value().at(3).reads());
        QVERIFY(!v.value().at(1).reads() && v.value().at(1).failure.isSet());
        QVERIFY2(v.value().at(2).reason.contains(u"qa_writer"), qPrintable(v.value().at(2).reason));
        QCOMPARE(s.app.transactionState(), PgConnection::TransactionState::InTransaction);
        QCOMPARE(s.app.scalar("SELECT count(*) FROM t WHERE id = 42"), QStringLiteral("1"));
        QCOMPARE(s.app.scalar("SELECT count(*) FROM pg_class WHERE relnamespace = "
                              "pg_my_temp_schema() AND relname LIKE 'uaip_resolution%'"),
                 QStringLiteral("0"));
        QVERIFY(s.app.exec("ROLLBACK").ok());
    }

    // What the probe parses of a long IN list of integer constants: the first two and the last;
    // a list of anything else is parsed whole.
    void onlyLongListsOfIntegersAreCut()
    {
        const StatementClass longList = StatementClass::of(inList(1000));
        QCOMPARE(longList.probeText, QByteArray("SELECT count(*) FROM t WHERE id IN (1, 2, 1000)"));
        QVERIFY(StatementClass::of(inList(15)).probeText.isEmpty());
        const StatementClass negative
            = StatementClass::of("SELECT 1 FROM t WHERE id IN (1, 2, -3, 4, 5, 6, 7, 8, 9, 10, 11, "
                                 "12, 13, 14, 15, 16, /* c */ - 17)");
        QCOMPARE(negative.probeText, QByteArray("SELECT 1 FROM t WHERE id IN (1, 2, - 17)"));
        for (const QByteArray &mixed :
             {QByteArray("SELECT 1 FROM t WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, "
                         "14, 15, 16, 1.5)"),
              QByteArray("SELECT 1 FROM t WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, "
                         "14, 15, 16, 3000000000)"),
              QByteArray("SELECT 1 FROM t WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, "
                         "14, 15, 16, '17')"),
              QByteArray("SELECT 1 FROM t WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, "
                         "14, 15, 16, id)")})
            QVERIFY2(StatementClass::of(mixed).probeText.isEmpty(), mixed.constData());
        // under EXPLAIN ANALYZE: the query's text, cut
        const StatementClass explained = StatementClass::of("EXPLAIN ANALYZE " + inList(100));
        QCOMPARE(explained.probeText, QByteArray("SELECT count(*) FROM t WHERE id IN (1, 2, 100)"));
    }

    // A long IN list is judged by what the rest of the statement reaches, as before.
    void aLongListStillReachesWhatItCalls()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlRunner runner(readOnlyGuard());
        QByteArray sql = "SELECT public.qa_writer() IN (";
        for (int i = 1; i <= 5000; ++i)
            sql += (i > 1 ? ", " : "") + QByteArray::number(i);
        sql += ")";
        // and after the list, on lines of its own (the list is read blanked: IntegerInLists)
        QByteArray after = "SELECT 1 FROM t WHERE id IN (";
        for (int i = 1; i <= 5000; ++i)
            after += (i > 1 ? ",\n" : "") + QByteArray::number(i);
        after += ")\n  AND public.qa_writer() IS NOT NULL";
        const QString before = consoleState(s.db);
        for (const QByteArray &refused : {sql, after}) {
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(refused));
            QVERIFY(r.error.has_value());
            QVERIFY2(r.error->error.code() == ErrorCode::Refused
                         && r.error->error.toString().contains(u"qa_writer"),
                     qPrintable(r.error->error.toString()));
        }
        QCOMPARE(consoleState(s.db), before);
        const SqlRunResult ok = runner.run(s.app, SqlRunRequest::forScript(inList(5000)));
        QVERIFY2(ok.ok(), ok.error ? qPrintable(ok.error->toString()) : "");
        QCOMPARE(ok.results.first().rows.first().first().toString(), QStringLiteral("3"));
    }

    // The same statement twice on one runner; in between another session replaces the STABLE
    // function it calls with a VOLATILE one that writes, or only marks it VOLATILE: the second
    // run is refused and writes nothing.
    void aFunctionMadeVolatileBetweenRunsIsRefused_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::newRow("CREATE OR REPLACE")
            << QByteArray("CREATE OR REPLACE FUNCTION uaip_console_app.calm() RETURNS int "
                          "VOLATILE LANGUAGE sql AS 'SELECT public.qa_writer()'");
        QTest::newRow("ALTER FUNCTION VOLATILE")
            << QByteArray("ALTER FUNCTION uaip_console_app.calm() VOLATILE");
    }

    void aFunctionMadeVolatileBetweenRunsIsRefused()
    {
        QFETCH(QByteArray, change);
        Setup s;
        QVERIFY(prepare(s));
        SqlRunner runner(readOnlyGuard());
        const QByteArray sql = "SELECT uaip_console_app.calm() AS c, id FROM t WHERE id = 1";
        const SqlRunResult first = runner.run(s.app, SqlRunRequest::forScript(sql));
        QVERIFY2(first.ok(), first.error ? qPrintable(first.error->toString()) : "");
        PgConnection other;
        QVERIFY(other.open(appConninfo(s.db)));
        QVERIFY2(other.exec(change).ok(), change.constData());
        const QString before = consoleState(s.db);
        const SqlRunResult second = runner.run(s.app, SqlRunRequest::forScript(sql));
        QVERIFY(second.error.has_value());
        QVERIFY2(second.error->error.code() == ErrorCode::Refused
                     && second.error->error.toString().contains(u"calm"),
                 qPrintable(second.error->error.toString()));
        QCOMPARE(consoleState(s.db), before);
        QVERIFY2(leftOver(s.app).isEmpty(), qPrintable(leftOver(s.app)));
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardBatch)
#include "tst_sqlguardbatch.moc"
