// PromptEncryptionActions: the key files (export, import, the backup of enable and rotate) and
// their questions.
#include "promptencryptionactions.h"

#include "crypto/datakeystore.h"
#include "crypto/keyfile.h"
#include "crypto/promptkeyaudit.h"
#include "prompttaskrunner.h"
#include "util/privatefile.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>

namespace uaip {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024; // a key file has about 400 bytes

} // namespace

void PromptEncryptionActions::exportKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Export key: %1").arg(why);
        emit statusText(text, true);
        emit keyExported(false, text);
    };
    if (const QString why = refusal(); !why.isEmpty())
        return fail(why);
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return fail(tr("%1 exists; a key file is never overwritten").arg(path));
    if (const QString weak = KeyFile::checkPassphrase(passphrase); !weak.isEmpty())
        return fail(weak);
    if (m_status.keyId.isEmpty())
        return fail(tr("this database has no data key yet (enabling the encryption makes one)"));
    withKey(m_status.keyId, [this, path, passphrase, fail](const DataKeyLookup &lookup) {
        if (!lookup.ok())
            return fail(lookup.error);
        if (!lookup.found)
            return fail(
                tr("no key for this database in the keychain (entry \"%1\")").arg(lookup.identity));
        // scrypt and the file on the view's worker: the GUI thread stays responsive.
        const DataKey key = lookup.key;
        m_runner->run(
            tr("Export key %1 to %2").arg(key.id(), path),
            [this, key, path, passphrase, fail](PgConnection &) -> PromptTask::Then {
                const Result<QByteArray> wrapped = KeyFile::wrap(key, passphrase);
                // 0600, O_EXCL | O_NOFOLLOW: never over a file or a symlink that appeared
                // meanwhile.
                const QString why
                    = wrapped.ok() ? PrivateFile::write(path, *wrapped) : wrapped.error().text();
                return [this, key, path, why, fail] {
                    if (!why.isEmpty())
                        return fail(why);
                    const QString text = tr("Key %1 exported to %2 (wrapped with the passphrase).")
                                             .arg(key.id(), path);
                    audit(QLatin1String(PromptKeyAudit::kKeyExport),
                          {{QStringLiteral("key_id"), key.id()},
                           {QStringLiteral("file"), QFileInfo(path).absoluteFilePath()}},
                          [this, text](const QString &error) {
                              const QString all
                                  = error.isEmpty() ? text : text + QLatin1Char(' ') + error;
                              emit statusText(all, !error.isEmpty());
                              emit keyExported(true, all);
                          });
                };
            },
            fail);
    });
}

void PromptEncryptionActions::importKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Import key: %1; the keychain is unchanged.").arg(why);
        emit statusText(text, true);
        emit keyImported(false, text);
    };
    if (const QString why = refusal(); !why.isEmpty())
        return fail(why);
    // Reading the file and scrypt on the view's worker: the GUI thread stays responsive.
    m_runner->run(
        tr("Import a key from %1").arg(path),
        [this, path, passphrase, fail](PgConnection &) -> PromptTask::Then {
            QFile file(path);
            const Result<QByteArray> unwrapped = file.open(QIODevice::ReadOnly)
                ? KeyFile::unwrap(file.read(kMaxKeyFileBytes), passphrase)
                : Result<QByteArray>(Error(ErrorCode::Io, file.errorString()));
            return [this, path, unwrapped, fail] {
                if (!unwrapped.ok())
                    return fail(tr("%1: %2").arg(path, unwrapped.error().text()));
                storeImportedKey(DataKey::fromBytes(*unwrapped), path, fail);
            };
        },
        fail);
}

void PromptEncryptionActions::storeImportedKey(const DataKey &key, const QString &path,
                                               const std::function<void(const QString &)> &fail)
{
    // The ring keeps every key: another key than the one in use is added beside it.
    const QString entry = m_identity.entryFor(key.id());
    storeKey(key, [this, key, entry, path, fail](const QString &error) {
        if (!error.isEmpty())
            return fail(error);
        QString text = tr("Key %1 stored in the keychain (entry \"%2\").").arg(key.id(), entry);
        if (!m_status.keyId.isEmpty() && key.id() != m_status.keyId)
            text += QLatin1Char(' ')
                + tr("The prompts use key %1; key %2 is kept beside it.")
                      .arg(m_status.keyId, key.id());
        audit(QLatin1String(PromptKeyAudit::kKeyImport),
              {{QStringLiteral("key_id"), key.id()},
               {QStringLiteral("file"), QFileInfo(path).absoluteFilePath()}},
              [this, text](const QString &auditError) {
                  const QString all
                      = auditError.isEmpty() ? text : text + QLatin1Char(' ') + auditError;
                  emit statusText(all, !auditError.isEmpty());
                  loadStatus(); // reads the key again: locked rows open
                  emit keyImported(true, all);
              });
    });
}

bool PromptEncryptionActions::askKeyFile(bool exporting, QString *path, QString *passphrase,
                                         const std::function<void(const QString &)> &failed)
{
    *path = exporting
        ? QFileDialog::getSaveFileName(
            m_dialogParent, tr("Key file for the data key (a verified backup)"), QString(),
            tr("Key files (*.json);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite)
        : QFileDialog::getOpenFileName(m_dialogParent, tr("Import a data key"), QString(),
                                       tr("Key files (*.json);;All files (*)"));
    if (path->isEmpty())
        return false;
    const QString title = exporting ? tr("Export key") : tr("Import key");
    bool ok = false;
    *passphrase = QInputDialog::getText(
        m_dialogParent, title,
        exporting ? tr("Passphrase for the key file (at least 12 characters):")
                  : tr("Passphrase of the key file:"),
        QLineEdit::Password, QString(), &ok);
    if (!ok || !exporting)
        return ok;
    const QString again = QInputDialog::getText(m_dialogParent, title, tr("The passphrase again:"),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return false;
    if (again != *passphrase) {
        failed(tr("%1: the two passphrases differ; nothing was written.").arg(title));
        return false;
    }
    return true;
}

void PromptEncryptionActions::chooseKeyExport()
{
    QString path, passphrase;
    if (askKeyFile(true, &path, &passphrase, [this](const QString &text) {
            emit statusText(text, true);
            emit keyExported(false, text);
        }))
        exportKey(path, passphrase);
}

void PromptEncryptionActions::chooseEnable()
{
    QString path, passphrase;
    if (askKeyFile(true, &path, &passphrase, [this](const QString &text) {
            emit statusText(text, true);
            emit encryptionChanged(false, text);
        }))
        enable(path, passphrase);
}

void PromptEncryptionActions::chooseRotate()
{
    QString path, passphrase;
    if (askKeyFile(true, &path, &passphrase, [this](const QString &text) {
            emit statusText(text, true);
            emit keyRotated(false, text);
        }))
        rotate(path, passphrase);
}

void PromptEncryptionActions::chooseKeyImport()
{
    QString path, passphrase;
    if (askKeyFile(false, &path, &passphrase, [](const QString &) {}))
        importKey(path, passphrase);
}

} // namespace uaip
