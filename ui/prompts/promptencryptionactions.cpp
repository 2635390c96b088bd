#include "promptencryptionactions.h"

#include "crypto/datakeystore.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptconversionestimate.h"
#include "crypto/promptencryption.h"
#include "productionconfirmation.h"
#include "prompttaskrunner.h"
#include "util/privatefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QSysInfo>
#include <QWidget>

namespace uaip {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024; // a key file has about 400 bytes

} // namespace

PromptEncryptionActions::PromptEncryptionActions(PromptTaskRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_runner(runner)
    , m_dialogParent(dialogParent)
    , m_keys(new DataKeyStore(DataKeyStore::defaultService(), this))
    , m_actionKeys(new DataKeyStore(DataKeyStore::defaultService(), this))
{
    connect(m_keys, &DataKeyStore::readFinished, this, &PromptEncryptionActions::onKeyRead);
}

void PromptEncryptionActions::setKeychainService(const QString &service)
{
    // The old stores stay (unheard) until the view goes: a keychain job they started may still
    // answer, and QtKeychain's jobs are their children.
    for (DataKeyStore *old : {m_keys, m_actionKeys})
        disconnect(old, nullptr, this, nullptr);
    m_keys = new DataKeyStore(service, this);
    m_actionKeys = new DataKeyStore(service, this);
    connect(m_keys, &DataKeyStore::readFinished, this, &PromptEncryptionActions::onKeyRead);
    if (m_runner->isConnected())
        loadStatus();
}

void PromptEncryptionActions::clear()
{
    m_status = PromptEncryptionStatus();
    m_keyIdentity.clear();
}

void PromptEncryptionActions::loadStatus()
{
    m_runner->run(tr("Read the prompt encryption status"),
                  [this](PgConnection &pg) -> PromptTask::Then {
                      const PromptEncryptionStatus status = PromptEncryption(pg).status();
                      // The keychain entry's name as uaip-migrate prompts key names it (with
                      // the database-uuid fallback where pg_control_system() is refused).
                      const KeychainIdentity identity
                          = status.ok() ? KeychainIdentity::read(pg) : KeychainIdentity();
                      return [this, status, identity] { apply(status, identity); };
                  });
}

void PromptEncryptionActions::apply(const PromptEncryptionStatus &status,
                                    const KeychainIdentity &identity)
{
    m_status = status;
    // Every status load gives the view a new codec: here none (off, or the state unknown), or
    // after the key was read (onKeyRead); no codec of an earlier state survives.
    if (!status.ok() || (!status.enabled && !hasEncryptedTexts()) || !identity.ok())
        emit codecChanged(nullptr);
    if (!status.ok() && status.error.sqlState == QLatin1String("42P01")) // undefined_table
        return emit encryptionKnown(
            tr("Encryption at rest: off (migration 0014_prompt_encryption not applied)"));
    if (!status.ok())
        return emit encryptionKnown(
            tr("Encryption at rest: unknown (%1)").arg(status.error.message));
    m_keyIdentity = identity.ok() ? identity.identity : QString();
    if (!status.enabled && !hasEncryptedTexts())
        return emit encryptionKnown(tr("Encryption at rest: off"));
    if (!identity.ok())
        return emit encryptionKnown(tr("Encryption at rest: on · locked: the keychain entry's "
                                       "name could not be read (%1)")
                                        .arg(identity.error.message));
    emit encryptionReading(tr("Encryption at rest: on · reading the key…"));
    m_keys->read(m_keyIdentity);
}

void PromptEncryptionActions::onKeyRead(const DataKeyLookup &lookup)
{
    if (lookup.identity != m_keyIdentity || !m_runner->isConnected())
        return;
    auto codec = std::make_shared<EnvelopePromptCodec>(m_status, lookup);
    const QString state = m_status.enabled ? tr("on") : tr("off, some texts still encrypted");
    emit encryptionKnown(
        codec->lockReason().isEmpty()
            ? tr("Encryption at rest: %1 · key %2").arg(state, codec->keyId())
            : tr("Encryption at rest: %1 · locked: %2").arg(state, codec->lockReason()));
    emit codecChanged(codec);
}

QString PromptEncryptionActions::refusal() const
{
    if (!m_runner->isConnected())
        return tr("not connected");
    if (!m_runner->readOnlyReason().isEmpty())
        return m_runner->readOnlyReason();
    if (!m_status.ok())
        return tr("the encryption status is not known (%1)").arg(m_status.error.message);
    if (m_keyIdentity.isEmpty())
        return tr("the keychain entry's name of this database is not known yet");
    return {};
}

void PromptEncryptionActions::withKey(const std::function<void(const DataKeyLookup &)> &answer)
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

void PromptEncryptionActions::storeKey(const DataKey &key,
                                       const std::function<void(const QString &)> &done)
{
    const QString identity = m_keyIdentity;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_actionKeys, &DataKeyStore::writeFinished, this,
                          [identity, done, connection](const QString &id, const QString &error) {
                              if (id != identity)
                                  return;
                              QObject::disconnect(*connection);
                              done(error);
                          });
    m_actionKeys->write(identity, key);
}

void PromptEncryptionActions::enable()
{
    convert(true);
}

void PromptEncryptionActions::disable()
{
    convert(false);
}

void PromptEncryptionActions::convert(bool enable)
{
    const QString what = enable ? tr("Enable encryption") : tr("Disable encryption");
    auto fail = [this, what](const QString &why) {
        const QString text = tr("%1: %2; nothing was converted.").arg(what, why);
        emit statusText(text, true);
        emit encryptionChanged(false, text);
    };
    if (const QString why = refusal(); !why.isEmpty())
        return fail(why);
    const QString database = m_runner->spec()->profile.database;
    // How long the tables will be held: in the question (production) and the status line.
    const QString estimate
        = PromptConversionEstimate::of(m_status, PromptEncryption::Options().lockTimeoutMs).text();
    ProductionConfirmation::ask(
        *m_runner, m_dialogParent,
        (enable ? tr("Encrypt every system prompt of the production database %1?").arg(database)
                : tr("Store every system prompt of the production database %1 in plain text?")
                      .arg(database))
            + u'\n' + estimate,
        [this, enable, what, fail, estimate] {
            emit statusText(tr("%1 (%2): reading the key from the keychain…").arg(what, estimate),
                            false);
            withKey([this, enable, fail](const DataKeyLookup &lookup) {
                if (!lookup.ok())
                    return fail(lookup.error);
                if (lookup.found)
                    return runConversion(enable, lookup.key);
                if (!enable || m_status.enabled)
                    return fail(tr("no key for this database in the keychain (entry \"%1\"); "
                                   "import it first")
                                    .arg(m_keyIdentity));
                // A new key goes to the keychain before any text is sealed with it.
                const DataKey key = DataKey::generate();
                if (!key.isValid())
                    return fail(tr("the random number generator failed"));
                storeKey(key, [this, key, fail](const QString &error) {
                    if (!error.isEmpty())
                        return fail(error);
                    runConversion(true, key);
                });
            });
        },
        [fail] { fail(tr("not confirmed")); });
}

void PromptEncryptionActions::runConversion(bool enable, const DataKey &key)
{
    PromptEncryption::Options options;
    options.consoleUser = m_runner->actor().consoleUser;
    options.client = QStringLiteral("%1 %2 on %3")
                         .arg(QCoreApplication::applicationName(),
                              QCoreApplication::applicationVersion(), QSysInfo::machineHostName());
    const QString what = enable ? tr("Enable encryption") : tr("Disable encryption");
    m_runner->run(
        what,
        [this, enable, key, options, what](PgConnection &pg) -> PromptTask::Then {
            PromptEncryption encryption(pg);
            const PromptConversionResult r
                = enable ? encryption.enable(key, options) : encryption.disable(key, options);
            return [this, r, what, key] {
                const QString text = r.ok()
                    ? tr("%1: %2 (key %3).").arg(what, r.message, key.id())
                    : tr("%1: %2; nothing was converted.").arg(what, r.message);
                emit statusText(text, !r.ok());
                if (r.ok())
                    loadStatus(); // the status and the codec with the key
                emit encryptionChanged(r.ok(), text);
            };
        },
        [this](const QString &why) { emit encryptionChanged(false, why); });
}

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
    withKey([this, path, passphrase, fail](const DataKeyLookup &lookup) {
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
                const CryptoResult wrapped = KeyFile::wrap(key, passphrase);
                // 0600, O_EXCL | O_NOFOLLOW: never over a file or a symlink that appeared
                // meanwhile.
                const QString why
                    = wrapped.ok() ? PrivateFile::write(path, wrapped.bytes) : wrapped.message;
                return [this, key, path, why, fail] {
                    if (!why.isEmpty())
                        return fail(why);
                    const QString text = tr("Key %1 exported to %2 (wrapped with the passphrase).")
                                             .arg(key.id(), path);
                    emit statusText(text, false);
                    emit keyExported(true, text);
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
            CryptoResult unwrapped;
            if (!file.open(QIODevice::ReadOnly))
                unwrapped = CryptoResult::failure(CryptoError::Malformed, file.errorString());
            else
                unwrapped = KeyFile::unwrap(file.read(kMaxKeyFileBytes), passphrase);
            return [this, path, unwrapped, fail] {
                if (!unwrapped.ok())
                    return fail(tr("%1: %2").arg(path, unwrapped.message));
                storeImportedKey(DataKey::fromBytes(unwrapped.bytes), fail);
            };
        },
        fail);
}

void PromptEncryptionActions::storeImportedKey(const DataKey &key,
                                               const std::function<void(const QString &)> &fail)
{
    if (!m_status.keyId.isEmpty() && key.id() != m_status.keyId)
        return fail(
            tr("the file holds key %1, this database uses key %2").arg(key.id(), m_status.keyId));
    const QString identity = m_keyIdentity;
    storeKey(key, [this, key, identity, fail](const QString &error) {
        if (!error.isEmpty())
            return fail(error);
        const QString text
            = tr("Key %1 stored in the keychain (entry \"%2\").").arg(key.id(), identity);
        emit statusText(text, false);
        loadStatus(); // reads the key again: locked rows open
        emit keyImported(true, text);
    });
}

bool PromptEncryptionActions::askKeyFile(bool exporting, QString *path, QString *passphrase,
                                         const std::function<void(const QString &)> &failed)
{
    *path = exporting
        ? QFileDialog::getSaveFileName(m_dialogParent, tr("Export the data key"), QString(),
                                       tr("Key files (*.json);;All files (*)"), nullptr,
                                       QFileDialog::DontConfirmOverwrite)
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
        failed(tr("Export key: the two passphrases differ; nothing was written."));
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

void PromptEncryptionActions::chooseKeyImport()
{
    QString path, passphrase;
    if (askKeyFile(false, &path, &passphrase, [](const QString &) {}))
        importKey(path, passphrase);
}

} // namespace uaip
