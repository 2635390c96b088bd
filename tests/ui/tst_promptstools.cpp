// Widget tests of the Prompts view's tools against real databases of the test sandbox: the
// {{variable}} marks of the editor and the variables panel, the diff view (side by side,
// unified, word diff, parameters, "identical"), label moves with the typed database name on
// production profiles and the label history, import with its dry run (and broken files),
// export. Writes are checked through a second (witness) connection.
#include "promptviewtestutil.h"

#include "browser/typedconfirmdialog.h"
#include "prompts/importpreviewdialog.h"
#include "prompts/promptdiffview.h"
#include "prompts/prompteditor.h"
#include "prompts/promptexporter.h"
#include "prompts/promptlabelspanel.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptstore.h"
#include "prompts/prompttextedit.h"
#include "prompts/variablespanel.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Version 2 of the coach: one word changed in the second line, one line added, temperature.
void writeVersion2(PromptViewFixture &f)
{
    PromptStore store(f.connection);
    PromptSaveRequest r;
    r.promptId = kCoach;
    r.expectedLatestVersion = 1;
    r.content = store.get(kCoach).value().version.content;
    r.content.systemPrompt = QStringLiteral("You coach people.\nBe kind and brief.\nEnd.");
    r.content.temperature = 0.3;
    r.changeNote = QStringLiteral("v2");
    QVERIFY(store.save(r, PromptDatabase::actor()).ok());
    r.expectedLatestVersion = 2;
    r.content.systemPrompt = QStringLiteral("You coach people.\nBe warm and brief.\nEnd.\nMore.");
    r.content.temperature = 0.5;
    r.changeNote = QStringLiteral("v3");
    QVERIFY(store.save(r, PromptDatabase::actor()).ok());
}

template<typename T>
T *visibleDialog(QWidget *parent)
{
    for (T *d : parent->findChildren<T *>())
        if (d->isVisible())
            return d;
    return nullptr;
}

} // namespace

class TestPromptsTools : public QObject
{
    Q_OBJECT

private slots:
    void editorMarksVariablesAndProblems()
    {
        PromptTextEdit edit;
        edit.setPlainText(QStringLiteral("Hi {{name}}, {{}} and {{topic}}\n{{open"));
        // Two variables highlighted, the empty {{}} and the unclosed {{ squiggled.
        QCOMPARE(edit.marked(false), (QList<QPair<int, int>>{{3, 8}, {22, 9}}));
        const auto problems = edit.marked(true);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems[0].first, 13);
        QCOMPARE(edit.variables().problems().size(), 2);
        QVERIFY(edit.annotation(0).contains(QStringLiteral("empty")));
        QVERIFY(edit.annotation(1).contains(QStringLiteral("unclosed")));
        // Unicode letters are names too; positions are the editor's (UTF-8) ones.
        edit.setPlainText(QStringLiteral("Grüße {{straße}} x"));
        QCOMPARE(edit.marked(false), (QList<QPair<int, int>>{{8, 11}}));
        QVERIFY(edit.marked(true).isEmpty());
    }

    void variablesPanelRendersWithSamplesAndTheEditorBlocksProblems()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        editor->userEdit()->setText(QStringLiteral("Dear {{name}}, about {{topic}}:"));
        VariablesPanel *panel = editor->variablesPanel();
        QCOMPARE(panel->table()->rowCount(), 2);
        QCOMPARE(panel->table()->item(0, 0)->text(), QStringLiteral("name"));
        panel->table()->item(0, 1)->setText(QStringLiteral("Ada"));
        QCOMPARE(panel->rendered()->toPlainText(), QStringLiteral("Dear Ada, about {{topic}}:"));
        QVERIFY(editor->saveButton()->isEnabled());
        // A variable spanning lines is a problem: named, and Save is off.
        editor->userEdit()->setText(QStringLiteral("Dear {{na\nme}}"));
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(!editor->problems().isEmpty());
        QVERIFY(panel->rendered()->toPlainText().contains(QStringLiteral("Problems:")));
        // Validated fields: the widgets keep to the table's CHECKs.
        editor->maxTokensEdit()->setValue(500000);
        QCOMPARE(editor->maxTokensEdit()->value(), 200000);
        editor->temperatureEdit()->setValue(3);
        QCOMPARE(editor->temperatureEdit()->value(), 1.0);
        editor->userEdit()->setText(QString());
        editor->modelEdit()->clear();
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(editor->problems().join(u' ').contains(QStringLiteral("model")));
    }

    void diffViewShowsLinesWordsParametersAndIdentical()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        writeVersion2(f);
        QVERIFY(f.open());
        QSignalSpy shown(&f.view, &PromptsView::diffShown);
        f.view.compareVersions(2, 3);
        QVERIFY(shown.wait(20000));
        PromptDiffView *diff = f.view.diffView();
        QVERIFY(diff->isSideBySide());
        QVERIFY2(diff->summaryText().contains(QStringLiteral("system prompt")),
                 qPrintable(diff->summaryText()));
        const QString body = diff->bodyText();
        QVERIFY(body.contains(QStringLiteral("Be kind and brief.")));
        QVERIFY(body.contains(QStringLiteral("Be warm and brief.")));
        QVERIFY(body.contains(QStringLiteral("More.")));
        QVERIFY(body.contains(QStringLiteral("temperature")));
        QVERIFY(body.contains(QStringLiteral("0.3")) && body.contains(QStringLiteral("0.5")));
        // The changed words (not the whole line) are marked inside the changed pair.
        const QString html = diff->bodyHtml();
        QVERIFY(html.contains(QStringLiteral(">kind</span>")));
        QVERIFY(html.contains(QStringLiteral(">warm</span>")));
        QVERIFY(!html.contains(QStringLiteral(">Be kind and brief.</span>")));
        diff->setSideBySide(false);
        QVERIFY(diff->bodyText().contains(QStringLiteral("@@ -1,3 +1,4 @@")));
        QVERIFY(diff->bodyText().contains(QStringLiteral("+More.")));
        QVERIFY(diff->bodyHtml().contains(QStringLiteral(">warm</span>")));
        // Identical versions are said to be identical.
        QSignalSpy again(&f.view, &PromptsView::diffShown);
        f.view.compareVersions(3, 3);
        QVERIFY(again.wait(20000));
        QCOMPARE(diff->summaryText(), QStringLiteral("Versions 3 and 3 are identical."));
        QVERIFY(diff->bodyText().contains(QStringLiteral("Model parameters are identical.")));
    }

    void labelMoveOnAProductionProfileNeedsTheTypedNameAndShowsInHistory()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"), true);
        writeVersion2(f);
        QVERIFY(f.open());
        PromptLabelsPanel *labels = f.view.labelsPanel();
        // staging: no confirmation needed.
        labels->labelEdit()->setCurrentText(QStringLiteral("staging"));
        labels->versionEdit()->setValue(2);
        QSignalSpy moved(&f.view, &PromptsView::labelMoveFinished);
        QTest::mouseClick(labels->moveButton(), Qt::LeftButton);
        QVERIFY(moved.wait(20000));
        QVERIFY2(moved.first().first().toBool(), qPrintable(moved.first().last().toString()));
        QCOMPARE(f.text("SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p "
                        "ON p.id = l.prompt_id WHERE p.prompt_id = $1 AND l.label = 'staging'",
                        {kCoach}),
                 QStringLiteral("2"));
        // production on a production profile: the typed database name first. (Saving
        // versions 2 and 3 did not promote them: production is still on 1.)
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 1);
        f.view.requestLabelMove(QStringLiteral("production"), 2);
        auto *confirm = visibleDialog<TypedConfirmDialog>(&f.view);
        QVERIFY(confirm);
        const auto buttons = confirm->findChildren<QPushButton *>();
        QPushButton *ok = nullptr;
        for (QPushButton *b : buttons)
            if (b->text().contains(QStringLiteral("OK")))
                ok = b;
        QVERIFY(ok);
        confirm->input()->setText(QStringLiteral("wrong"));
        QVERIFY(!ok->isEnabled());
        confirm->input()->setText(f.db.name());
        QVERIFY(ok->isEnabled());
        QSignalSpy movedProd(&f.view, &PromptsView::labelMoveFinished);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(movedProd.wait(20000));
        QVERIFY2(movedProd.first().first().toBool(),
                 qPrintable(movedProd.first().last().toString()));
        // Production publishes version 2: the platform serves it.
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 2);
        // The label history in the view: who moved which label from which version to which.
        QTableWidget *history = labels->historyTable();
        auto row = [history](const QString &label, const QString &from, const QString &to) {
            for (int r = 0; r < history->rowCount(); ++r)
                if (history->item(r, 1)->text() == label && history->item(r, 2)->text() == from
                    && history->item(r, 3)->text() == to)
                    return r;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("production"), "v1", "v2") >= 0, 20000);
        const int prod = row(QStringLiteral("production"), "v1", "v2");
        QCOMPARE(history->item(prod, 5)->text(), QStringLiteral("carol"));
        QVERIFY(!history->item(prod, 4)->text().isEmpty());
        QVERIFY(row(QStringLiteral("staging"), QStringLiteral("–"), "v2") >= 0);
        // Cancelling the typed confirmation moves nothing.
        f.view.requestLabelMove(QStringLiteral("production"), 1);
        QSignalSpy cancelled(&f.view, &PromptsView::labelMoveFinished);
        auto *again = visibleDialog<TypedConfirmDialog>(&f.view);
        QVERIFY(again);
        again->reject();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!cancelled.first().first().toBool());
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 2);
    }

    // Issue 46, point 6: on a profile that is not production, Promote and every label move ask
    // first (Yes/Cancel); Cancel moves nothing, Yes moves it.
    void labelMovesAskOnEveryProfile()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        writeVersion2(f);
        QVERIFY(f.open());
        const auto labelVersion = [&f](const char *label) {
            return f.text("SELECT coalesce(max(l.version_no)::text, '-') FROM ai_prompt_labels l "
                          "JOIN ai_prompts p ON p.id = l.prompt_id WHERE p.prompt_id = $1 AND "
                          "l.label = $2",
                          {kCoach, QString::fromLatin1(label)});
        };
        for (const char *label : {"production", "staging"}) {
            const QString before = labelVersion(label);
            QSignalSpy finished(&f.view, &PromptsView::labelMoveFinished);
            f.view.requestLabelMove(QString::fromLatin1(label), 3);
            auto *box = visibleDialog<QMessageBox>(&f.view);
            QVERIFY2(box && box->objectName() == QStringLiteral("promptConfirm"), label);
            QVERIFY(box->text().contains(QStringLiteral("version 3")));
            box->button(QMessageBox::Cancel)->click();
            QCOMPARE(finished.size(), 1);
            QVERIFY(!finished.first().first().toBool());
            QCOMPARE(labelVersion(label), before);

            f.view.requestLabelMove(QString::fromLatin1(label), 3);
            box = visibleDialog<QMessageBox>(&f.view);
            QVERIFY(box);
            QSignalSpy moved(&f.view, &PromptsView::labelMoveFinished);
            box->button(QMessageBox::Yes)->click();
            QVERIFY(moved.wait(20000));
            QVERIFY2(moved.first().first().toBool(), qPrintable(moved.first().last().toString()));
            QCOMPARE(labelVersion(label), QStringLiteral("3"));
        }
    }

    void importShowsADryRunBeforeWriting()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        const auto json = PromptExporter(f.connection).exportJson({kCoach}, false);
        QVERIFY(json.ok());
        QJsonObject root = QJsonDocument::fromJson(json.value()).object();
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        QJsonObject coach = prompts.at(0).toObject();
        coach.insert(QStringLiteral("system_prompt"), QStringLiteral("Imported coach text."));
        prompts.replace(0, coach);
        root.insert(QStringLiteral("prompts"), prompts);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prompts.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        file.close();

        QSignalSpy planned(&f.view, &PromptsView::importPlanned);
        f.view.importFile(path);
        QVERIFY(planned.wait(20000));
        QVERIFY(planned.first().first().toBool());
        auto *dialog = visibleDialog<ImportPreviewDialog>(&f.view);
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 1);
        QCOMPARE(dialog->table()->item(0, 0)->text(), kCoach);
        QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("changed"));
        QCOMPARE(dialog->table()->item(0, 2)->text(), QStringLiteral("v1 → v2"));
        // An import is a deploy: the preview says that it publishes (a save does not).
        auto *publish = dialog->findChild<QLabel *>(QStringLiteral("publishNote"));
        QVERIFY(publish);
        QVERIFY(publish->text().contains(QStringLiteral("publishes each changed prompt's new "
                                                        "version at once")));
        // The dry run wrote nothing.
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 1);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), 4);
        QVERIFY(dialog->importButton());
        QSignalSpy imported(&f.view, &PromptsView::importFinished);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(20000));
        QVERIFY2(imported.first().first().toBool(), qPrintable(imported.first().last().toString()));
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 2);
        QCOMPARE(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 QStringLiteral("Imported coach text."));
    }

    void importOfABrokenFileListsItsProblemsAndWritesNothing()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"format\": 1,\n  \"prompts\": [ oops ]\n}\n");
        file.close();
        QSignalSpy planned(&f.view, &PromptsView::importPlanned);
        f.view.importFile(path);
        QVERIFY(planned.wait(20000));
        QVERIFY(!planned.first().first().toBool());
        auto *dialog = visibleDialog<ImportPreviewDialog>(&f.view);
        QVERIFY(dialog);
        QVERIFY(!dialog->importButton());
        QVERIFY(dialog->table()->rowCount() >= 1);
        const QString problem = dialog->table()->item(0, 0)->text();
        QVERIFY2(problem.contains(QStringLiteral("broken.json:3:")), qPrintable(problem));
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), 4);
    }

    void exportWritesTheSelection()
    {
        PromptViewFixture f(QStringLiteral("tst_promptstools"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        QSignalSpy exported(&f.view, &PromptsView::exportFinished);
        f.view.exportTo(path, {kCoach});
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().last().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray prompts = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(QStringLiteral("prompts"))
                                       .toArray();
        QCOMPARE(prompts.size(), 1);
        QCOMPARE(prompts.at(0).toObject().value(QStringLiteral("prompt_id")).toString(), kCoach);
    }
};

QTEST_MAIN(TestPromptsTools)
#include "tst_promptstools.moc"
