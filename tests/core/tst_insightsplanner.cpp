// Issue 57, point 1: planning another role's statement runs that role's code (the planner
// evaluates a policy's qual while estimating it, folds and inlines functions), and acting as the
// role from a superuser's session contains nothing: the code may set the role back. So a
// statement is planned only on a session logged in as a role with no right the statement's role
// lacks — the console's own when it is that role, else the planner login (PlanningLogins) — and
// nowhere else. The attack: the application role owns a table whose forced row-level policy
// calls the STABLE pg_catalog.table_to_xml on two views of its own; one sets the role back to
// the superuser, the other terminates a superuser's session. A victim session must survive
// `insights indexes`, `up`'s workload snapshot and `insights since`.
#include "approle.h"
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "plannerlogin.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"
#include "insights/planninglogins.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

using namespace uaip;
using namespace uaip::test;

namespace {

// A planner name no role has: the runs without a planner login.
QProcessEnvironment withoutPlanner()
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("UAIP_PLANNER"), QStringLiteral("uaip_planner_none_here"));
    return e;
}

// The application role's table, views and policy of the attack; its statement run 15 times by
// the role itself (its own run never triggers the views: session_user is the role).
void plantThePolicy(TestDatabase &db, const AppRole &app, int victimPid)
{
    PgConnection a;
    QVERIFY(a.open(app.conninfo(), QStringLiteral("app")));
    const QString me = sqlLiteral(app.name);
    const QString setup
        = QStringLiteral(
              "CREATE SCHEMA s;"
              "CREATE TABLE s.t AS SELECT 'c' || g AS c, g % 100 AS n "
              "FROM generate_series(1, 20000) g; ANALYZE s.t;"
              "CREATE VIEW s.v1 AS SELECT pg_catalog.set_config('role', 'postgres', false) AS r "
              "WHERE session_user <> %1;"
              "CREATE VIEW s.v2 AS SELECT pg_catalog.pg_terminate_backend(%2) AS k "
              "WHERE (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user);"
              "ALTER TABLE s.t ENABLE ROW LEVEL SECURITY; ALTER TABLE s.t FORCE ROW LEVEL SECURITY;"
              "CREATE POLICY p ON s.t USING (c <> pg_catalog.textcat("
              "pg_catalog.table_to_xml('s.v1'::regclass, true, false, '')::text, "
              "pg_catalog.table_to_xml('s.v2'::regclass, true, false, '')::text));")
              .arg(me)
              .arg(victimPid);
    const PgResult r = a.execScript(setup.toUtf8());
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    for (int i = 0; i < 15; ++i)
        QVERIFY(a.exec("SELECT count(*) FROM s.t WHERE n = $1", {i}).ok());
    Q_UNUSED(db);
}

void victimAlive(PgConnection &victim)
{
    const PgResult r = victim.exec("SELECT 1");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

QString whyOf(const QJsonObject &indexes, const QString &queryStart)
{
    return findQuery(indexes.value(QStringLiteral("not_advised")).toArray(), queryStart)
        .value(QStringLiteral("why"))
        .toString();
}

} // namespace

class TestInsightsPlanner : public QObject
{
    Q_OBJECT
private slots:
    // Without a planner login the role's statement is not planned by the superuser console, and
    // says why; the victim survives the advice, up's snapshot and since.
    void aPolicysViewsNeverRunAsTheConsole()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db, QStringLiteral("SELECT"), true);
        PgConnection victim;
        QVERIFY(victim.open(db.conninfo(), QStringLiteral("victim")));
        plantThePolicy(db, app, victim.backendPid());
        if (QTest::currentTestFailed())
            return;
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            withoutPlanner());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        victimAlive(victim);
        const QString why = whyOf(r.json(), QStringLiteral("SELECT count(*) FROM s.t"));
        QVERIFY2(why.startsWith(QLatin1String("not planned here"))
                     && why.contains(QLatin1String("is a superuser"))
                     && why.contains(QLatin1String("uaip_planner_none_here")),
                 qPrintable(r.out.right(3000)));
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")},
                      withoutPlanner());
        QVERIFY2(up.exitCode == 0 && up.out.contains(QLatin1String("workload snapshot")),
                 qPrintable(up.err + up.out));
        victimAlive(victim);
        const Run since
            = migrate(db.conninfo(),
                      {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0001")},
                      withoutPlanner());
        QVERIFY2(since.exitCode == 0 || since.exitCode == 3, qPrintable(since.err + since.out));
        victimAlive(victim);
    }

    // With a planner login that is a member of the role and nothing else, the role's statement
    // is planned there: what the policy's views try fails with the role's rights (it cannot set
    // the role to the superuser, nor signal a superuser's session), and the victim survives.
    void thePlannerLoginHoldsTheRolesRightsOnly()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db, QStringLiteral("SELECT"), true);
        PgConnection victim;
        QVERIFY(victim.open(db.conninfo(), QStringLiteral("victim")));
        plantThePolicy(db, app, victim.backendPid());
        if (QTest::currentTestFailed())
            return;
        PlannerLogin planner(db, {app.name});
        runHot(app.conninfo(), 20);
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            planner.env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        victimAlive(victim);
        const QString why = whyOf(r.json(), QStringLiteral("SELECT count(*) FROM s.t"));
        // insufficient_privilege, as the reason shows the server's error (its SQLSTATE; a
        // skipped statement has no sqlstate field of its own)
        QVERIFY2(why.contains(QLatin1String("42501")), qPrintable(why));
        // the role's ordinary statement is planned on the planner login and gets its advice
        bool advised = false;
        for (const QJsonValue &v : r.json().value(QStringLiteral("advice")).toArray())
            for (const QJsonValue &s : v.toObject().value(QStringLiteral("queries")).toArray())
                advised = advised
                    || s.toObject()
                           .value(QStringLiteral("query"))
                           .toString()
                           .startsWith(QLatin1String("SELECT id, kind FROM events"));
        QVERIFY2(advised, qPrintable(r.out.right(4000)));
        // nothing of the planner's is left behind: its session is gone with the run
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE usename = $1",
                           {planner.name}),
                 QStringLiteral("0"));
    }

    // A superuser's statement is planned on the superuser's console only while no code of a
    // lesser role is in reach: a rule's WHERE calling table_to_xml on a view that terminates a
    // session (the planner estimates the qual), and a domain whose CHECK a type's input runs
    // (json_populate_record is STABLE, evaluated while estimating) stop it, naming the object;
    // the victim survives the advice and up's snapshot (issue 57 review, H1 and H2).
    void aSuperusersStatementNearALesserRolesCodeIsNotPlanned()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db, QStringLiteral("SELECT"), true);
        PgConnection a;
        QVERIFY(a.open(app.conninfo(), QStringLiteral("app")));
        QVERIFY2(
            a.execScript("CREATE SCHEMA s;"
                         "CREATE TABLE s.t AS SELECT 'c' || g AS c, g % 100 AS n "
                         "FROM generate_series(1, 20000) g; ANALYZE s.t;"
                         "CREATE TABLE s.audit (x int);"
                         "CREATE VIEW s.vkill AS SELECT 1 AS k;"
                         "CREATE RULE r AS ON UPDATE TO s.t WHERE (old.c <> "
                         "pg_catalog.table_to_xml('s.vkill'::regclass, true, false, '')::text) "
                         "DO ALSO INSERT INTO s.audit VALUES (1);"
                         "GRANT USAGE ON SCHEMA s TO PUBLIC; GRANT ALL ON s.t, s.audit TO PUBLIC;")
                .ok(),
            "the app role's rule");
        PgConnection su;
        QVERIFY(su.open(db.conninfo(), QStringLiteral("superuser")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(su.exec("UPDATE s.t SET c = c WHERE n = $1", {i}).ok());
        // now the view terminates the victim, were it run with a superuser's rights
        PgConnection victim;
        QVERIFY(victim.open(db.conninfo(), QStringLiteral("victim")));
        QVERIFY(a.exec(QStringLiteral("CREATE OR REPLACE VIEW s.vkill AS SELECT "
                                      "pg_catalog.pg_terminate_backend(%1)::int AS k")
                           .arg(victim.backendPid())
                           .toUtf8())
                    .ok());
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            withoutPlanner());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        victimAlive(victim);
        // (where the advisor tries the UPDATE at all, it is not planned, and says why)
        const QString why = whyOf(r.json(), QStringLiteral("UPDATE s.t"));
        QVERIFY2(why.isEmpty() || why.startsWith(QLatin1String("not planned here")),
                 qPrintable(why));
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")},
                      withoutPlanner());
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        victimAlive(victim);
        // the same with a domain of the app role's, read by a STABLE type input
        QVERIFY(
            a.execScript("DROP RULE r ON s.t; DROP VIEW s.vkill;"
                         "CREATE DOMAIN s.dx AS text CHECK (VALUE <> 'never');"
                         "CREATE TYPE s.tx AS (f s.dx);"
                         "CREATE VIEW s.vx AS SELECT * FROM s.t WHERE c <> "
                         "(pg_catalog.json_populate_record(NULL::s.tx, '{\"f\": \"y\"}')).f::text;"
                         "GRANT SELECT ON s.vx TO PUBLIC;")
                .ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY(su.exec("SELECT count(*) FROM s.vx WHERE n = $1", {i}).ok());
        const Run domain = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            withoutPlanner());
        QVERIFY2(domain.exitCode == 0, qPrintable(domain.err + domain.out));
        const QString domainWhy = whyOf(domain.json(), QStringLiteral("SELECT count(*) FROM s.vx"));
        QVERIFY2(domainWhy.startsWith(QLatin1String("not planned here"))
                     && (domainWhy.contains(QLatin1String("domain s.dx"))
                         || domainWhy.contains(QLatin1String("the view s.vx"))),
                 qPrintable(domain.out.right(3000)));
        victimAlive(victim);
    }

    // A planner login with a right the statement's role lacks (another role's membership, an
    // object of its own, a superuser) plans nothing of that role, and says which right.
    void aPlannerWithMoreRightsPlansNothing()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db, QStringLiteral("SELECT"), true);
        runHot(app.conninfo(), 20);
        PlannerLogin planner(db, {app.name, QStringLiteral("pg_signal_backend")});
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            planner.env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QString why = whyOf(r.json(), QStringLiteral("SELECT id, kind FROM events"));
        QVERIFY2(why.contains(QLatin1String("also a member of pg_signal_backend")),
                 qPrintable(r.out.right(3000)));
        QVERIFY(
            db.witness()
                .exec("REVOKE pg_signal_backend FROM " + db.witness().quoteIdentifier(planner.name))
                .ok());
        QVERIFY(db.witness().exec("CREATE TABLE planner_owned (a int)").ok());
        QVERIFY(db.witness()
                    .exec("ALTER TABLE planner_owned OWNER TO "
                          + db.witness().quoteIdentifier(planner.name))
                    .ok());
        const Run owned = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            planner.env());
        QVERIFY2(owned.exitCode == 0, qPrintable(owned.err + owned.out));
        QVERIFY2(whyOf(owned.json(), QStringLiteral("SELECT id, kind FROM events"))
                     .contains(QLatin1String("object(s) of its own")),
                 qPrintable(owned.out.right(3000)));
        QVERIFY(db.witness().exec("DROP TABLE planner_owned").ok());
    }
};

QTEST_GUILESS_MAIN(TestInsightsPlanner)
#include "tst_insightsplanner.moc"
