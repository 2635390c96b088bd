// Profiles with several hosts (issue 33, point 4): the profile dialog takes a host list, a port
// per host and target_session_attrs (libpq's multi-host syntax), and Test connection says which
// host answered and what it is. A private primary and a pg_basebackup -R standby.
#include "connections/connectiontester.h"
#include "connections/passwordstore.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "jobs/jobmanager.h"
#include "primaryserver.h"
#include "standbyserver.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

class TestMultiHostProfile : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;
    JobManager m_jobs;

    // The standby first: only target_session_attrs makes the primary answer.
    ConnectionProfile both(const QString &targetSessionAttrs) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("pair");
        p.host = m_standby->socketDir() + u',' + m_primary->socketDir();
        p.ports = QStringLiteral("%1,%2").arg(m_standby->port()).arg(m_primary->port());
        p.database = QStringLiteral("postgres");
        p.user = QStringLiteral("postgres");
        p.sslMode = QStringLiteral("disable");
        p.targetSessionAttrs = targetSessionAttrs;
        return p;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
        QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-multihost-test"));
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void dialogTakesAHostList()
    {
        ProfileStore store;
        PasswordStore passwords(QStringLiteral("uaip-admin-test"));
        ProfileDialog dialog(&store, &passwords, &m_jobs);
        dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("pair"));
        dialog.findChild<QLineEdit *>(QStringLiteral("host"))
            ->setText(QStringLiteral(" db1.example.com , db2.example.com"));
        dialog.findChild<QLineEdit *>(QStringLiteral("hostPorts"))
            ->setText(QStringLiteral("5432, 5433"));
        dialog.findChild<QLineEdit *>(QStringLiteral("database"))->setText(QStringLiteral("app"));
        auto *target = dialog.findChild<QComboBox *>(QStringLiteral("targetSessionAttrs"));
        QVERIFY(target);
        target->setCurrentIndex(target->findData(QStringLiteral("read-write")));
        const ConnectionProfile p = dialog.profileFromForm();
        QCOMPARE(p.host, QStringLiteral("db1.example.com,db2.example.com"));
        QCOMPARE(p.ports, QStringLiteral("5432,5433"));
        QCOMPARE(p.targetSessionAttrs, QStringLiteral("read-write"));
        QVERIFY(p.isValid());
        const QString conninfo = p.conninfo();
        QVERIFY2(conninfo.contains(QLatin1String("host='db1.example.com,db2.example.com'"))
                     && conninfo.contains(QLatin1String("port='5432,5433'"))
                     && conninfo.contains(QLatin1String("target_session_attrs='read-write'")),
                 qPrintable(conninfo));
        // kept by the store, and shown again
        store.save(p);
        dialog.setForm(store.load().first());
        QCOMPARE(dialog.profileFromForm().ports, QStringLiteral("5432,5433"));
        QCOMPARE(target->currentData().toString(), QStringLiteral("read-write"));
        // three ports for two hosts: refused, named
        ConnectionProfile wrong = p;
        wrong.ports = QStringLiteral("1,2,3");
        const Status valid = wrong.isValid();
        QVERIFY(!valid);
        QCOMPARE(valid.error().code(), ErrorCode::BadInput);
        QCOMPARE(valid.error().arg(QStringLiteral("field")).toString(), QStringLiteral("ports"));
        QCOMPARE(valid.error().arg(QStringLiteral("portCount")).toInt(), 3);
    }

    void testSaysWhichHostAnswered()
    {
        ProfileStore store;
        PasswordStore passwords(QStringLiteral("uaip-admin-test"));
        ProfileDialog dialog(&store, &passwords, &m_jobs);
        dialog.show();
        dialog.setForm(both(QStringLiteral("read-write")));
        QSignalSpy tested(&dialog, &ProfileDialog::tested);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")),
                          Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.resultText()));
        const QString primary
            = QStringLiteral("%1:%2").arg(m_primary->socketDir()).arg(m_primary->port());
        QVERIFY2(dialog.resultText().contains(QStringLiteral("on %1 (primary)").arg(primary)),
                 qPrintable(dialog.resultText()));

        const ConnectionDiagnosis standby
            = ConnectionTester::test(SessionSpec::from(both(QStringLiteral("standby")), QString()));
        QVERIFY2(standby.ok(), qPrintable(standby.toString()));
        QCOMPARE(standby.answeredHost,
                 QStringLiteral("%1:%2").arg(m_standby->socketDir()).arg(m_standby->port()));
        QVERIFY(standby.standby);
        QCOMPARE(standby.serverRole, QStringLiteral("standby (read-only) of %1").arg(primary));
    }
};

QTEST_MAIN(TestMultiHostProfile)
#include "tst_multihostprofile.moc"
