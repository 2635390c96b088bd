#include "promptkeyfiles.h"

#include "crypto/datakey.h"
#include "crypto/datakeylookup.h"
#include "crypto/keyfile.h"
#include "crypto/promptkeyaudit.h"
#include "promptencryptionactions.h"
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

PromptKeyFiles::PromptKeyFiles(PromptTaskRunner *runner, PromptEncryptionActions *encryption,
                               QWidget *dialogParent)
    : QObject(encryption)
    , m_runner(runner)
    , m_encryption(encryption)
    , m_dialogParent(dialogParent)
{ }

void PromptKeyFiles::exportKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Export key: %1").arg(why);
        emit statusText(text, true);
        emit keyExported(false, text);
    };
    if (const QString why = m_encryption->refusal(); !why.isEmpty())
        return fail(why);
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return fail(tr("%1 exists; a key file is never overwritten").arg(path));
    if (const Status weak = KeyFile::checkPassphrase(passphrase); !weak)
        return fail(weak.error().toString());
    const QString keyId = m_encryption->status().keyId;
    if (keyId.isEmpty())
        return fail(tr("this database has no data key yet (enabling the encryption makes one)"));
    m_encryption->withKey(keyId, [this, path, passphrase, fail](const DataKeyLookup &lookup) {
        if (!lookup.ok())
            return fail(lookup.status.error().toString());
        if (!lookup.found)
            return fail(
                tr("no key for this database in the keychain (entry \"%1\")").arg(lookup.identity));
        writeKeyFile(lookup.key, path, passphrase, fail);
    });
}

void PromptKeyFiles::writeKeyFile(const DataKey &key, const QString &path,
                                  const QString &passphrase,
                                  const std::function<void(const QString &)> &fail)
{
    // scrypt and the file on the view's worker: the GUI thread stays responsive.
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
                audit(
                    QLatin1String(PromptKeyAudit::kKeyExport),
                    {{QStringLiteral("key_id"), key.id()},
                     {QStringLiteral("file"), QFileInfo(path).absoluteFilePath()}},
                    tr("Key %1 exported to %2 (wrapped with the passphrase).").arg(key.id(), path),
                    [this](const QString &all, bool recorded) {
                        emit statusText(all, !recorded);
                        emit keyExported(true, all);
                    });
            };
        },
        fail);
}

void PromptKeyFiles::importKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Import key: %1; the keychain is unchanged.").arg(why);
        emit statusText(text, true);
        emit keyImported(false, text);
    };
    if (const QString why = m_encryption->refusal(); !why.isEmpty())
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

void PromptKeyFiles::storeImportedKey(const DataKey &key, const QString &path,
                                      const std::function<void(const QString &)> &fail)
{
    // The ring keeps every key: another key than the one in use is added beside it.
    const QString entry = m_encryption->keyRing().entryFor(key.id());
    m_encryption->storeKey(key, [this, key, entry, path, fail](const Status &stored) {
        if (!stored)
            return fail(stored.error().toString());
        QString text = tr("Key %1 stored in the keychain (entry \"%2\").").arg(key.id(), entry);
        const QString inUse = m_encryption->status().keyId;
        if (!inUse.isEmpty() && key.id() != inUse)
            text += QLatin1Char(' ')
                + tr("The prompts use key %1; key %2 is kept beside it.").arg(inUse, key.id());
        audit(QLatin1String(PromptKeyAudit::kKeyImport),
              {{QStringLiteral("key_id"), key.id()},
               {QStringLiteral("file"), QFileInfo(path).absoluteFilePath()}},
              text, [this](const QString &all, bool recorded) {
                  emit statusText(all, !recorded);
                  m_encryption->loadStatus(); // reads the key again: locked rows open
                  emit keyImported(true, all);
              });
    });
}

void PromptKeyFiles::audit(const QString &action, const QJsonObject &values, const QString &text,
                           const std::function<void(const QString &, bool)> &then)
{
    const PromptActor actor = m_runner->actor();
    const QString profile = m_runner->spec() ? m_runner->spec()->profile.name : QString();
    auto notRecorded = [action, text, then](const QString &why) {
        then(text + QLatin1Char(' ')
                 + tr("the audit_logs row of %1 was not written: %2").arg(action, why),
             false);
    };
    m_runner->run(
        tr("Record %1 in audit_logs").arg(action),
        [action, values, actor, profile, text, then,
         notRecorded](PgConnection &pg) -> PromptTask::Then {
            const Status recorded = PromptKeyAudit::record(pg, action, values, actor, profile);
            return [recorded, text, then, notRecorded] {
                if (!recorded)
                    return notRecorded(recorded.error().toString());
                then(text, true);
            };
        },
        notRecorded);
}

std::optional<PromptKeyFiles::Choice>
PromptKeyFiles::ask(QWidget *parent, bool exporting,
                    const std::function<void(const QString &)> &failed)
{
    Choice choice;
    choice.path = exporting
        ? QFileDialog::getSaveFileName(parent, tr("Key file for the data key (a verified backup)"),
                                       QString(), tr("Key files (*.json);;All files (*)"), nullptr,
                                       QFileDialog::DontConfirmOverwrite)
        : QFileDialog::getOpenFileName(parent, tr("Import a data key"), QString(),
                                       tr("Key files (*.json);;All files (*)"));
    if (choice.path.isEmpty())
        return std::nullopt;
    const QString title = exporting ? tr("Export key") : tr("Import key");
    bool ok = false;
    choice.passphrase = QInputDialog::getText(
        parent, title,
        exporting ? tr("Passphrase for the key file (at least 12 characters):")
                  : tr("Passphrase of the key file:"),
        QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    if (!exporting)
        return choice;
    const QString again = QInputDialog::getText(parent, title, tr("The passphrase again:"),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    if (again != choice.passphrase) {
        failed(tr("%1: the two passphrases differ; nothing was written.").arg(title));
        return std::nullopt;
    }
    return choice;
}

void PromptKeyFiles::chooseKeyExport()
{
    const auto choice = ask(m_dialogParent, true, [this](const QString &text) {
        emit statusText(text, true);
        emit keyExported(false, text);
    });
    if (choice)
        exportKey(choice->path, choice->passphrase);
}

void PromptKeyFiles::chooseKeyImport()
{
    if (const auto choice = ask(m_dialogParent, false, [](const QString &) {}))
        importKey(choice->path, choice->passphrase);
}

} // namespace uaip
