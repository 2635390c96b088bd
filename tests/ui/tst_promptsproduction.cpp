// The Prompts view's protected changes on a PRODUCTION profile, against a real database of the
// test sandbox: moving the `production` label and enabling (or disabling) encryption at rest
// first ask for the typed database name (TypedConfirmDialog "productionConfirm"); a wrong name
// cannot confirm (OK stays disabled, Enter does nothing) and a cancelled dialog writes
// nothing: labels, label history, current version, texts, the encryption state and the audit
// are checked through a second (witness) connection.
#include "promptviewtestutil.h"

#include "browser/typedconfirmdialog.h"
#include "prompts/prompthistorypanel.h"

#include "prompts/promptlabels.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptstore.h"
#include "prompts/seedpreviewdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

TypedConfirmDialog *confirmDialog(QWidget *parent)
{
    for (auto *d : parent->findChildren<TypedConfirmDialog *>(QStringLiteral("productionConfirm")))
        if (d->isVisible())
            return d;
    return nullptr;
}

QPushButton *button(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(which) : nullptr;
}

// Everything a label move or an encryption change would write, as one comparable text.
QString footprint(PromptViewFixture &f)
{
    return f.text(
        "SELECT concat_ws(' | ', "
        "(SELECT string_agg(p.prompt_id || ':' || l.label || '=' || l.version_no, ',' "
        "   ORDER BY p.prompt_id, l.label) FROM ai_prompt_labels l JOIN ai_prompts p "
        "   ON p.id = l.prompt_id), "
        "(SELECT count(*) FROM ai_prompt_label_history), "
        "(SELECT string_agg(prompt_id || '@' || current_version || ':' || is_active::text || ':' "
        "   || md5(coalesce(system_prompt, '')), ',' ORDER BY prompt_id) FROM ai_prompts), "
        "(SELECT string_agg(md5(coalesce(system_prompt, '')), ',' ORDER BY prompt_id, "
        "   version_no) FROM ai_prompt_versions), "
        "(SELECT count(*) FROM ai_prompt_encryption), "
        "(SELECT count(*) FROM audit_logs))");
}

void writeVersion2(PromptViewFixture &f)
{
    PromptStore store(f.connection);
    PromptSaveRequest r;
    r.promptId = kCoach;
    r.expectedLatestVersion = 1;
    r.content = store.get(kCoach).value().version.content;
    r.content.systemPrompt = QStringLiteral("You coach people.\nVersion two.");
    r.changeNote = QStringLiteral("v2");
    QVERIFY(store.save(r, PromptDatabase::actor()).ok());
}

} // namespace

class TestPromptsProduction : public QObject
{
    Q_OBJECT

private slots:
    void movingProductionNeedsTheTypedNameAndAWrongNameOrCancelWritesNothing()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsproduction"), true);
        writeVersion2(f);
        QVERIFY(f.open());
        const char *productionVersion
            = "SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p ON p.id = "
              "l.prompt_id WHERE p.prompt_id = $1 AND l.label = 'production'";
        // Saving did not promote (issue 21, point 6): production stays on 1 until promoted.
        QCOMPARE(f.count(productionVersion, {kCoach}), 1);
        QCOMPARE(f.view.detail().version.versionNo, 2); // the editor shows the latest
        auto promote = [&f] {
            f.view.historyPanel()->selectVersions({2});
            QPushButton *b = f.view.historyPanel()->promoteButton();
            if (!b->isEnabled())
                qWarning("Promote disabled: %s", qPrintable(b->toolTip()));
            QTest::mouseClick(b, Qt::LeftButton);
        };
        const QString before = footprint(f);
        QVERIFY(!before.isEmpty());

        QSignalSpy finished(&f.view, &PromptsView::labelMoveFinished);
        QTRY_VERIFY_WITH_TIMEOUT(!f.view.isBusy(), 20000);
        promote();
        TypedConfirmDialog *confirm = confirmDialog(&f.view);
        QVERIFY(confirm);
        QPushButton *ok = button(confirm, QDialogButtonBox::Ok);
        QVERIFY(ok);
        // A wrong name: OK stays disabled and Enter does not confirm.
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(confirm->input(), f.db.name() + QStringLiteral("x"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(confirm->input(), Qt::Key_Return);
        // Still open, so not accepted: the move begins only on accept (and would be busy).
        QVERIFY(confirm->isVisible());
        QCOMPARE(confirm->result(), int(QDialog::Rejected));
        QCOMPARE(finished.size(), 0);
        QVERIFY(!f.view.isBusy());
        QCOMPARE(footprint(f), before);
        // Cancelled: not moved, nothing written.
        QTest::mouseClick(button(confirm, QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(!confirmDialog(&f.view));
        QVERIFY(!f.view.isBusy());
        QCOMPARE(footprint(f), before);

        // The right name typed: moved (the control that the path above could write).
        finished.clear();
        promote();
        confirm = confirmDialog(&f.view);
        QVERIFY(confirm);
        QTest::keyClicks(confirm->input(), f.db.name());
        QVERIFY(button(confirm, QDialogButtonBox::Ok)->isEnabled());
        QTest::keyClick(confirm->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
        QCOMPARE(f.count(productionVersion, {kCoach}), 2);
        QCOMPARE(f.count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 2);
        QVERIFY(footprint(f) != before);
    }

    // Issue 20, point 3: seeding --update that would move a protected "production" asks for
    // the typed database name after the preview; cancelled, nothing is written.
    void seedingOverAProtectedProductionNeedsTheTypedName()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsproduction"), true);
        PromptLabels::Move protect;
        protect.promptId = kCoach;
        protect.label = QStringLiteral("production");
        protect.versionNo = 1;
        protect.setProtected = true;
        QVERIFY(PromptLabels(f.connection).move(protect, PromptDatabase::actor()).ok());
        QFile bundled(PromptSeedFile::bundledPath());
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(bundled.readAll()).object();
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        for (int i = 0; i < prompts.size(); ++i) {
            QJsonObject o = prompts.at(i).toObject();
            if (o.value(QStringLiteral("prompt_id")).toString() == kCoach) {
                o.insert(QStringLiteral("system_prompt"), QStringLiteral("A reseeded coach."));
                prompts.replace(i, o);
            }
        }
        root.insert(QStringLiteral("prompts"), prompts);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        const QString before = footprint(f);

        for (const bool typeIt : {false, true}) {
            QSignalSpy planned(&f.view, &PromptsView::seedPlanned);
            QSignalSpy finished(&f.view, &PromptsView::seedFinished);
            f.view.seedFromFile(path, true);
            QTRY_VERIFY_WITH_TIMEOUT(planned.size() > 0, 20000);
            SeedPreviewDialog *preview = f.view.seedPreviewDialog();
            QVERIFY(preview && preview->seedButton());
            QTest::mouseClick(preview->seedButton(), Qt::LeftButton);
            TypedConfirmDialog *confirm = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((confirm = confirmDialog(&f.view)) != nullptr, 20000);
            QCOMPARE(finished.size(), 0);
            QCOMPARE(footprint(f), before);
            if (!typeIt) {
                QTest::mouseClick(button(confirm, QDialogButtonBox::Cancel), Qt::LeftButton);
                QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
                QVERIFY(!finished.first().first().toBool());
                QCOMPARE(footprint(f), before);
                continue;
            }
            QTest::keyClicks(confirm->input(), f.db.name());
            QTest::keyClick(confirm->input(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
            QVERIFY2(finished.first().first().toBool(),
                     qPrintable(finished.first().last().toString()));
        }
        QCOMPARE(f.count("SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p ON p.id = "
                         "l.prompt_id WHERE p.prompt_id = $1 AND l.label = 'production' "
                         "AND l.is_protected",
                         {kCoach}),
                 2);
    }

    void encryptionChangesNeedTheTypedNameAndAWrongNameOrCancelWritesNothing()
    {
        PromptViewFixture f(QStringLiteral("tst_promptsproduction"), true);
        // A keychain service of the test's own: a confirmation that leaked through could not
        // touch the user's keychain.
        QSignalSpy known(&f.view, &PromptsView::encryptionKnown);
        f.view.setKeychainService(
            QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate()));
        QTRY_VERIFY_WITH_TIMEOUT(known.size() > 0, 20000);
        QVERIFY2(known.last().first().toString().contains(QStringLiteral("off")),
                 qPrintable(known.last().first().toString()));
        QVERIFY(f.view.encryptionButton()->isEnabled());
        const QString before = footprint(f);

        QTemporaryDir backups;
        for (const bool enable : {true, false}) {
            // From an idle view (the fixture's first loads may still run), so that the check
            // after the refusal sees only what the refusal started.
            QTRY_VERIFY_WITH_TIMEOUT(!f.view.isBusy(), 20000);
            QSignalSpy changed(&f.view, &PromptsView::encryptionChanged);
            if (enable)
                f.view.enableEncryption(backups.filePath(QStringLiteral("key.json")),
                                        QStringLiteral("the backup passphrase"));
            else
                f.view.disableEncryption();
            TypedConfirmDialog *confirm = confirmDialog(&f.view);
            QVERIFY2(confirm, qPrintable(f.view.statusText()));
            QPushButton *ok = button(confirm, QDialogButtonBox::Ok);
            QVERIFY(ok && !ok->isEnabled());
            QTest::keyClicks(confirm->input(), QStringLiteral("production"));
            QVERIFY(!ok->isEnabled());
            QTest::keyClick(confirm->input(), Qt::Key_Return);
            // Still open, so not accepted: the change begins only on accept.
            QVERIFY(confirm->isVisible());
            QCOMPARE(confirm->result(), int(QDialog::Rejected));
            QCOMPARE(changed.size(), 0);
            QCOMPARE(footprint(f), before);
            confirm->reject();
            QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 20000);
            QVERIFY(!changed.first().first().toBool());
            QVERIFY2(changed.first().last().toString().contains(QStringLiteral("not confirmed")),
                     qPrintable(changed.first().last().toString()));
            QVERIFY(!f.view.isBusy());
            QCOMPARE(footprint(f), before);
        }
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompts WHERE "
                         "ai_prompt_text_is_envelope(system_prompt)"),
                 0);
    }
};

QTEST_MAIN(TestPromptsProduction)
#include "tst_promptsproduction.moc"
