// The health readings of uaip-migrate insights against the real sandbox, each case in a fresh
// database:
// - index health: unused, duplicate, covered and invalid indexes named, none a constraint
//   stands on (primary key, unique constraint, a foreign key's referenced key);
// - table health: an idle-in-transaction session named by its pid as the xmin horizon's
//   blocker, pgstattuple_approx's figures equal to pgstattuple_approx's own; sequences by the
//   values left (near the end, descending, shared by two columns, fed by a default);
// - connections: the idle-in-transaction session with its pid, the free slots; up names it
//   before it starts;
// - insights enable: refused without the database name, created with it, in public even where
//   another role made a schema named like the console's role;
// - scans counted since the shared statistics' reset too (what a crash recovery moves);
// - insights since: a statement whose table another session locks is "not planned now", with
//   the reason, and no cost.
#include "approle.h"
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

class TestInsightsHealth : public QObject
{
    Q_OBJECT
private slots:
    void indexHealthNeverNamesAConstraintsIndex()
    {
        TestDatabase db;
        const PgResult r = db.witness().execScript(
            "CREATE TABLE agents (id int PRIMARY KEY, code text UNIQUE, team int, region int);"
            "CREATE TABLE runs (id int PRIMARY KEY, agent_code text REFERENCES agents (code), "
            "started int);"
            "INSERT INTO agents SELECT g, 'c' || g, g % 10, g % 3 FROM generate_series(1, 200) g;"
            "INSERT INTO agents VALUES (201, 'c1x', 1, 1);"
            "CREATE INDEX agents_team ON agents (team);"
            "CREATE INDEX agents_code_again ON agents (code);"
            "CREATE INDEX agents_team_region ON agents (team, region);"
            "CREATE INDEX \"agents \"\"odd\"\" name;\" ON agents (region);"
            "ANALYZE agents;");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        // a failed CONCURRENTLY build leaves an invalid index
        QVERIFY(!db.witness()
                     .exec("CREATE UNIQUE INDEX CONCURRENTLY agents_team_unique ON agents (team)")
                     .ok());
        // the wider index is used, the others never (a session of its own: its statistics are
        // flushed when it ends)
        {
            PgConnection reader;
            QVERIFY(reader.open(db.conninfo(), QStringLiteral("insights-test-reader")));
            QVERIFY(reader
                        .execScript("SET enable_seqscan = off; SELECT count(*) FROM agents "
                                    "WHERE team = 1 AND region = 1;")
                        .ok());
        }
        QVERIFY(waitFor(
            [&] {
                return db.scalar("SELECT idx_scan > 0 FROM pg_stat_user_indexes WHERE "
                                 "indexrelname = 'agents_team_region'")
                    == QLatin1String("t");
            },
            10000));
        const Run run = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QStringList found;
        for (const QJsonValue &v : run.json().value(QStringLiteral("findings")).toArray())
            found << v.toObject().value(QStringLiteral("kind")).toString() + u':'
                    + v.toObject().value(QStringLiteral("index")).toString();
        found.sort();
        QVERIFY2(found.size() == 4, qPrintable(found.join(u'|')));
        QCOMPARE(found,
                 (QStringList{QStringLiteral("covered:agents_team"),
                              QStringLiteral("duplicate:agents_code_again"),
                              QStringLiteral("invalid:agents_team_unique"),
                              QStringLiteral("unused:agents \"odd\" name;")}));
        // each statement runs as written, outside a transaction
        for (const QJsonValue &v : run.json().value(QStringLiteral("findings")).toArray()) {
            const QString sql = v.toObject().value(QStringLiteral("statement")).toString();
            QVERIFY(!sql.contains(QLatin1String("agents_pkey")));
            if (!sql.startsWith(QLatin1String("REINDEX")))
                QVERIFY2(db.witness().exec(sql.toUtf8()).ok(), qPrintable(sql));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_indexes WHERE tablename = 'agents'"),
                 QStringLiteral("4")); // pkey, code's key, team_region, the invalid one
    }

    void tableHealthNamesTheHorizonsBlocker()
    {
        TestDatabase db;
        createEvents(db);
        QVERIFY(db.witness().execScript("DELETE FROM events WHERE id % 4 = 0;").ok());
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("long report")));
        QVERIFY(holder.exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
        QVERIFY(holder.exec("SELECT count(*) FROM events").ok());
        const Run r = migrate(db.conninfo(),
                              {QStringLiteral("--json"), QStringLiteral("insights"),
                               QStringLiteral("tables"), QStringLiteral("--bloat")});
        holder.exec("ROLLBACK");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject doc = r.json();
        bool named = false;
        for (const QJsonValue &v : doc.value(QStringLiteral("xmin_blockers")).toArray())
            named = named
                || (v.toObject().value(QStringLiteral("pid")).toInt() == holder.backendPid()
                    && v.toObject().value(QStringLiteral("application")).toString()
                        == QLatin1String("long report"));
        QVERIFY2(named, qPrintable(r.out));
        QJsonObject events;
        for (const QJsonValue &v : doc.value(QStringLiteral("tables")).toArray())
            if (v.toObject().value(QStringLiteral("table")).toString() == QLatin1String("events"))
                events = v.toObject();
        QVERIFY2(events.contains(QStringLiteral("dead_percent")), qPrintable(r.out));
        const double dead = events.value(QStringLiteral("dead_percent")).toDouble();
        QCOMPARE(QString::number(dead, 'f', 2),
                 QString::number(db.scalar("SELECT dead_tuple_percent FROM "
                                           "pgstattuple_approx('events')")
                                     .toDouble(),
                                 'f', 2));
        // the deleted quarter: dead, or free once a read pruned its pages
        QVERIFY2(dead + events.value(QStringLiteral("free_percent")).toDouble() > 10,
                 qPrintable(r.out));
    }

    // Sequences by the values left: near its type's end, descending, shared by a bigint and a
    // smallint column, fed by an integer column's default without OWNED BY.
    void sequencesByTheValuesLeft()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE small_keys (id serial PRIMARY KEY);"
                                "SELECT setval('small_keys_id_seq', 2000000000);"
                                "CREATE TABLE near_end (id int GENERATED BY DEFAULT AS IDENTITY "
                                "(START WITH 2147483600) PRIMARY KEY);"
                                "INSERT INTO near_end DEFAULT VALUES;"
                                "CREATE SEQUENCE down_seq INCREMENT -1 MINVALUE -100 "
                                "MAXVALUE -1; SELECT setval('down_seq', -50);"
                                "CREATE SEQUENCE shared_seq; CREATE TABLE shared (a bigint "
                                "DEFAULT nextval('shared_seq'), b smallint DEFAULT "
                                "nextval('shared_seq')); SELECT setval('shared_seq', 30000);"
                                "CREATE SEQUENCE loose_seq;"
                                "CREATE TABLE loose (id int DEFAULT nextval('loose_seq'));"
                                "SELECT setval('loose_seq', 2100000000);")
                    .ok());
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("tables")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonArray sequences = r.json().value(QStringLiteral("sequences")).toArray();
        const auto sequence = [&](const char *name) {
            return findIn(sequences, QStringLiteral("sequence"), QLatin1String(name));
        };
        // an identity that starts near its type's end: 47 values left
        const QJsonObject near = sequence("near_end_id_seq");
        QCOMPARE(near.value(QStringLiteral("remaining")).toString(), QStringLiteral("47"));
        QVERIFY(near.value(QStringLiteral("used")).toDouble() > 0.99);
        // descending: half its range used
        const QJsonObject down = sequence("down_seq");
        QCOMPARE(down.value(QStringLiteral("remaining")).toString(), QStringLiteral("50"));
        QVERIFY(qAbs(down.value(QStringLiteral("used")).toDouble() - 0.5) < 0.02);
        // feeding a bigint and a smallint column: the smallint decides
        const QJsonObject shared = sequence("shared_seq");
        QCOMPARE(shared.value(QStringLiteral("owner_column")).toString(), QStringLiteral("b"));
        QCOMPARE(shared.value(QStringLiteral("remaining")).toString(), QStringLiteral("2767"));
        // a sequence an integer column's default calls, without OWNED BY
        const QJsonObject loose = sequence("loose_seq");
        QCOMPARE(loose.value(QStringLiteral("owner_column")).toString(), QStringLiteral("id"));
        QCOMPARE(loose.value(QStringLiteral("bound")).toString(), QStringLiteral("2147483647"));
        const QJsonObject seq = sequence("small_keys_id_seq");
        QCOMPARE(seq.value(QStringLiteral("bound")).toString(), QStringLiteral("2147483647"));
        QVERIFY(seq.value(QStringLiteral("used")).toDouble() > 0.93);
        QCOMPARE(seq.value(QStringLiteral("owner_column")).toString(), QStringLiteral("id"));
    }

    void connectionsNameTheIdleTransaction()
    {
        TestDatabase db;
        PgConnection idle;
        QVERIFY(idle.open(db.conninfo(), QStringLiteral("forgotten tab")));
        QVERIFY(idle.exec("BEGIN").ok());
        QVERIFY(idle.exec("SELECT txid_current()").ok());
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("connections")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject doc = r.json();
        bool named = false;
        for (const QJsonValue &v : doc.value(QStringLiteral("idle_in_transaction")).toArray())
            named = named
                || (v.toObject().value(QStringLiteral("pid")).toInt() == idle.backendPid()
                    && v.toObject().value(QStringLiteral("holds_xmin")).toBool());
        QVERIFY2(named, qPrintable(r.out));
        const int max = doc.value(QStringLiteral("max_connections")).toInt();
        QCOMPARE(max, db.scalar("SHOW max_connections").toInt());
        QCOMPARE(doc.value(QStringLiteral("free")).toInt(),
                 max - doc.value(QStringLiteral("reserved")).toInt()
                     - doc.value(QStringLiteral("in_use")).toInt());
    }

    // up says, before it starts, which sessions of the database sit idle in a transaction
    // holding their locks (point 5).
    void upNamesAnIdleTransactionFirst()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_table"), "CREATE TABLE t (id int);\n", "DROP TABLE t;\n");
        PgConnection idle;
        QVERIFY(idle.open(db.conninfo(), QStringLiteral("forgotten tab")));
        QVERIFY(idle.exec("BEGIN").ok());
        QVERIFY(idle.exec("SELECT txid_current()").ok());
        const Run up
            = migrate(db.conninfo(), {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        QVERIFY2(up.out.contains(QStringLiteral("session %1 (").arg(idle.backendPid()))
                     && up.out.contains(QLatin1String("forgotten tab"))
                     && up.out.contains(QLatin1String("idle in a transaction")),
                 qPrintable(up.out));
    }

    void enableNeedsTheDatabaseName()
    {
        TestDatabase db;
        const Run refused = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("enable"), QStringLiteral("pgstattuple")});
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_extension WHERE extname = 'pgstattuple'"),
                 QStringLiteral("0"));
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("enable"),
                          QStringLiteral("pg_trgm"), QStringLiteral("--confirm"), db.name()})
                     .exitCode,
                 2);
        const Run done
            = migrate(db.conninfo(),
                      {QStringLiteral("insights"), QStringLiteral("enable"),
                       QStringLiteral("pgstattuple"), QStringLiteral("--confirm"), db.name()});
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_extension WHERE extname = 'pgstattuple'"),
                 QStringLiteral("1"));
    }

    // "$user" in the console's search_path: a schema another role made, named like the console's
    // role, must not receive the extension (its functions would sit in that role's schema).
    void enableCreatesInPublicNotInTheUsersSchema()
    {
        TestDatabase db;
        AppRole other(db, QStringLiteral("SELECT"), true);
        const QString console = db.scalar("SELECT current_user");
        PgConnection c;
        QVERIFY(c.open(other.conninfo(), QStringLiteral("schema squatter")));
        const PgResult made = c.exec("CREATE SCHEMA " + c.quoteIdentifier(console));
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        QCOMPARE(db.scalar("SELECT current_schema()"), console); // "$user" finds it first
        const Run done
            = migrate(db.conninfo(),
                      {QStringLiteral("insights"), QStringLiteral("enable"),
                       QStringLiteral("pgstattuple"), QStringLiteral("--confirm"), db.name()});
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        QCOMPARE(db.scalar("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = "
                           "e.extnamespace WHERE e.extname = 'pgstattuple'"),
                 QStringLiteral("public"));
    }

    // A crash recovery (one backend killed) discards every statistic, idx_scan too, but moves
    // neither pg_postmaster_start_time() nor the database's stats_reset; it does set the shared
    // statistics' reset time. Killing a backend of the shared test cluster would restart the
    // backends of every test running beside this one, so pg_stat_reset_shared('bgwriter') stands
    // in for the crash recovery here: the scans then count only since it.
    void scansCountSinceTheSharedStatisticsReset()
    {
        TestDatabase db;
        QVERIFY(
            db.witness().execScript("CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);").ok());
        // a second after the server's start and the database's reset, so the reset is the latest
        QVERIFY(waitFor(
            [&] {
                return db.scalar("SELECT date_trunc('second', clock_timestamp()) > greatest("
                                 "pg_postmaster_start_time(), (SELECT stats_reset FROM "
                                 "pg_stat_database WHERE datname = current_database()))")
                    == QLatin1String("t");
            },
            5000));
        QVERIFY(db.witness().exec("SELECT pg_stat_reset_shared('bgwriter')").ok());
        const QString reset = db.scalar("SELECT to_char(stats_reset AT TIME ZONE 'UTC', "
                                        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM pg_stat_bgwriter");
        const Run run = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(run.json().value(QStringLiteral("counted_since")).toString(), reset);
        // the unused finding (what insights migrate's observation days count from) too
        const QJsonObject unused = findIn(run.json().value(QStringLiteral("findings")).toArray(),
                                          QStringLiteral("index"), QStringLiteral("t_id"));
        QCOMPARE(unused.value(QStringLiteral("counted_since")).toString(), reset);
        const Run text
            = migrate(db.conninfo(), {QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(text.out.contains(QStringLiteral("scans counted since %1").arg(reset)),
                 qPrintable(text.out));
    }

    // Issue 59, point 5: an index with no scan counted since the statistics' reset is not
    // proposed for dropping as unused while the generic plan of a top statement uses it (the
    // report's own "plan before" named it); the note says why.
    void anIndexTheAdvicePlanUsesIsNotUnused()
    {
        TestDatabase db;
        UAIP_REQUIRE_EXTENSION(db.witness(), "hypopg"); // the advice's plans
        createEvents(db);
        QVERIFY(db.witness().exec("CREATE INDEX events_agent ON events (agent_id)").ok());
        runHot(db.conninfo(), 30);
        // the application's session reports its scans when it ends, after a while: the reset
        // must come after that, or the scans arrive after it
        const QByteArray scans = "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes "
                                 "WHERE indexrelname = 'events_agent'";
        QVERIFY(waitFor([&] { return db.scalar(scans).toInt() > 0; }, 30000));
        QVERIFY(db.witness().exec("SELECT pg_stat_reset()").ok());
        QCOMPARE(db.scalar(scans), QStringLiteral("0"));
        const Run run = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QString plans;
        for (const QJsonValue &a : run.json().value(QStringLiteral("advice")).toArray())
            for (const QJsonValue &q : a.toObject().value(QStringLiteral("queries")).toArray())
                plans += q.toObject().value(QStringLiteral("plan_before")).toString() + u'\n';
        QVERIFY2(plans.contains(QStringLiteral("using events_agent")), qPrintable(run.out));
        const QJsonObject unused = findIn(run.json().value(QStringLiteral("findings")).toArray(),
                                          QStringLiteral("index"), QStringLiteral("events_agent"));
        QVERIFY2(unused.isEmpty(), qPrintable(run.out));
        const Run text
            = migrate(db.conninfo(), {QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(text.out.contains(QStringLiteral("events_agent on events has had no scan counted "
                                                  "since the statistics' reset, but the generic "
                                                  "plan of a top statement uses it now")),
                 qPrintable(text.out));
    }

    // A statement planned in the snapshot whose table another session holds ACCESS EXCLUSIVE
    // cannot be planned now (lock_timeout): insights since says so, with the reason, and prints
    // no cost for it.
    void sinceNamesAStatementNotPlannedNow()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        upAfterTheHotStatement(db, f, QStringLiteral("0002_other"),
                               "CREATE TABLE other (id int);\n", "DROP TABLE other;\n");
        if (QTest::currentTestFailed())
            return;
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("lock holder")));
        QVERIFY(holder.execScript("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE;").ok());
        const Run since = migrate(db.conninfo(),
                                  {QStringLiteral("--json"), QStringLiteral("insights"),
                                   QStringLiteral("since"), QStringLiteral("0002")});
        const Run text = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0002")});
        holder.exec("ROLLBACK");
        QVERIFY2(since.exitCode == 0, qPrintable(since.err + since.out));
        const QJsonObject hot
            = findQuery(since.json().value(QStringLiteral("statements")).toArray(),
                        QStringLiteral("SELECT id, kind FROM events"));
        QVERIFY2(!hot.isEmpty(), qPrintable(since.out));
        QVERIFY2(hot.value(QStringLiteral("cost_before")).toDouble() > 0, qPrintable(since.out));
        QVERIFY2(hot.value(QStringLiteral("cost_after")).isNull(), qPrintable(since.out));
        QVERIFY2(hot.value(QStringLiteral("plan_unavailable"))
                     .toString()
                     .contains(QLatin1String("lock timeout")),
                 qPrintable(since.out));
        QCOMPARE(since.json().value(QStringLiteral("plans_unavailable")).toInt(), 1);
        QVERIFY2(text.out.contains(QLatin1String("1 statement(s) could not be planned now"))
                     && text.out.contains(QLatin1String("not planned now: public.events is "
                                                        "locked ACCESS EXCLUSIVE by session "))
                     && !text.out.contains(QLatin1String("cost -1")),
                 qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestInsightsHealth)
#include "tst_insightshealth.moc"
