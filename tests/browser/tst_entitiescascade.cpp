// Issue 21, point 3 (view): the save preview of the Entities view lists what a DELETE cascades
// to in other tables, per table with row counts, and a cascade of more than a handful of rows
// is asked about once more, naming the tables, before anything is written. Against the
// sandbox, with the real EntitiesView (QT_QPA_PLATFORM=offscreen).
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browser/savepreviewdialog.h"
#include "browsetestutil.h"
#include "testdatabase.h"
#include "viewtestutil.h"

#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

void setUp(TestDatabase &db)
{
    const PgResult r = db.witness().execScript(
        "CREATE TABLE discussion (id int PRIMARY KEY, title text);\n"
        "CREATE TABLE participant (id int PRIMARY KEY,\n"
        "    discussion_id int NOT NULL REFERENCES discussion ON DELETE CASCADE);\n"
        "CREATE TABLE reply (id int PRIMARY KEY,\n"
        "    participant_id int NOT NULL REFERENCES participant ON DELETE CASCADE);\n"
        "CREATE TABLE thread (id int PRIMARY KEY,\n"
        "    discussion_id int REFERENCES discussion ON DELETE SET NULL);\n"
        "INSERT INTO discussion VALUES (1, 'small'), (2, 'large'), (3, 'alone');\n"
        "INSERT INTO participant VALUES (1, 1), (2, 1), (3, 1);\n"
        "INSERT INTO participant SELECT g, 2 FROM generate_series(10, 21) g;\n"
        "INSERT INTO reply VALUES (1, 1);\n"
        "INSERT INTO thread VALUES (1, 1);\n");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

// Stages the delete of the grid row holding discussion id and opens the save preview, once
// the cascade is counted.
SavePreviewDialog *previewDeleteOf(EntitiesView &view, int id)
{
    int row = -1;
    for (int r = 0; r < view.model()->rowCount(); ++r)
        if (view.model()->data(view.model()->index(r, 0), Qt::EditRole).toInt() == id)
            row = r;
    if (row < 0)
        return nullptr;
    view.model()->deleteRows({row});
    view.saveAction()->trigger();
    SavePreviewDialog *preview = view.findChild<SavePreviewDialog *>();
    if (!preview)
        return nullptr;
    return QTest::qWaitFor([preview] { return !preview->isCounting(); }, 20000) ? preview : nullptr;
}

} // namespace

class TestEntitiesCascade : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // One DELETE, and the preview says what goes with it: 3 participants, the cascade of the
    // cascade (1 reply) and 1 thread whose key is set to NULL. 5 rows: no extra question.
    void previewListsTheCascade()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "discussion"));
        SavePreviewDialog *preview = previewDeleteOf(view, 1);
        QVERIFY(preview);
        const QString text = preview->cascadeText();
        QVERIFY2(preview->cascadeLabel()->isVisibleTo(preview), qPrintable(text));
        QVERIFY2(preview->cascadeLabel()->wordWrap(), qPrintable(text));
        for (const char *line :
             {"public.participant: 3 row(s) deleted", "public.reply: 1 row(s) deleted",
              "public.thread: 1 row(s) changed"})
            QVERIFY2(text.contains(QLatin1String(line)), qPrintable(text));
        // Any question box would be recorded and cancelled (then nothing would be saved).
        QString asked;
        QTimer watcher(&view);
        connect(&watcher, &QTimer::timeout, &view, [&asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = box->text();
                box->reject();
            }
        });
        watcher.start(20);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY2(saved.wait(20000), qPrintable(asked));
        QVERIFY2(asked.isEmpty(), qPrintable(asked)); // a handful: not asked again
        QVERIFY(saved.first().first().value<SaveResult>().ok);
        QCOMPARE(db.scalar("SELECT count(*) FROM participant WHERE discussion_id = 1"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM thread WHERE discussion_id IS NULL"),
                 QStringLiteral("1"));
    }

    // Deleting "large" takes 12 participants: after Save in the preview the view asks again,
    // naming the table and the count; Cancel writes nothing, Save writes it.
    void largeCascadeIsConfirmed()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "discussion"));
        SavePreviewDialog *preview = previewDeleteOf(view, 2);
        QVERIFY(preview);
        QVERIFY2(preview->cascadeText().contains("public.participant: 12 row(s) deleted"),
                 qPrintable(preview->cascadeText()));
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        preview->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 10000);
        QVERIFY2(asked.contains(QStringLiteral("12 row(s) of other tables")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("public.participant: 12 row(s) deleted")),
                 qPrintable(asked));
        // The answer was handled when the question returned: a save would have begun there.
        QVERIFY(!view.model()->isSaving());
        QCOMPARE(view.model()->pendingChangeCount(), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM participant WHERE discussion_id = 2"),
                 QStringLiteral("12"));

        view.saveAction()->trigger();
        preview = view.findChild<SavePreviewDialog *>();
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->isCounting(), 20000);
        asked.clear();
        answerNextBox(QMessageBox::Save, &asked);
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY(!asked.isEmpty());
        QVERIFY2(saved.first().first().value<SaveResult>().ok,
                 qPrintable(saved.first().first().value<SaveResult>().message));
        QCOMPARE(db.scalar("SELECT count(*) FROM participant WHERE discussion_id = 2"),
                 QStringLiteral("0"));
    }

    // Someone adds a participant between the preview and Save: the save counts again in its
    // own transaction, writes nothing, and the preview comes back with the new count; saved
    // from there, it goes through.
    void cascadeChangedSincePreviewIsShownAgain()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "discussion"));
        SavePreviewDialog *preview = previewDeleteOf(view, 1);
        QVERIFY(preview);
        QVERIFY2(preview->cascadeText().contains("public.participant: 3 row(s) deleted"),
                 qPrintable(preview->cascadeText()));
        QVERIFY(db.witness().exec("INSERT INTO participant VALUES (4, 1)").ok());
        QSignalSpy saved(view.model(), &EntityModel::saveFinished);
        preview->accept();
        QVERIFY(saved.wait(20000));
        const SaveResult refused = saved.takeFirst().first().value<SaveResult>();
        QVERIFY(refused.cascadeChanged);
        QCOMPARE(db.scalar("SELECT count(*) FROM participant WHERE discussion_id = 1"),
                 QStringLiteral("4"));
        SavePreviewDialog *again = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((again = view.findChild<SavePreviewDialog *>()) && again != preview
                                     && again->isVisible(),
                                 10000);
        QVERIFY(!again->isCounting());
        QVERIFY2(again->cascadeText().contains("changed since the last preview"),
                 qPrintable(again->cascadeText()));
        QVERIFY2(again->cascadeText().contains("public.participant: 4 row(s) deleted"),
                 qPrintable(again->cascadeText()));
        again->accept();
        QVERIFY(saved.wait(20000));
        const SaveResult ok = saved.takeFirst().first().value<SaveResult>();
        QVERIFY2(ok.ok, qPrintable(ok.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM participant WHERE discussion_id = 1"),
                 QStringLiteral("0"));
    }

    // A row nothing references: the preview says that nothing else goes.
    void previewSaysWhenNothingCascades()
    {
        TestDatabase db;
        setUp(db);
        EntitiesView view;
        view.show();
        view.setTarget(specOf(db));
        QVERIFY(openInView(view, "public", "discussion"));
        SavePreviewDialog *preview = previewDeleteOf(view, 3);
        QVERIFY(preview);
        QVERIFY2(preview->cascadeText().contains(QStringLiteral("Nothing else")),
                 qPrintable(preview->cascadeText()));
        preview->reject();
    }
};

QTEST_MAIN(TestEntitiesCascade)
#include "tst_entitiescascade.moc"
