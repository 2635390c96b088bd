#pragma once

#include "crypto/datakeylookup.h"
#include "crypto/promptencryptionstatus.h"
#include "db/sessionspec.h"
#include "prompts/promptactor.h"
#include "prompts/promptauditentry.h"
#include "prompts/promptdetail.h"
#include "prompts/promptlabel.h"
#include "prompttask.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace uaip {

class DataKey;
class DataKeyStore;
struct KeychainIdentity;
class Job;
class PromptAuditPanel;
class PromptDiffView;
class PromptEditor;
class PromptHistoryPanel;
class PromptLabelsPanel;
class PromptListModel;
class PromptTextCodec;
class ReviewChangesDialog;
class SessionWorker;

// The Prompts view (issue 11): the list of the agents' prompts with usage, filters and
// full-text search; the editor (review → save a new version), History (versions, compare,
// restore), Compare (side by side / unified), Labels (move, label history), Audit; import
// with a dry run, export, seeding from a file. Every database call is a PromptTask on the
// view's own SessionWorker, never on the GUI thread. Read-only profiles and locked
// (encrypted, no key) prompts can be read but not changed; the reason is shown.
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
    void setActor(const PromptActor &actor) { m_actor = actor; }

    void refresh();
    void openPrompt(const QString &promptId);
    void requestSave(); // opens the review dialog
    void compareVersions(int before, int after);
    void requestRestore(int version); // opens the review dialog for the restore
    void requestLabelMove(const QString &label, int version);
    void importFile(const QString &path); // dry run first, then the preview dialog
    // empty promptIds: all. decrypted: encrypted texts are written in plain text (needs the
    // key); without it an encrypted text makes the export fail, nothing written.
    void exportTo(const QString &path, const QStringList &promptIds, bool decrypted = false);
    void seedFromFile(const QString &path, bool update);
    // Encryption at rest (as uaip-migrate prompts encryption/key): the key in the keychain
    // entry KeychainIdentity names; a new key is stored before any text is sealed with it.
    // Production profiles ask for the typed database name first; read-only profiles refuse.
    void enableEncryption();
    void disableEncryption();
    void exportKey(const QString &path, const QString &passphrase); // never overwrites
    void importKey(const QString &path, const QString &passphrase);
    void setKeychainService(const QString &service); // tests: a keychain service of their own

    PromptListModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *periodBox() const { return m_period; }
    QPushButton *encryptionButton() const { return m_encrypt; }
    QTabWidget *tabs() const { return m_tabs; }
    PromptEditor *editor() const { return m_editor; }
    PromptHistoryPanel *historyPanel() const { return m_history; }
    PromptDiffView *diffView() const { return m_diff; }
    PromptLabelsPanel *labelsPanel() const { return m_labels; }
    PromptAuditPanel *auditPanel() const { return m_audit; }
    ReviewChangesDialog *reviewDialog() const;
    const PromptDetail &detail() const { return m_detail; }
    QString currentPromptId() const { return m_currentId; }
    QString statusText() const;
    QString readOnlyReason() const { return m_readOnlyReason; }
    QString encryptionText() const;
    bool isBusy() const { return m_running > 0; }

signals:
    void jobStarted(uaip::Job *job);
    void listLoaded(int count);
    void encryptionKnown(const QString &text);
    void promptLoaded(const QString &promptId);
    void diffShown();
    void saveFinished(bool ok, const QString &message);
    void labelMoveFinished(bool ok, const QString &message);
    void importPlanned(bool ok);
    void importFinished(bool ok, const QString &message);
    void exportFinished(bool ok, const QString &message);
    void seedFinished(bool ok, const QString &message);
    void encryptionChanged(bool ok, const QString &message);
    void keyExported(bool ok, const QString &message);
    void keyImported(bool ok, const QString &message);

private:
    void run(const QString &title, PromptTask::Work work,
             std::function<void(const QString &)> failed = {});
    void start(PromptTask *task, std::function<void(const QString &)> failed);
    void setStatus(const QString &text, bool error);
    void loadDetail(const QString &promptId, bool keepDraft);
    void loadEncryption();
    void applyEncryption(const PromptEncryptionStatus &status, const KeychainIdentity &identity);
    void onKeyRead(const DataKeyLookup &lookup);
    void setEncryptionText(const QString &text);
    void applyDetail(const PromptDetail &detail, const QList<PromptLabel> &labels,
                     const QList<PromptLabelMove> &moves, const QList<PromptAuditEntry> &audit,
                     bool keepDraft);
    void openReview(const PromptVersion &target, const QString &note, int restoreFrom);
    void save(const PromptContent &content, const QString &note, int restoreFrom);
    void moveLabel(const QString &label, int version);
    void runImport(const QString &path);
    void updateWritable();
    void onSelectionChanged();
    void chooseImport();
    void chooseExport();
    void chooseSeed(bool update);
    void convertEncryption(bool enable);
    void runConversion(bool enable, const DataKey &key);
    void withKey(const std::function<void(const DataKeyLookup &)> &answer);
    bool confirmEncryptionChange(bool enable);
    void chooseKeyExport();
    void chooseKeyImport();
    QString encryptionRefusal() const;
    QString title(const PromptDetail &d) const;
    int nextVersion() const;

    std::optional<SessionSpec> m_spec;
    std::shared_ptr<const PromptTextCodec> m_codec;
    PromptActor m_actor;
    SessionWorker *m_worker = nullptr;
    PromptListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_type;
    QComboBox *m_active;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QPushButton *m_import;
    QPushButton *m_export;
    QPushButton *m_seed;
    QPushButton *m_encrypt;
    QTableView *m_list;
    QTabWidget *m_tabs;
    PromptEditor *m_editor;
    PromptHistoryPanel *m_history;
    QSpinBox *m_before;
    QSpinBox *m_after;
    PromptDiffView *m_diff;
    PromptLabelsPanel *m_labels;
    PromptAuditPanel *m_audit;
    QLabel *m_status;
    QLabel *m_encryption;
    DataKeyStore *m_keys;
    DataKeyStore *m_actionKeys; // the encryption actions' reads and writes
    PromptEncryptionStatus m_encryptionStatus;
    QString m_keyIdentity; // the keychain entry asked for
    QTimer *m_searchTimer;
    QPointer<ReviewChangesDialog> m_review;
    PromptDetail m_detail;
    QString m_currentId;
    QString m_readOnlyReason;
    int m_running = 0;
    int m_targetSerial = 0;
    int m_listSerial = 0;
    int m_detailSerial = 0;
    bool m_reselecting = false;
};

} // namespace uaip
