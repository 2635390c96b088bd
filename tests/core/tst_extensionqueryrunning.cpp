// Issue 78, point 2: functions of extensions that run SQL they are given (tablefunc's crosstab
// runs a query's text, connectby and xml2's xpath_table build one from a relation's and
// columns' names; all three STABLE) were not on QueryRunningFunctions, so `sql --read-only`
// ran crosstab('SELECT … FROM a_view_that_kills') and the superuser's victim session died.
// - queryRunningFunctionsOfEveryExtensionAreListed derives the list from the server, not from
//   names: on a cluster of its own (PrimaryServer, thrown away with whatever a function wrote
//   to its files), in a fresh database, it creates every extension pg_available_extensions
//   offers (one that cannot be created fails the test unless kCannotCreate names it with its
//   reason), then calls every function of theirs that takes a text, a name, a cstring, a
//   regclass or a text[] with SQL whose running it can see: a SELECT of nextval on a sequence
//   (which no rollback undoes), a view whose column is that nextval, a connection string to the
//   database, each at each such argument, other arguments with plain values of their type, a
//   record's with column definition lists of the shapes such functions ask for. Each call runs
//   in a transaction rolled back, with a statement timeout, as a role without rights where the
//   function is executable by it, else as the superuser. Every function whose call advanced
//   the sequence must be on QueryRunningFunctions; the functions no call completed are printed
//   (none of them takes SQL), nothing is left out unsaid.
// - readOnlyRefusesTheExtensionsQueryRunners: `sql --read-only` as the superuser refuses
//   crosstab, connectby, xpath_table and a C wrapper of crosstab under a name of its own over a
//   view of the application role that terminates the superuser's victim, which lives on.
#include "db/pgconnection.h"
#include "primaryserver.h"
#include "sqlguardtestutil.h"
#include "sqlparse/queryrunningfunctions.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Extensions the server offers that this test may not create, each with its reason (none now).
const QMap<QString, QString> kCannotCreate = {};

constexpr const char *kProbeSql = "SELECT pg_catalog.nextval('public.uaip_probe_seq')";
constexpr const char *kProbeRelation = "public.uaip_probe_rel";
constexpr const char *kRole = "uaip_test_deriver";

// The functions of every extension that take an argument SQL or a relation could be given in.
constexpr const char *kCandidates
    = "SELECT p.oid::pg_catalog.regprocedure::pg_catalog.text AS signature, "
      "n.nspname::pg_catalog.text AS schema, p.proname::pg_catalog.text AS name, "
      "pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.format_type(a.t, NULL) "
      "FROM pg_catalog.unnest(p.proargtypes) WITH ORDINALITY AS a(t, o) ORDER BY a.o), '|') "
      "AS types, p.prorettype OPERATOR(pg_catalog.=) 'pg_catalog.record'::pg_catalog.regtype "
      "AS record, p.prokind OPERATOR(pg_catalog.=) 'p' AS procedure, "
      "pg_catalog.has_function_privilege($1, p.oid, 'EXECUTE') AS role_may, "
      "p.provolatile::pg_catalog.text AS volatility, "
      "pg_catalog.regexp_replace(COALESCE(p.probin, ''), '^.*/|[.]so$', '', 'g') AS library, "
      "p.prosrc AS symbol "
      "FROM pg_catalog.pg_extension e "
      "JOIN pg_catalog.pg_depend d ON d.refobjid OPERATOR(pg_catalog.=) e.oid "
      "AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass "
      "AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass "
      "AND d.deptype OPERATOR(pg_catalog.=) 'e' "
      "JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.objid "
      "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace "
      "WHERE p.prokind OPERATOR(pg_catalog.=) ANY ('{f,p}'::pg_catalog.\"char\"[]) "
      "AND EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proargtypes) AS a(t) "
      "WHERE a.t OPERATOR(pg_catalog.=) ANY ('{text,varchar,bpchar,name,cstring,regclass,text[]}'"
      "::pg_catalog.regtype[]::pg_catalog.oid[])) ORDER BY 1";

struct Candidate
{
    QString signature;
    QString schema;
    QString name;
    QStringList types;
    bool record = false;
    bool procedure = false;
    bool roleMayExecute = false;
    QString volatility;
    QString library;
    QString symbol;
};

bool textual(const QString &type)
{
    static const QStringList kinds{QStringLiteral("text"),      QStringLiteral("character varying"),
                                   QStringLiteral("character"), QStringLiteral("name"),
                                   QStringLiteral("cstring"),   QStringLiteral("regclass"),
                                   QStringLiteral("text[]")};
    return kinds.contains(type);
}

// A plain value of a type for the arguments that carry no probe; null where SQL cannot pass one
// (internal); "t" for the rest (an extension's type may refuse it: that call then fails).
QVariant plainValue(const QString &type)
{
    if (type == u"regclass")
        return QString::fromLatin1(kProbeRelation);
    static const QStringList numbers{QStringLiteral("integer"), QStringLiteral("smallint"),
                                     QStringLiteral("bigint"),  QStringLiteral("oid"),
                                     QStringLiteral("real"),    QStringLiteral("double precision"),
                                     QStringLiteral("numeric"), QStringLiteral("int2vector")};
    if (numbers.contains(type))
        return QStringLiteral("1");
    if (type == u"boolean")
        return QStringLiteral("true");
    if (type == u"bytea")
        return QStringLiteral("\\x");
    if (type == u"regdictionary")
        return QStringLiteral("simple");
    if (type == u"tid[]")
        return QStringLiteral("{}");
    if (type == u"internal")
        return QVariant();
    return QStringLiteral("t");
}

// The argument lists to try: all plain; each textual argument given each probe; a connection
// string at one and the SQL at another (dblink's connection, then its query).
QList<QVariantList> argumentLists(const Candidate &c, const QStringList &probes)
{
    QList<int> textualAt;
    QVariantList plain;
    for (int i = 0; i < c.types.size(); ++i) {
        plain << (textual(c.types.at(i)) && c.types.at(i) != u"regclass"
                      ? QVariant(QStringLiteral("t"))
                      : plainValue(c.types.at(i)));
        if (textual(c.types.at(i)))
            textualAt << i;
    }
    QList<QVariantList> out{plain};
    for (int i : textualAt)
        for (const QString &probe : probes) {
            QVariantList a = plain;
            a[i] = probe;
            out << a;
        }
    for (int i : textualAt)
        for (int j : textualAt)
            if (i != j) {
                QVariantList a = plain;
                a[i] = probes.at(2);
                a[j] = probes.at(0);
                out << a;
            }
    return out;
}

// The statements calling c with its arguments bound: a record's with each column definition
// list of the shapes such functions ask for (crosstab's, connectby's with and without branch and
// serial, xpath_table's).
QList<QByteArray> callsOf(PgConnection &pg, const Candidate &c)
{
    QStringList args;
    for (int i = 0; i < c.types.size(); ++i)
        args << (c.types.at(i) == u"text[]"
                     ? QStringLiteral("ARRAY[$%1::pg_catalog.text]").arg(i + 1)
                     : QStringLiteral("$%1::").arg(i + 1) + c.types.at(i));
    const QByteArray fn = pg.quoteIdentifier(c.schema) + '.' + pg.quoteIdentifier(c.name) + '('
        + args.join(QStringLiteral(", ")).toUtf8() + ')';
    if (c.procedure)
        return {"CALL " + fn};
    if (!c.record)
        return {"SELECT pg_catalog.count(*) FROM " + fn + " AS x"};
    QList<QByteArray> out;
    for (const char *columns :
         {"(a text)", "(a text, b text)", "(a text, b text, c text)", "(a text, b text, c int)",
          "(a text, b text, c int, d text)", "(a text, b text, c int, d int)",
          "(a text, b text, c int, d text, e int)"})
        out << "SELECT pg_catalog.count(*) FROM " + fn + " AS x" + columns;
    return out;
}

struct Derivation
{
    QStringList runsSql; // signatures
    QStringList neverCompleted; // "signature (volatility)"
    QString failure;
};

class Deriver
{
public:
    Deriver(PgConnection &superuser, PgConnection &role, QStringList probes)
        : m_su(superuser)
        , m_role(role)
        , m_probes(std::move(probes))
    { }

    // Whether some call of c ran the probe; completed: some call ended without an error.
    bool runsSql(const Candidate &c, bool *completed)
    {
        PgConnection &caller = c.roleMayExecute ? m_role : m_su;
        for (const QVariantList &args : argumentLists(c, m_probes))
            for (const QByteArray &call : callsOf(caller, c)) {
                const QString before = counter();
                caller.exec("BEGIN");
                caller.exec("SET LOCAL statement_timeout = '5s'");
                if (caller.exec(call, args).ok())
                    *completed = true;
                caller.exec("ROLLBACK");
                if (!caller.isOpen())
                    m_lost = c.signature;
                if (counter() != before)
                    return true;
            }
        return false;
    }
    QString lost() const { return m_lost; }

private:
    QString counter()
    {
        return m_su.scalar("SELECT last_value::text || '/' || is_called::text "
                           "FROM public.uaip_probe_seq");
    }

    PgConnection &m_su;
    PgConnection &m_role;
    QStringList m_probes;
    QString m_lost;
};

QList<Candidate> candidates(PgConnection &su)
{
    QList<Candidate> out;
    const PgResult r = su.exec(kCandidates, {QString::fromLatin1(kRole)});
    for (int i = 0; r.ok() && i < r.rows(); ++i)
        out << Candidate{r.value(i, "signature"),
                         r.value(i, "schema"),
                         r.value(i, "name"),
                         r.value(i, "types").split(u'|', Qt::SkipEmptyParts),
                         r.value(i, "record") == u"t",
                         r.value(i, "procedure") == u"t",
                         r.value(i, "role_may") == u"t",
                         r.value(i, "volatility"),
                         r.value(i, "library"),
                         r.value(i, "symbol")};
    return out;
}

bool listed(const Candidate &c)
{
    if (c.schema == u"pg_catalog" && QueryRunningFunctions::catalogNames().contains(c.name))
        return true;
    for (const QString &p : QueryRunningFunctions::prefixes())
        if (c.name.startsWith(p))
            return true;
    const QString symbol = c.library + u':' + c.symbol;
    for (const QString &s : QueryRunningFunctions::symbols())
        if (!c.library.isEmpty() && symbol.startsWith(s))
            return true;
    return false;
}

// Every extension offered, created; "name: error" of each that could not be.
QStringList createEveryExtension(PgConnection &su)
{
    QStringList failed;
    const PgResult names = su.exec("SELECT name::text FROM pg_catalog.pg_available_extensions "
                                   "ORDER BY 1");
    if (!names.ok())
        return {names.error().toString()};
    for (int i = 0; i < names.rows(); ++i) {
        const QString name = names.value(i, 0);
        const PgResult r
            = su.exec("CREATE EXTENSION IF NOT EXISTS " + su.quoteIdentifier(name) + " CASCADE");
        if (!r.ok() && !kCannotCreate.contains(name))
            failed << name + QStringLiteral(": ") + r.error().toString();
    }
    return failed;
}

constexpr const char *kProbeObjects[] = {
    "CREATE SEQUENCE public.uaip_probe_seq",
    "CREATE VIEW public.uaip_probe_rel AS "
    "SELECT pg_catalog.nextval('public.uaip_probe_seq') > 0 AS t",
    "DO $$BEGIN CREATE ROLE uaip_test_deriver LOGIN PASSWORD 'uaip-test-login'; "
    "EXCEPTION WHEN duplicate_object THEN NULL; END$$",
    "GRANT USAGE, SELECT, UPDATE ON SEQUENCE public.uaip_probe_seq TO uaip_test_deriver",
    "GRANT SELECT ON public.uaip_probe_rel TO uaip_test_deriver",
};

// Made by the application role, over public.victim (the superuser's victim's pid).
constexpr const char *kKillerView[] = {
    "CREATE VIEW vkill AS SELECT pg_catalog.pg_terminate_backend(v.pid)::text AS k, "
    "'x'::text AS p FROM public.victim v",
};

} // namespace

class TestExtensionQueryRunning : public QObject
{
    Q_OBJECT

private slots:
    void queryRunningFunctionsOfEveryExtensionAreListed()
    {
        PrimaryServer primary;
        QVERIFY2(primary.isRunning(), qPrintable(primary.error()));
        const Status made = primary.createDatabase(QStringLiteral("derive"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        const QString conninfo = primary.conninfo(QStringLiteral("derive"));
        PgConnection su;
        PgConnection victim;
        QVERIFY2(su.open(conninfo, QStringLiteral("uaip-test-deriver")),
                 qPrintable(su.connectionError()));
        QVERIFY(victim.open(conninfo, QStringLiteral("uaip-test-victim")));
        const QStringList notCreated = createEveryExtension(su);
        QVERIFY2(notCreated.isEmpty(), qPrintable(notCreated.join(u'\n')));
        for (const char *sql : kProbeObjects)
            QVERIFY2(su.exec(sql).ok(), sql);
        PgConnection role;
        QVERIFY2(role.open(primary.conninfo(QStringLiteral("derive"), QString::fromLatin1(kRole))
                           + QStringLiteral(" password=") + TestCluster::loginPassword()),
                 qPrintable(role.connectionError()));
        const QString dsn = conninfo + QStringLiteral(" password=")
            + TestCluster::superuserPassword() + QStringLiteral(" application_name=uaip-probe");
        Deriver deriver(su, role,
                        {QString::fromLatin1(kProbeSql), QString::fromLatin1(kProbeRelation), dsn});
        const QList<Candidate> all = candidates(su);
        QVERIFY(all.size() > 100);
        Derivation d;
        QStringList unlisted;
        for (const Candidate &c : all) {
            bool completed = false;
            if (deriver.runsSql(c, &completed)) {
                d.runsSql << c.signature;
                if (!listed(c))
                    unlisted << c.signature;
            } else if (!completed) {
                d.neverCompleted << c.signature + QStringLiteral(" (") + c.volatility + u')';
            }
        }
        QVERIFY2(deriver.lost().isEmpty(),
                 qPrintable(deriver.lost() + QStringLiteral(" ended its session")));
        QVERIFY2(victim.scalar("SELECT 1") == u"1", "the victim session was terminated");
        qInfo("%lld functions called; %lld run the SQL they are given: %s", qlonglong(all.size()),
              qlonglong(d.runsSql.size()), qPrintable(d.runsSql.join(u", ")));
        qInfo("no call of these completed (their other arguments' types refused a plain value): "
              "%s",
              qPrintable(d.neverCompleted.join(u", ")));
        QVERIFY2(unlisted.isEmpty(),
                 qPrintable(QStringLiteral("run SQL and are not on QueryRunningFunctions: ")
                            + unlisted.join(u", ")));
        // the derivation sees what is known to run SQL
        for (const char *known : {"crosstab(text)", "connectby(text,text,text,text,integer)",
                                  "xpath_table(text,text,text,text,text)", "dblink(text,text)"})
            QVERIFY2(d.runsSql.contains(QString::fromLatin1(known)), known);
    }

    void readOnlyRefusesTheExtensionsQueryRunners_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("crosstab") << QStringLiteral(
            "SELECT * FROM public.crosstab('SELECT k, p, k FROM uaip_console_app.vkill') "
            "AS x(a text, b text)");
        QTest::newRow("connectby") << QStringLiteral(
            "SELECT * FROM public.connectby('uaip_console_app.vkill', 'k', 'p', 'x', 0) "
            "AS x(k text, p text, level int)");
        QTest::newRow("xpath_table") << QStringLiteral(
            "SELECT * FROM public.xpath_table('k', 'p', 'uaip_console_app.vkill', '/a', 'true') "
            "AS x(k text, a text)");
        QTest::newRow("a C wrapper of crosstab") << QStringLiteral(
            "SELECT * FROM public.my_pivot('SELECT k, p, k FROM uaip_console_app.vkill') "
            "AS x(a text, b text)");
    }

    void readOnlyRefusesTheExtensionsQueryRunners()
    {
        QFETCH(QString, sql);
        TestDatabase db;
        PgConnection &su = db.witness();
        for (const char *made : {"CREATE EXTENSION tablefunc", "CREATE EXTENSION xml2",
                                 "CREATE FUNCTION public.my_pivot(text) RETURNS SETOF record "
                                 "AS '$libdir/tablefunc', 'crosstab' LANGUAGE C STABLE STRICT",
                                 "CREATE TABLE public.victim (pid int)"})
            QVERIFY2(su.exec(made).ok(), made);
        QVERIFY(makeRoleObjects(
            db, QList<const char *>(std::begin(kKillerView), std::end(kKillerView))));
        QVERIFY(su.exec("GRANT SELECT ON public.victim TO uaip_console_app").ok());
        PgConnection victim;
        QVERIFY(victim.open(db.conninfo(), QStringLiteral("uaip-test-victim")));
        QVERIFY(victim.exec("INSERT INTO public.victim SELECT pg_catalog.pg_backend_pid()").ok());
        const Run cli = migrate(
            db.conninfo(),
            {QStringLiteral("sql"), QStringLiteral("--read-only"), QStringLiteral("-c"), sql});
        QVERIFY2(victim.scalar("SELECT 1") == u"1",
                 "the superuser's victim session was terminated");
        QVERIFY2(cli.exitCode == 2 && cli.err.contains(u"runs the SQL it is given"),
                 qPrintable(QString::number(cli.exitCode) + u' ' + cli.out + cli.err));
    }
};

QTEST_GUILESS_MAIN(TestExtensionQueryRunning)
#include "tst_extensionqueryrunning.moc"
