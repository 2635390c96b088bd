// The Entities view's actions that guard staged edits and need something to work on (issue 21,
// point 13), driving the real EntitiesView (QT_QPA_PLATFORM=offscreen) against the sandbox.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browsetestutil.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QAction>
#include <QMessageBox>
#include <QStandardPaths>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

void setUp(TestDatabase &db)
{
    const PgResult r
        = db.witness().execScript("CREATE TABLE narrow (id int PRIMARY KEY, note text);\n"
                                  "INSERT INTO narrow VALUES (1, 'one'), (2, 'two');\n");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

} // namespace

class TestEntitiesActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Issue 21, point 13: Revert asks before the staged edits are dropped; Cancel keeps them.
    void revertAsksBeforeDroppingEdits()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "narrow"));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), QStringLiteral("changed")));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        view.revertAction()->trigger();
        QVERIFY2(asked.contains(QStringLiteral("1 staged change")), qPrintable(asked));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        asked.clear();
        answerNextBox(QMessageBox::Discard, &asked);
        view.revertAction()->trigger();
        QVERIFY(!asked.isEmpty());
        QCOMPARE(view.model()->pendingChangeCount(), 0);
        QCOMPARE(db.scalar("SELECT note FROM narrow WHERE id = 1"), QStringLiteral("one"));
    }

    // Issue 21, point 13: Refresh needs a connection, Filter an open table.
    void refreshAndFilterNeedSomethingToWorkOn()
    {
        EntitiesView view;
        view.show();
        view.setTarget(std::nullopt);
        QVERIFY(!view.refreshAction()->isEnabled());
        QAction *filter = viewAction(view, QStringLiteral("Filter"));
        QVERIFY(filter);
        QVERIFY(!filter->isEnabled());
        TestDatabase db;
        setUp(db);
        view.setTarget(specOf(db));
        QVERIFY(view.refreshAction()->isEnabled());
        QVERIFY(!filter->isEnabled());
        QVERIFY(openInView(view, "public", "narrow"));
        QVERIFY(filter->isEnabled());
    }
};

QTEST_MAIN(TestEntitiesActions)
#include "tst_entitiesactions.moc"
