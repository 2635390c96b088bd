// The workload insights against the real sandbox (pg_stat_statements and pg_qualstats
// preloaded, hypopg and pgstattuple installed), each case in a fresh database:
// - uaip-migrate insights queries lists this database's statements only, normalized, with
//   their calls; without the extension it says how to enable it and exits 1;
// - index advice: a hot query's missing index is found with hypothetical indexes on its
//   generic plan, with its CONCURRENTLY statement and the costs before and after (numbers);
//   nothing is left on the session (no prepared statement, no hypothetical index); once the
//   index is built the advice is gone and the query's plan uses it; as a role without
//   pg_read_all_stats the advice covers its own statements and the note says what is hidden;
// - a dropped hot index named as a regression by insights since;
// - another role's function never planned; odd tables and locks;
// - a statement on a view gets its base table's index from pg_qualstats' quals.
// (Index, table and connection health, enable: tst_insightshealth.cpp.)
#include "approle.h"
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "plannerlogin.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include "db/pgconnection.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "insights/insightscapabilities.h"
#include "insights/workloadreader.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace uaip;
using namespace uaip::test;

namespace {

// Whether a statement's reason for no advice says text (a statement's own text may hold it).
bool whyContains(const QJsonObject &indexes, const QString &text)
{
    for (const QJsonValue &v : indexes.value(QStringLiteral("not_advised")).toArray())
        if (v.toObject().value(QStringLiteral("why")).toString().contains(text))
            return true;
    return false;
}

} // namespace

class TestInsights : public QObject
{
    Q_OBJECT
private slots:
    void queriesOfThisDatabaseOnly()
    {
        TestDatabase db;
        TestDatabase other;
        createEvents(db);
        QVERIFY(other.witness().execScript("CREATE EXTENSION pg_stat_statements").ok());
        runHot(db.conninfo(), 25);
        QVERIFY(other.witness().exec("SELECT 424242 AS other_database_marker").ok());
        const Run r
            = migrate(db.conninfo(),
                      {QStringLiteral("--json"), QStringLiteral("insights"),
                       QStringLiteral("queries"), QStringLiteral("--limit"), QStringLiteral("50")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonArray queries = r.json().value(QStringLiteral("queries")).toArray();
        const QJsonObject hot = findQuery(queries, QStringLiteral("SELECT id, kind FROM events"));
        QVERIFY2(!hot.isEmpty(), qPrintable(r.out));
        QCOMPARE(hot.value(QStringLiteral("calls")).toInt(), 25);
        QVERIFY(hot.value(QStringLiteral("mean_ms")).toDouble() > 0);
        QVERIFY(hot.value(QStringLiteral("query")).toString().contains(QLatin1String("$1")));
        QVERIFY(!r.out.contains(QLatin1String("other_database_marker")));
        // by mean time, text
        const Run text = migrate(db.conninfo(),
                                 {QStringLiteral("insights"), QStringLiteral("queries"),
                                  QStringLiteral("--order"), QStringLiteral("mean")});
        QVERIFY2(text.exitCode == 0 && text.out.contains(QLatin1String("by mean time")),
                 qPrintable(text.err + text.out));
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("queries"),
                          QStringLiteral("--order"), QStringLiteral("max")})
                     .exitCode,
                 2);
    }

    void withoutTheExtensionItSaysHow()
    {
        TestDatabase db;
        const Run r
            = migrate(db.conninfo(), {QStringLiteral("insights"), QStringLiteral("queries")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains(QStringLiteral("CREATE EXTENSION pg_stat_statements; in database %1")
                               .arg(db.name())),
            qPrintable(r.err));
        // the indexes' health needs no extension; the advice says what it lacks
        const Run i = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(i.exitCode == 0, qPrintable(i.err + i.out));
        QVERIFY(i.json()
                    .value(QStringLiteral("advice_unavailable"))
                    .toString()
                    .contains(QLatin1String("pg_stat_statements")));
    }

    void adviceIsProvenAndLeavesNothingBehind()
    {
        TestDatabase db;
        createEvents(db);
        runHot(db.conninfo(), 30);
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("insights-test")));
        const Result<InsightsCapabilities> caps = InsightsCapabilities::read(c);
        QVERIFY(caps);
        WorkloadReader workload(c, caps.value());
        const Result<Workload> w = workload.top(WorkloadReader::Order::TotalTime, 20);
        QVERIFY2(w, qPrintable(w ? QString() : w.error().toString()));
        IndexHealthReader health(c, caps.value());
        const Result<IndexHealthReport> indexes = health.read();
        QVERIFY(indexes);
        IndexAdvisor advisor(c, caps.value());
        const Result<AdviceReport> r = advisor.advise(w.value().queries, indexes.value().indexes);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QVERIFY(!r.value().advice.isEmpty());
        const IndexAdvice &a = r.value().advice.first();
        QCOMPARE(a.index.table, QStringLiteral("events"));
        QCOMPARE(a.index.columns.value(0), QStringLiteral("agent_id"));
        QVERIFY2(a.costAfter() <= a.costBefore() * 0.5,
                 qPrintable(QStringLiteral("%1 -> %2").arg(a.costBefore()).arg(a.costAfter())));
        QVERIFY(a.served.first().planBefore.contains(QLatin1String("Seq Scan on events")));
        QVERIFY2(a.served.first().planAfter.contains(a.index.indexName()),
                 qPrintable(a.served.first().planAfter));
        // nothing stays on the session
        QCOMPARE(c.scalar("SELECT count(*) FROM pg_prepared_statements"), QStringLiteral("0"));
        QCOMPARE(c.scalar("SELECT count(*) FROM hypopg_list_indexes"), QStringLiteral("0"));
        QCOMPARE(c.scalar("SELECT count(*) FROM pg_indexes WHERE tablename = 'events'"),
                 QStringLiteral("1"));
        // built as proposed, the advice is gone and the plan uses the index
        QVERIFY2(db.witness().exec(a.index.statement().toUtf8()).ok(),
                 qPrintable(a.index.statement()));
        const Run after = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        for (const QJsonValue &v : after.json().value(QStringLiteral("advice")).toArray())
            QVERIFY2(v.toObject().value(QStringLiteral("table")).toString()
                         != QLatin1String("events"),
                     qPrintable(after.out));
        QVERIFY(db.witness().exec("SET plan_cache_mode = force_generic_plan").ok());
        QVERIFY(db.witness().prepare("hot", kHotQuery).ok());
        const PgResult plan = db.witness().exec("EXPLAIN EXECUTE hot(1)");
        QVERIFY(plan.ok());
        QString text;
        for (int i = 0; i < plan.rows(); ++i)
            text += plan.value(i, 0) + u'\n';
        QVERIFY2(text.contains(a.index.indexName()), qPrintable(text));
    }

    // A statement that reads a view: the parse tree names the view only; pg_qualstats saw the
    // quals on its base table, and the index proposed is on that table.
    void aViewsBaseTableFromPgQualstats()
    {
        TestDatabase db;
        createEvents(db);
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_qualstats; CREATE VIEW recent AS SELECT * "
                                "FROM events WHERE created_at > '2026-01-01';")
                    .ok());
        {
            PgConnection app;
            QVERIFY(app.open(db.conninfo(), QStringLiteral("insights-test-app")));
            for (int i = 0; i < 30; ++i)
                QVERIFY(app.exec("SELECT id FROM recent WHERE agent_id = $1 AND kind = $2",
                                 {i, QStringLiteral("k1")})
                            .ok());
        }
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.json().value(QStringLiteral("qualstats_statements")).toInt() >= 1,
                 qPrintable(r.out));
        const QJsonArray advice = r.json().value(QStringLiteral("advice")).toArray();
        QVERIFY2(advice.size() == 1, qPrintable(r.out));
        const QJsonObject a = advice.at(0).toObject();
        QCOMPARE(a.value(QStringLiteral("table")).toString(), QStringLiteral("events"));
        QCOMPARE(a.value(QStringLiteral("columns")).toArray().at(0).toString(),
                 QStringLiteral("agent_id"));
        QVERIFY(a.value(QStringLiteral("queries"))
                    .toArray()
                    .at(0)[QStringLiteral("query")]
                    .toString()
                    .startsWith(QLatin1String("SELECT id FROM recent")));
    }

    void adviceAsARoleWithoutReadAllStats()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db);
        runHot(app.conninfo(), 20);
        runHot(db.conninfo(), 5); // the superuser's: hidden from the app role
        const Run r = migrate(
            app.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject doc = r.json();
        const QJsonArray advice = doc.value(QStringLiteral("advice")).toArray();
        QVERIFY2(!advice.isEmpty(), qPrintable(r.out));
        QVERIFY(advice.first()
                    .toObject()
                    .value(QStringLiteral("statement"))
                    .toString()
                    .startsWith(QLatin1String("CREATE INDEX CONCURRENTLY ")));
        QVERIFY(advice.first().toObject().value(QStringLiteral("cost_before")).toDouble()
                > advice.first().toObject().value(QStringLiteral("cost_after")).toDouble() * 2);
        bool hiddenSkipped = false;
        for (const QJsonValue &v : doc.value(QStringLiteral("not_advised")).toArray())
            hiddenSkipped = hiddenSkipped
                || v.toObject()
                       .value(QStringLiteral("why"))
                       .toString()
                       .contains(QLatin1String("pg_read_all_stats"));
        QVERIFY2(hiddenSkipped, qPrintable(r.out));
        const QJsonArray limits = doc.value(QStringLiteral("capabilities"))
                                      .toObject()
                                      .value(QStringLiteral("limits"))
                                      .toArray();
        QVERIFY(!limits.isEmpty());
        QVERIFY(limits.first().toString().contains(QLatin1String("pg_read_all_stats")));
    }

    // An up run keeps the workload it found; a migration that drops the index a hot statement
    // uses is then named as the cause of its slowdown (exit 3), its plan before and after shown.
    void aDroppedHotIndexIsARegression()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        upAfterTheHotStatement(
            db, f, QStringLiteral("0002_drop_index"), "DROP INDEX events_agent_created;\n",
            "CREATE INDEX events_agent_created ON events (agent_id, created_at);\n");
        if (QTest::currentTestFailed())
            return;
        runHot(db.conninfo(), 30);
        const Run since = migrate(db.conninfo(),
                                  {QStringLiteral("--json"), QStringLiteral("insights"),
                                   QStringLiteral("since"), QStringLiteral("0002")});
        QVERIFY2(since.exitCode == 3, qPrintable(since.err + since.out));
        QJsonObject hot;
        for (const QJsonValue &v : since.json().value(QStringLiteral("statements")).toArray())
            if (v.toObject()
                    .value(QStringLiteral("query"))
                    .toString()
                    .startsWith(QLatin1String("SELECT id, kind FROM events")))
                hot = v.toObject();
        QVERIFY2(hot.value(QStringLiteral("regressed")).toBool(), qPrintable(since.out));
        QVERIFY(hot.value(QStringLiteral("plan_before"))
                    .toString()
                    .contains(QLatin1String("events_agent_created")));
        QVERIFY(
            hot.value(QStringLiteral("plan_after")).toString().contains(QLatin1String("Seq Scan")));
        QCOMPARE(hot.value(QStringLiteral("calls_before")).toInt(), 30);
        QCOMPARE(hot.value(QStringLiteral("calls_after")).toInt(), 30);
        QVERIFY(hot.value(QStringLiteral("cost_after")).toDouble()
                > 1.5 * hot.value(QStringLiteral("cost_before")).toDouble());
        // a version no run kept a snapshot for
        const Run none = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0009")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.err.contains(QLatin1String("no workload snapshot")));
    }

    // A role that may create functions and tables cannot make the console's role run its code:
    // no superuser's statement is planned while that function exists, and the role's own are not
    // planned on the superuser's session at all (acting as it does not contain its code: it may
    // set the role back; they wait for a planner login, tst_insightsplanner.cpp), and each says
    // so; an up run's snapshot does the same.
    void anotherRolesFunctionIsNeverPlanned()
    {
        TestDatabase db;
        createEvents(db);
        AppRole mallory(db, QStringLiteral("SELECT"), true);
        PgConnection m;
        QVERIFY(m.open(mallory.conninfo(), QStringLiteral("mallory")));
        const PgResult setup = m.execScript(
            "CREATE SCHEMA mal;"
            "CREATE FUNCTION mal.evil() RETURNS int IMMUTABLE LANGUAGE plpgsql AS $f$ BEGIN "
            "IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
            "RAISE EXCEPTION 'evil ran as a superuser'; END IF; RETURN 1; END $f$;"
            "CREATE TABLE mal.t AS SELECT g AS x FROM generate_series(1, 20000) g; ANALYZE mal.t;");
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        for (int i = 0; i < 15; ++i)
            QVERIFY(m.exec("SELECT count(*) FROM mal.t WHERE x = mal.evil()").ok());
        runHot(db.conninfo(), 15);
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(!whyContains(r.json(), QStringLiteral("evil ran")));
        // not even acting as mallory: its code could set the role back to the console's login
        // role; mallory's statements wait for a planner login that holds mallory's rights only
        const QString malWhy = findQuery(r.json().value(QStringLiteral("not_advised")).toArray(),
                                         QStringLiteral("SELECT count(*) FROM mal.t"))
                                   .value(QStringLiteral("why"))
                                   .toString();
        QVERIFY2(malWhy.startsWith(QLatin1String("not planned here"))
                     && malWhy.contains(QLatin1String("is a superuser"))
                     && malWhy.contains(QLatin1String("planner login")),
                 qPrintable(malWhy));
        const QJsonObject hot = findQuery(r.json().value(QStringLiteral("not_advised")).toArray(),
                                          QStringLiteral("SELECT id, kind FROM events"));
        const QString why = hot.value(QStringLiteral("why")).toString();
        QVERIFY2(why.startsWith(QLatin1String("not planned here"))
                     && why.contains(QLatin1String("mal.evil()")),
                 qPrintable(r.out.right(3000)));
        QVERIFY(!r.json().value(QStringLiteral("not_planned")).toString().isEmpty());
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0 && !up.out.contains(QLatin1String("evil ran"))
                     && !up.err.contains(QLatin1String("evil ran"))
                     && (up.out.contains(QLatin1String("mal.evil()"))
                         || up.out.contains(QLatin1String("is a superuser"))),
                 qPrintable(up.err + up.out));
    }

    // The database's owner (not a superuser) puts its function in a view its own statement
    // reads: the function never runs as the console's superuser (the attack's escalation): the
    // statement is not planned on the superuser's session, saying why, in the advice and in an
    // up run's snapshot.
    void theOwnersFunctionStopsPlanning()
    {
        TestDatabase db;
        createEvents(db);
        AppRole owner(db, QStringLiteral("SELECT"), true);
        QVERIFY(db.witness()
                    .exec("ALTER DATABASE " + db.witness().quoteIdentifier(db.name()) + " OWNER TO "
                          + db.witness().quoteIdentifier(owner.name))
                    .ok());
        PgConnection o;
        QVERIFY(o.open(owner.conninfo(), QStringLiteral("owner app")));
        const PgResult setup = o.execScript(
            "CREATE FUNCTION public.guard(int) RETURNS int IMMUTABLE LANGUAGE plpgsql AS $f$ BEGIN "
            "IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
            "RAISE EXCEPTION 'guard ran as a superuser'; END IF; RETURN $1; END $f$;"
            "CREATE TABLE orders AS SELECT g AS id, g % 5 AS region, 'n' || g AS note "
            "FROM generate_series(1, 30000) g; ANALYZE orders;"
            "CREATE VIEW hot AS SELECT id, note FROM orders WHERE region = public.guard(1);");
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        for (int i = 0; i < 15; ++i)
            QVERIFY(
                o.exec(
                     "SELECT count(*) FROM orders o JOIN hot h ON h.id = o.id WHERE o.note = 'n7'")
                    .ok());
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(!whyContains(r.json(), QStringLiteral("ran as a superuser")));
        const QString why = findQuery(r.json().value(QStringLiteral("not_advised")).toArray(),
                                      QStringLiteral("SELECT count(*) FROM orders"))
                                .value(QStringLiteral("why"))
                                .toString();
        QVERIFY2(why.startsWith(QLatin1String("not planned here"))
                     && why.contains(QLatin1String("is a superuser")),
                 qPrintable(why));
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        QVERIFY2(!(up.out + up.err).contains(QLatin1String("ran as a superuser"))
                     && up.out.contains(QLatin1String("is a superuser")),
                 qPrintable(up.err + up.out));
        // its counters were kept, without a plan
        QCOMPARE(
            db.scalar("SELECT coalesce(q->>'plan', '') FROM uaip_ledger.uaip_workload_snapshots "
                      "s, jsonb_array_elements(s.queries) q "
                      "WHERE q->>'query' LIKE 'SELECT count(*) FROM orders%'"),
            QString());
    }

    // A role with CREATE on the database makes uaip_ledger first, with a snapshot table whose
    // trigger would run as the console: up refuses to use that ledger (naming the schema and its
    // owner), writes nothing, and insights since refuses to read it.
    void aLedgerSchemaOfAnotherRoleIsRefused()
    {
        TestDatabase db;
        createEvents(db);
        AppRole eve(db, QStringLiteral("SELECT"), true);
        PgConnection e;
        QVERIFY(e.open(eve.conninfo(), QStringLiteral("eve")));
        const PgResult setup = e.execScript(
            "CREATE SCHEMA uaip_ledger;"
            "CREATE TABLE uaip_ledger.uaip_workload_snapshots (id bigserial PRIMARY KEY, "
            "taken_at timestamptz NOT NULL DEFAULT clock_timestamp(), taken_by text NOT NULL "
            "DEFAULT current_user, versions text[] NOT NULL, stats_since text, queries jsonb NOT "
            "NULL);"
            "CREATE FUNCTION uaip_ledger.t() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
            "RAISE EXCEPTION 'eve''s trigger ran as %', current_user; END $f$;"
            "CREATE TRIGGER t BEFORE INSERT ON uaip_ledger.uaip_workload_snapshots "
            "FOR EACH ROW EXECUTE FUNCTION uaip_ledger.t();");
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        runHot(db.conninfo(), 5);
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(
            up.exitCode != 0 && !(up.out + up.err).contains(QLatin1String("trigger ran"))
                && (up.out + up.err).contains(QLatin1String("schema uaip_ledger is owned by role")),
            qPrintable(up.err + up.out));
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'events' AND column_name = 'note'"),
                 QStringLiteral("0"));
        const Run since = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0001")});
        QVERIFY2(since.exitCode != 0 && since.err.contains(QLatin1String("uaip_ledger")),
                 qPrintable(since.err + since.out));
    }

    // A first-format ledger is found through the search_path: a role with CREATE makes a schema
    // named like the console's role ("$user") with a ledger table and a view of the format whose
    // function refuses as a superuser. up and status refuse it, naming it, before reading it.
    void aLegacyLedgerOfAnotherRoleIsRefused()
    {
        TestDatabase db;
        AppRole eve(db, QStringLiteral("SELECT"), true);
        const QString own = QString::fromUtf8(db.witness().quoteIdentifier(db.witness().user()));
        PgConnection e;
        QVERIFY(e.open(eve.conninfo(), QStringLiteral("eve")));
        const PgResult setup = e.execScript(
            QStringLiteral("CREATE SCHEMA %1;"
                           "CREATE FUNCTION %1.evil() RETURNS text LANGUAGE plpgsql AS $f$ BEGIN "
                           "IF current_setting('is_superuser') = 'on' THEN "
                           "RAISE EXCEPTION 'eve ran as a superuser'; END IF; RETURN '1'; END $f$;"
                           "CREATE VIEW %1.uaip_ledger_info AS SELECT 'format'::text AS key, "
                           "%1.evil() AS value;"
                           "CREATE TABLE %1.uaip_schema_migrations (version text);")
                .arg(own)
                .toUtf8());
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), "CREATE TABLE t (id int);\n", "DROP TABLE t;\n");
        for (const char *command : {"up", "status"}) {
            const Run r = migrate(db.conninfo(),
                                  {QStringLiteral("--dir"), f.path(), QLatin1String(command)});
            QVERIFY2(r.exitCode != 0 && !(r.out + r.err).contains(QLatin1String("ran as a"))
                         && (r.out + r.err).contains(QLatin1String("is owned by role")),
                     qPrintable(r.err + r.out));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname = 't'"),
                 QStringLiteral("0"));
    }

    // What the attack found, each on the real server: a candidate hypopg refuses (a box column)
    // leaves the rest tried; a proposed name already taken gets a suffix; a table locked ACCESS
    // EXCLUSIVE is reported, not waited on; the console's own statements are not the workload;
    // names resolve under the search_path of the role that ran the statement.
    void adviceSurvivesOddTablesAndLocks()
    {
        TestDatabase db;
        createEvents(db);
        const PgResult setup = db.witness().execScript(
            "CREATE SCHEMA shop;"
            "CREATE TABLE shop.shapes AS SELECT g AS id, box(point(g, g), point(g + 1, g + 1)) "
            "AS bb, g % 1000 AS x FROM generate_series(1, 30000) g; ANALYZE shop.shapes;"
            "CREATE INDEX shapes_x_idx ON shop.shapes (id);"
            "CREATE TABLE locked_one (a int); CREATE INDEX locked_one_a ON locked_one (a);");
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        AppRole app(db);
        QVERIFY(db.witness()
                    .exec("GRANT USAGE ON SCHEMA shop TO " + db.witness().quoteIdentifier(app.name))
                    .ok());
        QVERIFY(db.witness()
                    .exec("GRANT SELECT ON ALL TABLES IN SCHEMA shop TO "
                          + db.witness().quoteIdentifier(app.name))
                    .ok());
        QVERIFY(db.witness()
                    .exec("ALTER ROLE " + db.witness().quoteIdentifier(app.name)
                          + " SET search_path = shop")
                    .ok());
        PgConnection c;
        QVERIFY(c.open(app.conninfo(), QStringLiteral("shop app")));
        for (int i = 0; i < 20; ++i)
            QVERIFY(
                c.exec("SELECT id FROM shapes WHERE bb = box(point(1, 1), point(2, 2)) AND x = $1",
                       {i})
                    .ok());
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE locked_one IN ACCESS EXCLUSIVE MODE").ok());
        // the app role's statements are planned on a login that holds its rights only
        PlannerLogin planner(db, {app.name});
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            planner.env());
        holder.exec("ROLLBACK");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject doc = r.json();
        QJsonObject shapes;
        for (const QJsonValue &v : doc.value(QStringLiteral("advice")).toArray())
            if (v.toObject().value(QStringLiteral("table")).toString() == QLatin1String("shapes"))
                shapes = v.toObject();
        QVERIFY2(!shapes.isEmpty(), qPrintable(r.out));
        QCOMPARE(shapes.value(QStringLiteral("schema")).toString(), QStringLiteral("shop"));
        QCOMPARE(shapes.value(QStringLiteral("columns")).toArray().first().toString(),
                 QStringLiteral("x"));
        QCOMPARE(shapes.value(QStringLiteral("index")).toString(), QStringLiteral("shapes_x_idx1"));
        QVERIFY(QJsonDocument(doc.value(QStringLiteral("notes")).toArray())
                    .toJson()
                    .contains("locked_one"));
        // the console's own statements are not the workload
        const Run q = migrate(db.conninfo(),
                              {QStringLiteral("--json"), QStringLiteral("insights"),
                               QStringLiteral("queries"), QStringLiteral("--limit"),
                               QStringLiteral("200")});
        for (const QJsonValue &v : q.json().value(QStringLiteral("queries")).toArray())
            QVERIFY2(!v.toObject()
                          .value(QStringLiteral("query"))
                          .toString()
                          .startsWith(QLatin1String("-- ")),
                     qPrintable(v.toObject().value(QStringLiteral("query")).toString()));
    }

    // "$user" in a role's search_path is that role's name, not the console's: its statement on
    // "orders" reads the table of its own schema (public has a decoy without the column)
    void userInTheSearchPathIsTheRolesName()
    {
        TestDatabase db;
        createEvents(db);
        AppRole app(db);
        const QString role = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        const PgResult setup = db.witness().execScript(
            QStringLiteral("CREATE SCHEMA %1 AUTHORIZATION %1;"
                           "CREATE TABLE %1.orders AS SELECT g AS id, g % 1000 AS customer "
                           "FROM generate_series(1, 30000) g; ANALYZE %1.orders;"
                           "GRANT SELECT ON %1.orders TO %1;"
                           "CREATE TABLE public.orders (id int);")
                .arg(role)
                .toUtf8());
        QVERIFY2(setup.ok(), qPrintable(setup.error().toString()));
        PgConnection c;
        QVERIFY(c.open(app.conninfo(), QStringLiteral("own schema app")));
        for (int i = 0; i < 20; ++i)
            QVERIFY(c.exec("SELECT id FROM orders WHERE customer = $1", {i}).ok());
        PlannerLogin planner(db, {app.name});
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")},
            planner.env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject orders = findIn(r.json().value(QStringLiteral("advice")).toArray(),
                                          QStringLiteral("table"), QStringLiteral("orders"));
        QVERIFY2(!orders.isEmpty(), qPrintable(r.out));
        QCOMPARE(orders.value(QStringLiteral("schema")).toString(), app.name);
        QCOMPARE(orders.value(QStringLiteral("columns")).toArray().first().toString(),
                 QStringLiteral("customer"));
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
