// Issue 78, point 1: a domain CHECK the read-only verdict never reached. The application role
// (a non-owner, in its own schema) makes a domain whose CHECK calls its function evil(), which
// terminates the backends listed in public.victim, and puts the domain where the walk of
// resolved_volatile.sql did not look: in a composite's attribute (a text cast to it, an array of
// it, jsonb_populate_record(set), json_populate_recordset), a range's subtype and its
// multirange, a column definition list (jsonb_to_record(j) AS x(a d): ":funccoltypes"), an
// XMLTABLE column (":coltypes"), a domain over a domain over the composite, a view over such a
// view, and an input function given the type as a value (record_in(text::cstring, oid, -1),
// domain_in). `uaip-migrate sql --read-only -c` as the superuser (the DBA) and as the role must
// refuse each (exit 2, naming evil) and the superuser's victim session lives on; before the fix the
// superuser's run exited 0 and the victim was terminated.
// The probe parses the statement: no constant but a string literal runs a role's code there (a
// number, a bit string, NULL cast into the domain or the composite is a CoerceToDomain or a
// constant read by a built-in input), which the victim's survival of those probes shows.
#include "db/pgconnection.h"
#include "sqlguardtestutil.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Made by the application role in its own schema (first on its search_path).
constexpr const char *kRoleObjects[] = {
    "CREATE FUNCTION evil(text) RETURNS boolean LANGUAGE plpgsql AS $$BEGIN "
    "PERFORM pg_catalog.pg_terminate_backend(v.pid) FROM public.victim v; RETURN true; END$$",
    "CREATE FUNCTION evil_int(int) RETURNS boolean LANGUAGE sql AS "
    "'SELECT uaip_console_app.evil($1::text)'",
    "CREATE DOMAIN d AS text CHECK (evil(VALUE))",
    "CREATE DOMAIN di AS int4 CHECK (evil_int(VALUE))",
    "CREATE DOMAIN dbits AS bit(1) CHECK (evil(VALUE::text))",
    "CREATE DOMAIN dnum AS numeric CHECK (evil(VALUE::text))",
    "CREATE TYPE ct AS (a d)",
    "CREATE TYPE cti AS (a di)",
    "CREATE TYPE r AS RANGE (subtype = di)",
    "CREATE DOMAIN dc AS ct",
    "CREATE DOMAIN dcc AS dc",
    "CREATE TABLE src (t text, j jsonb, n int)",
    "INSERT INTO src VALUES ('(x)', '{\"a\": \"x\"}', 1)",
    "CREATE VIEW nice_report AS SELECT t::ct AS item FROM src",
    "CREATE VIEW v_range AS SELECT ('[' || n || ',' || n + 1 || ')')::r AS item FROM src",
    "CREATE VIEW v_multirange AS SELECT ('{[' || n || ',' || n + 1 || ')}')::r_multirange AS item "
    "FROM src",
    "CREATE VIEW v_array AS SELECT ('{\"' || t || '\"}')::ct[] AS item FROM src",
    "CREATE VIEW v_populate AS SELECT pg_catalog.jsonb_populate_record(NULL::ct, j) AS item "
    "FROM src",
    "CREATE VIEW v_populateset AS SELECT x.* FROM src, "
    "pg_catalog.jsonb_populate_recordset(NULL::ct, pg_catalog.jsonb_build_array(src.j)) x",
    "CREATE VIEW v_json_populateset AS SELECT x.* FROM src, "
    "pg_catalog.json_populate_recordset(NULL::ct, pg_catalog.json_build_array(src.j)) x",
    "CREATE VIEW v_to_record AS SELECT x.* FROM src, pg_catalog.jsonb_to_record(src.j) AS x(a d)",
    "CREATE VIEW v_xmltable AS SELECT x.* FROM src, XMLTABLE('/r' PASSING "
    "(('<r><a>' || src.n || '</a></r>')::xml) COLUMNS a d PATH 'a') AS x",
    "CREATE VIEW v_domains AS SELECT t::dcc AS item FROM src",
    "CREATE VIEW v_outer AS SELECT * FROM nice_report",
    // the type as a value: record_in and domain_in of an oid read from a table
    "CREATE TABLE typed (t text, o oid, od oid)",
    "INSERT INTO typed SELECT '(x)', 'ct'::regtype, 'd'::regtype",
};

struct Setup
{
    TestDatabase db;
    PgConnection victim; // the superuser's
};

// The role's objects, the victim's pid in public.victim (which evil reads as its caller).
bool prepare(Setup &s)
{
    if (!makeRoleObjects(s.db,
                         QList<const char *>(std::begin(kRoleObjects), std::end(kRoleObjects))))
        return false;
    if (!s.victim.open(s.db.conninfo(), QStringLiteral("uaip-test-victim")))
        return false;
    return s.db.witness().exec("CREATE TABLE public.victim (pid int)").ok()
        && s.victim.exec("INSERT INTO public.victim SELECT pg_catalog.pg_backend_pid()").ok();
}

bool victimAlive(Setup &s)
{
    return s.victim.scalar("SELECT 1") == u"1";
}

struct Path
{
    const char *name;
    const char *sql;
    const char *says = "uaip_console_app.evil";
};

// No string literal in any: the literal check at the probe's start does not apply.
QList<Path> paths()
{
    return {
        {"a text cast to a composite of the domain, in a view",
         "SELECT * FROM uaip_console_app.nice_report"},
        {"a range over a domain", "SELECT * FROM uaip_console_app.v_range"},
        {"its multirange", "SELECT * FROM uaip_console_app.v_multirange"},
        {"an array of the composite", "SELECT * FROM uaip_console_app.v_array"},
        {"jsonb_populate_record", "SELECT * FROM uaip_console_app.v_populate"},
        {"jsonb_populate_recordset", "SELECT * FROM uaip_console_app.v_populateset"},
        {"json_populate_recordset", "SELECT * FROM uaip_console_app.v_json_populateset"},
        {"jsonb_to_record with a column definition list, in a view",
         "SELECT * FROM uaip_console_app.v_to_record"},
        {"jsonb_to_record with a column definition list",
         "SELECT x.* FROM uaip_console_app.src s, "
         "pg_catalog.jsonb_to_record(s.j) AS x(a uaip_console_app.d)"},
        {"an XMLTABLE column of the domain", "SELECT * FROM uaip_console_app.v_xmltable"},
        {"a domain over a domain over the composite", "SELECT * FROM uaip_console_app.v_domains"},
        {"a view over the view", "SELECT * FROM uaip_console_app.v_outer"},
        {"record_in of a type given as a value",
         "SELECT pg_catalog.record_in(s.t::cstring, s.o, -1) FROM uaip_console_app.typed s",
         "pg_catalog.record_in"},
        {"domain_in of a domain given as a value",
         "SELECT pg_catalog.domain_in(s.t::cstring, s.od, -1) FROM uaip_console_app.typed s",
         "pg_catalog.domain_in"},
    };
}

} // namespace

class TestSqlGuardDomainTypes : public QObject
{
    Q_OBJECT

private slots:
    void readOnlyRefusesEveryTypeHoldingTheDomain_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("asRole");
        for (const bool asRole : {false, true})
            for (const Path &p : paths())
                QTest::newRow(qPrintable(QStringLiteral("%1 (%2)").arg(
                    QLatin1String(p.name), asRole ? u"the role" : u"the superuser")))
                    << QString::fromLatin1(p.sql) << QString::fromLatin1(p.says) << asRole;
    }

    void readOnlyRefusesEveryTypeHoldingTheDomain()
    {
        QFETCH(QString, sql);
        QFETCH(QString, says);
        QFETCH(bool, asRole);
        Setup s;
        QVERIFY(prepare(s));
        const Run cli = migrate(
            asRole ? appConninfo(s.db) : s.db.conninfo(),
            {QStringLiteral("sql"), QStringLiteral("--read-only"), QStringLiteral("-c"), sql});
        QVERIFY2(victimAlive(s), "the superuser's victim session was terminated");
        QVERIFY2(cli.exitCode == 2 && cli.err.contains(says),
                 qPrintable(QString::number(cli.exitCode) + u' ' + cli.out + cli.err));
    }

    // Parse analysis reads no constant but a string literal with a role's code: a number, a bit
    // string, a numeric and NULL cast into the domains and the composites run nothing while the
    // probe parses them (the victim lives); their CHECKs would run with the statement, which
    // the walk refuses (CoerceToDomain, the constant's type).
    void constantsButStringsRunNothingInTheProbe()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const char *sql :
             {"SELECT 1::uaip_console_app.di", "SELECT B'1'::uaip_console_app.dbits",
              "SELECT 1.5::uaip_console_app.dnum", "SELECT 1e5::uaip_console_app.dnum",
              "SELECT NULL::uaip_console_app.ct", "SELECT NULL::uaip_console_app.cti",
              "SELECT NULL::uaip_console_app.dcc", "SELECT ROW(1)::uaip_console_app.cti"}) {
            const Run cli = migrate(s.db.conninfo(),
                                    {QStringLiteral("sql"), QStringLiteral("--read-only"),
                                     QStringLiteral("-c"), QString::fromLatin1(sql)});
            QVERIFY2(victimAlive(s), sql);
            QVERIFY2(cli.exitCode == 2 && cli.err.contains(u"uaip_console_app.evil"),
                     qPrintable(QString::fromLatin1(sql) + u' ' + QString::number(cli.exitCode)
                                + u' ' + cli.out + cli.err));
        }
    }

    // What only reads stays readable: a table of plain types beside the domains, and the
    // composite's own text read without a cast.
    void plainReadsStayReads()
    {
        Setup s;
        QVERIFY(prepare(s));
        for (const char *sql : {"SELECT t, n FROM uaip_console_app.src",
                                "SELECT count(*) FROM uaip_console_app.src"}) {
            const Run cli = migrate(s.db.conninfo(),
                                    {QStringLiteral("sql"), QStringLiteral("--read-only"),
                                     QStringLiteral("-c"), QString::fromLatin1(sql)});
            QVERIFY2(cli.exitCode == 0, qPrintable(QString::fromLatin1(sql) + u' ' + cli.err));
        }
        QVERIFY(victimAlive(s));
    }
};

QTEST_GUILESS_MAIN(TestSqlGuardDomainTypes)
#include "tst_sqlguarddomaintypes.moc"
