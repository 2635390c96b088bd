// Seeding from the Prompts view against a real database of the test sandbox (bundled prompts
// already seeded by the core seeder): the Seed button's actions run the same PromptSeeder as
// `uaip-migrate seed prompts [--update]`, show its dry run first (SeedPreviewDialog: what
// would be written, or every problem of the file), write only when confirmed and nothing when
// cancelled. Writes are checked through a second (witness) connection.
#include "promptviewtestutil.h"

#include "prompts/promptlistmodel.h"
#include "prompts/promptseedfile.h"
#include "prompts/seedpreviewdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kNewPrompt = QStringLiteral("reference-coach-v2");
const QString kNewText = QStringLiteral("You coach people, in a new way.");

// The bundled seed file with the coach's text changed and one new prompt (a copy of the
// coach under another id), written to path.
bool writeChangedSeedFile(const QString &path)
{
    QFile bundled(PromptSeedFile::bundledPath());
    if (!bundled.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(bundled.readAll()).object();
    QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    QJsonObject coach = prompts.at(0).toObject();
    if (coach.value(QStringLiteral("prompt_id")).toString() != kCoach)
        return false;
    QJsonObject copy = coach;
    copy.insert(QStringLiteral("prompt_id"), kNewPrompt);
    copy.insert(QStringLiteral("name"), QStringLiteral("Reference Coach 2"));
    coach.insert(QStringLiteral("system_prompt"), kNewText);
    prompts.replace(0, coach);
    prompts.append(copy);
    root.insert(QStringLiteral("prompts"), prompts);
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(root).toJson()) > 0;
}

// The row of the preview naming key, or -1.
int previewRow(SeedPreviewDialog *dialog, const QString &key)
{
    for (int r = 0; r < dialog->table()->rowCount(); ++r)
        if (dialog->table()->item(r, 1)->text() == key)
            return r;
    return -1;
}

QString previewAction(SeedPreviewDialog *dialog, const QString &key)
{
    const int r = previewRow(dialog, key);
    return r < 0 ? QString() : dialog->table()->item(r, 2)->text();
}

} // namespace

class TestPromptsSeed : public QObject
{
    Q_OBJECT

private slots:
    void seedShowsTheDryRunAndWritesOnlyWhenConfirmed()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsseed"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prompts.json"));
        QVERIFY(writeChangedSeedFile(path));
        const int versionsBefore = f.count("SELECT count(*) FROM ai_prompt_versions");
        const int auditBefore = f.count("SELECT count(*) FROM audit_logs");

        // The dry run: the new prompt would be inserted, the changed coach differs (left
        // alone without --update), the others unchanged; nothing written yet.
        QSignalSpy planned(&f.view, &PromptsView::seedPlanned);
        QSignalSpy finished(&f.view, &PromptsView::seedFinished);
        f.view.seedFromFile(path, false);
        QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
        QVERIFY2(planned.first().first().toBool(), qPrintable(f.view.statusText()));
        SeedPreviewDialog *preview = f.view.seedPreviewDialog();
        QVERIFY(preview);
        QVERIFY(preview->isVisible());
        QCOMPARE(previewAction(preview, kNewPrompt), QStringLiteral("insert"));
        QCOMPARE(previewAction(preview, kCoach), QStringLiteral("differs"));
        QCOMPARE(previewAction(preview, QStringLiteral("authenticity-analyzer-v1")),
                 QStringLiteral("unchanged"));
        QCOMPARE(previewAction(preview, QStringLiteral("Mira Okafor")), QStringLiteral("exists"));
        QVERIFY(preview->seedButton());
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompts WHERE prompt_id = $1", {kNewPrompt}), 0);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), versionsBefore);

        // Cancelled: nothing written.
        QTest::mouseClick(
            preview->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
            Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() > 0, 20000);
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(!f.view.isBusy());
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompts WHERE prompt_id = $1", {kNewPrompt}), 0);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), versionsBefore);
        QCOMPARE(f.count("SELECT count(*) FROM audit_logs"), auditBefore);

        // Confirmed: as `seed prompts`: the new prompt with its version 1, the coach left alone.
        planned.clear();
        finished.clear();
        f.view.seedFromFile(path, false);
        QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
        preview = f.view.seedPreviewDialog();
        QVERIFY(preview && preview->seedButton());
        QSignalSpy listed(&f.view, &PromptsView::listLoaded);
        QTest::mouseClick(preview->seedButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() > 0, 20000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
        QCOMPARE(
            f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kNewPrompt}),
            1);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), versionsBefore + 1);
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 1);
        QVERIFY(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach})
                != kNewText);
        // The list shows the new prompt.
        QTRY_VERIFY_WITH_TIMEOUT(f.view.model()->rowOf(kNewPrompt) >= 0, 20000);

        // --update: the coach's new text becomes version 2, noted as the CLI notes it.
        planned.clear();
        finished.clear();
        f.view.seedFromFile(path, true);
        QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
        preview = f.view.seedPreviewDialog();
        QVERIFY(preview && preview->seedButton());
        QCOMPARE(previewAction(preview, kCoach), QStringLiteral("new_version"));
        QCOMPARE(previewAction(preview, kNewPrompt), QStringLiteral("unchanged"));
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 1);
        QTest::mouseClick(preview->seedButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() > 0, 20000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 2);
        QCOMPARE(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 kNewText);
        QCOMPARE(f.text("SELECT v.change_note FROM ai_prompt_versions v JOIN ai_prompts p ON "
                        "p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 2",
                        {kCoach}),
                 QStringLiteral("uaip-admin seed prompts --update (%1)").arg(path));
    }

    void theSeedButtonSeedsTheBundledPromptsAndNothingIsLeftToWrite()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsseed"));
        QMenu *menu = f.view.seedButton()->menu();
        QVERIFY(menu);
        QVERIFY(f.view.seedButton()->isEnabled());
        QSignalSpy planned(&f.view, &PromptsView::seedPlanned);
        menu->actions().first()->trigger(); // "Seed the bundled prompts…"
        QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
        QVERIFY(planned.first().first().toBool());
        SeedPreviewDialog *preview = f.view.seedPreviewDialog();
        QVERIFY(preview);
        // Already seeded: everything unchanged, no Seed button.
        QCOMPARE(previewAction(preview, kCoach), QStringLiteral("unchanged"));
        QVERIFY(!preview->seedButton());
        preview->reject();
    }

    void aBrokenSeedFileListsItsProblemsAndWritesNothing()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsseed"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"format\": 1,\n  \"prompts\": [ oops ]\n}\n");
        file.close();
        const int versionsBefore = f.count("SELECT count(*) FROM ai_prompt_versions");
        QSignalSpy planned(&f.view, &PromptsView::seedPlanned);
        f.view.seedFromFile(path, true);
        QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
        QVERIFY(!planned.first().first().toBool());
        SeedPreviewDialog *preview = f.view.seedPreviewDialog();
        QVERIFY(preview);
        QVERIFY(!preview->seedButton());
        QVERIFY(preview->table()->rowCount() >= 1);
        const QString problem = preview->table()->item(0, 0)->text();
        QVERIFY2(problem.contains(QStringLiteral("broken.json:3:")), qPrintable(problem));
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions"), versionsBefore);
    }
};

QTEST_MAIN(TestPromptsSeed)
#include "tst_promptsseed.moc"
