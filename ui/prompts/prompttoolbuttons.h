#pragma once

#include <QObject>

class QPushButton;
class QWidget;

namespace uaip {

class PromptEncryptionActions;
class PromptKeyFiles;
class PromptListPanel;
class PromptTaskRunner;
class PromptTransferActions;
class PromptWriteAccess;

// The Prompts view's action buttons at the end of the list's filter bar: Refresh, Import…,
// Export… (the prompts selected in the list), Seed (the bundled prompts, from a file, or new
// versions from a file) and Encryption (enable, disable, export, import or rotate the key).
// They start the transfer and encryption actions; what Refresh reads is the view's.
class PromptToolButtons : public QObject
{
    Q_OBJECT
public:
    // The buttons are children of parent, shown in bar's filter bar.
    PromptToolButtons(PromptTaskRunner *runner, PromptListPanel *bar,
                      PromptTransferActions *transfer, PromptEncryptionActions *encryption,
                      PromptKeyFiles *keyFiles, QWidget *parent);

    // Import, seeding and encryption write; export and refresh only need a connection.
    void setWritable(const PromptWriteAccess &access);

    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *seedButton() const { return m_seed; }
    QPushButton *encryptionButton() const { return m_encrypt; }

signals:
    void refreshRequested();

private:
    void buildMenus();
    void exportSelected();

    PromptTaskRunner *m_runner;
    PromptListPanel *m_bar;
    PromptTransferActions *m_transfer;
    PromptEncryptionActions *m_encryption;
    PromptKeyFiles *m_keyFiles;
    QPushButton *m_refresh;
    QPushButton *m_import;
    QPushButton *m_export;
    QPushButton *m_seed;
    QPushButton *m_encrypt;
};

} // namespace uaip
