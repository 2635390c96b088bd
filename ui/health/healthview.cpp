#include "healthview.h"

#include "healthmodels.h"
#include "historyjob.h"
#include "historypanel.h"
#include "insightsjob.h"

#include "jobs/sessionworker.h"
#include "widgets/elidinglabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace uaip {

HealthView::HealthView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_queries(new QStandardItemModel(this))
    , m_indexes(new QStandardItemModel(this))
    , m_tables(new QStandardItemModel(this))
    , m_horizon(new QStandardItemModel(this))
    , m_connections(new QStandardItemModel(this))
    , m_idle(new QStandardItemModel(this))
    , m_notes(new QLabel(this))
    , m_loaded(5, false)
    , m_history(new HistoryPanel(this))
    , m_recordTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("healthView"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolBar());
    m_notes->setObjectName(QStringLiteral("healthNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setVisible(false);
    layout->addWidget(m_notes);
    m_tabs->setObjectName(QStringLiteral("healthTabs"));
    m_tabs->addTab(table(m_queries), tr("Queries"));
    m_tabs->addTab(buildIndexesTab(), tr("Indexes"));
    m_tabs->addTab(buildTablesTab(), tr("Tables"));
    m_tabs->addTab(buildConnectionsTab(), tr("Connections"));
    m_tabs->addTab(m_history, tr("History"));
    connect(m_history, &HistoryPanel::readRequested, this, [this] {
        m_loaded[HistoryTab] = false;
        if (m_tabs->currentIndex() == HistoryTab)
            read(HistoryTab);
    });
    connect(m_history, &HistoryPanel::recordRequested, this, &HealthView::recordNow);
    connect(m_history, &HistoryPanel::intervalChanged, this, &HealthView::scheduleRecording);
    m_recordTimer->setObjectName(QStringLiteral("healthRecordTimer"));
    connect(m_recordTimer, &QTimer::timeout, this, &HealthView::recordNow);
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        m_copy->setVisible(tab == IndexesTab);
        m_migrate->setVisible(tab == IndexesTab);
        if (!m_loaded.value(tab))
            read(tab);
    });
    m_copy->setVisible(false);
    m_migrate->setVisible(false);
    setTarget(std::nullopt);
}

HealthView::~HealthView()
{
    delete m_worker; // cancels what runs; its answers go nowhere
}

QWidget *HealthView::buildToolBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_refresh = new QPushButton(tr("Refresh"), bar);
    m_refresh->setObjectName(QStringLiteral("healthRefresh"));
    m_refresh->setToolTip(tr("Read the shown tab again (F5)"));
    m_bloat = new QCheckBox(tr("Measure bloat"), bar);
    m_bloat->setObjectName(QStringLiteral("healthBloat"));
    m_bloat->setToolTip(tr("Also read the 10 biggest indexes and tables with pgstattuple: it "
                           "reads their pages, so only on request"));
    m_copy = new QPushButton(tr("Copy statement"), bar);
    m_copy->setObjectName(QStringLiteral("healthCopy"));
    m_copy->setToolTip(tr("Copy the selected finding's statement (CONCURRENTLY: it runs "
                          "outside a transaction)"));
    m_migrate = new QPushButton(tr("Create as migration..."), bar);
    m_migrate->setObjectName(QStringLiteral("healthMigrate"));
    m_migrate->setToolTip(tr("Make the selected proposal or finding a no-transaction migration "
                             "of your migrations folder, proved on the sandbox, to review and "
                             "apply in the Migrations view"));
    m_migrate->setEnabled(false);
    m_status = new ElidingLabel(bar);
    m_status->setObjectName(QStringLiteral("healthStatus"));
    row->addWidget(m_refresh);
    row->addWidget(m_bloat);
    row->addWidget(m_copy);
    row->addWidget(m_migrate);
    row->addWidget(m_status, 1);
    connect(m_refresh, &QPushButton::clicked, this, &HealthView::refresh);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QString text = m_details->toPlainText().section(u'\n', 0, 0).trimmed();
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    connect(m_migrate, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_indexView->currentIndex();
        const QVariant n = current.siblingAtColumn(0).data(HealthModels::kActionRole);
        if (current.isValid() && n.isValid() && n.toInt() < m_actions.size())
            emit migrationRequested(m_actions.at(n.toInt()));
    });
    return bar;
}

QTableView *HealthView::table(QStandardItemModel *model)
{
    auto *view = new QTableView(this);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    return view;
}

QWidget *HealthView::buildIndexesTab()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_indexView = table(m_indexes);
    m_indexView->setObjectName(QStringLiteral("healthIndexes"));
    m_details = new QPlainTextEdit(split);
    m_details->setObjectName(QStringLiteral("healthDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(tr("Select a proposed index or a finding to see its "
                                     "statement, its plans and how to undo it."));
    split->addWidget(m_indexView);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    connect(m_indexView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HealthView::showDetails);
    return split;
}

QWidget *HealthView::buildTablesTab()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table(m_tables));
    auto *lower = new QWidget(split);
    auto *box = new QVBoxLayout(lower);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(
        new QLabel(tr("What holds back vacuum, wraparound headroom, sequences:"), lower));
    box->addWidget(table(m_horizon), 1);
    split->addWidget(lower);
    return split;
}

QWidget *HealthView::buildConnectionsTab()
{
    auto *page = new QWidget(this);
    auto *box = new QVBoxLayout(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("healthConnections"));
    m_summary->setWordWrap(true);
    box->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(table(m_connections));
    auto *lower = new QWidget(split);
    auto *inner = new QVBoxLayout(lower);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(new QLabel(tr("Idle in a transaction (they hold their locks):"), lower));
    inner->addWidget(table(m_idle), 1);
    split->addWidget(lower);
    box->addWidget(split, 1);
    return page;
}

void HealthView::setTarget(const std::optional<SessionSpec> &spec)
{
    delete m_worker;
    m_worker = nullptr;
    ++m_generation;
    m_busy = false;
    m_spec = spec;
    m_loaded.fill(false);
    for (QStandardItemModel *m : {m_queries, m_indexes, m_tables, m_horizon, m_connections, m_idle})
        m->clear();
    m_details->clear();
    m_actions.clear();
    m_migrate->setEnabled(false);
    m_summary->clear();
    m_history->clear();
    m_history->setNote({});
    m_recordTimer->stop();
    m_recording = false;
    setNotes({});
    if (!spec) {
        m_status->setText(tr("Not connected."));
        m_refresh->setEnabled(false);
        return;
    }
    m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("health")),
                                 QStringLiteral("health"), this);
    m_refresh->setEnabled(true);
    m_status->clear();
    if (isVisible()) {
        read(m_tabs->currentIndex());
        scheduleRecording();
    }
}

void HealthView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_worker && !m_loaded.value(m_tabs->currentIndex()))
        read(m_tabs->currentIndex());
    if (m_worker && !m_recordTimer->isActive())
        scheduleRecording();
}

void HealthView::refresh()
{
    read(m_tabs->currentIndex());
}

void HealthView::markStale()
{
    m_loaded.fill(false);
    if (isVisible())
        read(m_tabs->currentIndex());
}

void HealthView::read(int tab)
{
    if (!m_worker || m_busy)
        return;
    if (tab == HistoryTab)
        return readHistory();
    m_busy = true;
    m_loaded[tab] = true;
    m_refresh->setEnabled(false);
    m_status->setText(tab == IndexesTab ? tr("Reading; the index advice plans each top statement "
                                             "with hypothetical indexes…")
                                        : tr("Reading…"));
    auto *job = new InsightsJob(InsightsJob::Part(tab), m_bloat->isChecked(), m_generation);
    connect(job, &Job::finished, this,
            [this, job](bool ok, const QString &summary) { onRead(job, ok, summary); });
    emit jobStarted(job);
    m_worker->post(job);
}

void HealthView::onRead(InsightsJob *job, bool ok, const QString &summary)
{
    if (job->generation() != m_generation)
        return;
    m_busy = false;
    m_refresh->setEnabled(true);
    const int tab = int(job->part());
    if (!ok) {
        m_loaded[tab] = false;
        m_status->setText(tr("Not read: %1").arg(summary));
        emit refreshed(tab, false);
        if (tab != m_tabs->currentIndex() && !m_loaded.value(m_tabs->currentIndex()))
            read(m_tabs->currentIndex());
        return;
    }
    switch (job->part()) {
    case InsightsJob::Part::Queries:
        HealthModels::fillQueries(m_queries, job->workload());
        break;
    case InsightsJob::Part::Indexes:
        m_actions = HealthModels::fillIndexes(m_indexes, job->advice(), job->indexes());
        m_details->clear();
        m_migrate->setEnabled(false);
        break;
    case InsightsJob::Part::Tables:
        HealthModels::fillTables(m_tables, job->tables());
        HealthModels::fillHorizon(m_horizon, job->tables());
        break;
    case InsightsJob::Part::Connections:
        HealthModels::fillConnections(m_connections, job->connections());
        HealthModels::fillIdle(m_idle, job->connections());
        m_summary->setText(HealthModels::connectionsSummary(job->connections()));
        break;
    }
    for (QTableView *view : m_tabs->widget(tab)->findChildren<QTableView *>())
        view->resizeColumnsToContents();
    m_status->setText(summary);
    setNotes(job->notes());
    emit refreshed(tab, true);
    // a tab chosen while this one was read
    if (!m_loaded.value(m_tabs->currentIndex()) && isVisible())
        read(m_tabs->currentIndex());
}

void HealthView::scheduleRecording()
{
    const int minutes = HistoryPanel::intervalMinutes();
    if (!m_worker || minutes <= 0) {
        m_recordTimer->stop();
        return;
    }
    m_recordTimer->start(minutes * 60 * 1000);
}

void HealthView::recordNow()
{
    if (!m_worker || m_recording)
        return;
    m_recording = true;
    auto *job = new HistoryJob(HistoryJob::Kind::Record, m_history->days(), m_generation);
    connect(job, &Job::finished, this,
            [this, job](bool ok, const QString &summary) { onHistory(job, ok, summary); });
    emit jobStarted(job);
    m_worker->post(job);
}

void HealthView::readHistory()
{
    m_busy = true;
    m_loaded[HistoryTab] = true;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading…"));
    auto *job = new HistoryJob(HistoryJob::Kind::Read, m_history->days(), m_generation);
    connect(job, &Job::finished, this,
            [this, job](bool ok, const QString &summary) { onHistory(job, ok, summary); });
    emit jobStarted(job);
    m_worker->post(job);
}

void HealthView::onHistory(HistoryJob *job, bool ok, const QString &summary)
{
    if (job->generation() != m_generation)
        return;
    if (job->kind() == HistoryJob::Kind::Record) {
        m_recording = false;
        m_history->setNote(ok ? job->notes().join(u'\n') : tr("Not recorded: %1").arg(summary));
        emit recorded(ok && job->recorded().sampleId > 0);
        m_loaded[HistoryTab] = false;
        if (m_tabs->currentIndex() == HistoryTab && isVisible())
            read(HistoryTab);
        return;
    }
    m_busy = false;
    m_refresh->setEnabled(true);
    if (ok)
        m_history->setSeries(job->series());
    else
        m_loaded[HistoryTab] = false;
    m_status->setText(ok ? summary : tr("Not read: %1").arg(summary));
    emit refreshed(HistoryTab, ok);
    // a tab chosen while the history was read (never this one again: a failure stays shown)
    if (m_tabs->currentIndex() != HistoryTab && !m_loaded.value(m_tabs->currentIndex())
        && isVisible())
        read(m_tabs->currentIndex());
}

void HealthView::showDetails()
{
    // its statement first (what Copy takes), then the evidence, the plans and the undo
    const QModelIndex current = m_indexView->currentIndex();
    m_details->setPlainText(current.isValid() ? current.data(Qt::UserRole).toString() : QString());
    m_migrate->setEnabled(current.isValid());
}

void HealthView::setNotes(const QStringList &notes)
{
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

} // namespace uaip
