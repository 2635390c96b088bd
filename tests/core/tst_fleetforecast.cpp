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

private slots:
    void forecastPerTarget()
    {
        FleetTenants tenants(TestCluster::sandbox(), 2);
        m_folder.add(QStringLiteral("0001_events"),
                     "CREATE TABLE events (id int PRIMARY KEY, kind text);\n",
                     "DROP TABLE events;\n");
        const QString targets = m_tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(targets, tenants.lines(1, 2));
        QCOMPARE(fleet(targets, {QStringLiteral("up")}).exitCode, 0);
        // tenant 2's table is big; an analytics transaction reads it
        auto big = tenants.admin(2);
        QVERIFY(big->exec("INSERT INTO events SELECT g, 'k' FROM generate_series(1, 500) g").ok());
        QVERIFY(big->exec("ANALYZE events").ok());
        // an empty table never analyzed is judged by its bytes: tenant 1's is analyzed, empty
        QVERIFY(tenants.admin(1)->exec("ANALYZE events").ok());
        auto analytics = tenants.admin(2);
        QVERIFY(analytics->exec("BEGIN").ok());
        QVERIFY(analytics->exec("SELECT count(*) FROM events").ok());

        m_folder.add(QStringLiteral("0002_kind_index"),
                     "CREATE INDEX events_kind ON events (kind);\n", "DROP INDEX events_kind;\n");
        const Run refused = fleet(targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.out));
        QHash<QString, QJsonObject> t = byName(refused.json());
        QCOMPARE(t.value(tenants.name(1)).value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        const QJsonObject second = t.value(tenants.name(2));
        QCOMPARE(second.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString why = second.value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
        QVERIFY2(why.contains(QStringLiteral("CONCURRENTLY"))
                     && why.contains(QStringLiteral("500")),
                 qPrintable(why));
        // nothing ran anywhere
        QCOMPARE(big->scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'events_kind'"),
                 QStringLiteral("0"));

        m_folder.write(QStringLiteral("0002_kind_index/up.sql"),
                       "ALTER TABLE events ADD COLUMN note text;\n");
        const Run pending = fleet(targets, {QStringLiteral("up"), QStringLiteral("--dry-run")});
        QCOMPARE(pending.exitCode, 1); // 0 only when every target is up to date
        t = byName(pending.json());
        QCOMPARE(t.value(tenants.name(1)).value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(t.value(tenants.name(2)).value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        const QJsonObject statement = t.value(tenants.name(2))
                                          .value(QStringLiteral("forecast"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QStringLiteral("statements"))
                                          .toArray()
                                          .first()
                                          .toObject();
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
                 analytics->backendPid());
        // tenant 1: the same statement, its empty table, nobody holding it
        const QJsonObject first = t.value(tenants.name(1))
                                      .value(QStringLiteral("forecast"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QVERIFY(!QJsonDocument(first).toJson(QJsonDocument::Compact).contains("\"held_by\":[{"));
        analytics->exec("ROLLBACK");
        QCOMPARE(big->scalar("SELECT count(*) FROM information_schema.columns WHERE column_name = "
                             "'note'"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestFleetForecast)
#include "tst_fleetforecast.moc"
