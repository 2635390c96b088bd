#include "promptsview.h"

#include "db/session.h"
#include "promptauditpanel.h"
#include "promptdiffview.h"
#include "prompteditor.h"
#include "promptencryptionactions.h"
#include "prompthistorypanel.h"
#include "promptlabelactions.h"
#include "promptlabelspanel.h"
#include "promptlistmodel.h"
#include "promptlistpanel.h"
#include "prompts/promptaudit.h"
#include "prompts/promptlabels.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptstore.h"
#include "prompts/prompttextcodec.h"
#include "prompts/promptversiondiff.h"
#include "promptsaveflow.h"
#include "prompttaskrunner.h"
#include "prompttransferactions.h"
#include "reviewchangesdialog.h"
#include "widgets/statestyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace uaip {

PromptsView::PromptsView(QWidget *parent)
    : QWidget(parent)
    , m_runner(new PromptTaskRunner(this))
    , m_labelActions(new PromptLabelActions(m_runner, this))
    , m_transfer(new PromptTransferActions(m_runner, this))
    , m_encryptionActions(new PromptEncryptionActions(m_runner, this))
    , m_saveFlow(nullptr)
    , m_listPanel(new PromptListPanel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_import(new QPushButton(tr("Import…"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_seed(new QPushButton(tr("Seed"), this))
    , m_encrypt(new QPushButton(tr("Encryption"), this))
    , m_tabs(new QTabWidget(this))
    , m_editor(new PromptEditor(this))
    , m_history(new PromptHistoryPanel(this))
    , m_before(new QSpinBox(this))
    , m_after(new QSpinBox(this))
    , m_diff(new PromptDiffView(this))
    , m_labels(new PromptLabelsPanel(this))
    , m_audit(new PromptAuditPanel(this))
    , m_status(new QLabel(this))
    , m_encryption(new QLabel(this))
{
    m_saveFlow = new PromptSaveFlow(m_runner, m_editor, this);
    auto *layout = new QVBoxLayout(this);
    buildToolButtons();
    m_tabs->addTab(m_editor, tr("Editor"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(buildComparePage(), tr("Compare"));
    m_tabs->addTab(m_labels, tr("Labels"));
    m_tabs->addTab(m_audit, tr("Audit"));

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
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    m_encryption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_encryption);
    layout->addLayout(bottom);

    connect(m_runner, &PromptTaskRunner::jobStarted, this, &PromptsView::jobStarted);
    connect(m_runner, &PromptTaskRunner::taskFailed, this,
            [this](const QString &message) { setStatus(message, true); });
    connect(m_listPanel, &PromptListPanel::filterChanged, this, &PromptsView::refresh);
    connect(m_listPanel, &PromptListPanel::promptPicked, this, &PromptsView::onPromptPicked);
    connect(m_editor, &PromptEditor::saveRequested, this, &PromptsView::requestSave);
    connect(m_editor, &PromptEditor::revertRequested, this, [this] {
        if (!m_currentId.isEmpty())
            loadDetail(m_currentId, false);
    });
    connect(m_history, &PromptHistoryPanel::compareRequested, this, &PromptsView::compareVersions);
    connect(m_history, &PromptHistoryPanel::restoreRequested, this, &PromptsView::requestRestore);
    connect(m_history, &PromptHistoryPanel::promoteRequested, this,
            [this](int version) { requestLabelMove(PromptLabel::production(), version); });
    connect(m_labels, &PromptLabelsPanel::moveRequested, this, &PromptsView::requestLabelMove);

    connect(m_saveFlow, &PromptSaveFlow::status, this, &PromptsView::setStatus);
    connect(m_saveFlow, &PromptSaveFlow::reloadRequested, this,
            [this](const QString &promptId, bool keepDraft) {
                if (promptId == m_currentId)
                    loadDetail(m_currentId, keepDraft);
            });
    connect(m_saveFlow, &PromptSaveFlow::written, this, &PromptsView::refresh);
    connect(m_saveFlow, &PromptSaveFlow::saveFinished, this, &PromptsView::saveFinished);
    // Labels, import/export/seed and encryption report here and re-read what they changed.
    connect(m_labelActions, &PromptLabelActions::status, this, &PromptsView::setStatus);
    connect(m_labelActions, &PromptLabelActions::moved, this, [this](const QString &promptId) {
        if (promptId == m_currentId)
            loadDetail(m_currentId, m_editor->isModified());
        refresh();
    });
    connect(m_labelActions, &PromptLabelActions::finished, this, &PromptsView::labelMoveFinished);
    connect(m_transfer, &PromptTransferActions::status, this, &PromptsView::setStatus);
    connect(m_transfer, &PromptTransferActions::written, this, &PromptsView::reloadAfterWrite);
    connect(m_transfer, &PromptTransferActions::importPlanned, this, &PromptsView::importPlanned);
    connect(m_transfer, &PromptTransferActions::importFinished, this, &PromptsView::importFinished);
    connect(m_transfer, &PromptTransferActions::exportFinished, this, &PromptsView::exportFinished);
    connect(m_transfer, &PromptTransferActions::seedPlanned, this, &PromptsView::seedPlanned);
    connect(m_transfer, &PromptTransferActions::seedFinished, this, &PromptsView::seedFinished);
    connect(m_encryptionActions, &PromptEncryptionActions::statusText, this,
            &PromptsView::setStatus);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionKnown, this,
            &PromptsView::setEncryptionText);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionReading, m_encryption,
            &QLabel::setText);
    connect(m_encryptionActions, &PromptEncryptionActions::codecChanged, this,
            &PromptsView::setCodec);
    connect(m_encryptionActions, &PromptEncryptionActions::encryptionChanged, this,
            &PromptsView::encryptionChanged);
    connect(m_encryptionActions, &PromptEncryptionActions::keyExported, this,
            &PromptsView::keyExported);
    connect(m_encryptionActions, &PromptEncryptionActions::keyImported, this,
            &PromptsView::keyImported);
    connect(m_encryptionActions, &PromptEncryptionActions::keyRotated, this,
            &PromptsView::keyRotated);
    setTarget(std::nullopt);
}

PromptsView::~PromptsView() = default;

void PromptsView::buildToolButtons()
{
    m_listPanel->addToolWidget(m_refresh);
    m_listPanel->addToolWidget(m_import);
    m_listPanel->addToolWidget(m_export);
    auto *seedMenu = new QMenu(m_seed);
    seedMenu->addAction(tr("Seed the bundled prompts…"), this,
                        [this] { seedFromFile(PromptSeedFile::bundledPath(), false); });
    seedMenu->addAction(tr("Seed from file…"), this, [this] { m_transfer->chooseSeed(false); });
    seedMenu->addAction(tr("Update from file (new versions)…"), this,
                        [this] { m_transfer->chooseSeed(true); });
    m_seed->setMenu(seedMenu);
    m_listPanel->addToolWidget(m_seed);
    auto *encryptMenu = new QMenu(m_encrypt);
    encryptMenu->addAction(tr("Enable encryption at rest…"), m_encryptionActions,
                           &PromptEncryptionActions::chooseEnable);
    encryptMenu->addAction(tr("Disable encryption at rest"), this, [this] { disableEncryption(); });
    encryptMenu->addSeparator();
    encryptMenu->addAction(tr("Export key…"), m_encryptionActions,
                           &PromptEncryptionActions::chooseKeyExport);
    encryptMenu->addAction(tr("Import key…"), m_encryptionActions,
                           &PromptEncryptionActions::chooseKeyImport);
    encryptMenu->addAction(tr("Rotate key…"), m_encryptionActions,
                           &PromptEncryptionActions::chooseRotate);
    m_encrypt->setMenu(encryptMenu);
    m_listPanel->addToolWidget(m_encrypt);
    // Refresh re-reads the list and the open prompt (editor base, history, labels, audit).
    connect(m_refresh, &QPushButton::clicked, this, &PromptsView::reloadAfterWrite);
    connect(m_import, &QPushButton::clicked, m_transfer, &PromptTransferActions::chooseImport);
    connect(m_export, &QPushButton::clicked, this, [this] {
        m_transfer->chooseExport(m_listPanel->selectedPromptIds(),
                                 m_encryptionActions->hasEncryptedTexts() && m_runner->codec()
                                     && m_runner->codec()->lockReason().isEmpty());
    });
}

QWidget *PromptsView::buildComparePage()
{
    auto *compare = new QWidget(this);
    auto *compareLayout = new QVBoxLayout(compare);
    auto *pick = new QHBoxLayout;
    for (QSpinBox *s : {m_before, m_after}) {
        s->setPrefix(QStringLiteral("v"));
        s->setRange(1, 1);
    }
    auto *compareButton = new QPushButton(tr("Compare"), compare);
    pick->addWidget(new QLabel(tr("Compare"), compare));
    pick->addWidget(m_before);
    pick->addWidget(new QLabel(tr("with"), compare));
    pick->addWidget(m_after);
    pick->addWidget(compareButton);
    pick->addStretch(1);
    compareLayout->addLayout(pick);
    compareLayout->addWidget(m_diff, 1);
    connect(compareButton, &QPushButton::clicked, this,
            [this] { compareVersions(m_before->value(), m_after->value()); });
    return compare;
}

void PromptsView::setTarget(const std::optional<SessionSpec> &spec)
{
    m_runner->setTarget(spec);
    m_encryptionActions->clear();
    ++m_listSerial;
    ++m_detailSerial;
    m_currentId.clear();
    m_detail = PromptDetail();
    m_saveFlow->clear();
    m_encryption->clear();
    m_listPanel->clear();
    m_editor->clear(tr("Pick a prompt in the list."));
    m_history->clear();
    m_labels->clear();
    m_audit->clear();
    m_diff->clear();
    updateWritable();
    if (!m_runner->isConnected()) {
        setStatus(tr("Not connected."), false);
        return;
    }
    setStatus(QString(), false);
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
    if (!m_currentId.isEmpty())
        loadDetail(m_currentId, m_editor->isModified());
}

void PromptsView::setEncryptionText(const QString &text)
{
    m_encryption->setText(text);
    emit encryptionKnown(text);
}

void PromptsView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:%1").arg(StateStyle::danger().name())
                                  : QString());
}

void PromptsView::updateWritable()
{
    const bool connected = m_runner->isConnected();
    const QString readOnly = m_runner->readOnlyReason();
    const bool writable = connected && readOnly.isEmpty();
    const QString why = !connected ? tr("Not connected.") : readOnly;
    // Locked: the stored text is encrypted and this console has no key for it.
    // The list probes the ai_prompts row, the detail the version row: either may be locked.
    const PromptListModel *model = m_listPanel->model();
    const int row = model->rowOf(m_currentId);
    const PromptSummary listed = row >= 0 ? model->prompts().at(row) : PromptSummary();
    // Tampered: with the key, the version's or the served text fails authentication.
    const bool tampered = m_detail.version.tampered || m_detail.summary.tampered || listed.tampered;
    const bool locked = tampered || m_detail.version.locked || listed.locked;
    const QString lockReason = m_detail.version.locked ? m_detail.version.lockReason
        : m_detail.summary.locked                      ? m_detail.summary.lockReason
                                                       : listed.lockReason;
    const QString lockText
        = tampered ? tr("Tampered: %1").arg(lockReason) : tr("Locked: %1").arg(lockReason);
    const bool editable = writable && !locked && !m_currentId.isEmpty();
    m_editor->setEditable(editable, !writable ? why : locked ? lockText : QString());
    m_history->setWritable(writable && !locked, locked ? lockText : why);
    m_labels->setWritable(writable && !m_currentId.isEmpty(), why);
    for (QPushButton *b : {m_import, m_seed}) {
        b->setEnabled(writable);
        b->setToolTip(writable ? QString() : why);
    }
    m_export->setEnabled(connected);
    m_refresh->setEnabled(connected);
    m_encrypt->setEnabled(writable);
    m_encrypt->setToolTip(writable ? QString() : why);
}

void PromptsView::refresh()
{
    // The rows first (PromptLister::list without usage: the same call bench_prompts times),
    // then the usage of the period in a second task, so a long ai_interactions table never
    // holds the list back.
    const PromptListFilter filter = m_listPanel->filter();
    const int serial = ++m_listSerial;
    auto codec = m_runner->codec();
    m_runner->run(tr("List prompts"),
                  [this, filter, serial, codec](PgConnection &pg) -> PromptTask::Then {
                      auto r = std::make_shared<PromptResult<QList<PromptSummary>>>(
                          PromptLister(pg, codec.get()).list(filter));
                      return [this, r, serial, filter] {
                          if (serial != m_listSerial)
                              return;
                          if (!r->ok()) {
                              setStatus(r->error.message, true);
                              emit listLoaded(-1);
                              return;
                          }
                          const int count = int(r->value.size());
                          m_listPanel->setPrompts(std::move(r->value), m_currentId,
                                                  filter.promptType.isEmpty());
                          updateWritable();
                          setStatus(tr("%n prompt(s).", nullptr, count), false);
                          emit listLoaded(count);
                          loadUsage(filter, serial);
                      };
                  });
}

void PromptsView::loadUsage(const PromptListFilter &filter, int serial)
{
    m_runner->run(tr("Read the prompts' usage"),
                  [this, filter, serial](PgConnection &pg) -> PromptTask::Then {
                      auto r = std::make_shared<PromptResult<QHash<QString, PromptLister::Usage>>>(
                          PromptLister(pg).usage(filter));
                      return [this, r, serial] {
                          if (serial != m_listSerial)
                              return;
                          if (!r->ok()) {
                              setStatus(r->error.message, true);
                              emit usageLoaded(false);
                              return;
                          }
                          m_listPanel->setUsage(r->value);
                          emit usageLoaded(true);
                      };
                  });
}

void PromptsView::reloadAfterWrite()
{
    refresh();
    if (!m_currentId.isEmpty())
        loadDetail(m_currentId, m_editor->isModified());
}

bool PromptsView::hasUnsavedChanges() const
{
    return !m_currentId.isEmpty() && m_editor->isModified();
}

bool PromptsView::confirmLeave(const QString &action)
{
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("Your changes to the prompt %1 are not saved.").arg(m_currentId),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("%1 drops them (Discard). Cancel stays here, so that you can save "
                              "them as a new version (Save).")
                               .arg(action));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

bool PromptsView::confirmClose()
{
    return confirmLeave(tr("Quitting"));
}

void PromptsView::onPromptPicked(const QString &id)
{
    if (id == m_currentId)
        return;
    // The one question about unsaved changes (Discard / Cancel, Cancel the default: Enter
    // never drops an edit); it defaulted to Yes here.
    if (!confirmLeave(tr("Opening %1").arg(id))) {
        m_listPanel->selectPrompt(m_currentId);
        return;
    }
    openPrompt(id);
}

void PromptsView::openPrompt(const QString &promptId)
{
    m_currentId = promptId;
    m_listPanel->selectPrompt(promptId);
    loadDetail(promptId, false);
}

void PromptsView::loadDetail(const QString &promptId, bool keepDraft)
{
    const int serial = ++m_detailSerial;
    auto codec = m_runner->codec();
    m_runner->run(
        tr("Open prompt %1").arg(promptId),
        [this, promptId, serial, keepDraft, codec](PgConnection &pg) -> PromptTask::Then {
            auto detail = PromptStore(pg, codec.get()).getLatest(promptId);
            PromptLabels labels(pg);
            auto current = labels.labels(promptId);
            auto moves = labels.history(promptId);
            auto audit = PromptAudit(pg).entries(promptId);
            return [=, this] {
                if (serial != m_detailSerial || promptId != m_currentId)
                    return;
                for (const PromptError &e : {detail.error, current.error, moves.error, audit.error})
                    if (e.isSet()) {
                        setStatus(e.message, true);
                        return;
                    }
                applyDetail(detail.value, current.value, moves.value, audit.value, keepDraft);
            };
        });
}

QString PromptsView::title(const PromptDetail &d) const
{
    return tr("%1 — %2 · version %3 of %4%5")
        .arg(d.summary.name, d.summary.promptId)
        .arg(d.version.versionNo)
        .arg(d.summary.latestVersion)
        .arg(d.summary.isActive ? QString() : tr(" · inactive"));
}

void PromptsView::applyDetail(const PromptDetail &detail, const QList<PromptLabel> &labels,
                              const QList<PromptLabelMove> &moves,
                              const QList<PromptAuditEntry> &audit, bool keepDraft)
{
    m_detail = detail;
    m_saveFlow->setDetail(detail);
    if (keepDraft)
        m_editor->rebase(title(detail), detail.version.content);
    else
        m_editor->load(title(detail), detail.version.content);
    m_history->setDetail(detail);
    m_labels->setLabels(labels, detail.summary.latestVersion);
    m_labels->setHistory(moves);
    m_labels->setVersionRange(detail.summary.latestVersion);
    m_audit->setEntries(audit);
    for (QSpinBox *s : {m_before, m_after})
        s->setRange(1, qMax(1, detail.summary.latestVersion));
    updateWritable();
    emit promptLoaded(detail.summary.promptId);
}

void PromptsView::requestSave()
{
    if (!m_currentId.isEmpty())
        m_saveFlow->requestSave();
}

void PromptsView::requestRestore(int version)
{
    if (!m_currentId.isEmpty())
        m_saveFlow->requestRestore(version);
}

void PromptsView::compareVersions(int before, int after)
{
    if (m_currentId.isEmpty())
        return;
    m_before->setValue(before);
    m_after->setValue(after);
    m_tabs->setCurrentIndex(CompareTab);
    const QString id = m_currentId;
    auto codec = m_runner->codec();
    m_runner->run(tr("Compare versions %1 and %2 of %3").arg(before).arg(after).arg(id),
                  [this, id, before, after, codec](PgConnection &pg) -> PromptTask::Then {
                      PromptStore store(pg, codec.get());
                      auto a = store.version(id, before);
                      auto b = store.version(id, after);
                      std::shared_ptr<PromptVersionDiff> diff;
                      if (a.ok() && b.ok())
                          diff = std::make_shared<PromptVersionDiff>(a.value, b.value);
                      const QString error = !a.ok() ? a.error.message : b.error.message;
                      return [this, id, diff, error] {
                          if (id != m_currentId)
                              return;
                          if (!diff) {
                              m_diff->clear(error);
                              setStatus(error, true);
                              return;
                          }
                          m_diff->setDiff(*diff);
                          emit diffShown();
                      };
                  });
}

} // namespace uaip
