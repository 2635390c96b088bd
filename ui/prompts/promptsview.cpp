#include "promptsview.h"

#include "promptcomparepage.h"
#include "prompteditor.h"
#include "promptencryptionactions.h"
#include "prompthistorypanel.h"
#include "promptkeyfiles.h"
#include "promptlabelactions.h"
#include "promptlabelspanel.h"
#include "promptlistmodel.h"
#include "promptlistpanel.h"
#include "promptsaveflow.h"
#include "promptstatusline.h"
#include "promptsviewrequests.h"
#include "prompttaskrunner.h"
#include "prompttransferactions.h"
#include "reviewchangesdialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace uaip {

PromptsView::PromptsView(QWidget *parent)
    : QWidget(parent)
    , m_runner(new PromptTaskRunner(this))
    , m_labelActions(new PromptLabelActions(m_runner, this))
    , m_transfer(new PromptTransferActions(m_runner, this))
    , m_encryptionActions(new PromptEncryptionActions(m_runner, this))
    , m_keyFiles(new PromptKeyFiles(m_runner, m_encryptionActions, this))
    , m_saveFlow(nullptr)
    , m_listPanel(new PromptListPanel(this))
    , m_requests(new PromptsViewRequests(m_runner, m_listPanel, this))
    , m_toolButtons(new PromptToolButtons(m_runner, m_listPanel, m_transfer, m_encryptionActions,
                                          m_keyFiles, this))
    , m_tabs(new PromptDetailTabs(m_runner, this))
    , m_statusLine(new PromptStatusLine(this))
{
    m_saveFlow = new PromptSaveFlow(m_runner, m_tabs->editor(), this);
    m_open = new OpenPrompt(m_runner, m_requests, m_listPanel, m_tabs, m_toolButtons, m_saveFlow,
                            this);
    buildLayout();
    connectPanels();
    connectActions();
    setTarget(std::nullopt);
}

PromptsView::~PromptsView() = default;

void PromptsView::buildLayout()
{
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_listPanel);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    // Room for the filter bar and about six prompts above the tabs (the tabs get twice that).
    QTableView *table = m_listPanel->table();
    const int listHeight = m_listPanel->searchEdit()->sizeHint().height()
        + table->horizontalHeader()->sizeHint().height()
        + table->verticalHeader()->defaultSectionSize() * 6;
    split->setSizes({listHeight, listHeight * 2});
    layout->addWidget(split, 1);
    layout->addWidget(m_statusLine);
}

void PromptsView::connectPanels()
{
    connect(m_runner, &PromptTaskRunner::jobStarted, this, &PromptsView::jobStarted);
    connect(m_runner, &PromptTaskRunner::taskFailed, this,
            [this](const QString &message) { m_statusLine->setStatus(message, true); });
    connect(m_requests, &PromptsViewRequests::status, m_statusLine, &PromptStatusLine::setStatus);
    connect(m_requests, &PromptsViewRequests::listRead, this, &PromptsView::showList);
    connect(m_requests, &PromptsViewRequests::listFailed, this, [this] { emit listLoaded(-1); });
    connect(m_requests, &PromptsViewRequests::usageLoaded, this, &PromptsView::usageLoaded);
    connect(m_requests, &PromptsViewRequests::detailRead, m_open, &OpenPrompt::show);
    connect(m_open, &OpenPrompt::loaded, this, &PromptsView::promptLoaded);
    connect(m_listPanel, &PromptListPanel::filterChanged, this, &PromptsView::refresh);
    connect(m_listPanel, &PromptListPanel::promptPicked, m_open, &OpenPrompt::pick);
    // Refresh re-reads the encryption status, the list and the open prompt (editor base,
    // history, labels, audit): a migration may have added what the view found missing.
    connect(m_toolButtons, &PromptToolButtons::refreshRequested, this, &PromptsView::reloadCatalog);
    PromptEditor *editor = m_tabs->editor();
    connect(editor, &PromptEditor::saveRequested, this, &PromptsView::requestSave);
    connect(editor, &PromptEditor::revertRequested, this, [this] { m_open->reread(false); });
    PromptHistoryPanel *history = m_tabs->history();
    connect(history, &PromptHistoryPanel::compareRequested, this, &PromptsView::compareVersions);
    connect(history, &PromptHistoryPanel::restoreRequested, this, &PromptsView::requestRestore);
    connect(history, &PromptHistoryPanel::promoteRequested, this,
            [this](int version) { requestLabelMove(PromptLabel::production(), version); });
    PromptComparePage *compare = m_tabs->comparePage();
    connect(compare, &PromptComparePage::compareRequested, this, &PromptsView::compareVersions);
    connect(compare, &PromptComparePage::status, m_statusLine, &PromptStatusLine::setStatus);
    connect(compare, &PromptComparePage::diffShown, this, &PromptsView::diffShown);
    connect(m_tabs->labels(), &PromptLabelsPanel::moveRequested, this,
            &PromptsView::requestLabelMove);
}

void PromptsView::connectActions()
{
    connect(m_saveFlow, &PromptSaveFlow::status, m_statusLine, &PromptStatusLine::setStatus);
    connect(m_saveFlow, &PromptSaveFlow::reloadRequested, this,
            [this](const QString &promptId, bool keepDraft) {
                if (promptId == m_open->id())
                    m_open->reread(keepDraft);
            });
    connect(m_saveFlow, &PromptSaveFlow::written, this, &PromptsView::refresh);
    connect(m_saveFlow, &PromptSaveFlow::saveFinished, this, &PromptsView::saveFinished);
    // Labels, import/export/seed and encryption report here and re-read what they changed.
    connect(m_labelActions, &PromptLabelActions::status, m_statusLine,
            &PromptStatusLine::setStatus);
    connect(m_labelActions, &PromptLabelActions::moved, this, [this](const QString &promptId) {
        if (promptId == m_open->id())
            m_open->rereadKeepingEdits();
        refresh();
    });
    connect(m_labelActions, &PromptLabelActions::finished, this, &PromptsView::labelMoveFinished);
    connect(m_transfer, &PromptTransferActions::status, m_statusLine, &PromptStatusLine::setStatus);
    connect(m_transfer, &PromptTransferActions::written, this, &PromptsView::reloadAfterWrite);
    connect(m_transfer, &PromptTransferActions::importPlanned, this, &PromptsView::importPlanned);
    connect(m_transfer, &PromptTransferActions::importFinished, this, &PromptsView::importFinished);
    connect(m_transfer, &PromptTransferActions::exportFinished, this, &PromptsView::exportFinished);
    connect(m_transfer, &PromptTransferActions::seedPlanned, this, &PromptsView::seedPlanned);
    connect(m_transfer, &PromptTransferActions::seedFinished, this, &PromptsView::seedFinished);
    connect(m_encryptionActions, &PromptEncryptionActions::statusText, m_statusLine,
            &PromptStatusLine::setStatus);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionKnown, this,
            &PromptsView::setEncryptionText);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionReading, m_statusLine,
            &PromptStatusLine::setEncryption);
    connect(m_encryptionActions, &PromptEncryptionActions::codecChanged, this,
            &PromptsView::setCodec);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionChanged, this,
            &PromptsView::encryptionChanged);
    connect(m_keyFiles, &PromptKeyFiles::statusText, m_statusLine, &PromptStatusLine::setStatus);
    connect(m_keyFiles, &PromptKeyFiles::keyExported, this, &PromptsView::keyExported);
    connect(m_keyFiles, &PromptKeyFiles::keyImported, this, &PromptsView::keyImported);
    connect(m_encryptionActions, &PromptEncryptionActions::keyRotated, this,
            &PromptsView::keyRotated);
}

void PromptsView::setTarget(const std::optional<SessionSpec> &spec)
{
    m_runner->setTarget(spec);
    m_encryptionActions->clear();
    m_requests->dropAnswers();
    m_open->clear();
    m_saveFlow->clear();
    m_statusLine->setEncryption(QString());
    m_listPanel->clear();
    m_tabs->clearPrompt();
    m_open->updateWritable();
    if (!m_runner->isConnected()) {
        m_statusLine->setStatus(tr("Not connected."), false);
        return;
    }
    m_statusLine->setStatus(QString(), false);
    // The encryption status first: its answer is in before the list's.
    m_encryptionActions->loadStatus();
    refresh();
}

void PromptsView::setActor(const PromptActor &actor)
{
    m_runner->setActor(actor);
}

void PromptsView::setCodec(std::shared_ptr<const PromptTextCodec> codec)
{
    m_runner->setCodec(std::move(codec));
    if (!m_runner->isConnected())
        return;
    refresh();
    m_open->rereadKeepingEdits();
}

void PromptsView::setEncryptionText(const QString &text)
{
    m_statusLine->setEncryption(text);
    emit encryptionKnown(text);
}

void PromptsView::refresh()
{
    m_requests->readList();
}

void PromptsView::showList(QList<PromptSummary> prompts, bool allTypes)
{
    const int count = int(prompts.size());
    m_listPanel->setPrompts(std::move(prompts), m_open->id(), allTypes);
    m_open->updateWritable();
    m_statusLine->setStatus(tr("%n prompt(s).", nullptr, count), false);
    emit listLoaded(count);
}

void PromptsView::reloadCatalog()
{
    if (!m_runner->isConnected())
        return;
    m_encryptionActions->loadStatus();
    reloadAfterWrite();
}

void PromptsView::reloadAfterWrite()
{
    refresh();
    m_open->rereadKeepingEdits();
}

bool PromptsView::confirmClose()
{
    return confirmLeave(tr("Quitting"));
}

void PromptsView::requestSave()
{
    if (!m_open->id().isEmpty())
        m_saveFlow->requestSave();
}

void PromptsView::requestRestore(int version)
{
    if (!m_open->id().isEmpty())
        m_saveFlow->requestRestore(version);
}

void PromptsView::compareVersions(int before, int after)
{
    if (m_open->id().isEmpty())
        return;
    m_tabs->setCurrentIndex(CompareTab);
    m_tabs->comparePage()->compare(before, after);
}

// What the view hands to its action objects (label moves, transfers, encryption and keys),
// and the parts of it that tests and the main window read.

std::shared_ptr<const PromptTextCodec> PromptsView::codec() const
{
    return m_runner->codec();
}

PromptListModel *PromptsView::model() const
{
    return m_listPanel->model();
}

QTableView *PromptsView::list() const
{
    return m_listPanel->table();
}

QLineEdit *PromptsView::searchEdit() const
{
    return m_listPanel->searchEdit();
}

QComboBox *PromptsView::periodBox() const
{
    return m_listPanel->periodBox();
}

ReviewChangesDialog *PromptsView::reviewDialog() const
{
    return m_saveFlow->reviewDialog();
}

SeedPreviewDialog *PromptsView::seedPreviewDialog() const
{
    return m_transfer->seedPreview();
}

QString PromptsView::statusText() const
{
    return m_statusLine->status();
}

QString PromptsView::readOnlyReason() const
{
    return m_runner->readOnlyReason();
}

QString PromptsView::encryptionText() const
{
    return m_statusLine->encryption();
}

bool PromptsView::isBusy() const
{
    return m_runner->isBusy();
}

void PromptsView::requestLabelMove(const QString &label, int version)
{
    m_labelActions->requestMove(m_open->id(), label, version);
}

void PromptsView::importFile(const QString &path)
{
    m_transfer->importFile(path);
}

void PromptsView::exportTo(const QString &path, const QStringList &promptIds, bool decrypted)
{
    m_transfer->exportTo(path, promptIds, decrypted);
}

void PromptsView::seedFromFile(const QString &path, bool update)
{
    m_transfer->seedFromFile(path, update);
}

void PromptsView::enableEncryption(const QString &backupPath, const QString &passphrase)
{
    m_encryptionActions->enable(backupPath, passphrase);
}

void PromptsView::rotateKey(const QString &backupPath, const QString &passphrase)
{
    m_encryptionActions->rotate(backupPath, passphrase);
}

void PromptsView::disableEncryption()
{
    m_encryptionActions->disable();
}

void PromptsView::exportKey(const QString &path, const QString &passphrase)
{
    m_keyFiles->exportKey(path, passphrase);
}

void PromptsView::importKey(const QString &path, const QString &passphrase)
{
    m_keyFiles->importKey(path, passphrase);
}

void PromptsView::setKeychainService(const QString &service)
{
    m_encryptionActions->setKeychainService(service);
}

} // namespace uaip
