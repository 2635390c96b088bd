// One refresh after a schema change (issue 46, point 2), in the main window against a fresh
// database of the test sandbox: views loaded before "Apply all" (Analytics without its tables,
// Prompts without migration 0014) read the catalog again once the run is over; F5 is the
// window's Refresh all; Reconnect opens every session again; Help lists the shortcuts.
#include "analytics/analyticsview.h"
#include "connections/profilestore.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "migrationsviewtestutil.h"
#include "platformtemplate.h"
#include "prompts/promptsview.h"
#include "shell/mainwindow.h"
#include "shell/shellmenus.h"
#include "shell/shortcutsdialog.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Triggers action and waits for the run's end.
bool runAndWait(MigrationsView *view, QAction *action)
{
    QSignalSpy finished(view, &MigrationsView::runFinished);
    action->trigger();
    return !finished.isEmpty() || finished.wait(60000);
}

} // namespace

class TestRefreshAll : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void viewsReadTheCatalogAgainAfterApplyAll()
    {
        TestDatabase db;
        MainWindow window(MainWindow::Options{});
        ScriptedConfirmer confirmer;
        window.migrationsView()->setConfirmer(&confirmer);
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        window.migrationsView()->setTarget(specOf(db));
        window.analyticsView()->setTarget(specOf(db));
        window.promptsView()->setTarget(specOf(db));
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.analyticsView()->statusText().contains(
                                     QStringLiteral("Cannot read the measurements")),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.promptsView()->encryptionText().contains(
                                     QStringLiteral("0014_prompt_encryption not applied")),
                                 20000);

        QSignalSpy analytics(window.analyticsView(), &AnalyticsView::refreshFinished);
        QVERIFY(runAndWait(window.migrationsView(), window.migrationsView()->actions()->applyAll));
        QTRY_VERIFY_WITH_TIMEOUT(!analytics.isEmpty(), 30000);
        QVERIFY2(!window.analyticsView()->statusText().contains(QStringLiteral("Cannot read")),
                 qPrintable(window.analyticsView()->statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.promptsView()->encryptionText().contains(QStringLiteral("not applied")), 20000);
        QVERIFY(window.promptsView()->encryptionText().startsWith(
            QStringLiteral("Encryption at rest: off")));
    }

    void f5IsTheWindowsOnlyAndReconnectOpensNewSessions()
    {
        TestDatabase db(PlatformTemplate::name()); // the platform's tables: the charts read
        ProfileStore store;
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("trusted");
        profile.sandbox = false;
        store.save(profile);
        store.sync();
        MainWindow window(MainWindow::Options{});
        QAction *f5 = window.menus()->refreshAllAction();
        QVERIFY(f5->shortcuts().contains(QKeySequence(Qt::Key_F5)));
        for (QAction *a : window.findChildren<QAction *>())
            if (a != f5) // one F5, never ambiguous
                QVERIFY2(!a->shortcuts().contains(QKeySequence(Qt::Key_F5)), qPrintable(a->text()));

        // A profile without a stored password on a server that needs none: no question.
        QSignalSpy connected(&window, &MainWindow::connected);
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        QSignalSpy analytics(window.analyticsView(), &AnalyticsView::refreshFinished);
        window.connectProfile(QStringLiteral("trusted"));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20000);
        // counted, not waited for: a signal may come while the step before processes events
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30000);
        QVERIFY(!QApplication::activeModalWidget());

        QTRY_VERIFY_WITH_TIMEOUT(!analytics.isEmpty(), 30000);
        const QList<int> before = window.analyticsView()->backendPids();
        const qsizetype refreshes = refreshed.size();
        const qsizetype charts = analytics.size();
        f5->trigger();
        // the Migrations status read again, and the charts
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > refreshes, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(analytics.size() > charts, 30000);
        QCOMPARE(window.analyticsView()->backendPids(), before); // on the same sessions

        const qsizetype beforeReconnect = refreshed.size();
        window.menus()->reconnectAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > beforeReconnect, 30000);
        // New sessions: none of the earlier server processes.
        const auto newSessions = [&window, &before] {
            const QList<int> now = window.analyticsView()->backendPids();
            bool any = false;
            for (int pid : now) {
                if (pid != 0 && before.contains(pid))
                    return false;
                any = any || pid != 0;
            }
            return any;
        };
        QTRY_VERIFY_WITH_TIMEOUT(newSessions(), 30000);
    }

    void theShortcutsDialogListsTheWindowsKeys()
    {
        MainWindow window(MainWindow::Options{});
        ShortcutsDialog dialog(&window, {{window.migrationsView(), QStringLiteral("Migrations")}});
        QStringList rows;
        for (int i = 0; i < dialog.table()->rowCount(); ++i)
            rows.append(dialog.table()->item(i, 0)->text() + u'|'
                        + dialog.table()->item(i, 1)->text() + u'|'
                        + dialog.table()->item(i, 2)->text());
        QVERIFY2(rows.contains(QStringLiteral("Everywhere|Refresh all|F5")),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(QStringLiteral("Migrations|Apply all pending|Ctrl+Return")),
                 qPrintable(rows.join(u'\n')));
    }
};

QTEST_MAIN(TestRefreshAll)
#include "tst_refreshall.moc"
