// Widget tests of the Prompts view against real databases of the test sandbox (bundled
// prompts seeded by the core seeder): edit → review → save, the conflict of two consoles,
// restore, locked (encrypted) rows and read-only profiles. Writes are checked through a
// second (witness) connection.
#include "promptviewtestutil.h"

#include "crypto/datakey.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/promptencryption.h"

#include "prompts/promptauditpanel.h"
#include "prompts/promptdiffview.h"
#include "prompts/prompteditor.h"
#include "prompts/prompthistorypanel.h"
#include "prompts/promptlabelspanel.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptstore.h"
#include "prompts/prompttextedit.h"
#include "prompts/reviewchangesdialog.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

int versions(PromptViewFixture &f)
{
    return f.count("SELECT count(*) FROM ai_prompt_versions v JOIN ai_prompts p "
                   "ON p.id = v.prompt_id WHERE p.prompt_id = $1",
                   {kCoach});
}

int current(PromptViewFixture &f)
{
    return f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach});
}

int production(PromptViewFixture &f)
{
    return f.count("SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p ON p.id = "
                   "l.prompt_id WHERE p.prompt_id = $1 AND l.label = 'production'",
                   {kCoach});
}

// A version written by "another console": the core on the fixture's own connection.
int saveBehindTheViewsBack(PromptViewFixture &f, const QString &text, int expected)
{
    PromptStore store(f.connection);
    PromptDetail d = store.get(kCoach).value();
    PromptSaveRequest r;
    r.promptId = kCoach;
    r.expectedLatestVersion = expected;
    r.content = d.version.content;
    r.content.systemPrompt = text;
    r.changeNote = QStringLiteral("the other console");
    const auto out = store.save(r, PromptDatabase::actor(QStringLiteral("bob")));
    if (!out.ok())
        qWarning("%s", qPrintable(out.error().toString()));
    return out.ok() ? out.value().versionNo : 0;
}

} // namespace

class TestPromptsView : public QObject
{
    Q_OBJECT

private slots:
    void listShowsThePromptsWithTheirColumns()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        PromptListModel *model = f.view.model();
        QCOMPARE(model->rowCount(), 4);
        const int row = model->rowOf(kCoach);
        QVERIFY(row >= 0);
        QCOMPARE(model->data(model->index(row, PromptListModel::Current), Qt::DisplayRole).toInt(),
                 1);
        QVERIFY(model->data(model->index(row, PromptListModel::Labels), Qt::DisplayRole)
                    .toString()
                    .contains(QStringLiteral("production→v1")));
        QCOMPARE(
            model->data(model->index(row, PromptListModel::Active), Qt::DisplayRole).toString(),
            QStringLiteral("yes"));
        // Full-text search narrows the list (words of a system prompt, stemmed).
        QSignalSpy listed(&f.view, &PromptsView::listLoaded);
        f.view.searchEdit()->setText(QStringLiteral("authenticity"));
        QVERIFY(listed.wait(20000));
        QVERIFY(model->rowCount() >= 1);
        QVERIFY(model->rowCount() < 4);
        QVERIFY(model->rowOf(QStringLiteral("authenticity-analyzer-v1")) >= 0);
    }

    void editReviewSaveWritesOneVersion()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        QVERIFY(!editor->saveButton()->isEnabled()); // nothing changed yet
        const QString before = editor->systemEdit()->plainText();
        const QString edited = before + QStringLiteral("\nAlways answer in {{language}}.");
        editor->systemEdit()->setText(edited);
        editor->temperatureEdit()->setValue(0.25);
        QVERIFY(editor->isModified());
        QVERIFY2(editor->saveButton()->isEnabled(), qPrintable(editor->saveButton()->toolTip()));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        ReviewChangesDialog *review = f.view.reviewDialog();
        QVERIFY(review);
        QVERIFY(review->isVisible());
        // The diff against the current version, parameters separately; the note is required.
        QVERIFY(review->diffView()->bodyText().contains(QStringLiteral("Always answer in")));
        QVERIFY(review->diffView()->bodyText().contains(QStringLiteral("temperature")));
        QVERIFY(!review->saveButton()->isEnabled());
        // Which labels move: none (issue 21, point 6).
        QCOMPARE(review->labelsNote()->text(),
                 QStringLiteral("Labels that move: none. \"production\" stays on version 1, "
                                "which the platform keeps serving; only \"latest\" follows the "
                                "new version. Promote it separately (History → Promote to "
                                "production…)."));
        QCOMPARE(versions(f), 1);
        review->noteEdit()->setPlainText(QStringLiteral("answer in the user's language"));
        QVERIFY(review->saveButton()->isEnabled());
        QSignalSpy saved(&f.view, &PromptsView::saveFinished);
        QTest::mouseClick(review->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(20000));
        QVERIFY2(saved.first().first().toBool(), qPrintable(saved.first().last().toString()));
        // One new version, through a second connection; nothing promoted.
        QCOMPARE(versions(f), 2);
        QCOMPARE(current(f), 1);
        QCOMPARE(production(f), 1);
        QCOMPARE(f.text("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                        "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 2",
                        {kCoach}),
                 edited);
        QCOMPARE(f.text("SELECT v.change_note || '|' || v.temperature FROM ai_prompt_versions v "
                        "JOIN ai_prompts p ON p.id = v.prompt_id "
                        "WHERE p.prompt_id = $1 AND v.version_no = 2",
                        {kCoach}),
                 QStringLiteral("answer in the user's language|0.25"));
        QCOMPARE(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 before);
        QCOMPARE(f.text("SELECT metadata->>'console_user' FROM audit_logs "
                        "WHERE action = 'ai_prompt.version'"),
                 QStringLiteral("carol"));
        // The view reloads: the editor starts from version 2 (the latest), History lists both.
        QTRY_COMPARE_WITH_TIMEOUT(f.view.detail().summary.latestVersion, 2, 20000);
        QCOMPARE(f.view.detail().version.versionNo, 2);
        QCOMPARE(editor->systemEdit()->plainText(), edited);
        QVERIFY(!editor->isModified());
        QCOMPARE(f.view.historyPanel()->table()->rowCount(), 2);
        QCOMPARE(f.view.historyPanel()->table()->item(0, 4)->text(),
                 QStringLiteral("answer in the user's language"));
        // Promoting is its own action on a version.
        QPushButton *promote = f.view.historyPanel()->promoteButton();
        f.view.historyPanel()->selectVersions({1});
        QVERIFY(!promote->isEnabled()); // production is there already
        f.view.historyPanel()->selectVersions({2});
        QVERIFY2(promote->isEnabled(), qPrintable(promote->toolTip()));
        QSignalSpy loaded(&f.view, &PromptsView::promptLoaded);
        QTest::mouseClick(promote, Qt::LeftButton);
        // Not production: a Yes/Cancel question first (issue 46).
        auto *box = f.view.findChild<QMessageBox *>(QStringLiteral("promptConfirm"));
        QVERIFY(box && box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(production(f), 2);
        QCOMPARE(current(f), 2);
        QCOMPARE(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 edited);
    }

    void aSecondConsoleSavingMeanwhileIsAConflictAndTheTextStays()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        const QString mine = QStringLiteral("My version of the coach.");
        editor->systemEdit()->setText(mine);
        // Another console saves version 2 while this editor still starts from version 1.
        QCOMPARE(saveBehindTheViewsBack(f, QStringLiteral("Their version."), 1), 2);
        f.view.requestSave();
        QVERIFY(f.view.reviewDialog());
        f.view.reviewDialog()->noteEdit()->setPlainText(QStringLiteral("mine"));
        QSignalSpy saved(&f.view, &PromptsView::saveFinished);
        QSignalSpy loaded(&f.view, &PromptsView::promptLoaded);
        f.view.reviewDialog()->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY(!saved.first().first().toBool());
        const QString message = saved.first().last().toString();
        QVERIFY2(message.contains(QStringLiteral("changed meanwhile")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("kept in the editor")));
        QVERIFY(editor->banner()->text().contains(QStringLiteral("changed meanwhile")));
        // Nothing of ours was written; theirs stays the latest (and nothing was promoted).
        QCOMPARE(versions(f), 2);
        QCOMPARE(current(f), 1);
        // The text stays in the editor, now compared with their version 2.
        QVERIFY(loaded.wait(20000));
        QCOMPARE(editor->systemEdit()->plainText(), mine);
        QCOMPARE(editor->original().systemPrompt, QStringLiteral("Their version."));
        QVERIFY(editor->saveButton()->isEnabled());
        // Saving again writes version 3 on top of theirs.
        f.view.requestSave();
        QVERIFY(f.view.reviewDialog()->diffView()->bodyText().contains(
            QStringLiteral("Their version.")));
        f.view.reviewDialog()->noteEdit()->setPlainText(QStringLiteral("mine, after theirs"));
        QSignalSpy again(&f.view, &PromptsView::saveFinished);
        f.view.reviewDialog()->accept();
        QVERIFY(again.wait(20000));
        QVERIFY2(again.first().first().toBool(), qPrintable(again.first().last().toString()));
        QCOMPARE(versions(f), 3);
        QCOMPARE(current(f), 1);
        QCOMPARE(f.text("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                        "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 3",
                        {kCoach}),
                 mine);
    }

    void restoreWritesANewVersionWithTheOldContent()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        const QString original
            = f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        QCOMPARE(saveBehindTheViewsBack(f, QStringLiteral("A worse text."), 1), 2);
        QVERIFY(f.open());
        QCOMPARE(f.view.historyPanel()->table()->rowCount(), 2);
        f.view.historyPanel()->selectVersions({1});
        QVERIFY(f.view.historyPanel()->restoreButton()->isEnabled());
        QTest::mouseClick(f.view.historyPanel()->restoreButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(f.view.reviewDialog() && f.view.reviewDialog()->isVisible(),
                                 20000);
        ReviewChangesDialog *review = f.view.reviewDialog();
        QCOMPARE(review->note(), QStringLiteral("Restore version 1"));
        QVERIFY(review->diffView()->bodyText().contains(QStringLiteral("A worse text.")));
        QSignalSpy saved(&f.view, &PromptsView::saveFinished);
        review->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY2(saved.first().first().toBool(), qPrintable(saved.first().last().toString()));
        // History is never rewritten: version 3 holds version 1's content.
        QCOMPARE(versions(f), 3);
        QCOMPARE(current(f), 1);
        QCOMPARE(f.text("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                        "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 3",
                        {kCoach}),
                 original);
        QCOMPARE(f.text("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                        "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 2",
                        {kCoach}),
                 QStringLiteral("A worse text."));
        QCOMPARE(f.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.restore'"), 1);
        // The Audit tab shows it once reloaded.
        QTRY_VERIFY_WITH_TIMEOUT(f.view.detail().summary.latestVersion == 3, 20000);
        QTableWidget *audit = f.view.auditPanel()->table();
        QVERIFY(audit->rowCount() >= 1);
        QCOMPARE(audit->item(0, 1)->text(), QStringLiteral("ai_prompt.restore"));
        QCOMPARE(audit->item(0, 3)->text(), QStringLiteral("carol"));
    }

    void lockedRowsAreListedAndCannotBeEdited()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        // A row stored encrypted (an envelope), and no key (no codec) in this console. Written
        // behind the triggers of migration 0014, which refuse an envelope while encryption is off.
        QVERIFY(f.db.witness().exec("SET session_replication_role = replica").ok());
        QVERIFY(f.db.witness()
                    .exec("UPDATE ai_prompts SET system_prompt = 'uaipenc:v1:opaque' "
                          "WHERE prompt_id = 'reference-coach-v1'")
                    .ok());
        QVERIFY(f.db.witness().exec("SET session_replication_role = origin").ok());
        QSignalSpy listed(&f.view, &PromptsView::listLoaded);
        f.view.refresh();
        QVERIFY(listed.wait(20000));
        PromptListModel *model = f.view.model();
        const int row = model->rowOf(kCoach);
        QVERIFY(model->data(model->index(row, PromptListModel::Name), Qt::DisplayRole)
                    .toString()
                    .endsWith(QStringLiteral("(locked)")));
        QCOMPARE(model->data(model->index(row, PromptListModel::Name), Qt::ToolTipRole).toString(),
                 QStringLiteral("Locked: encrypted; no key loaded"));
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        QVERIFY(editor->systemEdit()->isReadOnly());
        QVERIFY(!editor->modelEdit()->isEnabled());
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY2(editor->banner()->text().contains(QStringLiteral("Locked")),
                 qPrintable(editor->banner()->text()));
        QVERIFY(!f.view.historyPanel()->restoreButton()->isEnabled());
    }

    void withTheKeyEncryptedTextsAreReadAndWrittenThroughTheCodec()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        const QString plain
            = f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        PromptEncryption encryption(f.connection);
        PromptEncryption::Options options;
        options.consoleUser = QStringLiteral("dave");
        options.client = QStringLiteral("tst");
        DataKeyLookup lookup;
        lookup.key = DataKey::generate();
        lookup.found = true;
        QVERIFY(encryption.enable(lookup.key, options).ok());
        const PromptEncryptionStatus status = encryption.status();
        QVERIFY(status.enabled);
        // The codec the view makes from the keychain's answer (the keychain is not asked here).
        QSignalSpy listed(&f.view, &PromptsView::listLoaded);
        f.view.setCodec(std::make_shared<EnvelopePromptCodec>(status, lookup));
        QVERIFY(listed.wait(20000));
        QVERIFY(!f.view.model()->prompts().at(f.view.model()->rowOf(kCoach)).locked);
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        QVERIFY(!editor->systemEdit()->isReadOnly());
        QCOMPARE(editor->systemEdit()->plainText(), plain);
        editor->systemEdit()->setText(QStringLiteral("Secret coach text."));
        f.view.requestSave();
        f.view.reviewDialog()->noteEdit()->setPlainText(QStringLiteral("encrypted save"));
        QSignalSpy saved(&f.view, &PromptsView::saveFinished);
        f.view.reviewDialog()->accept();
        QVERIFY(saved.wait(20000));
        QVERIFY2(saved.first().first().toBool(), qPrintable(saved.first().last().toString()));
        // Stored as an envelope, never as plain text; shown decoded after the reload.
        QVERIFY(f.text("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                       "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 2",
                       {kCoach})
                    .startsWith(QStringLiteral("uaipenc:")));
        QCOMPARE(f.count("SELECT (SELECT count(*) FROM ai_prompts WHERE system_prompt LIKE "
                         "'%Secret coach%') + (SELECT count(*) FROM ai_prompt_versions "
                         "WHERE system_prompt LIKE '%Secret coach%')"),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(f.view.detail().version.versionNo, 2, 20000);
        QCOMPARE(editor->systemEdit()->plainText(), QStringLiteral("Secret coach text."));
        // Without the key the rows are locked with the codec's reason.
        QSignalSpy relisted(&f.view, &PromptsView::listLoaded);
        f.view.setCodec(std::make_shared<EnvelopePromptCodec>(status, DataKeyLookup()));
        QVERIFY(relisted.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(editor->systemEdit()->isReadOnly(), 20000);
        QVERIFY2(editor->banner()->text().contains(QStringLiteral("no key for this database")),
                 qPrintable(editor->banner()->text()));
    }

    void anEncryptedDatabaseWithoutItsKeyShowsLockedRowsAndWhy()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"));
        QCOMPARE(f.view.encryptionText(), QStringLiteral("Encryption at rest: off"));
        // Another console turned encryption on; this one has no key in its keychain.
        PromptEncryption::Options options;
        options.consoleUser = QStringLiteral("dave");
        options.client = QStringLiteral("tst");
        const PromptConversionResult on
            = PromptEncryption(f.connection).enable(DataKey::generate(), options);
        QVERIFY2(on.ok(), qPrintable(on.message));
        QSignalSpy known(&f.view, &PromptsView::encryptionKnown);
        f.view.setTarget(f.spec); // connects again
        QVERIFY(known.wait(30000));
        const QString text = known.first().first().toString();
        QVERIFY2(text.startsWith(QStringLiteral("Encryption at rest: on · locked: ")),
                 qPrintable(text));
        const QString reason = text.mid(text.indexOf(QStringLiteral("locked: ")) + 8);
        // The list is made again with the keychain's answer (which may come after a first list).
        auto lockedWithReason = [&f, &reason] {
            const auto &prompts = f.view.model()->prompts();
            return prompts.size() == 4
                && std::all_of(prompts.cbegin(), prompts.cend(), [&](const PromptSummary &p) {
                       return p.locked && p.lockReason == reason;
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(lockedWithReason(), 20000);
        QVERIFY(f.open());
        QVERIFY(f.view.editor()->systemEdit()->isReadOnly());
        QVERIFY(f.view.editor()->systemEdit()->plainText().isEmpty()); // never a ciphertext
        QVERIFY(f.view.editor()->banner()->text().contains(reason));
    }

    void readOnlyProfilesReadButDoNotEdit()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsview"), false, true);
        QVERIFY(f.open());
        PromptEditor *editor = f.view.editor();
        QVERIFY(!editor->systemEdit()->plainText().isEmpty());
        QVERIFY(editor->systemEdit()->isReadOnly());
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY2(editor->banner()->text().contains(QStringLiteral("Read-only profile")),
                 qPrintable(editor->banner()->text()));
        QVERIFY(!f.view.labelsPanel()->moveButton()->isEnabled());
        QVERIFY(f.view.labelsPanel()->moveButton()->toolTip().contains(
            QStringLiteral("Read-only profile")));
    }
};

QTEST_MAIN(TestPromptsView)
#include "tst_promptsview.moc"
