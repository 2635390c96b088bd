// Issue 57, point 8: what the read-only verdict missed, as the non-owner application role.
// - A function that runs SQL it is given (table_to_xml is STABLE and runs a view's query;
//   query_to_xml, schema_to_xml, database_to_xml, ts_stat) is not "reading": refused on
//   read-only and production, and EXPLAIN without ANALYZE of a query that reaches one too (the
//   planner evaluates a STABLE call while estimating). A victim session lives on.
// - The probe parses the statement, and parsing reads a string literal with its type's input
//   function: a composite literal whose attribute's domain CHECK calls nextval advanced the
//   sequence although the statement was refused. Such a literal is refused before the probe.
// - pg_proc lists every catalog function that takes a query, a cursor, a table or a schema to
//   render: each is on QueryRunningFunctions' list, so a new one cannot slip in.
#include "db/pgconnection.h"
#include "explain/explainrunner.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlguardtestutil.h"
#include "sqlparse/queryrunningfunctions.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kRoleObjects[] = {
    "CREATE FUNCTION killer() RETURNS int LANGUAGE sql AS "
    "'SELECT pg_catalog.count(pg_catalog.pg_terminate_backend(pid))::int FROM "
    "pg_catalog.pg_stat_activity "
    "WHERE datname = pg_catalog.current_database() AND application_name = ''uaip-test-victim'''",
    "CREATE VIEW vkill AS SELECT killer() AS k",
    "CREATE SEQUENCE ds",
    // a cast to json of the role's own: to_json of such a value runs it, through no node
    "CREATE TYPE e AS ENUM ('a')",
    "CREATE FUNCTION jf(e) RETURNS json LANGUAGE sql AS 'SELECT killer()::text::json'",
    "CREATE CAST (e AS json) WITH FUNCTION jf(e)",
    "CREATE TABLE te (v e)",
    "INSERT INTO te VALUES ('a')",
};

// A domain whose CHECK writes, in a composite type: made for the literal cases only (while it
// exists every statement holding a string literal is refused before the probe).
constexpr const char *kDomainObjects[] = {
    "CREATE DOMAIN dseq AS int CHECK (pg_catalog.nextval('uaip_console_app.ds') > 0)",
    "CREATE TYPE ty AS (v dseq)",
    // declared STABLE, its body may do anything: counted all the same
    "CREATE FUNCTION sf(text) RETURNS boolean STABLE LANGUAGE sql AS 'SELECT true'",
    "CREATE DOMAIN dst AS text CHECK (sf(VALUE))",
    "CREATE TYPE tst AS (a dst)",
};

struct Setup
{
    TestDatabase db;
    PgConnection app;
    PgConnection victim;
    QString before;
};

bool prepare(Setup &s, bool domains = false)
{
    QList<const char *> objects(std::begin(kRoleObjects), std::end(kRoleObjects));
    if (domains)
        objects.append(QList<const char *>(std::begin(kDomainObjects), std::end(kDomainObjects)));
    if (!makeRoleObjects(s.db, objects))
        return false;
    if (!s.app.open(appConninfo(s.db), QStringLiteral("uaip-test-console"))
        || !s.victim.open(appConninfo(s.db), QStringLiteral("uaip-test-victim")))
        return false;
    s.before = consoleState(s.db);
    return !s.before.isEmpty();
}

QString sequenceState(TestDatabase &db)
{
    return db.scalar("SELECT last_value || '/' || is_called FROM uaip_console_app.ds");
}

QString damage(Setup &s, const QString &sequenceBefore)
{
    if (s.victim.scalar("SELECT 1") != u"1")
        return QStringLiteral("the victim session was terminated");
    if (consoleState(s.db) != s.before)
        return QStringLiteral("state changed: %1").arg(consoleState(s.db));
    if (sequenceState(s.db) != sequenceBefore)
        return QStringLiteral("the domain's sequence advanced: %1").arg(sequenceState(s.db));
    if (s.app.transactionState() != PgConnection::TransactionState::Idle)
        return QStringLiteral("the console's session is left in a transaction");
    return {};
}

SqlGuard guardOf(bool readOnly, const QString &database)
{
    SqlGuard guard;
    guard.readOnly = readOnly;
    guard.production = !readOnly;
    guard.database = database;
    return guard;
}

struct Path
{
    const char *name;
    QByteArray sql;
    const char *says;
};

QList<Path> refused()
{
    return {
        {"table_to_xml of a view",
         "SELECT pg_catalog.table_to_xml('vkill'::regclass, true, false, '')",
         "runs the SQL it is given"},
        {"table_to_xml_and_xmlschema",
         "SELECT pg_catalog.table_to_xml_and_xmlschema('vkill'::regclass, true, false, '')",
         "runs the SQL it is given"},
        {"schema_to_xml", "SELECT pg_catalog.schema_to_xml('uaip_console_app', true, false, '')",
         "runs the SQL it is given"},
        {"database_to_xml", "SELECT pg_catalog.database_to_xml(true, false, '')",
         "runs the SQL it is given"},
        {"query_to_xml", "SELECT pg_catalog.query_to_xml('SELECT killer()', true, false, '')",
         "runs the SQL it is given"},
        {"ts_stat", "SELECT * FROM pg_catalog.ts_stat('SELECT NULL::tsvector FROM vkill')",
         "runs the SQL it is given"},
        {"EXPLAIN of a STABLE table_to_xml in WHERE",
         "EXPLAIN SELECT * FROM t WHERE id::text = "
         "pg_catalog.table_to_xml('vkill'::regclass, true, false, '')::text",
         "runs the SQL it is given"},
        {"to_jsonb of a row whose type has the role's cast to json",
         "SELECT pg_catalog.to_jsonb(x) FROM te x", "runs the SQL it is given"},
        {"a composite literal whose domain CHECK calls nextval", "SELECT '(1)'::ty", "domain"},
        {"an array of it", "SELECT '{\"(1)\"}'::ty[]", "domain"},
        {"a composite literal whose domain CHECK calls the role's STABLE function",
         "SELECT '(x)'::tst", "domain"},
        {"EXPLAIN of an UPDATE (its rules' WHERE is planned)", "EXPLAIN UPDATE t SET id = id",
         "EXPLAIN"},
    };
}

} // namespace

class TestSqlGuardQueryRunning : public QObject
{
    Q_OBJECT

private slots:
    void refusedBeforeAnythingRuns_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("readOnly");
        for (const bool readOnly : {true, false})
            for (const Path &p : refused())
                QTest::newRow(qPrintable(QStringLiteral("%1 (%2)").arg(
                    QLatin1String(p.name), readOnly ? u"read-only" : u"production")))
                    << p.sql << QString::fromLatin1(p.says) << readOnly;
    }

    void refusedBeforeAnythingRuns()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, says);
        QFETCH(bool, readOnly);
        Setup s;
        QVERIFY(prepare(s, says == u"domain"));
        const QString sequence = sequenceState(s.db);
        SqlRunner runner(guardOf(readOnly, s.db.name()));
        const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(sql));
        QVERIFY2(damage(s, sequence).isEmpty(), qPrintable(damage(s, sequence)));
        QVERIFY(r.error.has_value() && r.results.isEmpty());
        QVERIFY2(r.error->error.code()
                     == (readOnly ? ErrorCode::Refused : ErrorCode::NeedsConfirmation),
                 qPrintable(r.error->error.toString()));
        QVERIFY2(r.error->error.toString().contains(says), qPrintable(r.error->error.toString()));
        // the CLI says the same and exits 2, touching nothing
        const Run cli
            = migrate(appConninfo(s.db),
                      {QStringLiteral("sql"),
                       readOnly ? QStringLiteral("--read-only") : QStringLiteral("--production"),
                       QStringLiteral("-c"), QString::fromUtf8(sql)});
        QVERIFY2(cli.exitCode == 2 && cli.err.contains(says),
                 qPrintable(QString::number(cli.exitCode) + u' ' + cli.err));
        QVERIFY2(damage(s, sequence).isEmpty(), qPrintable(damage(s, sequence)));
    }

    // The Explain button without ANALYZE plans the statement, and planning evaluates a STABLE
    // call while estimating: on a guarded profile it is judged as the EXPLAIN it runs.
    void explainWithoutAnalyzeIsJudged()
    {
        Setup s;
        QVERIFY(prepare(s));
        const QString sequence = sequenceState(s.db);
        for (const bool readOnly : {true, false}) {
            ExplainOptions options;
            options.guard = guardOf(readOnly, s.db.name());
            const Result<ExplainResult> e = ExplainRunner::explain(
                s.app,
                "SELECT * FROM t WHERE id::text = "
                "pg_catalog.table_to_xml('vkill'::regclass, true, false, '')::text",
                options);
            QVERIFY2(damage(s, sequence).isEmpty(), qPrintable(damage(s, sequence)));
            QVERIFY2(!e.ok() && e.error().toString().contains(u"runs the SQL it is given"),
                     e.ok() ? "explained" : qPrintable(e.error().toString()));
        }
        ExplainOptions plain;
        plain.guard = guardOf(true, s.db.name());
        QVERIFY(ExplainRunner::explain(s.app, "SELECT * FROM t WHERE id = 1", plain).ok());
    }

    // Plain reads stay reads: a string literal of an ordinary type, and an EXPLAIN that reaches
    // nothing that runs SQL (a VOLATILE call is planned, never run, by EXPLAIN).
    void plainReadsStayReads()
    {
        Setup s;
        QVERIFY(prepare(s));
        const QString sequence = sequenceState(s.db);
        for (const QByteArray &sql : {QByteArray("SELECT 'a' || id FROM t WHERE id::text = '2'"),
                                      QByteArray("EXPLAIN SELECT * FROM t WHERE id = 1")}) {
            SqlRunner runner(guardOf(true, s.db.name()));
            const SqlRunResult r = runner.run(s.app, SqlRunRequest::forScript(sql));
            QVERIFY2(!r.error.has_value(),
                     qPrintable(QString::fromUtf8(sql) + QStringLiteral(": ")
                                + (r.error ? r.error->error.toString() : QString())));
        }
        QVERIFY2(damage(s, sequence).isEmpty(), qPrintable(damage(s, sequence)));
    }

    // Every catalog function that takes a query, a cursor, a table or a schema (by its input
    // argument's name or type) or renders one as XML or statistics is on the list.
    void everyQueryRunningCatalogFunctionIsListed()
    {
        TestDatabase db;
        const PgResult r = db.witness().exec(
            "SELECT DISTINCT p.proname::text FROM pg_catalog.pg_proc p "
            "WHERE p.pronamespace = 'pg_catalog'::regnamespace AND ("
            "p.proname ~ '_to_xml' OR p.proname ~ '^ts_stat' "
            "OR 'pg_catalog.refcursor'::regtype = ANY (p.proargtypes) "
            "OR EXISTS (SELECT 1 FROM unnest(p.proargnames) WITH ORDINALITY AS a(n, i) "
            "WHERE coalesce(p.proargmodes[a.i], 'i') IN ('i', 'b', 'v') AND a.n IN ('query', "
            "'cursor', 'tbl', 'schema', 'sql', 'sqlstring', 'relation'))) ORDER BY 1");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(r.rows() >= 15);
        const QStringList listed = QueryRunningFunctions::catalogNames();
        for (int i = 0; i < r.rows(); ++i)
            QVERIFY2(listed.contains(r.value(i, 0)),
                     qPrintable(r.value(i, 0) + QStringLiteral(" runs SQL and is not listed")));
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardQueryRunning)
#include "tst_sqlguardqueryrunning.moc"
