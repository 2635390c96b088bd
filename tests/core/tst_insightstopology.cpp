// The insights as production runs them: an inactive replication slot named as what holds back
// vacuum; on a streaming standby (its own statement counts, the
// advice planned there, nothing written, a note that it is a standby) and behind a real
// PgBouncer in transaction mode with one server connection (the advice, twice, leaves no
// prepared statement and no hypothetical index on the pooled session; `up` keeps its workload
// snapshot and `insights since` reads it through the pooler).
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "pgbouncer.h"
#include "primaryserver.h"
#include "servertools.h"
#include "standbyserver.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kEvents
    = "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, kind text, "
      "created_at timestamptz NOT NULL, payload text);\n";

bool runHotOn(const QString &conninfo, int n)
{
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("insights-test-app")))
        return false;
    for (int i = 0; i < n; ++i)
        if (!c.exec(kHotQuery, {i % 400}).ok())
            return false;
    return true;
}

// The primary's database "platform" and a setup session on it (the caller checks
// QTest::currentTestFailed()).
void openPlatform(PrimaryServer &primary, PgConnection &p)
{
    QVERIFY2(primary.isRunning(), qPrintable(primary.error()));
    const Status made = primary.createDatabase(QStringLiteral("platform"));
    QVERIFY2(made, qPrintable(made.error().toString()));
    QVERIFY(p.open(primary.conninfo(QStringLiteral("platform")), QStringLiteral("setup")));
}

} // namespace

class TestInsightsTopology : public QObject
{
    Q_OBJECT
private slots:
    void onAStandby()
    {
        PrimaryServer primary;
        PgConnection p;
        openPlatform(primary, p);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(p.execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; "
                             + kEvents
                             + "INSERT INTO events (agent_id, kind, created_at, payload) SELECT "
                               "g % 400, 'k', timestamptz '2026-01-01' + g * interval '1 s', 'x' "
                               "FROM generate_series(1, 40000) g; ANALYZE events;")
                    .ok());
        StandbyServer standby(primary.socketDir(), primary.port());
        QVERIFY2(standby.isRunning(), qPrintable(standby.error()));
        QVERIFY(standby.catchUp(primary.conninfo(QStringLiteral("platform"))));
        const QString onStandby = standby.conninfo(QStringLiteral("platform"));
        QVERIFY(runHotOn(onStandby, 30));

        const Run queries = migrate(
            onStandby,
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("queries")});
        QVERIFY2(queries.exitCode == 0, qPrintable(queries.out + queries.err));
        QVERIFY(queries.json()
                    .value(QStringLiteral("capabilities"))[QStringLiteral("standby")]
                    .toBool());
        const QJsonObject hot = findQuery(queries.json().value(QStringLiteral("queries")).toArray(),
                                          QStringLiteral("SELECT id, kind FROM events"));
        QCOMPARE(hot.value(QStringLiteral("calls")).toInt(), 30);

        const Run indexes = migrate(
            onStandby,
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
        QVERIFY2(indexes.exitCode == 0, qPrintable(indexes.out + indexes.err));
        const QJsonArray advice = indexes.json().value(QStringLiteral("advice")).toArray();
        QVERIFY2(advice.size() == 1, qPrintable(indexes.out));
        QCOMPARE(advice.at(0)[QStringLiteral("columns")].toArray().at(0).toString(),
                 QStringLiteral("agent_id"));
        for (const char *part : {"tables", "connections"}) {
            const Run r = migrate(onStandby, {QStringLiteral("insights"), QLatin1String(part)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            QVERIFY2(r.out.contains(QLatin1String("standby")), qPrintable(r.out));
        }
    }

    // An inactive logical replication slot holds back the horizon (its catalog_xmin) with no
    // session at all: `insights tables` names it, as a slot, inactive, with its name.
    void anInactiveSlotIsNamedAsTheHorizonsBlocker()
    {
        PrimaryServer primary;
        PgConnection p;
        openPlatform(primary, p);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(p.exec("ALTER SYSTEM SET wal_level = logical").ok());
        p.close();
        QString error;
        QVERIFY2(
            ServerTools::run(QStringLiteral("pg_ctl"),
                             {QStringLiteral("restart"), QStringLiteral("-w"), QStringLiteral("-m"),
                              QStringLiteral("fast"), QStringLiteral("-D"), primary.dataDir()},
                             &error),
            qPrintable(error));
        QVERIFY(p.open(primary.conninfo(QStringLiteral("platform")), QStringLiteral("setup")));
        const QString slot = QStringLiteral("stale_report_slot");
        QVERIFY(
            p.exec("SELECT pg_create_logical_replication_slot($1, 'test_decoding')", {slot}).ok());
        const Run r = migrate(
            primary.conninfo(QStringLiteral("platform")),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("tables")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject blocker
            = findIn(r.json().value(QStringLiteral("xmin_blockers")).toArray(),
                     QStringLiteral("slot"), slot);
        QVERIFY2(!blocker.isEmpty(), qPrintable(r.out));
        QCOMPARE(blocker.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("replication_slot"));
        QCOMPARE(blocker.value(QStringLiteral("state")).toString(), QStringLiteral("inactive"));
        QVERIFY(blocker.value(QStringLiteral("xmin_age")).toInteger() >= 0);
        const Run text = migrate(primary.conninfo(QStringLiteral("platform")),
                                 {QStringLiteral("insights"), QStringLiteral("tables")});
        QVERIFY2(text.out.contains(slot), qPrintable(text.out));
        QVERIFY(p.exec("SELECT pg_drop_replication_slot($1)", {slot}).ok());
    }

    void behindATransactionPooler()
    {
        TestDatabase db;
        createEvents(db);
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.poolSize = 1;
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        const QString pooled = bouncer.conninfo(db.name());
        QVERIFY(runHotOn(pooled, 30));
        for (int round = 0; round < 2; ++round) {
            const Run r = migrate(
                pooled,
                {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("indexes")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            QCOMPARE(r.json().value(QStringLiteral("advice")).toArray().size(), 1);
        }
        // the one pooled server session holds nothing of theirs
        PgConnection after;
        QVERIFY(after.open(pooled, QStringLiteral("probe")));
        QCOMPARE(after.scalar("SELECT count(*) FROM pg_prepared_statements"), QStringLiteral("0"));
        QCOMPARE(after.scalar("SELECT count(*) FROM hypopg_list_indexes"), QStringLiteral("0"));
        QCOMPARE(after.scalar("SHOW search_path"), QStringLiteral("\"$user\", public"));

        // up through the pooler keeps a snapshot; since reads it through the pooler
        MigrationFolder f;
        f.add(QStringLiteral("0001_note"), "ALTER TABLE events ADD COLUMN note text;\n",
              "ALTER TABLE events DROP COLUMN note;\n");
        const Run up = migrate(pooled, {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0 && up.out.contains(QLatin1String("workload snapshot")),
                 qPrintable(up.out + up.err));
        QVERIFY(runHotOn(pooled, 30));
        const Run since = migrate(pooled,
                                  {QStringLiteral("--json"), QStringLiteral("insights"),
                                   QStringLiteral("since"), QStringLiteral("0001")});
        // 3: a statement ran slower after than before, which on a loaded machine it may; what
        // is checked here is that since read the snapshot through the pooler
        QVERIFY2(since.exitCode == 0 || since.exitCode == 3, qPrintable(since.out + since.err));
        QVERIFY(since.json().value(QStringLiteral("statements")).toArray().size() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestInsightsTopology)
#include "tst_insightstopology.moc"
