// The Prompts view's encryption actions against the sandbox and a real keychain (Secret
// Service under dbus-run-session with gnome-keyring, as /work/notes/runtests.sh runs it;
// skipped with a message when none answers): enable from the view stores a new key and
// seals every text (a second connection sees no plaintext), disable restores them, the key
// leaves as a key file and comes back into another keychain service, read-only refuses.
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "prompts/prompteditor.h"
#include "prompts/prompttextedit.h"
#include "promptviewtestutil.h"
#include "requireorskip.h"

#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace uaip;
using namespace uaip::test;

namespace {

// The permission bits of a file (0600: owner read and write only).
int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QString randomService()
{
    return QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate());
}

DataKeyLookup readKey(const QString &service, const QString &identity)
{
    DataKeyStore store(service);
    QSignalSpy spy(&store, &DataKeyStore::readFinished);
    store.read(identity);
    if (!spy.wait(20000))
        return DataKeyLookup{
            identity, {}, false, Error(ErrorCode::Cancelled, QStringLiteral("no answer"))};
    return spy.first().first().value<DataKeyLookup>();
}

// Empty when removed, else why not (for QCOMPARE(..., QString()), which says it).
QString removeKey(const QString &service, const QString &identity)
{
    DataKeyStore store(service);
    QSignalSpy spy(&store, &DataKeyStore::removeFinished);
    store.remove(identity);
    if (!spy.wait(20000))
        return QStringLiteral("no answer");
    const Status removed = spy.first().at(1).value<Status>();
    return removed ? QString() : removed.error().toString();
}

struct Fixture : PromptViewFixture
{
    explicit Fixture(bool readOnly = false)
        : PromptViewFixture(QStringLiteral("tst_promptsencryption"), false, readOnly)
        , service(randomService())
    {
        QSignalSpy known(&view, &PromptsView::encryptionKnown);
        view.setKeychainService(service);
        if (!known.wait(20000))
            qFatal("no encryption status: %s", qPrintable(view.statusText()));
        ring = KeychainIdentity::read(connection);
    }
    // The ring's entry of the key the database names (before the first enable: none).
    QString entry() const
    {
        return ring.entryFor(const_cast<Fixture *>(this)->text(
            "SELECT coalesce(key_id, '') FROM ai_prompt_encryption"));
    }
    int plainRows()
    {
        return text("SELECT (SELECT count(*) FROM ai_prompts WHERE system_prompt IS NOT NULL "
                    "AND NOT ai_prompt_text_is_envelope(system_prompt)) + (SELECT count(*) FROM "
                    "ai_prompt_versions WHERE system_prompt IS NOT NULL AND NOT "
                    "ai_prompt_text_is_envelope(system_prompt))")
            .toInt();
    }
    int rowsContaining(const QString &s)
    {
        return text("SELECT (SELECT count(*) FROM ai_prompts t WHERE strpos(t::text, $1) > 0) + "
                    "(SELECT count(*) FROM ai_prompt_versions t WHERE strpos(t::text, $1) > 0)",
                    {s})
            .toInt();
    }
    bool change(bool enable, QString *message)
    {
        QSignalSpy done(&view, &PromptsView::encryptionChanged);
        if (enable)
            view.enableEncryption(
                backups.filePath(QStringLiteral("key-%1.json").arg(++backupCount)),
                QStringLiteral("the backup passphrase"));
        else
            view.disableEncryption();
        if (done.isEmpty() && !done.wait(60000))
            return false;
        *message = done.first().at(1).toString();
        return done.first().first().toBool();
    }

    QString service;
    KeychainIdentity ring;
    QTemporaryDir backups;
    int backupCount = 0;
};

QList<QVariant> exportPrompts(Fixture &f, const QString &path, bool decrypted)
{
    QSignalSpy spy(&f.view, &PromptsView::exportFinished);
    f.view.exportTo(path, {}, decrypted);
    if (spy.isEmpty() && !spy.wait(30000))
        return {};
    return spy.first();
}

} // namespace

class TstPromptsEncryption : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<DataKeyLookup>();
        const DataKeyLookup probe = readKey(randomService(), QStringLiteral("probe"));
        if (!probe.ok())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("no Secret Service answered: %1 (run under "
                                                "dbus-run-session with gnome-keyring unlocked)")
                                     .arg(probe.status.error().toString()));
    }

    void enableFromTheViewSealsEveryTextAndDisableRestoresThem()
    {
        Fixture f;
        QVERIFY(!f.ring.identity.isEmpty());
        const QString secret = f.text(
            "SELECT left(system_prompt, 40) FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        QVERIFY(!secret.isEmpty());
        QVERIFY(f.rowsContaining(secret) > 0);
        QVERIFY(!readKey(f.service, f.entry()).found);

        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        // The new key is in the keychain under the KeychainIdentity's name.
        const DataKeyLookup key = readKey(f.service, f.entry());
        QVERIFY2(key.ok() && key.found, qPrintable(key.status.error().toString()));
        QVERIFY2(message.contains(key.key.id()), qPrintable(message));
        // A second connection sees no plaintext.
        QCOMPARE(f.plainRows(), 0);
        QCOMPARE(f.rowsContaining(secret), 0);
        // The view reads through the key it stored.
        QTRY_VERIFY_WITH_TIMEOUT(f.view.encryptionText().contains(key.key.id()), 20000);
        QVERIFY(f.open());
        QVERIFY(f.view.editor()->systemEdit()->plainText().startsWith(secret));
        // The prompts export writes the texts decrypted only when asked for explicitly.
        QTemporaryDir dir;
        const QString sealedPath = dir.filePath(QStringLiteral("sealed.json"));
        QList<QVariant> done = exportPrompts(f, sealedPath, false);
        QVERIFY(!done.isEmpty() && !done.first().toBool());
        QVERIFY(!QFile::exists(sealedPath));
        const QString plainPath = dir.filePath(QStringLiteral("plain.json"));
        done = exportPrompts(f, plainPath, true);
        QVERIFY2(!done.isEmpty() && done.first().toBool(), qPrintable(f.view.statusText()));
        QCOMPARE(modeOf(plainPath), 0600);
        QFile plain(plainPath);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(plain.readAll()).contains(secret.left(20)));

        QVERIFY2(f.change(false, &message), qPrintable(message));
        QVERIFY(f.rowsContaining(secret) > 0);
        QCOMPARE(f.text("SELECT count(*) FROM ai_prompts WHERE "
                        "ai_prompt_text_is_envelope(system_prompt)")
                     .toInt(),
                 0);
        QCOMPARE(f.text("SELECT count(*) FROM ai_prompt_versions WHERE "
                        "ai_prompt_text_is_envelope(system_prompt)")
                     .toInt(),
                 0);
        QCOMPARE(removeKey(f.service, f.entry()), QString());
    }

    void disableWithoutTheKeyConvertsNothing()
    {
        Fixture f;
        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        QCOMPARE(removeKey(f.service, f.entry()), QString());
        QVERIFY(!f.change(false, &message));
        QVERIFY2(message.contains(QStringLiteral("no key for this database")), qPrintable(message));
        QCOMPARE(f.plainRows(), 0); // still all sealed
    }

    // Issue 20, point 1: every status load gives the view a new codec. After "Disable
    // encryption" the view must not keep the codec of the "on" state (its saves would seal).
    void disablingDropsTheCodec()
    {
        Fixture f;
        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        QTRY_VERIFY_WITH_TIMEOUT(f.view.codec() != nullptr, 20000);
        QVERIFY2(f.change(false, &message), qPrintable(message));
        QTRY_COMPARE_WITH_TIMEOUT(f.view.encryptionText(),
                                  QStringLiteral("Encryption at rest: off"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(f.view.codec() == nullptr, 5000);
        QCOMPARE(removeKey(f.service, f.entry()), QString());
    }

    // Issue 20, point 1: a database stuck with the encryption off while some texts are
    // envelopes (made here as a superuser with the triggers off): the view names that state and
    // its Disable repairs it (every text plain and as before, the state off).
    void disableFromTheViewRepairsAMixedState()
    {
        Fixture f;
        const QString texts = QStringLiteral(
            "SELECT string_agg(system_prompt, '|' ORDER BY id) FROM (SELECT id, system_prompt "
            "FROM ai_prompts UNION ALL SELECT id, system_prompt FROM ai_prompt_versions) t");
        const QString before = f.text(texts.toUtf8());
        const QString coach
            = f.text("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        QTRY_VERIFY_WITH_TIMEOUT(f.view.codec() != nullptr, 20000);
        PgConnection &w = f.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("SET LOCAL session_replication_role = replica").ok());
        QVERIFY(w.exec("UPDATE ai_prompt_encryption SET enabled = false").ok());
        QVERIFY(
            w.exec("UPDATE ai_prompts SET system_prompt = $2 WHERE prompt_id = $1", {kCoach, coach})
                .ok());
        QVERIFY(w.exec("COMMIT").ok());
        QCOMPARE(f.plainRows(), 1);
        f.view.setKeychainService(f.service); // a status load
        QTRY_VERIFY2_WITH_TIMEOUT(f.view.encryptionText().contains(QStringLiteral(
                                      "off, but 7 text(s) are envelopes: run Disable to repair")),
                                  qPrintable(f.view.encryptionText()), 20000);

        QVERIFY2(f.change(false, &message), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("repaired")), qPrintable(message));
        QCOMPARE(f.text(texts.toUtf8()), before);
        QCOMPARE(f.text("SELECT enabled::text FROM ai_prompt_encryption"), QStringLiteral("false"));
        QTRY_COMPARE_WITH_TIMEOUT(f.view.encryptionText(),
                                  QStringLiteral("Encryption at rest: off"), 20000);
        QCOMPARE(removeKey(f.service, f.entry()), QString());
    }

    // Issue 20, point 2: enabling needs the key file of its backup; without one nothing is
    // converted and no key is made.
    void enableWithoutABackupFileIsRefused()
    {
        Fixture f;
        const int plain = f.plainRows();
        QVERIFY(plain > 0);
        QSignalSpy done(&f.view, &PromptsView::encryptionChanged);
        f.view.enableEncryption(QString(), QStringLiteral("the backup passphrase"));
        QVERIFY(done.size() == 1 || done.wait(20000));
        QVERIFY(!done.first().first().toBool());
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("backup")),
                 qPrintable(done.first().at(1).toString()));
        QCOMPARE(f.plainRows(), plain);
        QCOMPARE(f.text("SELECT coalesce(key_id, '') FROM ai_prompt_encryption"), QString());
    }

    // Issue 20, point 2: rotating from the view re-seals every text with a new key whose
    // verified key file is written first; the old key stays in the ring.
    void rotateFromTheView()
    {
        Fixture f;
        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        const QString old = f.text("SELECT key_id FROM ai_prompt_encryption");
        const QString oldEntry = f.entry();
        QTRY_VERIFY_WITH_TIMEOUT(f.view.encryptionText().contains(old), 20000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rotated.json"));
        QSignalSpy rotated(&f.view, &PromptsView::keyRotated);
        f.view.rotateKey(path, QStringLiteral("the backup passphrase"));
        QVERIFY(rotated.size() == 1 || rotated.wait(60000));
        QVERIFY2(rotated.first().first().toBool(), qPrintable(rotated.first().at(1).toString()));
        const QString fresh = f.text("SELECT key_id FROM ai_prompt_encryption");
        QVERIFY(fresh != old);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(
            DataKey::fromBytes(
                KeyFile::unwrap(file.readAll(), QStringLiteral("the backup passphrase")).value())
                .id(),
            fresh);
        QCOMPARE(f.text("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt LIKE "
                        "'uaipenc:1:' || $1 || ':%'",
                        {old})
                     .toInt(),
                 0);
        QCOMPARE(f.text("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt LIKE "
                        "'uaipenc:1:' || $1 || ':%'",
                        {fresh})
                     .toInt(),
                 f.text("SELECT count(*) FROM ai_prompt_versions").toInt());
        QVERIFY(readKey(f.service, oldEntry).found);
        QTRY_VERIFY_WITH_TIMEOUT(f.view.encryptionText().contains(fresh), 20000);
        QVERIFY(f.open());
        QVERIFY(!f.view.editor()->systemEdit()->plainText().startsWith(QStringLiteral("uaipenc")));
        removeKey(f.service, oldEntry);
        removeKey(f.service, f.entry());
    }

    void keyExportThenImportIntoAnotherKeychain()
    {
        Fixture f;
        QString message;
        QVERIFY2(f.change(true, &message), qPrintable(message));
        const DataKeyLookup key = readKey(f.service, f.entry());
        QVERIFY(key.found);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("key.json"));
        const QString pass = QStringLiteral("a long enough passphrase");

        // A short passphrase is refused; nothing is written.
        QSignalSpy shortSpy(&f.view, &PromptsView::keyExported);
        f.view.exportKey(path, QStringLiteral("short"));
        QCOMPARE(shortSpy.size(), 1);
        QVERIFY(!shortSpy.first().first().toBool());
        QVERIFY(!QFile::exists(path));

        QSignalSpy exportSpy(&f.view, &PromptsView::keyExported);
        f.view.exportKey(path, pass);
        QVERIFY(exportSpy.wait(60000));
        QVERIFY2(exportSpy.first().first().toBool(),
                 qPrintable(exportSpy.first().at(1).toString()));
        QVERIFY(QFile::exists(path));
        // Audited (issue 20, point 4): actor, database user and the profile.
        QCOMPARE(f.text("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.key_export' "
                        "AND new_values->>'key_id' = $1 AND metadata->>'database_user' = "
                        "current_user AND metadata->>'console_user' <> '' AND "
                        "metadata->>'profile' <> ''",
                        {key.key.id()})
                     .toInt(),
                 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(key.key.bytes().toBase64())); // wrapped, not the key
        QCOMPARE(modeOf(path), 0600); // owner only, whatever the umask
        // A dangling symlink where the file should go: refused, never followed.
        const QString link = dir.filePath(QStringLiteral("link.json"));
        const QString target = dir.filePath(QStringLiteral("elsewhere.json"));
        QVERIFY(QFile::link(target, link));
        QSignalSpy linkSpy(&f.view, &PromptsView::keyExported);
        f.view.exportKey(link, pass);
        QVERIFY(linkSpy.size() == 1 || linkSpy.wait(60000));
        QVERIFY(!linkSpy.first().first().toBool());
        QVERIFY(!QFile::exists(target));

        // A second keychain (another service) gets it from the file; the view opens the texts.
        const QString second = randomService();
        QSignalSpy known(&f.view, &PromptsView::encryptionKnown);
        f.view.setKeychainService(second);
        QVERIFY(known.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(f.view.encryptionText().contains(QStringLiteral("locked")), 20000);

        QSignalSpy wrongSpy(&f.view, &PromptsView::keyImported);
        f.view.importKey(path, QStringLiteral("not the passphrase at all"));
        QVERIFY(wrongSpy.size() == 1 || wrongSpy.wait(60000)); // scrypt runs as a task
        QVERIFY(!wrongSpy.first().first().toBool());
        QVERIFY(!readKey(second, f.entry()).found);

        QSignalSpy importSpy(&f.view, &PromptsView::keyImported);
        f.view.importKey(path, pass);
        QVERIFY(importSpy.wait(60000));
        QVERIFY2(importSpy.first().first().toBool(),
                 qPrintable(importSpy.first().at(1).toString()));
        const DataKeyLookup back = readKey(second, f.entry());
        QVERIFY(back.found);
        QCOMPARE(f.text("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.key_import' "
                        "AND new_values->>'key_id' = $1 AND metadata->>'profile' <> ''",
                        {key.key.id()})
                     .toInt(),
                 1);
        QCOMPARE(back.key.id(), key.key.id());
        QTRY_VERIFY_WITH_TIMEOUT(f.view.encryptionText().contains(key.key.id()), 20000);
        QVERIFY(f.open());
        QVERIFY(!f.view.editor()->systemEdit()->isReadOnly());
        QVERIFY(!f.view.editor()->systemEdit()->plainText().isEmpty());
        removeKey(f.service, f.entry());
        removeKey(second, f.entry());
    }

    void readOnlyProfilesCannotChangeTheEncryption()
    {
        Fixture f(true);
        QVERIFY(!f.view.encryptionButton()->isEnabled());
        QVERIFY(f.view.encryptionButton()->toolTip().contains(QStringLiteral("Read-only profile")));
        QString message;
        QVERIFY(!f.change(true, &message));
        QVERIFY2(message.contains(QStringLiteral("Read-only profile")), qPrintable(message));
        QVERIFY(f.plainRows() > 0);
        QVERIFY(!readKey(f.service, f.entry()).found);
    }
};

QTEST_MAIN(TstPromptsEncryption)
#include "tst_promptsencryption.moc"
