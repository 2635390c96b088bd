// Widget tests of the migrations view against a real database of the test sandbox, its guards
// and bad input: production rollback and apply (typed name, backup first), read-only
// profiles, the lock held elsewhere, a wrong password, no session before the password is
// known, a ledger from a newer version, and a user without DDL rights.
#include "db/sandbox.h"
#include "jobs/sessionworker.h"
#include "ledger/migrationlock.h"
#include "migrations/backupgate.h"
#include "migrations/rollbackconfirmdialog.h"
#include "migrationsviewtestutil.h"
#include "requireorskip.h"
#include "testcluster.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSqlDatabase>
#include <QTimer>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsViewGuards : public QObject, protected MigrationsViewFixture
{
    Q_OBJECT

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void productionRollbackNeedsTypedName()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond}, productionFlags());
        QVERIFY(view);
        view->backupGate()->checkBox()->setChecked(false); // backups: productionApplyBacksUpFirst
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        view->setConfirmer(nullptr); // the real dialog

        // Wrong name: the Roll back button stays disabled; Esc closes; nothing happens.
        bool checked = false;
        auto answer = [&checked, &db](const QString &typed, bool go) {
            QTimer *poll = new QTimer;
            QObject::connect(poll, &QTimer::timeout, poll, [=, &checked, &db] {
                auto *dialog
                    = qobject_cast<RollbackConfirmDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                poll->deleteLater();
                poll->stop();
                QVERIFY(dialog->nameEdit());
                QVERIFY(!dialog->rollbackButton()->isEnabled());
                QTest::keyClicks(dialog->nameEdit(), typed);
                QCOMPARE(dialog->rollbackButton()->isEnabled(), typed == db.name());
                checked = true;
                if (go)
                    QTest::mouseClick(dialog->rollbackButton(), Qt::LeftButton);
                else {
                    QTest::mouseClick(dialog->rollbackButton(), Qt::LeftButton); // disabled
                    QTest::keyClick(dialog, Qt::Key_Escape);
                }
            });
            poll->start(10);
        };
        answer(db.name() + QStringLiteral("x"), false);
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackLast));
        QVERIFY(checked);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NOT NULL"), QStringLiteral("t"));

        checked = false;
        answer(db.name(), true);
        QVERIFY(runAndWait(view.get(), view->actions()->rollbackLast));
        QVERIFY(checked);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NULL"), QStringLiteral("t"));
    }

    void lockHeldByAnotherSession()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst});
        QVERIFY(view);
        QCOMPARE(db.scalar("SELECT pg_advisory_lock($1, $2)::text",
                           {MigrationLock::kClassId, MigrationLock::kObjectId}),
                 QString());
        const int pid = db.witness().backendPid();
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QVERIFY(m_confirmer.holder);
        QCOMPARE(m_confirmer.holder->pid, pid);
        QVERIFY2(view->bannerText().contains(QString::number(pid)), qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        db.scalar("SELECT pg_advisory_unlock_all()::text");
    }

    void readOnlyDisablesWrites()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst}, readOnlyFlags());
        QVERIFY(view);
        for (QAction *a : view->actions()->writeActions()) {
            QVERIFY(!a->isEnabled());
            QVERIFY(a->toolTip().contains(QStringLiteral("read-only")));
        }
        QVERIFY(view->actions()->dryRun->isEnabled());
    }

    // #21.13: Apply all and Apply up to selected are enabled only when they would apply
    // something, and say why not.
    void applyNeedsSomethingPending()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        MigrationActions *a = view->actions();
        QVERIFY(a->applyAll->isEnabled());
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(a->applyToSelected->isEnabled());
        QVERIFY(runAndWait(view.get(), a->applyToSelected)); // 0001 applied, 0002 pending
        QTRY_VERIFY(!view->isBusy());
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QTRY_VERIFY(!a->applyToSelected->isEnabled());
        QVERIFY2(a->applyToSelected->toolTip().contains(QStringLiteral("nothing to apply")),
                 qPrintable(a->applyToSelected->toolTip()));
        QVERIFY(a->applyAll->isEnabled());
        QVERIFY(view->selectVersion(QStringLiteral("0002")));
        QTRY_VERIFY(a->applyToSelected->isEnabled());
        QVERIFY(runAndWait(view.get(), a->applyAll));
        QTRY_VERIFY(!view->isBusy());
        QTRY_VERIFY(!a->applyAll->isEnabled());
        QVERIFY2(a->applyAll->toolTip().contains(QStringLiteral("nothing to apply")),
                 qPrintable(a->applyAll->toolTip()));
        QVERIFY(!a->applyToSelected->isEnabled());
        QVERIFY(a->rollbackLast->isEnabled());
    }

    void productionApplyBacksUpFirst()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond}, productionFlags());
        QVERIFY(view);
        QVERIFY(view->backupGate()->isOffered());
        QVERIFY(view->backupGate()->wanted());
        QTemporaryDir out;
        // 1. a file that cannot be written: the backup fails and nothing is applied
        m_confirmer.backupFile = out.path() + QStringLiteral("/no/such/folder/db.dump");
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(QStringLiteral("backup")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        // 2. a good file: pg_dump first, then the migrations
        m_confirmer.backupFile = out.path() + QStringLiteral("/before.dump");
        QVERIFY(db.witness().exec("CREATE TABLE kept_by_backup (id int)").ok());
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(true));
        QCOMPARE(m_confirmer.backupAsked, 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("2"));
        QProcess list;
        list.start(QStringLiteral("pg_restore"),
                   {QStringLiteral("--list"), m_confirmer.backupFile});
        QVERIFY(list.waitForFinished(30000));
        QCOMPARE(list.exitCode(), 0);
        const QString toc = QString::fromUtf8(list.readAllStandardOutput());
        QVERIFY2(toc.contains(QStringLiteral("TABLE public kept_by_backup")), qPrintable(toc));
        QVERIFY(!toc.contains(QStringLiteral("TABLE public accounts"))); // taken before applying
        // 3. not production: no checkbox, no question
        test::TestDatabase other;
        auto plain = makeView(other, {kFirst});
        QVERIFY(!plain->backupGate()->isOffered());
        QVERIFY(!plain->backupGate()->wanted());
    }

    // Bad input: each one a clear message in the window, nothing applied, no freeze.
    void wrongPasswordIsReported()
    {
        test::TestDatabase db;
        const Sandbox &sandbox = test::TestCluster::sandbox();
        if (!sandbox.listensOnTcp())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "the test sandbox was started without --tcp (password auth needs TCP)"));
        db.witness().exec("DROP ROLE IF EXISTS uaip_gui_pw_user");
        QVERIFY(db.witness()
                    .exec("CREATE ROLE uaip_gui_pw_user LOGIN PASSWORD 'right-password-123'")
                    .ok());
        ConnectionProfile profile;
        profile.name = QStringLiteral("wrong password");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = sandbox.port();
        profile.user = QStringLiteral("uaip_gui_pw_user");
        profile.database = db.name();
        bool statusRead = true;
        auto view
            = openView(SessionSpec::from(profile, QStringLiteral("wrong")), {kFirst}, &statusRead);
        QVERIFY(view);
        QCOMPARE(statusRead, false);
        // invalid_password, as the banner shows it (not the server's words)
        QVERIFY2(view->bannerText().contains(QStringLiteral("28P01")),
                 qPrintable(view->bannerText()));
        QVERIFY(!view->actions()->applyAll->isEnabled());
        db.witness().exec("DROP ROLE uaip_gui_pw_user");
    }

    void ledgerFromNewerVersionIsRefused()
    {
        test::TestDatabase db;
        auto view = makeView(db, {kFirst, kSecond});
        QVERIFY(view);
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(runAndWait(view.get(), view->actions()->applyToSelected));
        QVERIFY(
            db.witness()
                .exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '7' WHERE key = 'format'")
                .ok());
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
        QVERIFY2(view->bannerText().contains(QStringLiteral("newer")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT to_regclass('orders') IS NULL"), QStringLiteral("t"));
    }

    void userWithoutDdlRightsIsReported()
    {
        test::TestDatabase db;
        const QString role = QStringLiteral("r_gui_") + db.name();
        QVERIFY(db.witness()
                    .exec("CREATE ROLE " + db.witness().quoteIdentifier(role)
                          + " LOGIN PASSWORD 'uaip-test-login'")
                    .ok());
        {
            SessionSpec spec = specOf(db, {}, QStringLiteral("no ddl"));
            spec.profile.user = role;
            auto view = openView(spec, {kFirst});
            QVERIFY(view);
            view->setLockWaitMs(500);
            QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(false));
            // insufficient_privilege, as the banner shows it (not the server's words)
            QVERIFY2(view->bannerText().contains(QStringLiteral("42501")),
                     qPrintable(view->bannerText()));
        }
        QCOMPARE(db.scalar("SELECT to_regclass('accounts') IS NULL"), QStringLiteral("t"));
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(role));
    }

    // No session before the password is known: a spec without one leaves the view
    // disconnected, with no worker and no QSqlDatabase connection.
    void noSessionBeforeThePasswordIsKnown()
    {
        test::TestDatabase db;
        MigrationsView view(&m_jobs);
        const QStringList before = QSqlDatabase::connectionNames();
        SessionSpec waiting = specOf(db);
        waiting.password.reset();
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        view.setTarget(waiting);
        QVERIFY(!view.isConnected());
        QVERIFY(!view.worker());
        QVERIFY(!view.actions()->refresh->isEnabled());
        QVERIFY(!refreshed.wait(500));
        QCOMPARE(QSqlDatabase::connectionNames(), before);
        view.setTarget(specOf(db));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY(view.worker());
        QVERIFY(QSqlDatabase::connectionNames().contains(view.worker()->connectionName()));
    }
};

QTEST_MAIN(TestMigrationsViewGuards)
#include "tst_migrationsviewguards.moc"
