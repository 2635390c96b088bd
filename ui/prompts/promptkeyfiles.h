#pragma once

#include "error/status.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace uaip {

class DataKey;
class PromptEncryptionActions;
class PromptTaskRunner;

// The key files of the Prompts view (as uaip-migrate prompts key export F | import F): the data
// key in use exported to a file wrapped under a passphrase (never over a file or a symlink), a
// key imported from such a file into the database's key ring (beside the keys it holds), each
// audited (PromptKeyAudit); and the questions for a key file (its name and passphrase), which the
// enable and the rotation ask too. The key ring, the state and the refusals are
// PromptEncryptionActions'; the file's scrypt and I/O run as tasks on the view's worker
// (PromptTaskRunner), never on the GUI thread.
class PromptKeyFiles : public QObject
{
    Q_OBJECT
public:
    struct Choice
    {
        QString path;
        QString passphrase;
    };

    PromptKeyFiles(PromptTaskRunner *runner, PromptEncryptionActions *encryption,
                   QWidget *dialogParent);

    void exportKey(const QString &path, const QString &passphrase); // never overwrites
    void importKey(const QString &path, const QString &passphrase);
    void chooseKeyExport(); // asks for the file and its passphrase, then exportKey()
    void chooseKeyImport();

    // The key file and its passphrase (asked twice for an export); none when cancelled or the
    // two passphrases differ (then `failed` has said why).
    static std::optional<Choice> ask(QWidget *parent, bool exporting,
                                     const std::function<void(const QString &)> &failed);

signals:
    void statusText(const QString &text, bool error); // for the view's status line
    void keyExported(bool ok, const QString &message);
    void keyImported(bool ok, const QString &message);

private:
    void writeKeyFile(const DataKey &key, const QString &path, const QString &passphrase,
                      const std::function<void(const QString &)> &fail);
    void storeImportedKey(const DataKey &key, const QString &path,
                          const std::function<void(const QString &)> &fail);
    // The audit_logs row (PromptKeyAudit) of a key that left or entered the keychain, on the
    // view's worker; then() gets `text`, with why not when the row was not written, and whether
    // it was.
    void audit(const QString &action, const QJsonObject &values, const QString &text,
               const std::function<void(const QString &all, bool recorded)> &then);

    PromptTaskRunner *m_runner;
    PromptEncryptionActions *m_encryption;
    QWidget *m_dialogParent;
};

} // namespace uaip
