// The GUI on a streaming standby (issue 33, point 3): the Migrations view disables applying and
// rolling back with the reason (the server is a standby, of which primary), and the connection
// bar shows STANDBY. A private primary and a pg_basebackup -R standby, started by the test.
#include "connections/connectionbar.h"
#include "db/sandbox.h"
#include "migrationsviewtestutil.h"
#include "primaryserver.h"
#include "standbyserver.h"

#include <QApplication>

using namespace uaip;
using namespace uaip::test;

class TestStandbyView : public QObject, public MigrationsViewFixture
{
    Q_OBJECT

private:
    std::unique_ptr<PrimaryServer> m_primary;
    std::unique_ptr<StandbyServer> m_standby;

private slots:
    void initTestCase()
    {
        m_primary = std::make_unique<PrimaryServer>();
        QVERIFY2(m_primary->isRunning(), qPrintable(m_primary->error()));
        const Status made = m_primary->createDatabase(QStringLiteral("app"));
        QVERIFY2(made, qPrintable(made.error().toString()));
        m_standby = std::make_unique<StandbyServer>(m_primary->socketDir(), m_primary->port());
        QVERIFY2(m_standby->isRunning(), qPrintable(m_standby->error()));
    }

    void cleanupTestCase()
    {
        m_standby.reset(); // before its primary
        m_primary.reset();
    }

    void migrationsViewDisablesWritesOnAStandby()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("standby");
        p.host = m_standby->socketDir();
        p.port = m_standby->port();
        p.user = QStringLiteral("postgres");
        p.database = QStringLiteral("app");
        p.sslMode = QStringLiteral("disable");
        bool read = false;
        auto view = openView(SessionSpec::from(p, QString()), {kFirst}, &read);
        QVERIFY(view);
        QVERIFY(read);
        const QString primary
            = QStringLiteral("%1:%2").arg(m_primary->socketDir()).arg(m_primary->port());
        for (QAction *a : view->actions()->writeActions()) {
            QVERIFY(!a->isEnabled());
            QVERIFY2(
                a->toolTip().contains(QStringLiteral("standby (read-only) of %1").arg(primary)),
                qPrintable(a->toolTip()));
        }
        QVERIFY(view->actions()->dryRun->isEnabled());
        // the connection bar is told, and says so
        QSignalSpy role(view.get(), &MigrationsView::serverRole);
        view->refresh();
        QVERIFY(role.wait(30000));
        QCOMPARE(role.first().at(1).toBool(), true);
        ConnectionBar bar;
        bar.setCurrent(p, QStringLiteral("connected"));
        bar.setServerRole(role.first().at(0).toString(), true);
        QVERIFY2(bar.badgeText().contains(QLatin1String("STANDBY")), qPrintable(bar.badgeText()));
        bar.setCurrent(p, QStringLiteral("connected")); // another profile: no badge of its
        QVERIFY(!bar.badgeText().contains(QLatin1String("STANDBY")));
    }
};

QTEST_MAIN(TestStandbyView)
#include "tst_standbyview.moc"
