// Issue 34, point 9: every question about unsaved changes has Cancel as its default button, so
// Enter never drops an edit. "Discard your unsaved changes?" when picking another prompt in the
// list defaulted to Yes (Enter dropped the edit); quitting with staged Entities edits defaulted
// to Save. The real views against the test sandbox; Enter is pressed in each box.
#include "../browser/browsetestutil.h"
#include "../browser/viewtestutil.h"
#include "browser/entitiesview.h"
#include "prompts/prompteditor.h"
#include "prompts/promptlistpanel.h"
#include "prompts/prompttextedit.h"
#include "promptviewtestutil.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace uaip;
using namespace uaip::test;

namespace {

// Presses Enter in the next message box that opens; *seen gets its default button (NoButton
// when it has none) and its text.
void pressEnterInNextBox(QMessageBox::StandardButton *seen, QString *text)
{
    *seen = QMessageBox::NoButton;
    auto *timer = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, seen, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (++*tries > 1000)
                timer->deleteLater();
            return;
        }
        timer->stop();
        timer->deleteLater();
        if (QPushButton *d = box->defaultButton())
            *seen = box->standardButton(d);
        *text = box->text();
        QTest::keyClick(box, Qt::Key_Return);
        if (box->isVisible())
            box->reject();
    });
    timer->start(10);
}

} // namespace

class TestDiscardDefaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pickingAnotherPromptDefaultsToCancel()
    {
        PromptViewFixture f(QStringLiteral("tst_discarddefaults"));
        QVERIFY(f.open());
        f.view.editor()->systemEdit()->setText(QStringLiteral("An edit not saved yet."));
        QVERIFY(f.view.editor()->isModified());
        auto *list = f.view.findChild<PromptListPanel *>();
        QVERIFY(list);
        auto *table = list->findChild<QTableView *>();
        QVERIFY(table);
        int other = -1;
        for (int row = 0; row < table->model()->rowCount() && other < 0; ++row)
            if (!table->model()->index(row, 0).data().toString().isEmpty()
                && table->currentIndex().row() != row)
                other = row;
        QVERIFY(other >= 0);
        QMessageBox::StandardButton seen;
        QString text;
        pressEnterInNextBox(&seen, &text);
        table->setCurrentIndex(table->model()->index(other, 0));
        QTRY_VERIFY(!text.isEmpty());
        QCOMPARE(seen, QMessageBox::Cancel);
        QVERIFY2(text.contains(kCoach), qPrintable(text));
        // Enter kept the edit and the prompt (the view decided inside the selection change,
        // which the answered question has returned to: a switch sets the current prompt there).
        QCOMPARE(f.view.currentPromptId(), kCoach);
        QVERIFY(f.view.editor()->isModified());
        // Quitting asks the same way.
        pressEnterInNextBox(&seen, &text);
        QVERIFY(!f.view.confirmClose());
        QCOMPARE(seen, QMessageBox::Cancel);
    }

    void stagedEditsDefaultToCancel()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE TABLE t (id int PRIMARY KEY, name text); "
                                "INSERT INTO t VALUES (1, 'one')")
                    .ok());
        EntitiesView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, QStringLiteral("public"), QStringLiteral("t")));
        QVERIFY(view.model()->setData(view.model()->index(0, 1), QStringLiteral("uno")));
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QMessageBox::StandardButton seen;
        QString text;
        pressEnterInNextBox(&seen, &text); // leaving the table
        QVERIFY(!view.confirmLeave(QStringLiteral("Opening another table")));
        QCOMPARE(seen, QMessageBox::Cancel);
        pressEnterInNextBox(&seen, &text); // quitting
        QVERIFY(!view.confirmClose());
        QCOMPARE(seen, QMessageBox::Cancel);
        QCOMPARE(view.model()->pendingChangeCount(), 1); // Enter kept them, saved nothing
        QVERIFY(!view.model()->isSaving()); // a save would have begun inside the calls above
        QCOMPARE(db.scalar("SELECT name FROM t WHERE id = 1"), QStringLiteral("one"));
    }
};

QTEST_MAIN(TestDiscardDefaults)
#include "tst_discarddefaults.moc"
