#include "promptencryptionactions.h"

#include "crypto/datakeystore.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keybackup.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptconversionestimate.h"
#include "crypto/promptencryption.h"
#include "crypto/prompttablerewrite.h"
#include "productionconfirmation.h"
#include "promptkeyfiles.h"
#include "prompttaskrunner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QWidget>

namespace uaip {

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
    m_identity = KeychainIdentity();
}

void PromptEncryptionActions::loadStatus()
{
    m_runner->run(tr("Read the prompt encryption status"),
                  [this](PgConnection &pg) -> PromptTask::Then {
                      const PromptEncryptionStatus status = PromptEncryption(pg).status();
                      // The key ring's name as uaip-migrate prompts key names it (the
                      // database uuid; the names of earlier versions still read).
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
    if (!status.ok() && status.error.sqlState() == QLatin1String("42P01")) // undefined_table
        return emit encryptionKnown(
            tr("Encryption at rest: off (migration 0014_prompt_encryption not applied)"));
    if (!status.ok())
        return emit encryptionKnown(
            tr("Encryption at rest: unknown (%1)").arg(status.error.toString()));
    m_identity = identity.ok() ? identity : KeychainIdentity();
    if (!status.enabled && !hasEncryptedTexts())
        return emit encryptionKnown(tr("Encryption at rest: off"));
    if (!identity.ok())
        return emit encryptionKnown(tr("Encryption at rest: %1 · locked: the keychain entry's "
                                       "name could not be read (%2)")
                                        .arg(stateText(), identity.error.toString()));
    emit encryptionReading(tr("Encryption at rest: on · reading the key…"));
    m_keys->find(m_identity.identity, m_identity.legacyEntries, status.keyId);
}

void PromptEncryptionActions::onKeyRead(const DataKeyLookup &lookup)
{
    if (m_identity.identity.isEmpty() || !lookup.identity.startsWith(m_identity.identity)
        || !m_runner->isConnected())
        return;
    auto codec = std::make_shared<EnvelopePromptCodec>(m_status, lookup);
    const QString state = stateText();
    emit encryptionKnown(
        codec->lockReason().isEmpty()
            ? tr("Encryption at rest: %1 · key %2").arg(state, codec->keyId())
            : tr("Encryption at rest: %1 · locked: %2").arg(state, codec->lockReason()));
    emit codecChanged(codec);
}

QString PromptEncryptionActions::stateText() const
{
    if (m_status.enabled)
        return tr("on");
    if (m_status.mixed())
        return tr("off, but %n text(s) are envelopes: run Disable to repair", nullptr,
                  int(m_status.envelopes()));
    return tr("off");
}

QString PromptEncryptionActions::refusal() const
{
    if (!m_runner->isConnected())
        return tr("not connected");
    if (!m_runner->readOnlyReason().isEmpty())
        return m_runner->readOnlyReason();
    if (!m_status.ok())
        return tr("the encryption status is not known (%1)").arg(m_status.error.toString());
    if (m_identity.identity.isEmpty())
        return tr("the key ring's name of this database is not known yet");
    return {};
}

void PromptEncryptionActions::withKey(const QString &keyId,
                                      const std::function<void(const DataKeyLookup &)> &answer)
{
    const QString ring = m_identity.identity;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_actionKeys, &DataKeyStore::readFinished, this,
                          [ring, answer, connection](const DataKeyLookup &lookup) {
                              if (!lookup.identity.startsWith(ring))
                                  return;
                              QObject::disconnect(*connection);
                              answer(lookup);
                          });
    m_actionKeys->find(ring, m_identity.legacyEntries, keyId);
}

void PromptEncryptionActions::withKeys(
    QStringList ids, QList<DataKey> found,
    const std::function<void(const QList<DataKey> &, const Status &)> &then)
{
    if (ids.isEmpty())
        return then(found, Status());
    const QString id = ids.takeFirst();
    withKey(id, [this, id, ids, found, then](const DataKeyLookup &lookup) mutable {
        if (!lookup.ok())
            return then({}, lookup.status);
        if (lookup.found && lookup.key.id() == id)
            found << lookup.key;
        withKeys(ids, found, then);
    });
}

void PromptEncryptionActions::storeKey(const DataKey &key,
                                       const std::function<void(const Status &)> &done)
{
    const QString entry = m_identity.entryFor(key.id());
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_actionKeys, &DataKeyStore::writeFinished, this,
                          [entry, done, connection](const QString &id, const Status &written) {
                              if (id != entry)
                                  return;
                              QObject::disconnect(*connection);
                              done(written);
                          });
    m_actionKeys->add(m_identity.identity, key);
}

void PromptEncryptionActions::enable(const QString &backupPath, const QString &passphrase)
{
    convert(Mode::Enable, backupPath, passphrase);
}

void PromptEncryptionActions::disable()
{
    convert(Mode::Disable, QString(), QString());
}

void PromptEncryptionActions::rotate(const QString &backupPath, const QString &passphrase)
{
    convert(Mode::Rotate, backupPath, passphrase);
}

void PromptEncryptionActions::chooseEnable()
{
    const auto choice = PromptKeyFiles::ask(m_dialogParent, true, [this](const QString &text) {
        emit statusText(text, true);
        emit encryptionChanged(false, text);
    });
    if (choice)
        enable(choice->path, choice->passphrase);
}

void PromptEncryptionActions::chooseRotate()
{
    const auto choice = PromptKeyFiles::ask(m_dialogParent, true, [this](const QString &text) {
        emit statusText(text, true);
        emit keyRotated(false, text);
    });
    if (choice)
        rotate(choice->path, choice->passphrase);
}

void PromptEncryptionActions::finished(Mode mode, bool ok, const QString &text)
{
    emit statusText(text, !ok);
    if (mode == Mode::Rotate)
        emit keyRotated(ok, text);
    else
        emit encryptionChanged(ok, text);
}

QString PromptEncryptionActions::modeName(Mode mode) const
{
    return mode == Mode::Enable ? tr("Enable encryption")
        : mode == Mode::Disable ? tr("Disable encryption")
                                : tr("Rotate key");
}

void PromptEncryptionActions::convert(Mode mode, const QString &backupPath,
                                      const QString &passphrase)
{
    const QString what = modeName(mode);
    auto fail = [this, mode, what](const QString &why) {
        finished(mode, false, tr("%1: %2; nothing was converted.").arg(what, why));
    };
    if (const QString why = refusal(); !why.isEmpty())
        return fail(why);
    if (mode != Mode::Disable) {
        // A verified copy of the key before any text is sealed with it.
        if (backupPath.isEmpty())
            return fail(tr("a key file for the backup of the key is needed"));
        if (QFileInfo(backupPath).exists() || QFileInfo(backupPath).isSymLink())
            return fail(tr("%1 exists; a key file is never overwritten").arg(backupPath));
        if (const Status weak = KeyFile::checkPassphrase(passphrase); !weak)
            return fail(weak.error().toString());
    }
    if (mode == Mode::Rotate && !m_status.enabled)
        return fail(tr("prompt encryption is off; there is nothing to rotate"));
    const QString database = m_runner->spec()->profile.database;
    // How long the tables will be held: in the question (production) and the status line.
    const QString estimate
        = PromptConversionEstimate::of(m_status, PromptEncryption::Options().lockTimeoutMs).text();
    ProductionConfirmation::ask(
        *m_runner, m_dialogParent,
        (mode == Mode::Enable
             ? tr("Encrypt every system prompt of the production database %1?").arg(database)
             : mode == Mode::Disable
             ? tr("Store every system prompt of the production database %1 in plain text?")
                   .arg(database)
             : tr("Re-seal every system prompt of the production database %1 with a new key?")
                   .arg(database))
            + u'\n' + estimate,
        [this, mode, what, fail, backupPath, passphrase, estimate] {
            emit statusText(tr("%1 (%2): reading the key from the keychain…").arg(what, estimate),
                            false);
            readKeysAndConvert(mode, backupPath, passphrase, fail);
        },
        [fail] { fail(tr("not confirmed")); });
}

void PromptEncryptionActions::readKeysAndConvert(Mode mode, const QString &backupPath,
                                                 const QString &passphrase,
                                                 const std::function<void(const QString &)> &fail)
{
    // Off, yet some texts are envelopes: a repair opens each with the key its id names.
    if (mode == Mode::Disable && m_status.mixed())
        return withKeys(m_status.envelopeKeyIds, {},
                        [this, fail](const QList<DataKey> &keys, const Status &read) {
                            if (!read)
                                return fail(read.error().toString());
                            runConversion(Mode::Disable, keys, keys.value(0));
                        });
    withKey(
        m_status.keyId, [this, mode, fail, backupPath, passphrase](const DataKeyLookup &lookup) {
            if (!lookup.ok())
                return fail(lookup.status.error().toString());
            const QString noKey = tr("no key for this database in the keychain (entry \"%1\"); "
                                     "import it first")
                                      .arg(lookup.identity);
            if (mode == Mode::Disable || (mode == Mode::Enable && m_status.enabled)) {
                if (!lookup.found)
                    return fail(noKey);
                return runConversion(mode, {lookup.key}, lookup.key);
            }
            if (mode == Mode::Rotate && !lookup.found)
                return fail(noKey);
            withNewKey(mode, lookup.found ? lookup.key : DataKey(), backupPath, passphrase, fail);
        });
}

void PromptEncryptionActions::withNewKey(Mode mode, const DataKey &inUse, const QString &backupPath,
                                         const QString &passphrase,
                                         const std::function<void(const QString &)> &fail)
{
    // Enable reuses the ring's key of this database if there is one; rotate and a first
    // enable make a new one, which goes to the ring before any text is sealed with it.
    const DataKey key = mode == Mode::Enable && inUse.isValid() ? inUse : DataKey::generate();
    if (!key.isValid())
        return fail(tr("the random number generator failed"));
    storeKey(key, [this, mode, inUse, key, backupPath, passphrase, fail](const Status &stored) {
        if (!stored)
            return fail(stored.error().toString());
        // scrypt (wrap, then unwrap to verify) on the view's worker, never on the GUI thread
        m_runner->run(
            tr("Back up key %1 to %2").arg(key.id(), backupPath),
            [this, mode, inUse, key, backupPath, passphrase,
             fail](PgConnection &) -> PromptTask::Then {
                const Status backedUp = KeyBackup::writeVerified(backupPath, key, passphrase);
                return [this, mode, inUse, key, backupPath, backedUp, fail] {
                    if (!backedUp)
                        return fail(
                            tr("the key backup failed: %1").arg(backedUp.error().toString()));
                    emit statusText(
                        tr("Key %1 written to %2 and verified.").arg(key.id(), backupPath), false);
                    runConversion(mode, {mode == Mode::Rotate ? inUse : key}, key);
                };
            },
            fail);
    });
}

void PromptEncryptionActions::runConversion(Mode mode, const QList<DataKey> &keys,
                                            const DataKey &newKey)
{
    PromptEncryption::Options options;
    options.consoleUser = m_runner->actor().consoleUser;
    options.client = QStringLiteral("%1 %2 on %3")
                         .arg(QCoreApplication::applicationName(),
                              QCoreApplication::applicationVersion(), QSysInfo::machineHostName());
    const QString what = modeName(mode);
    m_runner->run(
        what,
        [this, mode, keys, newKey, options, what](PgConnection &pg) -> PromptTask::Then {
            PromptEncryption encryption(pg);
            const bool rewrites = mode != Mode::Disable;
            const PromptTableRewrite::Estimate estimate = PromptTableRewrite(pg).estimate();
            const PromptConversionResult r = mode == Mode::Enable
                ? encryption.enable(keys.value(0), options)
                : mode == Mode::Disable ? encryption.disable(keys, options)
                                        : encryption.rotate(keys.value(0), newKey, options);
            PromptTableRewrite::RewriteOutcome rewritten;
            if (r.ok() && !r.alreadyInState && rewrites)
                rewritten = PromptTableRewrite(pg).run(options.lockTimeoutMs);
            return [this, mode, r, what, newKey, estimate, rewritten] {
                QString text = !r.ok() ? tr("%1: %2; nothing was converted.").arg(what, r.message)
                    : r.repaired       ? tr("%1: %2.").arg(what, r.message)
                                       : tr("%1: %2 (key %3).").arg(what, r.message, newKey.id());
                const bool rewrote = r.ok() && !r.alreadyInState && mode != Mode::Disable;
                if (rewrote && estimate.ok())
                    text += QLatin1Char(' ') + tr("Then %1.").arg(estimate.describe());
                if (rewrote)
                    text += QLatin1Char(' ') + rewritten.message + QLatin1Char('.');
                if (r.ok())
                    loadStatus(); // the status and the codec with the key
                finished(mode, r.ok() && (!rewrote || rewritten.ok()), text);
            };
        },
        [this, mode](const QString &why) { finished(mode, false, why); });
}

} // namespace uaip
