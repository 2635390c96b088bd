#pragma once

#include "db/sessionspec.h"
#include "openprompt.h"
#include "promptdetailtabs.h"
#include "prompts/promptactor.h"
#include "prompts/promptlister.h"
#include "prompttoolbuttons.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace uaip {

class Job;
class PromptEncryptionActions;
class PromptKeyFiles;
class PromptLabelActions;
class PromptListModel;
class PromptListPanel;
class PromptSaveFlow;
class PromptStatusLine;
class PromptTaskRunner;
class PromptTextCodec;
class PromptTransferActions;
class PromptsViewRequests;
class ReviewChangesDialog;
class SeedPreviewDialog;

// The Prompts view (issue 11) hosts the panels and runs the edit flow: the list with usage,
// filters and full-text search (PromptListPanel: the rows first, the usage of the period
// after them); the tabs of the open prompt (PromptDetailTabs): the editor (PromptSaveFlow:
// review → save a new version), History (versions, compare, restore), Compare (side by side /
// unified), Labels (PromptLabelActions: move, label history), Audit; the bar's buttons
// (PromptToolButtons): import with a dry run, export, seeding with a dry run
// (PromptTransferActions); encryption at rest (PromptEncryptionActions) and its key files
// (PromptKeyFiles). Every database call is a PromptTask on the view's own SessionWorker
// (PromptTaskRunner), never on the GUI thread. Read-only profiles and locked (encrypted, no
// key) prompts can be read but not changed (PromptWriteAccess); the reason is shown. The open
// prompt is an OpenPrompt.
class PromptsView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { EditorTab, HistoryTab, CompareTab, LabelsTab, AuditTab };

    explicit PromptsView(QWidget *parent = nullptr);
    ~PromptsView() override;

    // std::nullopt: not connected (or the password is not known yet).
    void setTarget(const std::optional<SessionSpec> &spec);
    // Decodes/encodes encrypted system prompts; none: encrypted rows are locked. Lists again.
    void setCodec(std::shared_ptr<const PromptTextCodec> codec);
    // The codec the view's tasks use now (none: encryption off, unknown, or no key read yet).
    std::shared_ptr<const PromptTextCodec> codec() const;
    void setActor(const PromptActor &actor);

    // Before the edited prompt is lost (another profile or database, stopping the sandbox):
    // with unsaved editor changes asks Discard / Cancel. True when there is nothing to lose or
    // the user chose Discard. `action` names what happens, e.g. "Switching to prod".
    bool confirmLeave(const QString &action) { return m_open->confirmLeave(action); }
    // Before quitting: the same question. True: quit now.
    bool confirmClose();

    void refresh(); // the rows, then the usage of the period
    // What the view read from the database's schema, all again (its Refresh, the shell's Refresh
    // all, and after a migration): the encryption status, the list and the open prompt.
    void reloadCatalog();
    void openPrompt(const QString &promptId) { m_open->open(promptId); }
    void requestSave(); // opens the review dialog
    void compareVersions(int before, int after);
    void requestRestore(int version); // opens the review dialog for the restore
    void requestLabelMove(const QString &label, int version);
    void importFile(const QString &path); // dry run first, then the preview dialog
    // empty promptIds: all. decrypted: encrypted texts are written in plain text (needs the
    // key); without it an encrypted text makes the export fail, nothing written.
    void exportTo(const QString &path, const QStringList &promptIds, bool decrypted = false);
    // As `seed prompts [--update]`: dry run first, then the preview dialog; written when
    // confirmed, nothing when cancelled.
    void seedFromFile(const QString &path, bool update);
    // Encryption at rest (as uaip-migrate prompts encryption/key): the keys in the database's
    // key ring in the keychain; a new key is stored, and written to the verified key file
    // backupPath, before any text is sealed with it. Production profiles ask for the typed
    // database name first; read-only profiles refuse.
    void enableEncryption(const QString &backupPath, const QString &passphrase);
    void disableEncryption();
    void rotateKey(const QString &backupPath, const QString &passphrase);
    void exportKey(const QString &path, const QString &passphrase); // never overwrites
    void importKey(const QString &path, const QString &passphrase);
    void setKeychainService(const QString &service); // tests: a keychain service of their own

    PromptListModel *model() const;
    QTableView *list() const;
    QLineEdit *searchEdit() const;
    QComboBox *periodBox() const;
    QPushButton *encryptionButton() const { return m_toolButtons->encryptionButton(); }
    QPushButton *seedButton() const { return m_toolButtons->seedButton(); }
    QTabWidget *tabs() const { return m_tabs; }
    PromptEditor *editor() const { return m_tabs->editor(); }
    QPushButton *refreshButton() const { return m_toolButtons->refreshButton(); }
    PromptHistoryPanel *historyPanel() const { return m_tabs->history(); }
    PromptDiffView *diffView() const { return m_tabs->diffView(); }
    PromptLabelsPanel *labelsPanel() const { return m_tabs->labels(); }
    PromptAuditPanel *auditPanel() const { return m_tabs->audit(); }
    ReviewChangesDialog *reviewDialog() const;
    SeedPreviewDialog *seedPreviewDialog() const;
    const PromptDetail &detail() const { return m_open->detail(); }
    QString currentPromptId() const { return m_open->id(); }
    QString statusText() const;
    QString readOnlyReason() const;
    QString encryptionText() const;
    bool isBusy() const;
    // The editor holds changes not saved as a version.
    bool hasUnsavedChanges() const { return m_open->hasUnsavedChanges(); }

signals:
    void jobStarted(uaip::Job *job);
    void listLoaded(int count);
    void usageLoaded(bool ok);
    void encryptionKnown(const QString &text);
    void promptLoaded(const QString &promptId);
    void diffShown();
    void saveFinished(bool ok, const QString &message);
    void labelMoveFinished(bool ok, const QString &message);
    void importPlanned(bool ok);
    void importFinished(bool ok, const QString &message);
    void exportFinished(bool ok, const QString &message);
    void seedPlanned(bool ok);
    void seedFinished(bool ok, const QString &message);
    void encryptionChanged(bool ok, const QString &message);
    void keyExported(bool ok, const QString &message);
    void keyImported(bool ok, const QString &message);
    void keyRotated(bool ok, const QString &message);

private:
    void buildLayout();
    void connectPanels();
    void connectActions();
    void showList(QList<PromptSummary> prompts, bool allTypes);
    void reloadAfterWrite();
    void setEncryptionText(const QString &text);

    PromptTaskRunner *m_runner;
    PromptLabelActions *m_labelActions;
    PromptTransferActions *m_transfer;
    PromptEncryptionActions *m_encryptionActions;
    PromptKeyFiles *m_keyFiles;
    PromptSaveFlow *m_saveFlow;
    PromptListPanel *m_listPanel;
    PromptsViewRequests *m_requests;
    PromptToolButtons *m_toolButtons;
    PromptDetailTabs *m_tabs;
    PromptStatusLine *m_statusLine; // the status and the encryption state
    OpenPrompt *m_open;
};

} // namespace uaip
