// Issue 43, point 2: `fleet ... up --dry-run` reads the plan's lock forecast on every target (its
// live rows, who holds a conflicting lock there now) and refuses, per target and before anything
// runs, the blocking work the real run would refuse. Two tenants, reached as the fleet's
// non-owner role with a hostile name; one has a big table and an analytics transaction on it.
#include "fleettestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QHash<QString, QJsonObject> byName(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : doc.value(QStringLiteral("targets")).toArray())
        out.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    return out;
}

} // namespace

class TestFleetForecast : public QObject
{
    Q_OBJECT

    MigrationFolder m_folder;
    QTemporaryDir m_tmp;

    Run fleet(const QString &targets, const QStringList &args)
    {
        return migrate(
            QStringList{QStringLiteral("--dir"), m_folder.path(), QStringLiteral("--json"),
                        QStringLiteral("--max-blocking-rows"), QStringLiteral("100")}
            + QStringList{QStringLiteral("fleet"), QStringLiteral("--targets"), targets} + args);
    }

    std::unique_ptr<FleetTenants> m_tenants;
    std::unique_ptr<PgConnection> m_big; // tenant 2, a superuser session for checks
    std::unique_ptr<PgConnection> m_analytics; // tenant 2, in a transaction reading events
    QString m_targets;

    // The state of tenant i in a run's JSON.
    QString state(const Run &run, int i) const
    {
        return byName(run.json())
            .value(m_tenants->name(i))
            .value(QStringLiteral("state"))
            .toString();
    }
    // Tenant i's forecast of the first statement of the first migration.
    QJsonObject firstStatement(const Run &run, int i) const
    {
        return byName(run.json())
            .value(m_tenants->name(i))
            .value(QStringLiteral("forecast"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("statements"))
            .toArray()
            .first()
            .toObject();
    }

private slots:
    // 0001 applied on both; tenant 2's table big (500 rows, analyzed) and read by an open
    // analytics transaction; tenant 1's empty (analyzed: a never-analyzed table is judged by
    // its bytes).
    void initTestCase()
    {
        m_tenants = std::make_unique<FleetTenants>(TestCluster::sandbox(), 2);
        m_folder.add(QStringLiteral("0001_events"),
                     "CREATE TABLE events (id int PRIMARY KEY, kind text);\n",
                     "DROP TABLE events;\n");
        m_targets = m_tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(m_targets, m_tenants->lines(1, 2));
        QCOMPARE(fleet(m_targets, {QStringLiteral("up")}).exitCode, 0);
        m_big = m_tenants->admin(2);
        QVERIFY(
            m_big->exec("INSERT INTO events SELECT g, 'k' FROM generate_series(1, 500) g").ok());
        QVERIFY(m_big->exec("ANALYZE events").ok());
        QVERIFY(m_tenants->admin(1)->exec("ANALYZE events").ok());
        m_analytics = m_tenants->admin(2);
        QVERIFY(m_analytics->exec("BEGIN").ok());
        QVERIFY(m_analytics->exec("SELECT count(*) FROM events").ok());
    }
    void cleanupTestCase()
    {
        m_analytics.reset();
        m_big.reset();
        m_tenants.reset();
    }

    // The index the real run would refuse on the big table only: that target failed with the
    // online form, the other pending, nothing run anywhere.
    void refusesBlockingWorkPerTarget()
    {
        m_folder.add(QStringLiteral("0002_kind_index"),
                     "CREATE INDEX events_kind ON events (kind);\n", "DROP INDEX events_kind;\n");
        const Run refused = fleet(m_targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.out));
        QCOMPARE(state(refused, 1), QStringLiteral("pending"));
        QCOMPARE(state(refused, 2), QStringLiteral("failed"));
        const QString why = byName(refused.json())
                                .value(m_tenants->name(2))
                                .value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
        QVERIFY2(why.contains(QStringLiteral("CONCURRENTLY"))
                     && why.contains(QStringLiteral("500")),
                 qPrintable(why));
        QCOMPARE(m_big->scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'events_kind'"),
                 QStringLiteral("0"));
    }

    // An ADD COLUMN: both pending, each with its own live rows; tenant 2's forecast names the
    // analytics session as holding a conflicting lock, tenant 1's nobody.
    void forecastsLocksPerTarget()
    {
        m_folder.write(QStringLiteral("0002_kind_index/up.sql"),
                       "ALTER TABLE events ADD COLUMN note text;\n");
        const Run pending = fleet(m_targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QCOMPARE(pending.exitCode, 1); // 0 only when every target is up to date
        QCOMPARE(state(pending, 1), QStringLiteral("pending"));
        QCOMPARE(state(pending, 2), QStringLiteral("pending"));
        const QJsonObject statement = firstStatement(pending, 2);
        QCOMPARE(statement.value(QStringLiteral("lock")).toString(),
                 QStringLiteral("ACCESS EXCLUSIVE"));
        const QJsonObject relation
            = statement.value(QStringLiteral("relations")).toArray().first().toObject();
        QCOMPARE(relation.value(QStringLiteral("rows")).toInteger(), 500);
        QCOMPARE(relation.value(QStringLiteral("held_by"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("pid"))
                     .toInt(),
                 m_analytics->backendPid());
        const QJsonObject empty = firstStatement(pending, 1)
                                      .value(QStringLiteral("relations"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(empty.value(QStringLiteral("rows")).toInteger(), 0);
        QVERIFY(empty.value(QStringLiteral("held_by")).toArray().isEmpty());
        m_analytics->exec("ROLLBACK");
        QCOMPARE(m_big->scalar("SELECT count(*) FROM information_schema.columns WHERE "
                               "column_name = 'note'"),
                 QStringLiteral("0"));
    }

    // A target whose transactions are read-only by default: the real run could not write its
    // ledger, and the dry run says so instead of "pending".
    void readOnlyTargetIsNotPending()
    {
        const QByteArray db = quoteIdent(m_tenants->tenant(1));
        auto admin = m_tenants->admin(2);
        QVERIFY(
            admin->exec("ALTER DATABASE " + db + " SET default_transaction_read_only = on").ok());
        const Run r = fleet(m_targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QVERIFY(admin->exec("ALTER DATABASE " + db + " RESET default_transaction_read_only").ok());
        QCOMPARE(state(r, 1), QStringLiteral("failed"));
        QVERIFY2(r.out.contains(QStringLiteral("default_transaction_read_only")),
                 qPrintable(r.out));
    }

    // A schema before pg_catalog on the role's search_path, with a function named as the
    // identity read's: never called (every function of that read is qualified).
    void identityReadIgnoresTheRolesSearchPath()
    {
        auto admin = m_tenants->admin(2);
        const QByteArray role = quoteIdent(fleetRole());
        for (const QByteArray &sql :
             {QByteArray("CREATE SCHEMA evil"), QByteArray("CREATE TABLE evil.log (who text)"),
              "GRANT USAGE ON SCHEMA evil TO " + role, "GRANT INSERT ON evil.log TO " + role,
              QByteArray("CREATE FUNCTION evil.pg_control_system() RETURNS TABLE "
                         "(system_identifier bigint) LANGUAGE sql AS "
                         "$$ INSERT INTO evil.log VALUES (current_user) RETURNING 4242::bigint $$"),
              "ALTER ROLE " + role + " IN DATABASE " + quoteIdent(m_tenants->tenant(2))
                  + " SET search_path = evil, pg_catalog, public"})
            QVERIFY2(admin->exec(sql).ok(), sql.constData());
        const Run r = fleet(m_targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QVERIFY(admin
                    ->exec("ALTER ROLE " + role + " IN DATABASE " + quoteIdent(m_tenants->tenant(2))
                           + " RESET search_path")
                    .ok());
        QCOMPARE(state(r, 2), QStringLiteral("pending"));
        QCOMPARE(admin->scalar("SELECT count(*) FROM evil.log"), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestFleetForecast)
#include "tst_fleetforecast.moc"
