#include "promptsview.h"

#include "browser/typedconfirmdialog.h"
#include "crypto/datakeystore.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/keychainidentity.h"
#include "crypto/promptencryption.h"
#include "db/session.h"
#include "importpreviewdialog.h"
#include "jobs/sessionworker.h"
#include "promptauditpanel.h"
#include "promptdiffview.h"
#include "prompteditor.h"
#include "prompthistorypanel.h"
#include "promptlabelspanel.h"
#include "promptlistmodel.h"
#include "prompts/promptaudit.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"
#include "prompts/promptlister.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptstore.h"
#include "prompts/promptversiondiff.h"
#include "reviewchangesdialog.h"
#include "widgets/statestyle.h"

#include <QComboBox>
#include <QFileDialog>
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
#include <QTimer>
#include <QVBoxLayout>

namespace uaip {

PromptsView::PromptsView(QWidget *parent)
    : QWidget(parent)
    , m_actor(PromptActor::current())
    , m_model(new PromptListModel(this))
    , m_search(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_active(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_import(new QPushButton(tr("Import…"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_seed(new QPushButton(tr("Seed"), this))
    , m_encrypt(new QPushButton(tr("Encryption"), this))
    , m_list(new QTableView(this))
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
    , m_keys(new DataKeyStore(DataKeyStore::defaultService(), this))
    , m_actionKeys(new DataKeyStore(DataKeyStore::defaultService(), this))
    , m_searchTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Search names and texts"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 2);
    m_type->addItem(tr("Any type"), QString());
    bar->addWidget(m_type);
    m_active->addItem(tr("Active or not"));
    m_active->addItem(tr("Active"));
    m_active->addItem(tr("Inactive"));
    bar->addWidget(m_active);
    bar->addWidget(new QLabel(tr("Usage:"), this));
    for (const auto &[label, days] : {std::pair{tr("last 24 hours"), 1},
                                      {tr("last 7 days"), 7},
                                      {tr("last 30 days"), 30},
                                      {tr("last 90 days"), 90},
                                      {tr("last year"), 365}})
        m_period->addItem(label, days);
    m_period->setCurrentIndex(2);
    bar->addWidget(m_period);
    bar->addWidget(m_refresh);
    bar->addWidget(m_import);
    bar->addWidget(m_export);
    auto *seedMenu = new QMenu(m_seed);
    seedMenu->addAction(tr("Seed the bundled prompts"), this,
                        [this] { seedFromFile(PromptSeedFile::bundledPath(), false); });
    seedMenu->addAction(tr("Seed from file…"), this, [this] { chooseSeed(false); });
    seedMenu->addAction(tr("Update from file (new versions)…"), this, [this] { chooseSeed(true); });
    m_seed->setMenu(seedMenu);
    bar->addWidget(m_seed);
    auto *encryptMenu = new QMenu(m_encrypt);
    encryptMenu->addAction(tr("Enable encryption at rest"), this, [this] { enableEncryption(); });
    encryptMenu->addAction(tr("Disable encryption at rest"), this, [this] { disableEncryption(); });
    encryptMenu->addSeparator();
    encryptMenu->addAction(tr("Export key…"), this, [this] { chooseKeyExport(); });
    encryptMenu->addAction(tr("Import key…"), this, [this] { chooseKeyImport(); });
    m_encrypt->setMenu(encryptMenu);
    bar->addWidget(m_encrypt);
    layout->addLayout(bar);

    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setWordWrap(false);

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

    m_tabs->addTab(m_editor, tr("Editor"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(compare, tr("Compare"));
    m_tabs->addTab(m_labels, tr("Labels"));
    m_tabs->addTab(m_audit, tr("Audit"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    // Room for about eight prompts above the tabs.
    const int listHeight = m_list->horizontalHeader()->sizeHint().height()
        + m_list->verticalHeader()->defaultSectionSize() * 8;
    split->setSizes({listHeight, listHeight * 3});
    layout->addWidget(split, 1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    m_encryption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_encryption);
    layout->addLayout(bottom);
    connect(m_keys, &DataKeyStore::readFinished, this, &PromptsView::onKeyRead);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &PromptsView::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_type, m_active, m_period})
        connect(box, &QComboBox::activated, this, &PromptsView::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &PromptsView::refresh);
    connect(m_import, &QPushButton::clicked, this, &PromptsView::chooseImport);
    connect(m_export, &QPushButton::clicked, this, &PromptsView::chooseExport);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PromptsView::onSelectionChanged);
    connect(m_editor, &PromptEditor::saveRequested, this, &PromptsView::requestSave);
    connect(m_editor, &PromptEditor::revertRequested, this, [this] {
        if (!m_currentId.isEmpty())
            loadDetail(m_currentId, false);
    });
    connect(m_history, &PromptHistoryPanel::compareRequested, this, &PromptsView::compareVersions);
    connect(m_history, &PromptHistoryPanel::restoreRequested, this, &PromptsView::requestRestore);
    connect(m_labels, &PromptLabelsPanel::moveRequested, this, &PromptsView::requestLabelMove);
    setTarget(std::nullopt);
}

PromptsView::~PromptsView() = default;

void PromptsView::setTarget(const std::optional<SessionSpec> &spec)
{
    delete m_worker; // retires it: never waits
    m_worker = nullptr;
    m_running = 0;
    ++m_targetSerial;
    m_spec = spec;
    ++m_listSerial;
    ++m_detailSerial;
    m_currentId.clear();
    m_detail = PromptDetail();
    m_codec.reset();
    m_keyIdentity.clear();
    m_encryption->clear();
    m_model->setPrompts({});
    m_editor->clear(tr("Pick a prompt in the list."));
    m_history->clear();
    m_labels->clear();
    m_audit->clear();
    m_diff->clear();
    m_readOnlyReason = spec && spec->profile.readOnly
        ? tr("Read-only profile %1: prompts can be read, not changed.").arg(spec->profile.name)
        : QString();
    if (spec) {
        m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("prompts")),
                                     QStringLiteral("prompts"), this);
    }
    updateWritable();
    if (!spec || !spec->isComplete()) {
        setStatus(tr("Not connected."), false);
        return;
    }
    setStatus(QString(), false);
    // The encryption status first: its answer is in before the list's.
    loadEncryption();
    refresh();
}

QString PromptsView::encryptionText() const
{
    return m_encryption->text();
}

void PromptsView::setEncryptionText(const QString &text)
{
    m_encryption->setText(text);
    emit encryptionKnown(text);
}

void PromptsView::loadEncryption()
{
    run(tr("Read the prompt encryption status"), [this](PgConnection &pg) -> PromptTask::Then {
        const PromptEncryptionStatus status = PromptEncryption(pg).status();
        // The keychain entry's name as uaip-migrate prompts key names it (with the
        // database-uuid fallback where pg_control_system() is refused).
        const KeychainIdentity identity
            = status.ok() ? KeychainIdentity::read(pg) : KeychainIdentity();
        return [this, status, identity] { applyEncryption(status, identity); };
    });
}

void PromptsView::applyEncryption(const PromptEncryptionStatus &status,
                                  const KeychainIdentity &identity)
{
    m_encryptionStatus = status;
    if (!status.ok() && status.error.sqlState == QLatin1String("42P01")) // undefined_table
        return setEncryptionText(
            tr("Encryption at rest: off (migration 0014_prompt_encryption not applied)"));
    if (!status.ok())
        return setEncryptionText(tr("Encryption at rest: unknown (%1)").arg(status.error.message));
    m_keyIdentity = identity.ok() ? identity.identity : QString();
    if (!status.enabled && status.encryptedPrompts + status.encryptedVersions == 0)
        return setEncryptionText(tr("Encryption at rest: off"));
    if (!identity.ok())
        return setEncryptionText(tr("Encryption at rest: on · locked: the keychain entry's name "
                                    "could not be read (%1)")
                                     .arg(identity.error.message));
    m_encryption->setText(tr("Encryption at rest: on · reading the key…"));
    m_keys->read(m_keyIdentity);
}

void PromptsView::onKeyRead(const DataKeyLookup &lookup)
{
    if (lookup.identity != m_keyIdentity || !m_spec)
        return;
    auto codec = std::make_shared<EnvelopePromptCodec>(m_encryptionStatus, lookup);
    const QString state
        = m_encryptionStatus.enabled ? tr("on") : tr("off, some texts still encrypted");
    setEncryptionText(
        codec->lockReason().isEmpty()
            ? tr("Encryption at rest: %1 · key %2").arg(state, codec->keyId())
            : tr("Encryption at rest: %1 · locked: %2").arg(state, codec->lockReason()));
    setCodec(codec);
}

void PromptsView::setCodec(std::shared_ptr<const PromptTextCodec> codec)
{
    m_codec = std::move(codec);
    if (!m_spec || !m_spec->isComplete())
        return;
    refresh();
    if (!m_currentId.isEmpty())
        loadDetail(m_currentId, m_editor->isModified());
}

ReviewChangesDialog *PromptsView::reviewDialog() const
{
    return m_review.data();
}

QString PromptsView::statusText() const
{
    return m_status->text();
}

void PromptsView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:%1").arg(StateStyle::danger().name())
                                  : QString());
}

void PromptsView::run(const QString &title, PromptTask::Work work,
                      std::function<void(const QString &)> failed)
{
    start(new PromptTask(title, std::move(work)), std::move(failed));
}

void PromptsView::start(PromptTask *task, std::function<void(const QString &)> failed)
{
    const QString title = task->title();
    if (!m_worker || !m_spec || !m_spec->isComplete()) {
        delete task;
        setStatus(tr("%1: not connected.").arg(title), true);
        if (failed)
            failed(tr("not connected"));
        return;
    }
    const std::shared_ptr<PromptTask::Then> then = task->then();
    ++m_running;
    const int target = m_targetSerial;
    connect(task, &Job::finished, this,
            [this, then, failed, title, target](bool ok, const QString &summary) {
                if (target != m_targetSerial)
                    return; // from a target left since
                m_running = qMax(0, m_running - 1);
                if (!ok) {
                    setStatus(tr("%1 failed: %2").arg(title, summary), true);
                    if (failed)
                        failed(summary);
                } else if (*then) {
                    (*then)();
                }
            });
    emit jobStarted(task);
    m_worker->post(task);
}

void PromptsView::updateWritable()
{
    const bool connected = m_spec && m_spec->isComplete();
    const bool writable = connected && m_readOnlyReason.isEmpty();
    const QString why = !connected ? tr("Not connected.") : m_readOnlyReason;
    // Locked: the stored text is encrypted and this console has no key for it.
    // The list probes the ai_prompts row, the detail the version row: either may be locked.
    const int row = m_model->rowOf(m_currentId);
    const PromptSummary listed = row >= 0 ? m_model->prompts().at(row) : PromptSummary();
    const bool locked = m_detail.version.locked || listed.locked;
    const QString lockReason
        = m_detail.version.locked ? m_detail.version.lockReason : listed.lockReason;
    const bool editable = writable && !locked && !m_currentId.isEmpty();
    m_editor->setEditable(editable,
                          !writable    ? why
                              : locked ? tr("Locked: %1").arg(lockReason)
                                       : QString());
    m_history->setWritable(writable && !locked, locked ? tr("Locked: %1").arg(lockReason) : why);
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
    PromptListFilter filter;
    filter.search = m_search->text().trimmed();
    filter.promptType = m_type->currentData().toString();
    if (m_active->currentIndex() > 0)
        filter.active = m_active->currentIndex() == 1;
    filter.usageTo = QDateTime::currentDateTimeUtc();
    filter.usageFrom = filter.usageTo.addDays(-m_period->currentData().toInt());
    const int serial = ++m_listSerial;
    auto codec = m_codec;
    run(tr("List prompts"), [this, filter, serial, codec](PgConnection &pg) -> PromptTask::Then {
        auto r = PromptLister(pg, codec.get()).list(filter);
        return [this, r, serial, filter] {
            if (serial != m_listSerial)
                return;
            if (!r.ok()) {
                setStatus(r.error.message, true);
                emit listLoaded(-1);
                return;
            }
            m_reselecting = true;
            m_model->setPrompts(r.value);
            updateWritable();
            if (filter.promptType.isEmpty()) { // the types the database has
                const QString keep = m_type->currentData().toString();
                QStringList types;
                for (const PromptSummary &p : r.value)
                    if (!types.contains(p.promptType))
                        types << p.promptType;
                types.sort();
                m_type->clear();
                m_type->addItem(tr("Any type"), QString());
                for (const QString &t : types)
                    m_type->addItem(t, t);
                m_type->setCurrentIndex(qMax(0, m_type->findData(keep)));
            }
            const int row = m_model->rowOf(m_currentId);
            if (row >= 0)
                m_list->selectRow(row);
            m_list->resizeColumnsToContents();
            m_reselecting = false;
            setStatus(tr("%n prompt(s).", nullptr, int(r.value.size())), false);
            emit listLoaded(int(r.value.size()));
        };
    });
}

void PromptsView::onSelectionChanged()
{
    if (m_reselecting)
        return;
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const QString id = m_model->data(current, PromptListModel::PromptIdRole).toString();
    if (id == m_currentId)
        return;
    if (m_editor->isModified()
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("Discard your unsaved changes to %1?").arg(m_currentId))
            != QMessageBox::Yes) {
        m_reselecting = true;
        const int row = m_model->rowOf(m_currentId);
        if (row >= 0)
            m_list->selectRow(row);
        m_reselecting = false;
        return;
    }
    openPrompt(id);
}

void PromptsView::openPrompt(const QString &promptId)
{
    m_currentId = promptId;
    const int row = m_model->rowOf(promptId);
    if (row >= 0 && m_list->currentIndex().row() != row) {
        m_reselecting = true;
        m_list->selectRow(row);
        m_reselecting = false;
    }
    loadDetail(promptId, false);
}

void PromptsView::loadDetail(const QString &promptId, bool keepDraft)
{
    const int serial = ++m_detailSerial;
    auto codec = m_codec;
    run(tr("Open prompt %1").arg(promptId),
        [this, promptId, serial, keepDraft, codec](PgConnection &pg) -> PromptTask::Then {
            auto detail = PromptStore(pg, codec.get()).get(promptId);
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
        .arg(d.summary.currentVersion)
        .arg(d.summary.latestVersion)
        .arg(d.summary.isActive ? QString() : tr(" · inactive"));
}

int PromptsView::nextVersion() const
{
    return m_detail.summary.latestVersion + 1;
}

void PromptsView::applyDetail(const PromptDetail &detail, const QList<PromptLabel> &labels,
                              const QList<PromptLabelMove> &moves,
                              const QList<PromptAuditEntry> &audit, bool keepDraft)
{
    m_detail = detail;
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
    if (m_currentId.isEmpty() || !m_editor->isModified())
        return;
    if (const QStringList problems = m_editor->problems(); !problems.isEmpty()) {
        m_editor->setBanner(problems.join(u'\n'), true);
        return;
    }
    PromptVersion draft;
    draft.versionNo = nextVersion();
    draft.content = m_editor->content();
    openReview(draft, QString(), 0);
}

void PromptsView::openReview(const PromptVersion &target, const QString &note, int restoreFrom)
{
    if (m_review)
        m_review->deleteLater();
    const PromptVersionDiff diff(m_detail.version, target);
    const QString typed
        = m_spec && m_spec->profile.production ? m_spec->profile.database : QString();
    m_review = new ReviewChangesDialog(m_currentId, diff, typed, this);
    m_review->setAttribute(Qt::WA_DeleteOnClose);
    if (!note.isEmpty())
        m_review->noteEdit()->setPlainText(note);
    const PromptContent content = target.content;
    connect(m_review, &QDialog::accepted, this,
            [this, content, restoreFrom] { save(content, m_review->note(), restoreFrom); });
    m_review->open();
}

void PromptsView::save(const PromptContent &content, const QString &note, int restoreFrom)
{
    PromptSaveRequest request;
    request.promptId = m_currentId;
    request.expectedCurrentVersion = m_detail.summary.currentVersion;
    request.content = content;
    request.changeNote = note;
    request.confirmProtected = true; // typed in the review dialog on production profiles
    const PromptActor actor = m_actor;
    auto codec = m_codec;
    const QString what = restoreFrom
        ? tr("Restore version %1 of %2").arg(restoreFrom).arg(m_currentId)
        : tr("Save %1").arg(m_currentId);
    m_editor->saveButton()->setEnabled(false);
    run(
        what,
        [this, request, actor, codec, restoreFrom](PgConnection &pg) -> PromptTask::Then {
            PromptStore store(pg, codec.get());
            auto r = restoreFrom
                ? store.restore(request.promptId, restoreFrom, request.expectedCurrentVersion,
                                request.changeNote, actor, true)
                : store.save(request, actor);
            return [this, r, request] {
                if (!r.ok()) {
                    QString message = r.error.message;
                    if (r.error.kind == PromptError::Kind::Conflict)
                        message += u' '
                            + tr("Your text is kept in the editor: Save compares it with "
                                 "the newer version.");
                    m_editor->setBanner(message, true);
                    setStatus(message, true);
                    // Show what the other console wrote, keep the draft.
                    if (request.promptId == m_currentId)
                        loadDetail(m_currentId, r.error.kind == PromptError::Kind::Conflict);
                    emit saveFinished(false, message);
                    return;
                }
                const QString message = tr("Saved version %1 of %2 (checksum %3).")
                                            .arg(r.value.versionNo)
                                            .arg(request.promptId, r.value.checksum.left(12));
                setStatus(message, false);
                m_editor->setBanner(QString(), false);
                if (request.promptId == m_currentId)
                    loadDetail(m_currentId, false);
                refresh();
                emit saveFinished(true, message);
            };
        },
        [this](const QString &why) { emit saveFinished(false, why); });
}

void PromptsView::compareVersions(int before, int after)
{
    if (m_currentId.isEmpty())
        return;
    m_before->setValue(before);
    m_after->setValue(after);
    m_tabs->setCurrentIndex(CompareTab);
    const QString id = m_currentId;
    auto codec = m_codec;
    run(tr("Compare versions %1 and %2 of %3").arg(before).arg(after).arg(id),
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

void PromptsView::requestRestore(int version)
{
    if (m_currentId.isEmpty())
        return;
    const QString id = m_currentId;
    auto codec = m_codec;
    run(tr("Read version %1 of %2").arg(version).arg(id),
        [this, id, version, codec](PgConnection &pg) -> PromptTask::Then {
            auto v = PromptStore(pg, codec.get()).version(id, version);
            return [this, id, v, version] {
                if (id != m_currentId)
                    return;
                if (!v.ok())
                    return setStatus(v.error.message, true);
                PromptVersion target = v.value;
                target.versionNo = nextVersion();
                openReview(target, tr("Restore version %1").arg(version), version);
            };
        });
}

void PromptsView::requestLabelMove(const QString &label, int version)
{
    if (m_currentId.isEmpty())
        return;
    if (label == PromptLabel::latest() || !PromptLabels::isValidLabel(label)) {
        const QString why = label == PromptLabel::latest()
            ? tr("\"latest\" follows the newest version; it is never moved.")
            : tr("\"%1\" is not a label name: lowercase letters, digits, "
                 "'_' or '-', starting with a letter.")
                  .arg(label);
        setStatus(why, true);
        emit labelMoveFinished(false, why);
        return;
    }
    if (m_spec && m_spec->profile.production && label == PromptLabel::production()) {
        auto *dialog = new TypedConfirmDialog(
            tr("Move the production label of %1 to version %2? The platform serves that "
               "version from then on.")
                .arg(m_currentId)
                .arg(version),
            m_spec->profile.database, this);
        dialog->setObjectName(QStringLiteral("productionConfirm"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, label, version] { moveLabel(label, version); });
        connect(dialog, &QDialog::rejected, this, [this] {
            setStatus(tr("Label not moved."), false);
            emit labelMoveFinished(false, tr("not confirmed"));
        });
        dialog->open();
        return;
    }
    moveLabel(label, version);
}

void PromptsView::moveLabel(const QString &label, int version)
{
    PromptLabels::Move move;
    move.promptId = m_currentId;
    move.label = label;
    move.versionNo = version;
    // Typed database name on production profiles (above); at once on the others.
    move.confirmProtected = true;
    const PromptActor actor = m_actor;
    run(
        tr("Move label %1 of %2").arg(label, m_currentId),
        [this, move, actor](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptLabels(pg).move(move, actor);
            return [this, r, move] {
                if (!r.ok()) {
                    setStatus(r.error.message, true);
                    emit labelMoveFinished(false, r.error.message);
                    return;
                }
                const QString message = r.value == move.versionNo
                    ? tr("Label %1 already on version %2.").arg(move.label).arg(move.versionNo)
                    : tr("Label %1 moved from %2 to version %3.")
                          .arg(move.label, r.value ? tr("version %1").arg(r.value) : tr("nowhere"))
                          .arg(move.versionNo);
                setStatus(message, false);
                if (move.promptId == m_currentId)
                    loadDetail(m_currentId, m_editor->isModified());
                refresh();
                emit labelMoveFinished(true, message);
            };
        },
        [this](const QString &why) { emit labelMoveFinished(false, why); });
}

void PromptsView::importFile(const QString &path)
{
    const PromptActor actor = m_actor;
    auto codec = m_codec;
    run(
        tr("Import %1 (dry run)").arg(path),
        [this, path, actor, codec](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptImporter(pg, codec.get()).importFile(path, true, actor);
            return [this, r, path] {
                if (!r.ok() && r.error.kind == PromptError::Kind::Database) {
                    setStatus(r.error.message, true);
                    emit importPlanned(false);
                    return;
                }
                PromptImportPlan plan = r.value;
                if (plan.file.isEmpty())
                    plan.file = path;
                const QStringList problems
                    = r.ok() ? QStringList() : r.error.message.split(u'\n', Qt::SkipEmptyParts);
                auto *dialog = new ImportPreviewDialog(plan, problems, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &QDialog::accepted, this, [this, path] { runImport(path); });
                dialog->open();
                if (!r.ok())
                    setStatus(r.error.message, true);
                emit importPlanned(r.ok());
            };
        },
        [this](const QString &) { emit importPlanned(false); });
}

void PromptsView::runImport(const QString &path)
{
    const PromptActor actor = m_actor;
    auto codec = m_codec;
    run(
        tr("Import %1").arg(path),
        [this, path, actor, codec](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptImporter(pg, codec.get()).importFile(path, false, actor);
            return [this, r] {
                using K = PromptImportItem::Kind;
                const QString message = r.ok()
                    ? tr("Imported %1: %2 new, %3 changed, %4 metadata only, %5 "
                         "unchanged.")
                          .arg(r.value.file)
                          .arg(r.value.count(K::New))
                          .arg(r.value.count(K::Changed))
                          .arg(r.value.count(K::MetadataChanged))
                          .arg(r.value.count(K::Unchanged))
                    : r.error.message;
                setStatus(message, !r.ok());
                refresh();
                if (!m_currentId.isEmpty())
                    loadDetail(m_currentId, m_editor->isModified());
                emit importFinished(r.ok(), message);
            };
        },
        [this](const QString &why) { emit importFinished(false, why); });
}

void PromptsView::exportTo(const QString &path, const QStringList &promptIds, bool decrypted)
{
    auto codec = m_codec;
    run(
        tr("Export to %1").arg(path),
        [this, path, promptIds, codec, decrypted](PgConnection &pg) -> PromptTask::Then {
            auto r = PromptExporter(pg, codec.get()).exportFile(promptIds, decrypted, path);
            return [this, r, path] {
                const QString message = r.ok()
                    ? tr("Exported %n prompt(s) to %1.", nullptr, r.value).arg(path)
                    : r.error.message;
                setStatus(message, !r.ok());
                emit exportFinished(r.ok(), message);
            };
        },
        [this](const QString &why) { emit exportFinished(false, why); });
}

void PromptsView::seedFromFile(const QString &path, bool update)
{
    run(
        tr("Seed prompts from %1").arg(path),
        [this, path, update](PgConnection &pg) -> PromptTask::Then {
            PromptSeedFile file;
            QString message;
            bool ok = file.load(path);
            if (!ok) {
                message = tr("%1 has %n problem(s); nothing was written:\n", nullptr,
                             int(file.errors().size()))
                              .arg(file.displayName())
                    + file.errors().join(u'\n');
            } else {
                PromptSeeder::Options options;
                options.update = update;
                options.changeNote = QStringLiteral("uaip-admin seed prompts%1 (%2)")
                                         .arg(update ? QStringLiteral(" --update") : QString(),
                                              file.displayName());
                const PromptSeedReport report = PromptSeeder(pg).run(file, options);
                ok = report.ok();
                using K = SeedAction::Kind;
                const QString p = QStringLiteral("prompt");
                message = ok ? tr("Seeded from %1: %2 inserted, %3 new version(s), %4 metadata "
                                  "update(s), %5 unchanged, %6 differ (left alone).")
                                   .arg(file.displayName())
                                   .arg(report.count(p, K::Insert))
                                   .arg(report.count(p, K::NewVersion))
                                   .arg(report.count(p, K::UpdateMetadata))
                                   .arg(report.count(p, K::Unchanged))
                                   .arg(report.count(p, K::Differs))
                             : report.message + u'\n' + tr("Nothing was written (rolled back).");
            }
            return [this, ok, message] {
                setStatus(message, !ok);
                refresh();
                emit seedFinished(ok, message);
            };
        },
        [this](const QString &why) { emit seedFinished(false, why); });
}

void PromptsView::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import prompts"), QString(),
                                                      tr("Seed files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void PromptsView::chooseExport()
{
    QStringList ids;
    for (const QModelIndex &i : m_list->selectionModel()->selectedRows())
        ids << m_model->data(i, PromptListModel::PromptIdRole).toString();
    const QString path = QFileDialog::getSaveFileName(
        this,
        ids.isEmpty() ? tr("Export all prompts")
                      : tr("Export %n prompt(s)", nullptr, int(ids.size())),
        QStringLiteral("prompts.json"), tr("Seed files (*.json)"));
    if (path.isEmpty())
        return;
    // Encrypted texts leave in plain text only when asked for explicitly (and with the key).
    bool decrypted = false;
    const bool encrypted
        = m_encryptionStatus.encryptedPrompts + m_encryptionStatus.encryptedVersions > 0;
    if (encrypted && m_codec && m_codec->lockReason().isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Export prompts"),
            tr("The system prompts are encrypted at rest. Write them decrypted (plain text) "
               "into %1?")
                .arg(path),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        decrypted = true;
    }
    exportTo(path, ids, decrypted);
}

void PromptsView::chooseSeed(bool update)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Seed prompts"), QString(),
                                                      tr("Seed files (*.json);;All files (*)"));
    if (!path.isEmpty())
        seedFromFile(path, update);
}

} // namespace uaip
