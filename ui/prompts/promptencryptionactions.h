#pragma once

#include "crypto/datakeylookup.h"
#include "crypto/keychainidentity.h"
#include "crypto/promptencryptionstatus.h"
#include "error/status.h"

#include <QObject>

#include <functional>
#include <memory>

class QWidget;

namespace uaip {

class DataKey;
class DataKeyStore;
class PromptTaskRunner;
class PromptTextCodec;

// Encryption at rest from the Prompts view (as uaip-migrate prompts encryption/key): the
// status of the database and the data key in use read from the database's key ring in the
// keychain (KeychainIdentity; -> a codec for the view, or locked rows and why); enable (a new
// key goes to the ring, then to a verified key file the user names, before any text is sealed
// with it), disable (in a mixed state, off yet with envelopes, a repair: each envelope opened
// with the key its id names), rotate (a new key, its verified key file, every envelope re-sealed;
// the old key stays in the ring); after enable and rotate the prompt tables are rewritten
// (PromptTableRewrite, its lock and estimate shown first). Production profiles ask for the
// typed database name through ProductionConfirmation; read-only profiles refuse. Every keychain
// read goes through withKey() and every write through storeKey(), PromptKeyFiles' (the key
// files' export and import) too. The key file's scrypt runs as a task on the view's worker
// (PromptTaskRunner), never on the GUI thread.
class PromptEncryptionActions : public QObject
{
    Q_OBJECT
public:
    PromptEncryptionActions(PromptTaskRunner *runner, QWidget *dialogParent);

    void setKeychainService(const QString &service); // tests: a keychain service of their own
    void clear(); // a new target: nothing known yet
    void loadStatus(); // then the key: codecChanged()

    // backupPath/passphrase: the key file written and verified before the conversion.
    void enable(const QString &backupPath, const QString &passphrase);
    void disable();
    void rotate(const QString &backupPath, const QString &passphrase);
    void chooseEnable(); // asks for the key file and its passphrase, then enable()
    void chooseRotate();

    const PromptEncryptionStatus &status() const { return m_status; }
    const KeychainIdentity &keyRing() const { return m_identity; } // empty until a status load
    bool hasEncryptedTexts() const
    {
        return m_status.encryptedPrompts + m_status.encryptedVersions > 0;
    }
    // Why a key action cannot start now (not connected, read-only, the state or the ring
    // unknown); empty when it can.
    QString refusal() const;
    // The ring's key keyId (answer once); every keychain read of an action goes through it.
    void withKey(const QString &keyId, const std::function<void(const DataKeyLookup &)> &answer);
    // Adds the key to the ring (never over other material); done() once.
    void storeKey(const DataKey &key, const std::function<void(const Status &)> &done);

signals:
    void statusText(const QString &text, bool error); // for the view's status line
    void encryptionKnown(const QString &text); // the state line: on/off, key, locked
    void encryptionReading(const QString &text);
    void codecChanged(std::shared_ptr<const uaip::PromptTextCodec> codec);
    void encryptionChanged(bool ok, const QString &message);
    void keyRotated(bool ok, const QString &message);

private:
    enum class Mode { Enable, Disable, Rotate };
    void apply(const PromptEncryptionStatus &status, const KeychainIdentity &identity);
    void onKeyRead(const DataKeyLookup &lookup);
    void convert(Mode mode, const QString &backupPath, const QString &passphrase);
    // After the confirmation: the key(s) from the ring, then withNewKey() or runConversion().
    void readKeysAndConvert(Mode mode, const QString &backupPath, const QString &passphrase,
                            const std::function<void(const QString &)> &fail);
    void withNewKey(Mode mode, const DataKey &inUse, const QString &backupPath,
                    const QString &passphrase, const std::function<void(const QString &)> &fail);
    // keys: {the key in use} (enable, rotate: the key that seals or re-seals from), or the keys
    // a disable opens envelopes with (a repair: every key the envelopes name that was found).
    void runConversion(Mode mode, const QList<DataKey> &keys, const DataKey &newKey);
    // The keys of `ids` the ring holds (a missing one left out: the repair names the text it
    // seals), read one after another; `read` the keychain's failure when it could not answer.
    void withKeys(QStringList ids, QList<DataKey> found,
                  const std::function<void(const QList<DataKey> &, const Status &read)> &then);
    QString stateText() const; // "on", "off", or off with envelopes: repair
    QString modeName(Mode mode) const; // "Enable encryption", ...
    void finished(Mode mode, bool ok, const QString &text);

    PromptTaskRunner *m_runner;
    QWidget *m_dialogParent;
    DataKeyStore *m_keys; // the status line's reads
    DataKeyStore *m_actionKeys; // the actions' reads and writes
    PromptEncryptionStatus m_status;
    KeychainIdentity m_identity; // the key ring (its name empty until a status load)
};

} // namespace uaip
