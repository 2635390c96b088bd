#pragma once

// The insights tests' shared fixture: an events table of 40,000 rows with pg_stat_statements,
// hypopg and pgstattuple created, and its hot statement run as an application runs it.
#include "migrationfolder.h"
#include "serverbuild.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include "db/pgconnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace uaip::test {

inline const QByteArray kHotQuery
    = "SELECT id, kind FROM events WHERE agent_id = $1 ORDER BY created_at DESC LIMIT 20";

inline void createEvents(TestDatabase &db, bool extensions = true)
{
    // hypopg where the server's build has it (the matrix's upstream builds have not: the cases
    // that need it say so, UAIP_REQUIRE_EXTENSION)
    if (extensions)
        QVERIFY(db.witness()
                    .execScript(hasExtension(db.witness(), QStringLiteral("hypopg"))
                                    ? "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION "
                                      "hypopg; CREATE EXTENSION pgstattuple;"
                                    : "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION "
                                      "pgstattuple;")
                    .ok());
    const PgResult r = db.witness().execScript(
        "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, kind text, "
        "created_at timestamptz NOT NULL, payload text);"
        "INSERT INTO events (agent_id, kind, created_at, payload) SELECT g % 400, 'k' || (g % 7), "
        "timestamptz '2026-01-01' + g * interval '1 s', repeat('x', 40) "
        "FROM generate_series(1, 40000) g;"
        "ANALYZE events;");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

// The hot query run n times with bound values, as an application runs it.
inline void runHot(const QString &conninfo, int n)
{
    PgConnection c;
    QVERIFY(c.open(conninfo, QStringLiteral("insights-test-app")));
    for (int i = 0; i < n; ++i)
        QVERIFY(c.exec(kHotQuery, {i % 400}).ok());
}

// The object of array whose field key has the value.
inline QJsonObject findIn(const QJsonArray &array, const QString &key, const QString &value)
{
    for (const QJsonValue &v : array)
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    return {};
}

inline QJsonObject findQuery(const QJsonArray &queries, const QString &startsWith)
{
    for (const QJsonValue &v : queries)
        if (v.toObject().value(QStringLiteral("query")).toString().startsWith(startsWith))
            return v.toObject();
    return {};
}

// Migration 0001 makes the index the hot statement uses and is applied; the hot statement runs
// 30 times; then `up` applies the migration name (up, down), keeping a workload snapshot first.
// The caller checks QTest::currentTestFailed().
inline void upAfterTheHotStatement(TestDatabase &db, MigrationFolder &f, const QString &name,
                                   const QByteArray &up, const QByteArray &down)
{
    f.add(QStringLiteral("0001_index"),
          "CREATE INDEX events_agent_created ON events (agent_id, created_at);\n",
          "DROP INDEX events_agent_created;\n");
    f.add(name, up, down);
    const QStringList on{QStringLiteral("--dir"), f.path()};
    QCOMPARE(migrate(db.conninfo(),
                     QStringList(on)
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                 .exitCode,
             0);
    runHot(db.conninfo(), 30);
    const Run r = migrate(db.conninfo(), QStringList(on) << QStringLiteral("up"));
    QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("workload snapshot")),
             qPrintable(r.err + r.out));
}

} // namespace uaip::test
