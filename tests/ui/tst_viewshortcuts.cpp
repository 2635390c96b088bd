// Issue 21, point 5: a shortcut belongs to the view that shows it. In the real MainWindow,
// connected to a fresh database of the test sandbox, every shortcut each view advertises
// (its actions' shortcuts(), named in their tooltips) is sent with QTest::keyClick to a
// focused widget of that view while it is shown: it triggers that action, exactly once,
// without "Ambiguous shortcut overload", and no action of another view.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "migrations/migrationtableview.h"
#include "shell/mainwindow.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace uaip;

namespace {

// The actions with a shortcut that a view shows: its own and those of its tool bars.
QList<QAction *> shortcutActions(QWidget *view)
{
    QList<QAction *> all = view->actions();
    for (QToolBar *bar : view->findChildren<QToolBar *>())
        all << bar->actions();
    QList<QAction *> out;
    for (QAction *a : all)
        if (!a->shortcuts().isEmpty() && !out.contains(a))
            out << a;
    return out;
}

QString describe(QAction *a, const QKeySequence &key)
{
    return QStringLiteral("%1 (%2)").arg(a->text(), key.toString(QKeySequence::NativeText));
}

} // namespace

class TestViewShortcuts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyShortcutTriggersItsActionInItsView()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Ambiguous shortcut")));
        test::TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE t (id int PRIMARY KEY, v text); "
                                "INSERT INTO t VALUES (1, 'a'), (2, 'b')")
                    .ok());
        MainWindow window(MainWindow::Options{});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        const SessionSpec spec = SessionSpec::from(profile, QString());
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        window.migrationsView()->setTarget(spec);
        QVERIFY(refreshed.wait(30000));
        EntitiesView *entities = window.entitiesView();
        entities->setTarget(spec);
        QSignalSpy opened(entities->model(), &EntityModel::tableOpened);
        entities->openTable(QStringLiteral("public"), QStringLiteral("t"));
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(
            entities->model()->rowCount() == 2 && !entities->model()->loader()->isLoading(), 20000);

        struct Shown
        {
            MainWindow::View view;
            QWidget *widget;
            QWidget *focus; // where the keys go
        };
        auto *migrationTable = window.migrationsView()->findChild<MigrationTableView *>();
        QVERIFY(migrationTable);
        QList<Shown> views{{MainWindow::Migrations, window.migrationsView(), migrationTable},
                           {MainWindow::Entities, entities, entities->grid()}};
        for (const MainWindow::View v :
             {MainWindow::Prompts, MainWindow::Analytics, MainWindow::Activity}) {
            auto *stack = window.findChild<QStackedWidget *>();
            QVERIFY(stack);
            QWidget *widget = stack->widget(int(v));
            QWidget *focus = nullptr;
            for (QWidget *child : widget->findChildren<QWidget *>())
                if (!focus && (child->focusPolicy() & Qt::TabFocus))
                    focus = child;
            QVERIFY(focus);
            views.append({v, widget, focus});
        }

        // Every action of every view, with its handlers removed (the test checks where a key
        // goes, not what the action does) and enabled, so a triggered signal is the only effect.
        QHash<QAction *, QWidget *> owner;
        for (const Shown &s : views)
            for (QAction *a : shortcutActions(s.widget)) {
                owner.insert(a, s.widget);
                QObject::disconnect(a, &QAction::triggered, nullptr, nullptr);
            }
        QVERIFY2(owner.size() >= 15, qPrintable(QString::number(owner.size())));

        int checked = 0;
        for (const Shown &s : views) {
            window.showView(s.view);
            QTRY_VERIFY(s.widget->isVisible());
            s.focus->setFocus(Qt::OtherFocusReason);
            QTRY_VERIFY(s.focus->hasFocus());
            for (QAction *a : shortcutActions(s.widget)) {
                // advertised: the tooltip names the key
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(a->toolTip()));
                for (const QKeySequence &key : a->shortcuts()) {
                    for (QAction *other : owner.keys())
                        other->setEnabled(true);
                    QList<std::shared_ptr<QSignalSpy>> spies;
                    QHash<QAction *, int> index;
                    for (QAction *other : owner.keys()) {
                        index.insert(other, int(spies.size()));
                        spies << std::make_shared<QSignalSpy>(other, &QAction::triggered);
                    }
                    QWidget *target = QApplication::focusWidget();
                    QVERIFY2(target && s.widget->isAncestorOf(target), qPrintable(a->text()));
                    QTest::keyClick(target, key[0].key(), key[0].keyboardModifiers());
                    QVERIFY2(spies.at(index.value(a))->size() == 1,
                             qPrintable(QStringLiteral("%1 in %2 did not trigger")
                                            .arg(describe(a, key), MainWindow::viewKey(s.view))));
                    for (QAction *other : owner.keys())
                        if (other != a)
                            QVERIFY2(
                                spies.at(index.value(other))->isEmpty(),
                                qPrintable(QStringLiteral("%1 in %2 triggered %3")
                                               .arg(describe(a, key), MainWindow::viewKey(s.view),
                                                    other->text())));
                    ++checked;
                    // keep the focus in the view (an action may have moved it, e.g. Ctrl+F)
                    s.focus->setFocus(Qt::OtherFocusReason);
                }
            }
            // The other views' keys do nothing here.
            for (QAction *other : owner.keys()) {
                if (owner.value(other) == s.widget)
                    continue;
                QSignalSpy spy(other, &QAction::triggered);
                const QKeySequence key = other->shortcut();
                QTest::keyClick(QApplication::focusWidget(), key[0].key(),
                                key[0].keyboardModifiers());
                QVERIFY2(spy.isEmpty(),
                         qPrintable(QStringLiteral("%1 triggered in %2")
                                        .arg(describe(other, key), MainWindow::viewKey(s.view))));
                s.focus->setFocus(Qt::OtherFocusReason);
            }
        }
        qInfo("%d shortcuts checked", checked);
        QVERIFY(checked >= 15);
    }

    // A view chosen with Ctrl+1..4 or a click in the side bar takes the focus, so its own
    // shortcuts work without a click into it first.
    void aChosenViewTakesTheFocus()
    {
        test::TestDatabase db;
        MainWindow window(MainWindow::Options{});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("test");
        profile.sandbox = false;
        const SessionSpec spec = SessionSpec::from(profile, QString());
        QSignalSpy refreshed(window.migrationsView(), &MigrationsView::refreshed);
        window.migrationsView()->setTarget(spec);
        QVERIFY(refreshed.wait(30000));
        window.entitiesView()->setTarget(spec);
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        sidebar->setFocus();
        QTRY_VERIFY(sidebar->hasFocus());

        QSignalSpy entitiesRefresh(window.entitiesView()->refreshAction(), &QAction::triggered);
        QTest::keyClick(sidebar, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::Entities);
        QTRY_VERIFY(window.entitiesView()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QCOMPARE(entitiesRefresh.size(), 1);

        QSignalSpy migrationsRefresh(window.migrationsView()->actions()->refresh,
                                     &QAction::triggered);
        const QRect item = sidebar->visualItemRect(sidebar->item(MainWindow::Migrations));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(window.currentView(), MainWindow::Migrations);
        QTRY_VERIFY(window.migrationsView()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QCOMPARE(migrationsRefresh.size(), 1);
        QCOMPARE(entitiesRefresh.size(), 1);
    }
};

QTEST_MAIN(TestViewShortcuts)
#include "tst_viewshortcuts.moc"
