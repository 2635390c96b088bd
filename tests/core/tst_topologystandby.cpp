// uaip-migrate against a streaming standby (issue 33, point 3): a private primary and a standby
// made by pg_basebackup -R, started by the test. status says "standby (read-only) of <primary>";
// every writing command is refused before anything runs, naming the standby (exit 2); reads
// work there.
#include "db/sandbox.h"
#include "primaryserver.h"
#include "standbyserver.h"
#include "uaipmigratetestutil.h"

#include <QTemporaryFile>

using namespace uaip;
using namespace uaip::test;

class TestTopologyStandby : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;
    std::unique_ptr<MigrationFolder> m_folder;
    const QString m_db = QStringLiteral("app");

    Run onStandby(const QStringList &args)
    {
        return migrate(m_standby->conninfo(m_db),
                       QStringList{QStringLiteral("--dir"), m_folder->path()} + args);
    }

private slots:
    void initTestCase()
    {
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        const Status made = m_primary->createDatabase(m_db);
        QVERIFY2(made, qPrintable(made.error().toString()));
        m_folder = std::make_unique<MigrationFolder>();
        addTwo(*m_folder);
        const Run up = migrate(m_primary->conninfo(m_db),
                               {QStringLiteral("--dir"), m_folder->path(), QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        m_folder->add(QStringLiteral("0003_tags"), "CREATE TABLE tags (id int);\n",
                      "DROP TABLE tags;\n");
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
        QVERIFY(m_standby->catchUp(m_primary->conninfo(m_db)));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void statusSaysStandby()
    {
        const Run status = onStandby({QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QString of = QStringLiteral("server: standby (read-only) of %1:%2")
                               .arg(m_primary->socketDir())
                               .arg(m_primary->port());
        QVERIFY2(status.out.contains(of), qPrintable(status.out));
        const Run json = onStandby({QStringLiteral("--json"), QStringLiteral("status")});
        const QJsonObject server = json.json().value(QStringLiteral("server")).toObject();
        QCOMPARE(server.value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
        QCOMPARE(server.value(QStringLiteral("primary_host")).toString(),
                 QStringLiteral("%1:%2").arg(m_primary->socketDir()).arg(m_primary->port()));
        const Run primary
            = migrate(m_primary->conninfo(m_db),
                      {QStringLiteral("--dir"), m_folder->path(), QStringLiteral("status")});
        QVERIFY2(primary.out.contains(QLatin1String("server: primary")), qPrintable(primary.out));
    }

    void writingCommandsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("up") << QStringList{QStringLiteral("up")};
        QTest::newRow("down") << QStringList{QStringLiteral("down")};
        QTest::newRow("baseline") << QStringList{QStringLiteral("baseline"), QStringLiteral("3")};
        QTest::newRow("repair") << QStringList{QStringLiteral("repair"), QStringLiteral("--yes")};
        QTest::newRow("adopt") << QStringList{QStringLiteral("adopt"), QStringLiteral("--from"),
                                              QStringLiteral("dbmate")};
        QTest::newRow("seed prompts")
            << QStringList{QStringLiteral("seed"), QStringLiteral("prompts")};
        QTest::newRow("seed demo") << QStringList{QStringLiteral("seed"), QStringLiteral("demo"),
                                                  QStringLiteral("--scale"), QStringLiteral("10")};
        QTest::newRow("prompts label") << QStringList{
            QStringLiteral("prompts"),    QStringLiteral("label"), QStringLiteral("p"),
            QStringLiteral("production"), QStringLiteral("1"),     QStringLiteral("--confirm"),
            QStringLiteral("app")};
        QTest::newRow("prompts encryption enable")
            << QStringList{QStringLiteral("prompts"), QStringLiteral("encryption"),
                           QStringLiteral("enable"), QStringLiteral("--no-backup")};
    }

    void writingCommandsRefused()
    {
        QFETCH(QStringList, args);
        const Run r = onStandby(args);
        QCOMPARE(r.exitCode, 2);
        const QString named = QStringLiteral("is a standby (read-only) of %1:%2")
                                  .arg(m_primary->socketDir())
                                  .arg(m_primary->port());
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
    }

    void seedInitialRefused()
    {
        QTemporaryFile password;
        QVERIFY(password.open());
        password.write("a-long-enough-passphrase-42\n");
        password.close();
        const Run r = onStandby({QStringLiteral("seed"), QStringLiteral("initial"),
                                 QStringLiteral("--admin-password-file"), password.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("standby (read-only)")), qPrintable(r.err));
    }

    void readsWorkOnTheStandby()
    {
        const Run dryRun = onStandby({QStringLiteral("up"), QStringLiteral("--dry-run")});
        QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.err));
        QVERIFY2(dryRun.out.contains(QLatin1String("0003_tags")), qPrintable(dryRun.out));
        const Run history = onStandby({QStringLiteral("history")});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        const Run sql
            = onStandby({QStringLiteral("sql"), QStringLiteral("--read-only"), QStringLiteral("-c"),
                         QStringLiteral("SELECT count(*) FROM users")});
        QVERIFY2(sql.exitCode == 0, qPrintable(sql.err));
    }
};

QTEST_GUILESS_MAIN(TestTopologyStandby)
#include "tst_topologystandby.moc"
