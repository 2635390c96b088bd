// The Prompts view's file actions against the sandbox (issue 20, points 10, 11 and 12): an
// import writes exactly what its preview showed (the file is parsed once, for the dry run; a
// file changed before the confirmation is not read again); a key file is read and its scrypt
// derived as a task on the view's worker, so the GUI thread keeps processing events meanwhile,
// and a hostile key file is refused at once; a tampered served text shows as tampered in the
// list and the editor. No keychain needed: the codec is given to the view directly.
#include "promptviewtestutil.h"

#include "crypto/datakey.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keyfile.h"
#include "crypto/promptencryption.h"
#include "jobs/job.h"
#include "prompts/importpreviewdialog.h"
#include "prompts/prompteditor.h"
#include "prompts/promptexporter.h"
#include "prompts/promptlistmodel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace uaip;
using namespace uaip::test;

namespace {

template<typename T>
T *visibleDialog(QWidget *parent)
{
    for (T *d : parent->findChildren<T *>())
        if (d->isVisible())
            return d;
    return nullptr;
}

// The coach exported, with its text replaced, plus `extra` more prompts copied from it.
QByteArray coachFile(PromptViewFixture &f, const QString &text, int extra = 0)
{
    const auto json = PromptExporter(f.connection).exportJson({kCoach}, false);
    if (!json.ok())
        qFatal("export: %s", qPrintable(json.error().toString()));
    QJsonObject root = QJsonDocument::fromJson(json.value()).object();
    QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    QJsonObject coach = prompts.at(0).toObject();
    coach.insert(QStringLiteral("system_prompt"), text);
    prompts.replace(0, coach);
    for (int i = 0; i < extra; ++i) {
        coach.insert(QStringLiteral("prompt_id"), QStringLiteral("extra-%1-v1").arg(i));
        prompts.append(coach);
    }
    root.insert(QStringLiteral("prompts"), prompts);
    return QJsonDocument(root).toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

struct Fixture : PromptViewFixture
{
    Fixture()
        : PromptViewFixture(QStringLiteral("tst_promptstransfer"))
    {
        // A keychain service of the test's own; with encryption off it is never asked.
        QSignalSpy known(&view, &PromptsView::encryptionKnown);
        view.setKeychainService(
            QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate()));
        if (!known.wait(20000))
            qFatal("no encryption status: %s", qPrintable(view.statusText()));
    }
};

} // namespace

class TstPromptsTransfer : public QObject
{
    Q_OBJECT

private slots:
    void importWritesWhatThePreviewShowed()
    {
        Fixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prompts.json"));
        const QString previewed = QStringLiteral("The previewed coach text.");
        QVERIFY(writeFile(path, coachFile(f, previewed)));
        QSignalSpy planned(&f.view, &PromptsView::importPlanned);
        f.view.importFile(path);
        QVERIFY(planned.wait(20000));
        QVERIFY(planned.first().first().toBool());
        auto *dialog = visibleDialog<ImportPreviewDialog>(&f.view);
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 1);
        QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("changed"));
        // The file changes between the preview and the confirmation: another text and three
        // more prompts.
        QVERIFY(writeFile(path, coachFile(f, QStringLiteral("A text nobody previewed."), 3)));
        QSignalSpy imported(&f.view, &PromptsView::importFinished);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(20000));
        QVERIFY2(imported.first().first().toBool(), qPrintable(imported.first().last().toString()));
        QCOMPARE(f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 previewed);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompts WHERE prompt_id LIKE 'extra-%'"), 0);
        QCOMPARE(f.count("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt = $1",
                         {QStringLiteral("A text nobody previewed.")}),
                 0);
    }

    void aKeyFileIsOpenedAsATaskOffTheGuiThread()
    {
        Fixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("key.json"));
        const Result<QByteArray> wrapped
            = KeyFile::wrap(DataKey::generate(), QStringLiteral("the right passphrase"));
        QVERIFY(wrapped.ok());
        QVERIFY(writeFile(path, *wrapped));
        QSignalSpy started(&f.view, &PromptsView::jobStarted);
        QSignalSpy imported(&f.view, &PromptsView::keyImported);
        int ticks = 0;
        QTimer timer;
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start();
        QElapsedTimer clock;
        clock.start();
        f.view.importKey(path, QStringLiteral("a wrong passphrase"));
        // The call returns at once, before any result; the derivation (about 0.3 s) runs on the
        // worker, while the event loop runs the timer (below).
        QCOMPARE(imported.size(), 0);
        QCOMPARE(started.size(), 1);
        QVERIFY(imported.wait(20000));
        const qint64 totalMs = clock.elapsed();
        QVERIFY(!imported.first().first().toBool());
        QVERIFY2(imported.first().last().toString().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(imported.first().last().toString()));
        // The event loop ran the timer while scrypt worked.
        QVERIFY2(ticks >= 5,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(totalMs)));

        // A hostile key file: refused without the derivation, naming the parameter.
        QJsonObject o = QJsonDocument::fromJson(*wrapped).object();
        QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("n"), 1 << 20);
        o.insert(QStringLiteral("kdf"), kdf);
        const QString hostile = dir.filePath(QStringLiteral("hostile.json"));
        QVERIFY(writeFile(hostile, QJsonDocument(o).toJson()));
        QSignalSpy refused(&f.view, &PromptsView::keyImported);
        clock.restart();
        f.view.importKey(hostile, QStringLiteral("the right passphrase"));
        QVERIFY(refused.size() == 1 || refused.wait(20000));
        // Refused by the parameter check that comes before any derivation (the message is that
        // check's).
        QVERIFY2(
            refused.first().last().toString().contains(
                QStringLiteral("%1: scrypt parameter n = 1048576 is above 131072").arg(hostile)),
            qPrintable(refused.first().last().toString()));
    }

    void aTamperedServedTextShowsAsTamperedInTheListAndTheEditor()
    {
        Fixture f;
        const DataKey key = DataKey::generate();
        PromptEncryption::Options o;
        o.consoleUser = QStringLiteral("tester");
        QVERIFY(PromptEncryption(f.connection).enable(key, o).ok());
        DataKeyLookup lookup;
        lookup.identity = QStringLiteral("test");
        lookup.key = key;
        lookup.found = true;
        f.view.setCodec(
            std::make_shared<EnvelopePromptCodec>(PromptEncryption(f.connection).status(), lookup));
        PgResult t = f.db.witness().execScript(
            "ALTER TABLE ai_prompts DISABLE TRIGGER USER;"
            "UPDATE ai_prompts SET system_prompt = (SELECT system_prompt FROM ai_prompts WHERE "
            "prompt_id = 'authenticity-analyzer-v1') WHERE prompt_id = 'reference-coach-v1';"
            "ALTER TABLE ai_prompts ENABLE TRIGGER USER");
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().toString()));
        QSignalSpy listed(&f.view, &PromptsView::listLoaded);
        f.view.refresh();
        QVERIFY(listed.wait(20000));
        const PromptListModel *model = f.view.model();
        const int row = model->rowOf(kCoach);
        QVERIFY(row >= 0);
        const QModelIndex name = model->index(row, PromptListModel::Name);
        QCOMPARE(name.data().toString(),
                 QStringLiteral("%1 (tampered)").arg(model->prompts().at(row).name));
        QVERIFY2(name.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Tampered: ")),
                 qPrintable(name.data(Qt::ToolTipRole).toString()));
        const int analyzer = model->rowOf(QStringLiteral("authenticity-analyzer-v1"));
        QVERIFY(!model->index(analyzer, PromptListModel::Name)
                     .data()
                     .toString()
                     .contains(QStringLiteral("tampered")));
        QVERIFY(f.open(kCoach));
        QString banner;
        for (QLabel *l : f.view.editor()->findChildren<QLabel *>())
            if (l->isVisible() && l->text().startsWith(QStringLiteral("Tampered: ")))
                banner = l->text();
        QVERIFY2(!banner.isEmpty(), "no \"Tampered: ...\" banner in the editor");
    }
};

QTEST_MAIN(TstPromptsTransfer)
#include "tst_promptstransfer.moc"
