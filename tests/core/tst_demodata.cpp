// The demo data: COPY text/CSV escaping, the plan per scale, the generator's determinism
// (same seed, same bytes, however chunked), and DemoDataLoader against a real PostgreSQL:
// row counts as planned, values in their domains, months-long series with weekly seasonality,
// the same checksums for the same seed, progress, cancel (one transaction: nothing stays),
// and 'uaip-migrate seed demo' as a process.
#include "db/pgconnection.h"
#include "demo/civiltime.h"
#include "demo/copyrowwriter.h"
#include "demo/demodatagenerator.h"
#include "demo/demodataloader.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "platformdatabase.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Migrated : PlatformDatabase
{
    Migrated()
        : PlatformDatabase(QStringLiteral("tst_demodata"))
    { }
    qint64 count(DemoTable t)
    {
        return db.scalar("SELECT count(*) FROM " + demoTableName(t).toLatin1()).toLongLong();
    }
    QString checksum(DemoTable t)
    {
        return db.scalar("SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) FROM "
                         + demoTableName(t).toLatin1() + " t");
    }
    bool allEmpty()
    {
        for (DemoTable t : kDemoTables)
            if (count(t) != 0)
                return false;
        return true;
    }
};

// Every row of every table of a plan, generated with the given chunk size.
QByteArray generateAll(const DemoDataPlan &plan, quint64 seed, qsizetype chunk,
                       CopyRowWriter::Format format = CopyRowWriter::Format::Text,
                       qint64 *rows = nullptr)
{
    DemoDataOptions o;
    o.seed = seed;
    DemoDataGenerator g(plan, o);
    QByteArray all;
    for (DemoTable t : kDemoTables) {
        while (!g.finished(t)) {
            QByteArray buffer;
            CopyRowWriter w(&buffer, format);
            const qint64 n = g.fill(t, w, chunk);
            if (rows)
                *rows += n;
            all += buffer;
        }
    }
    return all;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private:
    // No row of `FROM sql` (the count is said when there are some).
    static bool none(Migrated &m, const char *sql)
    {
        const QString n = m.db.scalar(QByteArray("SELECT count(*) FROM ") + sql);
        if (n != QLatin1String("0"))
            qWarning("%s rows: %s", qPrintable(n), sql);
        return n == QLatin1String("0");
    }

    // The metric series: their domains beyond the CHECKs and enums, their span and
    // seasonality, and the sessions adding up over their interactions.
    static void seriesAreSound(Migrated &m)
    {
        // domains beyond what the CHECKs and enums already enforced during COPY
        QCOMPARE(m.db.scalar("SELECT count(*) FROM persona_analytics WHERE metric_unit = 'ratio' "
                             "AND metric_value NOT BETWEEN 0 AND 1 OR sample_size < 0 "
                             "OR time_period_end <= time_period_start OR confidence_score IS NULL")
                     .toInt(),
                 0);
        QCOMPARE(
            m.db.scalar(
                    "SELECT count(*) FROM agent_capability_metrics WHERE baseline_value IS NULL "
                    "OR measurement_period_end <= measurement_period_start OR sample_size < 0")
                .toInt(),
            0);
        // the series span months, with daily points, and weekends are quieter
        QVERIFY(m.db.scalar(
                    "SELECT max(time_period_start) - min(time_period_start) >= interval '120 days' "
                    "FROM persona_analytics")
                == QLatin1String("t"));
        QVERIFY(m.db.scalar("SELECT max(measurement_period_start) - min(measurement_period_start) "
                            ">= interval '90 days' FROM agent_capability_metrics")
                == QLatin1String("t"));
        QCOMPARE(m.db.scalar("SELECT avg(metric_value) FILTER (WHERE extract(isodow FROM "
                             "time_period_start) >= 6) "
                             "< 0.8 * avg(metric_value) FILTER (WHERE extract(isodow FROM "
                             "time_period_start) < 6) "
                             "FROM persona_analytics WHERE metric_name = 'messages_sent'"),
                 QStringLiteral("t"));
        QCOMPARE(m.db.scalar("SELECT count(DISTINCT trend_direction) FROM agent_capability_metrics")
                     .toInt(),
                 4);
        // sessions add up over their interactions
        QCOMPARE(
            m.db.scalar(
                    "SELECT count(*) FROM ai_sessions s LEFT JOIN (SELECT session_id, count(*) n, "
                    "sum(tokens_used) tokens, sum(cost) cost, max(created_at) last FROM "
                    "ai_interactions "
                    "GROUP BY 1) i ON i.session_id = s.id WHERE i.n IS DISTINCT FROM "
                    "s.interaction_count "
                    "OR i.tokens <> s.total_tokens_used OR i.cost <> s.total_cost "
                    "OR i.last <> s.last_activity_at")
                .toInt(),
            0);
    }

    // The work and conversation tables: rows, consistent among themselves.
    static void workTablesAreConsistent(Migrated &m)
    {
        // the work and conversation tables have rows (their FKs, CHECKs and enums held during
        // COPY), consistent among themselves
        for (DemoTable t :
             {DemoTable::Operations, DemoTable::ToolExecutions, DemoTable::Artifacts,
              DemoTable::ConversationContexts, DemoTable::Threads, DemoTable::Messages})
            QVERIFY2(m.count(t) > 0, qPrintable(demoTableName(t)));
        QVERIFY(
            none(m,
                 "operations WHERE (status IN ('completed', 'failed', 'cancelled')) "
                 "<> (completed_at IS NOT NULL) OR (status = 'pending') <> (started_at IS NULL) "
                 "OR (status = 'completed') <> (current_step = total_steps) "
                 "OR progress <> round(100.0 * current_step / total_steps, 2)"));
        QVERIFY(m.db.scalar("SELECT count(DISTINCT status) FROM operations").toInt() >= 3);
        QVERIFY(none(m,
                     "tool_executions WHERE (execution_status = 'completed') "
                     "<> (output_result IS NOT NULL) OR (execution_status = 'running') "
                     "<> (completed_at IS NULL) OR (execution_status IN ('failed', 'timeout')) "
                     "<> (error_message IS NOT NULL)"));
        QVERIFY(m.db.scalar("SELECT count(*) FROM tool_executions WHERE operation_id IS NOT NULL")
                    .toInt()
                > 0);
        QVERIFY(none(m,
                     "artifacts WHERE content_size_bytes <> octet_length(content) "
                     "OR line_count <> length(content) - length(replace(content, E'\\n', ''))"));
        // a thread starts with its user's question; each message answers the one before, in
        // the same thread, later; the thread was last updated at its last message
        QVERIFY(none(m,
                     "messages m LEFT JOIN messages p ON p.id = m.parent_message_id "
                     "JOIN threads t ON t.id = m.thread_id WHERE (m.parent_message_id IS NULL) "
                     "<> (m.created_at = t.created_at) OR p.thread_id <> m.thread_id "
                     "OR p.created_at >= m.created_at OR p.role = m.role "
                     "OR (m.role = 'user') <> (m.author_user_id IS NOT DISTINCT FROM t.user_id) "
                     "OR (m.role = 'assistant') <> (m.agent_id IS NOT DISTINCT FROM t.agent_id) "
                     "OR m.search_vector IS NULL"));
        QVERIFY(none(m,
                     "threads t LEFT JOIN (SELECT thread_id, max(created_at) AS last "
                     "FROM messages GROUP BY 1) m ON m.thread_id = t.id "
                     "WHERE m.last IS DISTINCT FROM t.updated_at"));
        // full-text search over the messages finds the demo questions
        QVERIFY(m.db.scalar("SELECT count(*) FROM messages "
                            "WHERE search_vector @@ plainto_tsquery('english', 'reference')")
                    .toInt()
                > 0);
    }

    static void tokenConsumptionIsSound(Migrated &m, const DemoDataPlan &plan)
    {
        // token consumption: one row per demo user and day, with the interactions' models,
        // their price per token, quieter weekends, and a Tokens panel to draw
        QCOMPARE(plan.rowsOf(DemoTable::TokenConsumption),
                 plan.rowsOf(DemoTable::Users) * plan.tokenDays);
        QVERIFY(none(m,
                     "token_consumption t LEFT JOIN users u ON u.id = t.user_id "
                     "WHERE u.email NOT LIKE '%@demo42.uaip.test' OR u.id IS NULL "
                     "OR t.organization_id IS NOT NULL "
                     "OR t.model NOT IN (SELECT model_used FROM ai_interactions) "
                     "OR t.cost <> (t.input_tokens * 3 + t.output_tokens * 15) / 1e6 "
                     "OR (t.request_count = 0) <> (t.input_tokens = 0) "
                     "OR t.input_tokens > 2500 * t.request_count "
                     "OR t.output_tokens > 3200 * t.request_count "
                     "OR t.usage_date >= DATE '2026-11-01'"));
        QCOMPARE(m.db.scalar("SELECT count(*) FROM (SELECT usage_date, user_id FROM "
                             "token_consumption GROUP BY 1, 2 HAVING count(*) > 1) d")
                     .toInt(),
                 0);
        QCOMPARE(m.db.scalar("SELECT count(DISTINCT usage_date) FROM token_consumption").toInt(),
                 plan.tokenDays);
        QVERIFY(m.db.scalar("SELECT count(DISTINCT model) FROM token_consumption").toInt() >= 2);
        QCOMPARE(m.db.scalar("SELECT avg(request_count) FILTER (WHERE extract(isodow FROM "
                             "usage_date) >= 6) < 0.6 * avg(request_count) FILTER (WHERE "
                             "extract(isodow FROM usage_date) < 6) FROM token_consumption"),
                 QStringLiteral("t"));
    }

private slots:
    void copyText_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("csv");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("empty") << QByteArray("") << QByteArray("") << QByteArray("\"\"");
        QTest::newRow("tab") << QByteArray("a\tb") << QByteArray("a\\tb") << QByteArray("a\tb");
        QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("a\\nb")
                                 << QByteArray("\"a\nb\"");
        QTest::newRow("carriage return")
            << QByteArray("a\rb") << QByteArray("a\\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("backslash")
            << QByteArray("a\\b") << QByteArray("a\\\\b") << QByteArray("\"a\\b\"");
        QTest::newRow("backslash N is text")
            << QByteArray("\\N") << QByteArray("\\\\N") << QByteArray("\"\\N\"");
        QTest::newRow("end-of-data marker")
            << QByteArray("\\.") << QByteArray("\\\\.") << QByteArray("\"\\.\"");
        QTest::newRow("json") << QByteArray("{\"a\": [1, 2]}") << QByteArray("{\"a\": [1, 2]}")
                              << QByteArray("\"{\"\"a\"\": [1, 2]}\"");
        QTest::newRow("utf-8") << QByteArray("Zoë ✓") << QByteArray("Zoë ✓") << QByteArray("Zoë ✓");
    }

    void copyText()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, csv);
        for (const auto &[format, expected] : {std::pair{CopyRowWriter::Format::Text, text},
                                               std::pair{CopyRowWriter::Format::Csv, csv}}) {
            QByteArray out;
            CopyRowWriter w(&out, format);
            w.text(std::string_view(value.constData(), std::size_t(value.size())));
            w.null();
            w.endRow();
            const QByteArray sep = format == CopyRowWriter::Format::Text ? "\t\\N\n" : ",\n";
            QCOMPARE(out, expected + sep);
        }
    }

    void copyValues()
    {
        QByteArray out;
        CopyRowWriter w(&out);
        w.integer(-42);
        w.integer(0);
        w.decimal(0.125, 2);
        w.decimal(-1.5, 0);
        w.decimal(999999.99995, 4);
        w.decimal(3.0, 4);
        w.boolean(true);
        w.uuid(0x0123456789abcdefULL, 0xfedcba9876543210ULL);
        w.timestamp(CivilTime::toEpoch(2024, 2, 29, 23, 59, 58));
        w.timestamp(0);
        w.endRow();
        QCOMPARE(
            out,
            QByteArray(
                "-42\t0\t0.13\t-2\t1000000.0000\t3.0000\tt\t01234567-89ab-cdef-fedc-ba9876543210\t"
                "2024-02-29 23:59:58+00\t1970-01-01 00:00:00+00\n"));
        QCOMPARE(w.rows(), 1);
        QCOMPARE(CivilTime::weekday(CivilTime::toEpoch(2026, 11, 1)), 6); // a Sunday
        QCOMPARE(CivilTime::toEpoch(2026, 11, 1), DemoDataOptions::kDefaultAnchorEpoch);
    }

    void plan_data()
    {
        QTest::addColumn<qint64>("scale");
        for (qint64 n : {1LL, 1000LL, 20000LL, 1000000LL, 10000000LL, 1000000000LL})
            QTest::addRow("%lld", n) << n;
    }

    void plan()
    {
        QFETCH(qint64, scale);
        const DemoDataPlan p = DemoDataPlan::forScale(scale);
        QCOMPARE(p.metricRows(), scale);
        QVERIFY(p.rowsOf(DemoTable::Agents) >= 4 && p.rowsOf(DemoTable::Agents) <= 2000);
        QVERIFY(p.rowsOf(DemoTable::Personas) <= p.rowsOf(DemoTable::Agents));
        QVERIFY(p.rowsOf(DemoTable::ToolDefinitions) <= 24);
        QVERIFY(p.personaSeriesDays >= 120 && p.personaSeriesDays <= 365);
        qint64 participants = 0;
        for (qint64 d = 0; d < p.rowsOf(DemoTable::Discussions); ++d)
            participants += DemoDataPlan::participantsOf(d);
        QCOMPARE(p.rowsOf(DemoTable::DiscussionParticipants), participants);
        qint64 interactions = 0;
        for (qint64 s = 0; s < p.rowsOf(DemoTable::AiSessions); ++s)
            interactions += DemoDataPlan::interactionsOf(s);
        QCOMPARE(p.rowsOf(DemoTable::AiInteractions), interactions);
        qint64 messages = 0;
        for (qint64 t = 0; t < p.rowsOf(DemoTable::Threads); ++t)
            messages += DemoDataPlan::messagesOf(t);
        QCOMPARE(p.rowsOf(DemoTable::Messages), messages);
        QVERIFY(p.tokenDays >= 90 && p.tokenDays <= 365);
        QCOMPARE(p.rowsOf(DemoTable::TokenConsumption), p.rowsOf(DemoTable::Users) * p.tokenDays);
        // every table a DBA opens first gets rows, whatever the scale
        for (DemoTable t : kDemoTables)
            if (!demoTableIsMetric(t))
                QVERIFY2(p.rowsOf(t) > 0, qPrintable(demoTableName(t)));
    }

    void generatorIsDeterministic()
    {
        const DemoDataPlan p = DemoDataPlan::forScale(20000);
        const QByteArray a = generateAll(p, 42, 1 << 20);
        QCOMPARE(a.count('\n'), p.totalRows());
        QCOMPARE(generateAll(p, 42, 1000), a); // chunking does not matter
        QVERIFY(generateAll(p, 43, 1 << 20) != a);
        // CSV carries the same rows (a quoted field may hold a line break)
        qint64 rows = 0;
        const QByteArray csv = generateAll(p, 42, 1 << 20, CopyRowWriter::Format::Csv, &rows);
        QCOMPARE(rows, p.totalRows());
        QVERIFY(csv.count('\n') >= rows);
    }

    void loadSmallScale()
    {
        Migrated m;
        const DemoDataPlan plan = DemoDataPlan::forScale(20000);
        DemoDataLoader::Options o;
        o.seed = 42;
        o.chunkBytes = 64 * 1024;
        o.progressIntervalMs = 0;
        o.anchorEpoch = DemoDataOptions::kDefaultAnchorEpoch; // the dates checked below
        DemoDataLoader loader(m.connection, plan, o);
        QSignalSpy progress(&loader, &DemoDataLoader::progress);
        QSignalSpy tables(&loader, &DemoDataLoader::tableLoaded);
        const DemoLoadResult r = loader.load();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.metricRows(), 20000);
        QCOMPARE(r.rows(), plan.totalRows());
        QCOMPARE(tables.count(), kDemoTableCount);
        QVERIFY(progress.count() >= kDemoTableCount);
        const auto last = progress.last().at(0).value<DemoLoadProgress>();
        QCOMPARE(last.rowsDone, plan.totalRows());
        QCOMPARE(last.rowsTotal, plan.totalRows());
        for (DemoTable t : kDemoTables)
            QCOMPARE(m.count(t), plan.rowsOf(t));
        // and analysed: the planner (and the console's row estimates) know the sizes at once
        QCOMPARE(m.db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'messages' "
                             "AND relnamespace = 'public'::regnamespace AND reltuples = "
                             + QByteArray::number(plan.rowsOf(DemoTable::Messages))),
                 QStringLiteral("1"));
        for (DemoTable t : kDemoTables)
            QVERIFY2(m.db.scalar("SELECT reltuples >= 0 FROM pg_class WHERE oid = $1::regclass",
                                 {demoTableName(t)})
                         == QLatin1String("t"),
                     qPrintable(demoTableName(t)));

        seriesAreSound(m);
        workTablesAreConsistent(m);
        tokenConsumptionIsSound(m, plan);
        if (QTest::currentTestFailed())
            return;

        // the same seed again: refused, nothing added
        const DemoLoadResult again = DemoDataLoader(m.connection, plan, o).load();
        QCOMPARE(again.outcome, DemoLoadResult::Outcome::AlreadyLoaded);
        QCOMPARE(m.count(DemoTable::PersonaAnalytics), plan.rowsOf(DemoTable::PersonaAnalytics));
    }

    void sameSeedSameData()
    {
        const DemoDataPlan plan = DemoDataPlan::forScale(20000);
        QStringList sums[3];
        const quint64 seeds[3] = {7, 7, 8};
        for (int k = 0; k < 3; ++k) {
            Migrated m;
            DemoDataLoader::Options o;
            o.seed = seeds[k];
            o.anchorEpoch = DemoDataOptions::kDefaultAnchorEpoch; // same seed and end time
            o.threaded = k != 1; // and different chunking and threading
            o.chunkBytes = k == 1 ? 8 * 1024 : 1 << 20;
            const DemoLoadResult r = DemoDataLoader(m.connection, plan, o).load();
            QVERIFY2(r.ok(), qPrintable(r.message));
            for (DemoTable t : kDemoTables)
                sums[k] << m.checksum(t);
        }
        QCOMPARE(sums[1], sums[0]);
        for (int i = 0; i < kDemoTableCount; ++i)
            QVERIFY2(sums[2][i] != sums[0][i],
                     qPrintable(demoTableName(kDemoTables[std::size_t(i)])));
    }

    // Issue 21 point 14: the demo data ends at the time it is loaded, so every preset of the
    // Analytics view (Last hour .. Last 90 days) shows data; an end time given makes it end
    // there instead.
    void endsAtLoadTime()
    {
        const char *const kLatest = "SELECT extract(epoch FROM greatest("
                                    "(SELECT max(recorded_at) FROM persona_analytics), "
                                    "(SELECT max(recorded_at) FROM agent_capability_metrics), "
                                    "(SELECT max(recorded_at) FROM tool_usage_records), "
                                    "(SELECT max(created_at) FROM ai_interactions)))::bigint";
        {
            Migrated m;
            const qint64 before = QDateTime::currentSecsSinceEpoch();
            DemoDataLoader::Options o;
            o.analyze = false;
            const DemoLoadResult r
                = DemoDataLoader(m.connection, DemoDataPlan::forScale(3000), o).load();
            QVERIFY2(r.ok(), qPrintable(r.message));
            const qint64 after = QDateTime::currentSecsSinceEpoch();
            QVERIFY(r.anchorEpoch >= before - 60 && r.anchorEpoch <= after);
            const qint64 latest = m.db.scalar(kLatest).toLongLong();
            QVERIFY2(
                latest > after - 86400 && latest <= after,
                qPrintable(QStringLiteral("latest row %1, loaded at %2")
                               .arg(QDateTime::fromSecsSinceEpoch(latest).toString(Qt::ISODate),
                                    QDateTime::fromSecsSinceEpoch(after).toString(Qt::ISODate))));
            // every metric series' last period is the one running at the load, recorded in the
            // five minutes before it: the Last hour preset shows data (issue 46: the newest rows
            // were 6-35 h old); tool usage and interactions are spread over months
            for (const char *table : {"persona_analytics", "agent_capability_metrics"})
                QVERIFY2(m.db.scalar(QByteArray("SELECT count(*) FROM ") + table
                                         + " WHERE recorded_at >= to_timestamp($1) - interval '5 "
                                           "minutes' AND recorded_at <= to_timestamp($1)",
                                     {r.anchorEpoch})
                                 .toLongLong()
                             > 0,
                         table);
            QVERIFY(m.db.scalar("SELECT max(usage_date) >= current_date - 2 FROM "
                                "token_consumption")
                    == QLatin1String("t"));
        }
        {
            Migrated m;
            DemoDataLoader::Options o;
            o.analyze = false;
            o.anchorEpoch = CivilTime::toEpoch(2025, 6, 15, 12, 0, 0);
            const DemoLoadResult r
                = DemoDataLoader(m.connection, DemoDataPlan::forScale(3000), o).load();
            QVERIFY2(r.ok(), qPrintable(r.message));
            QCOMPARE(r.anchorEpoch, o.anchorEpoch);
            const qint64 latest = m.db.scalar(kLatest).toLongLong();
            QVERIFY(latest <= o.anchorEpoch && latest > o.anchorEpoch - 86400);
        }
    }

    void cancelFromProgress()
    {
        Migrated m;
        DemoDataLoader::Options o;
        o.chunkBytes = 16 * 1024;
        o.progressIntervalMs = 0;
        DemoDataLoader loader(m.connection, DemoDataPlan::forScale(20000), o);
        QString cancelledIn;
        connect(&loader, &DemoDataLoader::progress, this, [&](const DemoLoadProgress &p) {
            if (p.table == QLatin1String("persona_analytics") && p.tableRows > 0
                && cancelledIn.isEmpty()) {
                cancelledIn = p.table;
                loader.cancel();
            }
        });
        const DemoLoadResult r = loader.load();
        QCOMPARE(cancelledIn, QStringLiteral("persona_analytics"));
        QCOMPARE(r.outcome, DemoLoadResult::Outcome::Cancelled);
        QVERIFY(r.message.contains(QStringLiteral("nothing was written")));
        QVERIFY(m.allEmpty()); // the earlier tables went too: one transaction
        QVERIFY(m.connection.exec("SELECT 1").ok()); // and the connection is usable
    }

    void cancelFromAnotherThread()
    {
        Migrated m;
        DemoDataLoader::Options o;
        o.progressIntervalMs = 0;
        DemoDataLoader loader(m.connection, DemoDataPlan::forScale(400000), o);
        std::atomic_bool inMetrics{false};
        connect(&loader, &DemoDataLoader::progress, [&](const DemoLoadProgress &p) {
            if (p.table == QLatin1String("persona_analytics"))
                inMetrics.store(true);
        }); // direct: runs on the loading thread
        DemoLoadResult r;
        std::thread worker([&] { r = loader.load(); });
        QTRY_VERIFY_WITH_TIMEOUT(inMetrics.load(), 120000);
        loader.cancel();
        worker.join();
        QCOMPARE(r.outcome, DemoLoadResult::Outcome::Cancelled);
        QVERIFY(m.allEmpty());
    }

    void cli()
    {
        Migrated m;
        auto run = [&](const QStringList &args, QString *err = nullptr) {
            QProcess p;
            p.start(TestCluster::migrateBinary(),
                    QStringList{QStringLiteral("--db"), m.db.conninfo(), QStringLiteral("seed"),
                                QStringLiteral("demo")}
                        + args);
            p.closeWriteChannel();
            if (!p.waitForFinished(120000))
                qFatal("uaip-migrate did not finish");
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return std::pair{p.exitCode(),
                             QJsonDocument::fromJson(p.readAllStandardOutput()).object()};
        };
        QString err;
        auto [code, json] = run({}, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--scale")), qPrintable(err));
        std::tie(code, json) = run({QStringLiteral("--scale"), QStringLiteral("lots")});
        QCOMPARE(code, 2);
        std::tie(code, json)
            = run({QStringLiteral("--scale"), QStringLiteral("5000"),
                   QStringLiteral("--seed-value"), QStringLiteral("9"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("command")).toString(), QStringLiteral("seed demo"));
        QCOMPARE(json.value(QStringLiteral("metric_rows")).toInteger(), 5000);
        QCOMPARE(m.count(DemoTable::PersonaAnalytics) + m.count(DemoTable::AgentCapabilityMetrics),
                 5000);
        std::tie(code, json) = run({QStringLiteral("--scale"), QStringLiteral("5000"),
                                    QStringLiteral("--seed-value"), QStringLiteral("9")},
                                   &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("already loaded")), qPrintable(err));
        // --end-time: the series end there (reported back), and a bad time is refused
        std::tie(code, json) = run({QStringLiteral("--scale"), QStringLiteral("1"),
                                    QStringLiteral("--end-time"), QStringLiteral("yesterday")},
                                   &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--end-time")), qPrintable(err));
        std::tie(code, json) = run(
            {QStringLiteral("--scale"), QStringLiteral("1000"), QStringLiteral("--seed-value"),
             QStringLiteral("10"), QStringLiteral("--end-time"),
             QStringLiteral("2025-06-15T12:00:00"), QStringLiteral("--json")},
            &err);
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("end_time")).toString(),
                 QStringLiteral("2025-06-15T12:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
