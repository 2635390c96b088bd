#pragma once

#include "crypto/datakeylookup.h"
#include "crypto/promptencryptionstatus.h"

#include <QObject>

#include <functional>
#include <memory>

class QWidget;

namespace uaip {

class DataKey;
class DataKeyStore;
struct KeychainIdentity;
class PromptTaskRunner;
class PromptTextCodec;

// Encryption at rest from the Prompts view (as uaip-migrate prompts encryption/key): the
// status of the database and the data key read from the keychain entry KeychainIdentity names
// (-> a codec for the view, or locked rows and why); enable/disable (a new key is stored
// before any text is sealed with it; production profiles ask for the typed database name
// through ProductionConfirmation; read-only profiles refuse); the key exported to / imported
// from a passphrase-protected file. Every keychain read goes through withKey(), every write
// through storeKey(), and both key-file actions through askKeyFile(). The key file's scrypt
// runs as a task on the view's worker (PromptTaskRunner), never on the GUI thread.
class PromptEncryptionActions : public QObject
{
    Q_OBJECT
public:
    PromptEncryptionActions(PromptTaskRunner *runner, QWidget *dialogParent);

    void setKeychainService(const QString &service); // tests: a keychain service of their own
    void clear(); // a new target: nothing known yet
    void loadStatus(); // then the key: codecChanged()

    void enable();
    void disable();
    void exportKey(const QString &path, const QString &passphrase); // never overwrites
    void importKey(const QString &path, const QString &passphrase);
    void chooseKeyExport();
    void chooseKeyImport();

    const PromptEncryptionStatus &status() const { return m_status; }
    bool hasEncryptedTexts() const
    {
        return m_status.encryptedPrompts + m_status.encryptedVersions > 0;
    }

signals:
    void statusText(const QString &text, bool error); // for the view's status line
    void encryptionKnown(const QString &text); // the state line: on/off, key, locked
    void encryptionReading(const QString &text);
    void codecChanged(std::shared_ptr<const uaip::PromptTextCodec> codec);
    void encryptionChanged(bool ok, const QString &message);
    void keyExported(bool ok, const QString &message);
    void keyImported(bool ok, const QString &message);

private:
    void apply(const PromptEncryptionStatus &status, const KeychainIdentity &identity);
    void onKeyRead(const DataKeyLookup &lookup);
    void convert(bool enable);
    void runConversion(bool enable, const DataKey &key);
    void withKey(const std::function<void(const DataKeyLookup &)> &answer);
    void storeKey(const DataKey &key, const std::function<void(const QString &error)> &done);
    void storeImportedKey(const DataKey &key, const std::function<void(const QString &)> &fail);
    // The key file and its passphrase (asked twice for an export); false when cancelled
    // or the two passphrases differ (then `failed` has said why).
    bool askKeyFile(bool exporting, QString *path, QString *passphrase,
                    const std::function<void(const QString &)> &failed);
    QString refusal() const;

    PromptTaskRunner *m_runner;
    QWidget *m_dialogParent;
    DataKeyStore *m_keys; // the status line's reads
    DataKeyStore *m_actionKeys; // the actions' reads and writes
    PromptEncryptionStatus m_status;
    QString m_keyIdentity; // the keychain entry asked for
};

} // namespace uaip
