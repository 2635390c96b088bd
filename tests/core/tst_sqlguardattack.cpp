// Attacks on the read-only guard's probe of a whole script (issue 62): the statements of a run
// share one probe transaction, and each statement's temporary view stays there, under a name of
// its own, while the next ones are parsed. A statement that names a relation or a type as an
// earlier statement's probe view is named (uaip_resolution_probe_1, ...) read that view in the
// probe (the temporary schema is searched first for relations and types) and, run, the role's
// own view or domain of that name, which calls a VOLATILE function: judged together it was let
// through where judged alone it is refused. And EXPLAIN judged by a SELECT a comment between
// its options and its query held. As a non-owner role with its own schema.
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

// The role's own objects named as the probe names its views (and their row types): a view and
// a domain that reach the VOLATILE public.qa_writer(), and a view with a hostile name.
constexpr const char *kRoleObjects[] = {
    "CREATE VIEW uaip_resolution_probe_1 AS SELECT public.qa_writer() AS x",
    "CREATE DOMAIN uaip_resolution_probe_2 AS int CHECK (public.qa_writer() > 0)",
    "CREATE VIEW \"uaip_resolution_probe_3\" AS SELECT public.qa_writer() AS \"x;\n\r'\"",
    "CREATE VIEW uaip_resolution_probe AS SELECT public.qa_writer() AS x",
};

using Setup = GuardSetup;

bool prepare(Setup &s)
{
    return prepareGuard(s, QList<const char *>(std::begin(kRoleObjects), std::end(kRoleObjects)));
}

} // namespace

class TestSqlGuardAttack : public QObject
{
    Q_OBJECT

private slots:
    // Each script's last statement names a relation or type as the probe names an earlier
    // statement's view: judged together it gets the verdict it gets alone (it writes).
    void aProbeViewsNameIsNotTheStatements_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::newRow("view after one statement")
            << QByteArray("SELECT 1;\nSELECT * FROM uaip_resolution_probe_1");
        QTest::newRow("domain after two statements")
            << QByteArray("SELECT 1;\nSELECT 2;\nSELECT NULL::uaip_resolution_probe_2");
        QTest::newRow("quoted view after three statements, hostile text")
            << QByteArray("SELECT 1 AS \"a;\nb\r'\";\nSELECT 2 /* ; ' */;\nSELECT 3 -- ';\n;\n"
                          "SELECT * FROM \"uaip_resolution_probe_3\" -- ;\n");
        QTest::newRow("unicode escaped name")
            << QByteArray("SELECT 1;\nSELECT * FROM U&\"\\0075aip_resolution_probe_1\"");
        QTest::newRow("the name before its rename")
            << QByteArray("SELECT 1;\nSELECT * FROM uaip_resolution_probe");
        QTest::newRow("explained")
            << QByteArray("SELECT 1;\nEXPLAIN ANALYZE SELECT * FROM uaip_resolution_probe_1");
    }

    void aProbeViewsNameIsNotTheStatements()
    {
        QFETCH(QByteArray, script);
        Setup s;
        QVERIFY(prepare(s));
        const QList<StatementClass> classes = classesOf(script);
        const Result<QList<StatementVerdict>> together
            = StatementSafety::judge(s.app, classes, QString());
        QVERIFY2(together.ok(), together.ok() ? "" : qPrintable(together.error().toString()));
        QStringList expected;
        QStringList got;
        for (int i = 0; i < classes.size(); ++i) {
            const Result<QList<StatementVerdict>> alone
                = StatementSafety::judge(s.app, {classes.at(i)}, QString());
            QVERIFY(alone.ok());
            expected << described(alone.value().first());
            got << described(together.value().at(i));
        }
        QCOMPARE(got, expected);
        const StatementVerdict &last = together.value().last();
        QVERIFY2(!last.reads() && last.reason.contains(u"qa_writer"), qPrintable(last.reason));
    }

    // What names the probe's views, however written, is probed alone; nothing else is.
    void namesOfTheProbeAreFound()
    {
        for (const QByteArray &sql :
             {QByteArray("SELECT * FROM uaip_resolution_probe_1"),
              QByteArray("SELECT * FROM U&\"\\0075aip_resolution_probe_1\""),
              QByteArray("SELECT NULL::Uaip_Resolution_Probe_2[]"),
              QByteArray("SELECT 'pg_temp.uaip_resolution_probe_1'::regclass"),
              QByteArray("EXPLAIN ANALYZE SELECT 1 AS \"x\nuaip_resolution_probe\"")})
            QVERIFY2(StatementClass::of(sql).namesProbe, sql.constData());
        for (const QByteArray &sql :
             {QByteArray("SELECT 1"), QByteArray("SELECT uaip_resolution(1)"),
              QByteArray("SELECT * FROM t WHERE id IN (1, 2)")})
            QVERIFY2(!StatementClass::of(sql).namesProbe, sql.constData());
    }

    // EXPLAIN is judged by the query that runs under it, not by a SELECT that a comment or a
    // quoted text between its options and that query holds.
    void explainIsJudgedByTheQueryThatRuns_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("line comment in a block comment")
            << QByteArray("EXPLAIN (ANALYZE) /* SELECT 1 -- */ SELECT public.qa_writer()")
            << QByteArray("SELECT public.qa_writer()");
        QTest::newRow("dollar quote in a block comment")
            << QByteArray("EXPLAIN (ANALYZE, COSTS OFF) /* SELECT 1 AS a WHERE $q$ */\n"
                          "SELECT public.qa_writer() -- $q$ <> ''")
            << QByteArray("SELECT public.qa_writer() -- $q$ <> ''");
        QTest::newRow("line comment, no ANALYZE")
            << QByteArray("EXPLAIN -- SELECT 1 AS \"\nSELECT public.qa_writer()")
            << QByteArray("SELECT public.qa_writer()");
        QTest::newRow("a comment before EXPLAIN")
            << QByteArray("/* SELECT 1 -- */ EXPLAIN ANALYZE VERBOSE SELECT public.qa_writer()")
            << QByteArray("SELECT public.qa_writer()");
    }

    void explainIsJudgedByTheQueryThatRuns()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, query);
        QCOMPARE(StatementClass::of(sql).resolvable, query);
        Setup s;
        QVERIFY(prepare(s));
        const QList<StatementClass> classes = classesOf(sql + "\n;\nSELECT 1");
        QCOMPARE(classes.size(), 2);
        const Result<QList<StatementVerdict>> v = StatementSafety::judge(s.app, classes, QString());
        QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().toString()));
        QVERIFY2(!v.value().first().reads() && v.value().first().reason.contains(u"qa_writer"),
                 qPrintable(v.value().first().reason));
    }

    // Run read-only, such a script is refused before anything of it runs.
    void aScriptNamingAProbeViewIsRefused()
    {
        Setup s;
        QVERIFY(prepare(s));
        SqlRunner runner(readOnlyGuard());
        const QString before = consoleState(s.db);
        const SqlRunResult r = runner.run(
            s.app, SqlRunRequest::forScript("SELECT 1;\nSELECT * FROM uaip_resolution_probe_1"));
        QVERIFY(r.error.has_value());
        QVERIFY2(r.error->error.code() == ErrorCode::Refused
                     && r.error->error.toString().contains(u"qa_writer"),
                 qPrintable(r.error->toString()));
        QVERIFY(r.results.isEmpty());
        QCOMPARE(consoleState(s.db), before);
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardAttack)
#include "tst_sqlguardattack.moc"
