// PromptsView: the encryption actions (enable, disable, key export and import).
#include "browser/typedconfirmdialog.h"
#include "crypto/datakeystore.h"
#include "crypto/keyfile.h"
#include "crypto/promptencryption.h"
#include "promptsview.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSysInfo>

namespace uaip {

void PromptsView::setKeychainService(const QString &service)
{
    // The old stores stay (unheard) until the view goes: a keychain job they started may still
    // answer, and QtKeychain's jobs are their children.
    for (DataKeyStore *old : {m_keys, m_actionKeys})
        disconnect(old, nullptr, this, nullptr);
    m_keys = new DataKeyStore(service, this);
    m_actionKeys = new DataKeyStore(service, this);
    connect(m_keys, &DataKeyStore::readFinished, this, &PromptsView::onKeyRead);
    if (m_spec && m_spec->isComplete())
        loadEncryption();
}

QString PromptsView::encryptionRefusal() const
{
    if (!m_spec || !m_spec->isComplete())
        return tr("not connected");
    if (!m_readOnlyReason.isEmpty())
        return m_readOnlyReason;
    if (!m_encryptionStatus.ok())
        return tr("the encryption status is not known (%1)").arg(m_encryptionStatus.error.message);
    if (m_keyIdentity.isEmpty())
        return tr("the keychain entry's name of this database is not known yet");
    return {};
}

void PromptsView::withKey(const std::function<void(const DataKeyLookup &)> &answer)
{
    const QString identity = m_keyIdentity;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_actionKeys, &DataKeyStore::readFinished, this,
                          [identity, answer, connection](const DataKeyLookup &lookup) {
                              if (lookup.identity != identity)
                                  return;
                              QObject::disconnect(*connection);
                              answer(lookup);
                          });
    m_actionKeys->read(identity);
}

bool PromptsView::confirmEncryptionChange(bool enable)
{
    if (!m_spec->profile.production)
        return true;
    TypedConfirmDialog dialog(
        enable ? tr("Encrypt every system prompt of the production database %1?")
                     .arg(m_spec->profile.database)
               : tr("Store every system prompt of the production database %1 in plain text?")
                     .arg(m_spec->profile.database),
        m_spec->profile.database, this);
    return dialog.exec() == QDialog::Accepted;
}

void PromptsView::enableEncryption()
{
    convertEncryption(true);
}

void PromptsView::disableEncryption()
{
    convertEncryption(false);
}

void PromptsView::convertEncryption(bool enable)
{
    const QString what = enable ? tr("Enable encryption") : tr("Disable encryption");
    auto fail = [this, what](const QString &why) {
        const QString text = tr("%1: %2; nothing was converted.").arg(what, why);
        setStatus(text, true);
        emit encryptionChanged(false, text);
    };
    if (const QString refusal = encryptionRefusal(); !refusal.isEmpty())
        return fail(refusal);
    if (!confirmEncryptionChange(enable))
        return fail(tr("not confirmed"));
    setStatus(tr("%1: reading the key from the keychain…").arg(what), false);
    withKey([this, enable, fail](const DataKeyLookup &lookup) {
        if (!lookup.ok())
            return fail(lookup.error);
        if (lookup.found)
            return runConversion(enable, lookup.key);
        if (!enable || m_encryptionStatus.enabled)
            return fail(tr("no key for this database in the keychain (entry \"%1\"); import it "
                           "first")
                            .arg(m_keyIdentity));
        // A new key goes to the keychain before any text is sealed with it.
        const DataKey key = DataKey::generate();
        if (!key.isValid())
            return fail(tr("the random number generator failed"));
        const QString identity = m_keyIdentity;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(
            m_actionKeys, &DataKeyStore::writeFinished, this,
            [this, identity, key, fail, connection](const QString &id, const QString &error) {
                if (id != identity)
                    return;
                QObject::disconnect(*connection);
                if (!error.isEmpty())
                    return fail(error);
                runConversion(true, key);
            });
        m_actionKeys->write(identity, key);
    });
}

void PromptsView::runConversion(bool enable, const DataKey &key)
{
    PromptEncryption::Options options;
    options.consoleUser = m_actor.consoleUser;
    options.client = QStringLiteral("%1 %2 on %3")
                         .arg(QCoreApplication::applicationName(),
                              QCoreApplication::applicationVersion(), QSysInfo::machineHostName());
    const QString what = enable ? tr("Enable encryption") : tr("Disable encryption");
    run(
        what,
        [this, enable, key, options, what](PgConnection &pg) -> PromptTask::Then {
            PromptEncryption encryption(pg);
            const PromptConversionResult r
                = enable ? encryption.enable(key, options) : encryption.disable(key, options);
            return [this, r, what, key] {
                const QString text = r.ok()
                    ? tr("%1: %2 (key %3).").arg(what, r.message, key.id())
                    : tr("%1: %2; nothing was converted.").arg(what, r.message);
                setStatus(text, !r.ok());
                if (r.ok())
                    loadEncryption(); // the status and the codec with the key
                emit encryptionChanged(r.ok(), text);
            };
        },
        [this](const QString &why) { emit encryptionChanged(false, why); });
}

void PromptsView::exportKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Export key: %1").arg(why);
        setStatus(text, true);
        emit keyExported(false, text);
    };
    if (const QString refusal = encryptionRefusal(); !refusal.isEmpty())
        return fail(refusal);
    if (QFileInfo::exists(path))
        return fail(tr("%1 exists; a key file is never overwritten").arg(path));
    if (const QString weak = KeyFile::checkPassphrase(passphrase); !weak.isEmpty())
        return fail(weak);
    withKey([this, path, passphrase, fail](const DataKeyLookup &lookup) {
        if (!lookup.ok())
            return fail(lookup.error);
        if (!lookup.found)
            return fail(
                tr("no key for this database in the keychain (entry \"%1\")").arg(lookup.identity));
        const CryptoResult wrapped = KeyFile::wrap(lookup.key, passphrase);
        if (!wrapped.ok())
            return fail(wrapped.message);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(wrapped.bytes) != wrapped.bytes.size()
            || !file.commit())
            return fail(tr("%1: %2").arg(path, file.errorString()));
        const QString text
            = tr("Key %1 exported to %2 (wrapped with the passphrase).").arg(lookup.key.id(), path);
        setStatus(text, false);
        emit keyExported(true, text);
    });
}

void PromptsView::importKey(const QString &path, const QString &passphrase)
{
    auto fail = [this](const QString &why) {
        const QString text = tr("Import key: %1; the keychain is unchanged.").arg(why);
        setStatus(text, true);
        emit keyImported(false, text);
    };
    if (const QString refusal = encryptionRefusal(); !refusal.isEmpty())
        return fail(refusal);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: %2").arg(path, file.errorString()));
    const CryptoResult unwrapped = KeyFile::unwrap(file.readAll(), passphrase);
    if (!unwrapped.ok())
        return fail(tr("%1: %2").arg(path, unwrapped.message));
    const DataKey key = DataKey::fromBytes(unwrapped.bytes);
    if (!m_encryptionStatus.keyId.isEmpty() && key.id() != m_encryptionStatus.keyId)
        return fail(tr("the file holds key %1, this database uses key %2")
                        .arg(key.id(), m_encryptionStatus.keyId));
    const QString identity = m_keyIdentity;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_actionKeys, &DataKeyStore::writeFinished, this,
        [this, identity, key, fail, connection](const QString &id, const QString &error) {
            if (id != identity)
                return;
            QObject::disconnect(*connection);
            if (!error.isEmpty())
                return fail(error);
            const QString text
                = tr("Key %1 stored in the keychain (entry \"%2\").").arg(key.id(), identity);
            setStatus(text, false);
            loadEncryption(); // reads the key again: locked rows open
            emit keyImported(true, text);
        });
    m_actionKeys->write(identity, key);
}

void PromptsView::chooseKeyExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the data key"), QString(),
                                                      tr("Key files (*.json);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString passphrase = QInputDialog::getText(
        this, tr("Export key"), tr("Passphrase for the key file (at least 12 characters):"),
        QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    const QString again = QInputDialog::getText(this, tr("Export key"), tr("The passphrase again:"),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    if (again != passphrase) {
        const QString text = tr("Export key: the two passphrases differ; nothing was written.");
        setStatus(text, true);
        emit keyExported(false, text);
        return;
    }
    exportKey(path, passphrase);
}

void PromptsView::chooseKeyImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a data key"), QString(),
                                                      tr("Key files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString passphrase
        = QInputDialog::getText(this, tr("Import key"), tr("Passphrase of the key file:"),
                                QLineEdit::Password, QString(), &ok);
    if (ok)
        importKey(path, passphrase);
}

} // namespace uaip
