// The workload history (WorkloadHistory, `uaip-migrate insights record|history`) against the real
// sandbox (pg_stat_statements preloaded), each case in a fresh database:
// - two samples with the hot statement run between: its calls and mean time per interval exactly
//   the counters' differences; the migrations applied and rolled back in the window listed;
// - bounded: a sample older than the keep window and the samples beyond the cap pruned in the
//   record that follows, their rows with them;
// - a reset of the counters between samples: a new segment, never a negative value;
// - without pg_stat_statements the tables and connections are still recorded, exit 2;
// - without a ledger, record refuses and names it; the CLI's text and JSON;
// - insights since judges a migration applied with no run's snapshot against the history.
#include "insightstestutil.h"
#include "migrationfolder.h"
#include "sqlguardtestutil.h"
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"
#include "insights/historysegments.h"
#include "insights/insightscapabilities.h"
#include "insights/workloadhistory.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace uaip;
using namespace uaip::test;

namespace {

// The hot statement's queryid in db's pg_stat_statements.
QString hotQueryId(TestDatabase &db)
{
    return db.scalar("SELECT queryid::text FROM pg_stat_statements WHERE query LIKE "
                     "'SELECT id, kind FROM events%' AND dbid = (SELECT oid FROM pg_database "
                     "WHERE datname = current_database()) LIMIT 1");
}

// The ledger made by applying two migrations, the second rolled back.
void applyAndRollBack(TestDatabase &db, MigrationFolder &f)
{
    f.add(QStringLiteral("0001_notes"), "CREATE TABLE notes (id int);\n", "DROP TABLE notes;\n");
    f.add(QStringLiteral("0002_tags"), "CREATE TABLE tags (id int);\n", "DROP TABLE tags;\n");
    const QStringList on{QStringLiteral("--dir"), f.path()};
    const Run up = migrate(db.conninfo(), QStringList(on) << QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
    const Run down = migrate(db.conninfo(), QStringList(on) << QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, qPrintable(down.err + down.out));
}

struct Recorder
{
    PgConnection connection;
    std::optional<InsightsCapabilities> caps;

    explicit Recorder(const QString &conninfo)
    {
        if (!connection.open(conninfo, QStringLiteral("history-test")))
            return;
        Result<InsightsCapabilities> c = InsightsCapabilities::read(connection);
        if (c)
            caps = c.value();
    }
    Result<HistoryRecord> record(const WorkloadHistory::Bounds &bounds = {})
    {
        return WorkloadHistory(connection, *caps).record(bounds);
    }
    Result<WorkloadHistorySeries> series(const WorkloadHistory::Window &window)
    {
        return WorkloadHistory(connection, *caps).series(window);
    }
};

// The stored counters of a statement, oldest sample first: calls and total time.
QList<std::pair<qint64, double>> stored(TestDatabase &db, const QString &queryId)
{
    const PgResult r = db.witness().exec(
        "SELECT st.calls, st.total_ms FROM uaip_ledger.uaip_workload_history_statements st "
        "JOIN uaip_ledger.uaip_workload_history_samples s ON s.id = st.sample_id "
        "WHERE st.queryid = $1 ORDER BY s.taken_at, s.id",
        {queryId});
    QList<std::pair<qint64, double>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.value(i, "calls").toLongLong(), r.value(i, "total_ms").toDouble()});
    return out;
}

} // namespace

class TestWorkloadHistory : public QObject
{
    Q_OBJECT
private slots:
    void seriesFromTheCounters()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        applyAndRollBack(db, f);
        if (QTest::currentTestFailed())
            return;
        Recorder rec(db.conninfo());
        QVERIFY(rec.caps);
        QVERIFY2(rec.record(), "first sample");
        runHot(db.conninfo(), 7);
        const Result<HistoryRecord> second = rec.record();
        QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
        QVERIFY(second.value().statementsRecorded);
        QVERIFY(second.value().statements > 0);
        QVERIFY(second.value().tables >= 2); // events, notes
        QVERIFY(second.value().connections >= 1);
        runHot(db.conninfo(), 5);
        QVERIFY(rec.record());
        const QString id = hotQueryId(db);
        QVERIFY(!id.isEmpty());
        WorkloadHistory::Window w;
        w.days = 1;
        w.queryId = id;
        const Result<WorkloadHistorySeries> s = rec.series(w);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        QCOMPARE(s.value().samples, 3);
        QCOMPARE(s.value().queries.size(), 1);
        const QList<WorkloadHistorySeries::QueryPoint> points = s.value().queries.first().points;
        // the statement is in the samples from its first run on: 2nd and 3rd sample, one interval
        const QList<std::pair<qint64, double>> counters = stored(db, id);
        QCOMPARE(counters.size(), 2);
        QCOMPARE(counters.at(0).first, 7);
        QCOMPARE(counters.at(1).first, 12);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.at(0).calls, 5);
        QCOMPARE(points.at(0).meanMs, (counters.at(1).second - counters.at(0).second) / 5.0);
        QCOMPARE(points.at(0).segment, 0);
        QVERIFY(s.value().queries.first().query.startsWith(QLatin1String("SELECT id, kind")));
        // the migrations of the window, oldest first
        const QList<WorkloadHistorySeries::Migration> m = s.value().migrations;
        QCOMPARE(m.size(), 3);
        QCOMPARE(m.at(0).version, QStringLiteral("0001"));
        QCOMPARE(m.at(0).name, QStringLiteral("notes"));
        QCOMPARE(m.at(0).action, QStringLiteral("apply"));
        QCOMPARE(m.at(1).version, QStringLiteral("0002"));
        QCOMPARE(m.at(2).version, QStringLiteral("0002"));
        QCOMPARE(m.at(2).action, QStringLiteral("rollback"));
        QVERIFY(m.at(0).at <= s.value().first);
        // a table's series: one point a sample
        w.queryId.clear();
        w.table = QStringLiteral("public.events");
        const Result<WorkloadHistorySeries> t = rec.series(w);
        QVERIFY(t);
        QCOMPARE(t.value().tables.size(), 1);
        QCOMPARE(t.value().tables.first().name, QStringLiteral("events"));
        QCOMPARE(t.value().tables.first().points.size(), 3);
        QVERIFY(t.value().tables.first().points.last().bytes > 0);
    }

    // Issue 59, point 5: `insights since` uses the history. A migration applied with no run's
    // snapshot (in-process, with no observer: as psql or another tool would) that drops the hot
    // statement's index is judged against the history's last sample before it: slower (exit 3),
    // its counters exact, the baseline said to be the history's.
    void sinceUsesTheHistoryWhereNoRunKeptASnapshot()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        f.add(QStringLiteral("0001_index"),
              "CREATE INDEX events_agent_created ON events (agent_id, created_at);\n",
              "DROP INDEX events_agent_created;\n");
        f.add(QStringLiteral("0002_drop_index"), "DROP INDEX events_agent_created;\n",
              "CREATE INDEX events_agent_created ON events (agent_id, created_at);\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        QVERIFY(MigrationRunner(db.witness(), source.migrations(), {})
                    .up(*MigrationVersion::parse(QStringLiteral("1")))
                    .ok());
        runHot(db.conninfo(), 30);
        Recorder rec(db.conninfo());
        QVERIFY(rec.caps);
        QVERIFY(rec.record()); // the sample before the migration
        QVERIFY(MigrationRunner(db.witness(), source.migrations(), {}).up().ok()); // no snapshot
        runHot(db.conninfo(), 30);
        const Run since = migrate(db.conninfo(),
                                  {QStringLiteral("--json"), QStringLiteral("insights"),
                                   QStringLiteral("since"), QStringLiteral("0002")});
        QVERIFY2(since.exitCode == 3, qPrintable(since.err + since.out));
        QCOMPARE(since.json().value(QStringLiteral("baseline")).toString(),
                 QStringLiteral("history"));
        QJsonObject hot = findQuery(since.json().value(QStringLiteral("statements")).toArray(),
                                    QStringLiteral("SELECT id, kind FROM events"));
        QVERIFY2(hot.value(QStringLiteral("regressed")).toBool(), qPrintable(since.out));
        QCOMPARE(hot.value(QStringLiteral("calls_before")).toInt(), 30);
        QCOMPARE(hot.value(QStringLiteral("calls_after")).toInt(), 30);
        const Run text = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0002")});
        QVERIFY2(text.out.contains(QStringLiteral("the baseline is the workload history's sample")),
                 qPrintable(text.out));
        // a version applied before any sample: nothing to compare, said
        const Run none = migrate(
            db.conninfo(),
            {QStringLiteral("insights"), QStringLiteral("since"), QStringLiteral("0001")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("the workload history has no sample")),
                 qPrintable(none.err));
    }

    void boundedByTheWindowAndTheCap()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        applyAndRollBack(db, f);
        if (QTest::currentTestFailed())
            return;
        Recorder rec(db.conninfo());
        QVERIFY(rec.caps);
        runHot(db.conninfo(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(rec.record());
        const QString oldest
            = db.scalar("SELECT min(id) FROM uaip_ledger.uaip_workload_history_samples");
        QVERIFY(db.witness()
                    .exec("UPDATE uaip_ledger.uaip_workload_history_samples SET taken_at = "
                          "taken_at - interval '31 days' WHERE id = $1",
                          {oldest})
                    .ok());
        const Result<HistoryRecord> r = rec.record();
        QVERIFY(r);
        QCOMPARE(r.value().prunedSamples, 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_samples"),
                 QStringLiteral("3"));
        for (const char *table : {"statements", "tables"})
            QCOMPARE(db.scalar(QByteArray("SELECT count(*) FROM uaip_ledger.uaip_workload_history_")
                                   + table + " WHERE sample_id = $1",
                               {oldest}),
                     QStringLiteral("0"));
        // the cap: the newest two kept
        WorkloadHistory::Bounds cap;
        cap.maxSamples = 2;
        const Result<HistoryRecord> capped = rec.record(cap);
        QVERIFY(capped);
        QCOMPARE(capped.value().prunedSamples, 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_samples"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT max(id) FROM uaip_ledger.uaip_workload_history_samples"),
                 QString::number(capped.value().sampleId));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_statements s "
                      "WHERE NOT EXISTS (SELECT FROM uaip_ledger.uaip_workload_history_samples "
                      "k WHERE k.id = s.sample_id)"),
            QStringLiteral("0"));
        // a window under a day (hours)
        WorkloadHistory::Bounds hour;
        hour.keepSeconds = 3600;
        QVERIFY(db.witness()
                    .exec("UPDATE uaip_ledger.uaip_workload_history_samples SET taken_at = "
                          "taken_at - interval '2 hours'")
                    .ok());
        const Result<HistoryRecord> hours = rec.record(hour);
        QVERIFY(hours);
        QCOMPARE(hours.value().prunedSamples, 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_samples"),
                 QStringLiteral("1"));
    }

    void aResetStartsANewSegment()
    {
        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        applyAndRollBack(db, f);
        if (QTest::currentTestFailed())
            return;
        Recorder rec(db.conninfo());
        QVERIFY(rec.caps);
        runHot(db.conninfo(), 2);
        QVERIFY(rec.record());
        runHot(db.conninfo(), 5);
        QVERIFY(rec.record());
        const QString id = hotQueryId(db);
        // this database's counters only (the cluster is shared)
        QVERIFY(db.witness()
                    .exec("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE "
                          "datname = current_database()), 0)")
                    .ok());
        runHot(db.conninfo(), 3);
        QVERIFY(rec.record());
        runHot(db.conninfo(), 4);
        QVERIFY(rec.record());
        WorkloadHistory::Window w;
        w.days = 1;
        w.queryId = id;
        const Result<WorkloadHistorySeries> s = rec.series(w);
        QVERIFY(s);
        QCOMPARE(s.value().queries.size(), 1);
        const QList<WorkloadHistorySeries::QueryPoint> p = s.value().queries.first().points;
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).calls, 5);
        QCOMPARE(p.at(0).segment, 0);
        QCOMPARE(p.at(1).calls, 4);
        QCOMPARE(p.at(1).segment, 1);
        for (const WorkloadHistorySeries::QueryPoint &point : p)
            QVERIFY(point.calls >= 0 && point.meanMs >= 0);
    }

    void aChangedStatsResetEndsASegment()
    {
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::utc());
        const QList<HistorySegments::Sample> samples{
            {t0, QString(), true},
            {t0.addSecs(600), QString(), true},
            {t0.addSecs(1200), QStringLiteral("2027-01-01T00:00:00Z"), true},
            {t0.addSecs(1800), QStringLiteral("2027-01-01T00:00:00Z"), true},
            {t0.addSecs(2400), QStringLiteral("2027-01-01T00:00:00Z"), true},
            {t0.addSecs(3000), QStringLiteral("2027-01-01T00:00:00Z"), true}};
        // counters growing across the reset (more calls since it than before), a gap at 4
        const QList<HistorySegments::Counters> counters{
            {0, 10, 100}, {1, 20, 150}, {2, 30, 160}, {3, 34, 180}, {5, 40, 200}};
        const QList<WorkloadHistorySeries::QueryPoint> p
            = HistorySegments::points(samples, counters);
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).calls, 10);
        QCOMPARE(p.at(0).meanMs, 5.0);
        QCOMPARE(p.at(0).segment, 0);
        QCOMPARE(p.at(1).at, t0.addSecs(1800));
        QCOMPARE(p.at(1).calls, 4);
        QCOMPARE(p.at(1).meanMs, 5.0);
        QCOMPARE(p.at(1).segment, 1);
    }

    void withoutStatementsTablesStillRecorded()
    {
        TestDatabase db;
        createEvents(db, false);
        MigrationFolder f;
        applyAndRollBack(db, f);
        if (QTest::currentTestFailed())
            return;
        const Run r = migrate(
            db.conninfo(),
            {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("record")});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(doc.value(QStringLiteral("error"))
                     .toString()
                     .contains(QLatin1String("pg_stat_statements")),
                 qPrintable(r.out));
        const QJsonObject args = doc.value(QStringLiteral("args")).toObject();
        QCOMPARE(args.value(QStringLiteral("statements_recorded")).toBool(true), false);
        QVERIFY(args.value(QStringLiteral("tables")).toInt() >= 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_samples "
                           "WHERE NOT statements_recorded"),
                 QStringLiteral("1"));
        QVERIFY(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_tables").toInt()
                >= 2);
    }

    // A role that may see only its own statements (no pg_read_all_stats: another role's have no
    // queryid) records its samples; it did not: "null value in column queryid".
    void aRoleThatSeesOnlyItsOwnStatementsRecords()
    {
        TestDatabase db;
        createEvents(db);
        QVERIFY(makeConsoleFixture(db));
        PgConnection &w = db.witness();
        QVERIFY(w.exec("GRANT CREATE ON DATABASE " + w.quoteIdentifier(db.name())
                       + " TO uaip_console_app")
                    .ok());
        QVERIFY(w.exec("GRANT CREATE ON SCHEMA public TO uaip_console_app").ok());
        runHot(db.conninfo(), 3); // the superuser's
        QCOMPARE(db.scalar("SELECT pg_has_role('uaip_console_app', 'pg_read_all_stats', "
                           "'USAGE')"),
                 QStringLiteral("f"));
        MigrationFolder f;
        f.add(QStringLiteral("0001_notes"), "CREATE TABLE notes (id int);\n",
              "DROP TABLE notes;\n");
        const QString app = appConninfo(db);
        const Run up = migrate(app, {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err + up.out));
        const Run r = migrate(
            app, {QStringLiteral("--json"), QStringLiteral("insights"), QStringLiteral("record")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_statements "
                           "WHERE queryid IS NULL"),
                 QStringLiteral("0"));
    }

    void theCommandLine()
    {
        TestDatabase bare;
        const Run none
            = migrate(bare.conninfo(), {QStringLiteral("insights"), QStringLiteral("record")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QLatin1String("no migration ledger")), qPrintable(none.err));
        QVERIFY(none.err.contains(bare.name()));

        TestDatabase db;
        createEvents(db);
        MigrationFolder f;
        applyAndRollBack(db, f);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("record"),
                          QStringLiteral("--keep"), QStringLiteral("0d")})
                     .exitCode,
                 2);
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("queries"),
                          QStringLiteral("--keep"), QStringLiteral("3d")})
                     .exitCode,
                 2);
        runHot(db.conninfo(), 4);
        const Run text
            = migrate(db.conninfo(), {QStringLiteral("insights"), QStringLiteral("record")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err + text.out));
        QVERIFY2(text.out.contains(QLatin1String("Recorded sample")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("Pruned 0 sample(s) (kept: the last 30 day(s)")));
        runHot(db.conninfo(), 6);
        const Run json
            = migrate(db.conninfo(),
                      {QStringLiteral("--json"), QStringLiteral("insights"),
                       QStringLiteral("record"), QStringLiteral("--keep"), QStringLiteral("30d")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err + json.out));
        QCOMPARE(json.json().value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(json.json().value(QStringLiteral("statements")).toInt() > 0);
        QCOMPARE(json.json().value(QStringLiteral("keep_days")).toInt(), 30);
        const QString id = hotQueryId(db);
        const Run history = migrate(db.conninfo(),
                                    {QStringLiteral("--json"), QStringLiteral("insights"),
                                     QStringLiteral("history"), QStringLiteral("--days"),
                                     QStringLiteral("2"), QStringLiteral("--query"), id});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err + history.out));
        const QJsonObject h = history.json();
        QCOMPARE(h.value(QStringLiteral("samples")).toInt(), 2);
        const QJsonArray queries = h.value(QStringLiteral("queries")).toArray();
        QCOMPARE(queries.size(), 1);
        const QJsonArray points
            = queries.at(0).toObject().value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.at(0).toObject().value(QStringLiteral("calls")).toInt(), 6);
        QVERIFY(points.at(0).toObject().value(QStringLiteral("mean_ms")).toDouble() > 0);
        QCOMPARE(h.value(QStringLiteral("migrations")).toArray().size(), 3);
        QCOMPARE(findIn(h.value(QStringLiteral("tables")).toArray(), QStringLiteral("table"),
                        QStringLiteral("events"))
                     .isEmpty(),
                 false);
        const Run plain = migrate(db.conninfo(),
                                  {QStringLiteral("insights"), QStringLiteral("history"),
                                   QStringLiteral("--query"), id, QStringLiteral("--table"),
                                   QStringLiteral("events")});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err + plain.out));
        QVERIFY2(plain.out.contains(QLatin1String("2 sample(s) in the last 7 day(s)")),
                 qPrintable(plain.out));
        QVERIFY(plain.out.contains(QLatin1String("migration 0002 tags rolled back")));
        QVERIFY(plain.out.contains(QStringLiteral("Statement ") + id));
        QVERIFY(plain.out.contains(QLatin1String("6 call(s)")));
        QVERIFY(plain.out.contains(QLatin1String("Table public.events:")));
        QCOMPARE(migrate(db.conninfo(),
                         {QStringLiteral("insights"), QStringLiteral("history"),
                          QStringLiteral("--days"), QStringLiteral("0")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkloadHistory)
#include "tst_workloadhistory.moc"
