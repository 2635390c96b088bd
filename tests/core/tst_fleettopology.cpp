// uaip-migrate fleet over a primary and its streaming standby: the standby is reported as
// such (nothing written there, not refused as "the same database" as its primary), the
// primary's database migrated.
#include "primaryserver.h"
#include "standbyserver.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

class TestFleetTopology : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;
    MigrationFolder m_folder;
    QTemporaryDir m_tmp;
    const QString m_db = QStringLiteral("tenant");

private slots:
    void initTestCase()
    {
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        const Status made = m_primary->createDatabase(m_db);
        QVERIFY2(made, qPrintable(made.error().toString()));
        addTwo(m_folder);
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
        QVERIFY(m_standby->catchUp(m_primary->conninfo(m_db)));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    // A canary that is a standby applied nothing and proved nothing: the rest do not start
    // (they used to: only failed, unreachable and skipped canaries stopped the run).
    void standbyCanaryStopsTheRest()
    {
        const QString targets = m_tmp.filePath(QStringLiteral("canary.txt"));
        QFile f(targets);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("replica " + m_standby->conninfo(m_db).toUtf8() + "\nprimary "
                + m_primary->clientConninfo(m_db).toUtf8() + "\n");
        f.close();
        const Run up
            = migrate({QStringLiteral("--dir"), m_folder.path(), QStringLiteral("--json"),
                       QStringLiteral("fleet"), QStringLiteral("--targets"), targets,
                       QStringLiteral("--canary"), QStringLiteral("1"), QStringLiteral("up")});
        QCOMPARE(up.exitCode, 1);
        const QJsonArray list = up.json().value(QStringLiteral("targets")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("standby"));
        QVERIFY2(list.at(1).toObject().value(QStringLiteral("state")).toString()
                     == QLatin1String("skipped"),
                 qPrintable(up.out));
    }

    void standbyReportedNotWritten()
    {
        const QString targets = m_tmp.filePath(QStringLiteral("targets.txt"));
        QFile f(targets);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[wave all]\nreplica " + m_standby->conninfo(m_db).toUtf8() + "\nprimary "
                + m_primary->clientConninfo(m_db).toUtf8() + "\n");
        f.close();
        const Run up = migrate({QStringLiteral("--dir"), m_folder.path(), QStringLiteral("--json"),
                                QStringLiteral("fleet"), QStringLiteral("--targets"), targets,
                                QStringLiteral("up")});
        QCOMPARE(up.exitCode, 1); // not every target is up to date: the standby is not written
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : up.json().value(QStringLiteral("targets")).toArray())
            byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        QCOMPARE(byName.value(QStringLiteral("replica")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("standby"));
        QVERIFY(byName.value(QStringLiteral("replica"))
                    .value(QStringLiteral("applied"))
                    .toArray()
                    .isEmpty());
        QCOMPARE(byName.value(QStringLiteral("primary")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("applied"));
        // status reads the standby: standby, with the level it has replayed
        QVERIFY(m_standby->catchUp(m_primary->conninfo(m_db)));
        const Run status
            = migrate({QStringLiteral("--dir"), m_folder.path(), QStringLiteral("--json"),
                       QStringLiteral("fleet"), QStringLiteral("--targets"), targets,
                       QStringLiteral("status")});
        const QJsonArray list = status.json().value(QStringLiteral("targets")).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject replica = list.at(0).toObject();
        QCOMPARE(replica.value(QStringLiteral("state")).toString(), QStringLiteral("standby"));
        QCOMPARE(replica.value(QStringLiteral("applied_level")).toString(), QStringLiteral("0002"));
    }

    // A copy made by pg_basebackup and promoted (a staging database cloned from production, a
    // standby promoted while the old primary still runs) shares the system identifier and the
    // database name: the fleet refused the pair as "the same database" and ran nothing. Two
    // names for one server are still refused.
    void promotedCopyIsATargetOfItsOwn()
    {
        StandbyServer copy(m_primary->socketDir(), m_primary->port());
        QVERIFY2(copy.isRunning(), qPrintable(copy.error()));
        QVERIFY(copy.catchUp(m_primary->conninfo(m_db)));
        QString error;
        QVERIFY2(copy.promote(&error), qPrintable(error));
        const QString targets = m_tmp.filePath(QStringLiteral("copy.txt"));
        QFile f(targets);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("prod " + m_primary->clientConninfo(m_db).toUtf8() + "\nstaging "
                + copy.conninfo(m_db).toUtf8() + "\n");
        f.close();
        const QStringList fleet{
            QStringLiteral("--dir"),     m_folder.path(), QStringLiteral("fleet"),
            QStringLiteral("--targets"), targets,         QStringLiteral("up")};
        const Run up = migrate(fleet);
        QVERIFY2(up.exitCode == 0 && !up.err.contains(QLatin1String("same database")),
                 qPrintable(up.out + up.err));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("prod " + m_primary->clientConninfo(m_db).toUtf8() + "\nprod-again "
                + m_primary->clientConninfo(m_db).toUtf8() + " application_name=x\n");
        f.close();
        const Run twice = migrate(fleet);
        QVERIFY2(twice.exitCode != 0 && twice.err.contains(QLatin1String("same database")),
                 qPrintable(twice.out + twice.err));
    }
};

QTEST_GUILESS_MAIN(TestFleetTopology)
#include "tst_fleettopology.moc"
