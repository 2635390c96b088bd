#include "activityview.h"

#include "activityjob.h"
#include "activitytoolbar.h"
#include "indexstatsmodel.h"
#include "lockchaintree.h"
#include "replicationpanel.h"
#include "sessionactionjob.h"
#include "sessiontablemodel.h"
#include "tablestatsmodel.h"

#include "activity/activityage.h"
#include "jobs/sessionworker.h"
#include "widgets/localeformat.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace uaip {

namespace {

QTableView *makeTable(QAbstractItemModel *model, int sortRole, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto *view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    // Widths from the headers and the first rows on screen: a German header ("Letztes
    // Autoanalyze") is never cut, and a thousand tables are not measured.
    view->horizontalHeader()->setResizeContentsPrecision(50);
    view->setAlternatingRowColors(true);
    view->resizeColumnsToContents();
    return view;
}

} // namespace

ActivityView::ActivityView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SessionTableModel(this))
    , m_tableStats(new TableStatsModel(this))
    , m_indexStats(new IndexStatsModel(this))
    , m_table(new SessionTableView(m_model, this))
    , m_chains(new LockChainTree(this))
    , m_tabs(new QTabWidget(this))
    , m_timer(new QTimer(this))
    , m_outcome(new QLabel(this))
    , m_status(new QLabel(this))
    , m_actionFlow(this)
{
    setObjectName(QStringLiteral("activityView"));
    m_tablesView = makeTable(m_tableStats, TableStatsModel::SortRole, this);
    m_tablesView->setObjectName(QStringLiteral("activityTableStats"));
    m_indexesView = makeTable(m_indexStats, IndexStatsModel::SortRole, this);
    m_indexesView->setObjectName(QStringLiteral("activityIndexStats"));
    m_tabs->addTab(m_chains, tr("Lock chains"));
    m_tabs->addTab(m_tablesView, tr("Table statistics"));
    m_tabs->addTab(m_indexesView, tr("Index statistics"));
    m_replication = new ReplicationPanel(this);
    m_tabs->addTab(m_replication, tr("Replication"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    m_toolBar = new ActivityToolBar(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    m_outcome->setObjectName(QStringLiteral("activityOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->hide();
    layout->addWidget(m_outcome);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_busy)
            read(false);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActivityView::updateActions);
    connect(m_chains, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectPid(item->data(LockChainTree::Session, LockChainTree::PidRole).toInt());
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == ReplicationTab) {
            m_wantReplication = true;
            refresh();
        } else if (tab != ChainsTab && !m_statsLoaded) {
            m_wantStats = true;
            refresh();
        }
    });
    connectToolBar();
    setTarget(std::nullopt);
}

ActivityView::~ActivityView()
{
    delete m_worker; // cancels what runs; its answers go nowhere
}

void ActivityView::connectToolBar()
{
    connect(m_toolBar->refreshAction(), &QAction::triggered, this, [this] {
        m_wantStats = true;
        refresh();
    });
    connect(m_toolBar->pauseAction(), &QAction::toggled, this, [this] { updateTimer(); });
    connect(m_toolBar->intervalBox(), &QSpinBox::valueChanged, this, [this] { updateTimer(); });
    connect(m_toolBar->idleBox(), &QSpinBox::valueChanged, this,
            [this](int s) { m_model->setIdleThresholdMs(qint64(s) * 1000); });
    m_model->setIdleThresholdMs(qint64(m_toolBar->idleBox()->value()) * 1000);
    connect(m_toolBar->filterEdit(), &QLineEdit::textChanged, m_table->proxy(),
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_toolBar->cancelAction(), &QAction::triggered, this, &ActivityView::cancelSelected);
    connect(m_toolBar->terminateAction(), &QAction::triggered, this,
            &ActivityView::terminateSelected);
    connect(m_toolBar->allDatabasesBox(), &QCheckBox::toggled, this, &ActivityView::updateActions);
}

void ActivityView::setTarget(const std::optional<SessionSpec> &spec)
{
    delete m_worker;
    m_worker = nullptr;
    ++m_generation;
    m_busy = false;
    m_statsLoaded = false;
    m_spec = spec;
    m_database.clear();
    m_model->setSessions({});
    m_chains->setChains({});
    m_tableStats->setTables({});
    m_indexStats->setIndexes({});
    m_model->clearOutcomes();
    setOutcome(QString(), false);
    // never offered on a read-only profile; other databases' sessions only when asked each time
    const bool readOnly = spec && spec->profile.readOnly;
    m_toolBar->offerSessionActions(!readOnly);
    if (!spec) {
        setStatus(tr("Not connected."));
        updateTimer();
        updateActions();
        return;
    }
    m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("activity")),
                                 QStringLiteral("activity"), this);
    setStatus(readOnly ? tr("Read-only profile: sessions cannot be cancelled or terminated here.")
                       : QString());
    updateActions();
    updateTimer();
    if (isVisible())
        read(false);
}

void ActivityView::refresh()
{
    read(true);
}

void ActivityView::fitStatistics()
{
    for (QTableView *view : {m_tablesView, m_indexesView})
        view->resizeColumnsToContents();
}

void ActivityView::read(bool announce)
{
    if (!m_worker || m_busy)
        return;
    m_busy = true;
    const bool withStats = m_wantStats || !m_statsLoaded || m_tabs->currentIndex() != ChainsTab;
    m_wantStats = false;
    const bool withReplication = m_wantReplication || m_tabs->currentIndex() == ReplicationTab;
    m_wantReplication = false;
    auto *job = new ActivityJob(withStats, m_generation, nullptr, withReplication);
    connect(job, &Job::finished, this,
            [this, job](bool ok, const QString &summary) { onRefreshed(job, ok, summary); });
    // announced before it is posted: the job dock must see its finished() (it may come at once)
    if (announce) // the periodic refreshes stay out of the job dock
        emit jobStarted(job);
    m_worker->post(job);
}

void ActivityView::onRefreshed(ActivityJob *job, bool ok, const QString &summary)
{
    if (job->generation() != m_generation)
        return;
    m_busy = false;
    if (!ok) {
        setStatus(job->isCancelled() ? tr("Refresh cancelled.")
                                     : tr("Cannot read the server activity: %1").arg(summary));
        emit refreshed(false);
        return;
    }
    const int pid = selectedPid();
    m_database = job->snapshot().database;
    m_model->setSessions(job->snapshot().sessions);
    m_chains->setChains(job->chains());
    if (job->stats()) {
        m_tableStats->setTables(job->stats()->tables);
        m_indexStats->setIndexes(job->stats()->indexes);
        fitStatistics();
        m_statsLoaded = true;
    }
    if (job->replication())
        m_replication->setState(*job->replication());
    if (pid > 0)
        selectPid(pid);
    int idle = 0;
    for (const ActivitySession &s : job->snapshot().sessions)
        if (m_model->highlighted(s))
            ++idle;
    QString text = tr("%n session(s) on the server", nullptr, int(job->snapshot().sessions.size()));
    if (!job->chains().isEmpty())
        text += u' ' + tr("· %n lock chain(s)", nullptr, int(job->chains().size()));
    if (idle > 0)
        text += u' ' + tr("· %n idle in a transaction for too long", nullptr, idle);
    text += u' '
        + tr("· read at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
    if (m_spec && m_spec->profile.readOnly)
        text += u' ' + tr("· read-only profile: no cancel or terminate");
    for (const QString &error : job->paneErrors())
        text += u' ' + tr("· not read: %1").arg(error);
    setStatus(text);
    updateActions();
    emit refreshed(true);
}

void ActivityView::setPaused(bool paused)
{
    m_toolBar->pauseAction()->setChecked(paused);
}

bool ActivityView::isPaused() const
{
    return m_toolBar->pauseAction()->isChecked();
}

void ActivityView::setIntervalSeconds(int seconds)
{
    m_toolBar->intervalBox()->setValue(seconds);
}

void ActivityView::setIdleThresholdSeconds(int seconds)
{
    m_toolBar->idleBox()->setValue(seconds);
}

void ActivityView::setFilter(const QString &text)
{
    m_toolBar->filterEdit()->setText(text);
}

void ActivityView::updateTimer()
{
    m_timer->setInterval(m_toolBar->intervalBox()->value() * 1000);
    const bool run = m_worker && !isPaused() && isVisible();
    if (run && !m_timer->isActive())
        m_timer->start();
    else if (!run)
        m_timer->stop();
}

void ActivityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTimer();
    if (m_worker && m_model->rowCount() == 0)
        read(false);
}

void ActivityView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

bool ActivityView::selectPid(int pid)
{
    return m_table->selectPid(pid);
}

int ActivityView::selectedPid() const
{
    return m_table->selectedPid();
}

void ActivityView::updateActions()
{
    const int row = m_table->selectedRow();
    // the database the worker is connected to (as the server names it), else the profile's
    const QString connected = !m_database.isEmpty() ? m_database
        : m_spec                                    ? m_spec->profile.database
                                                    : QString();
    const QString why = row >= 0
        ? SessionActionFlow::whyNotOffered(m_model->sessionAt(row), m_model->endedAt(row),
                                           connected, m_toolBar->allDatabasesBox()->isChecked())
        : QString();
    const bool can = m_worker && row >= 0 && why.isEmpty() && !(m_spec && m_spec->profile.readOnly);
    m_toolBar->enableSessionActions(can, why);
}

void ActivityView::cancelSelected()
{
    act(SessionAction::Kind::Cancel);
}

void ActivityView::terminateSelected()
{
    act(SessionAction::Kind::Terminate);
}

void ActivityView::act(SessionAction::Kind kind)
{
    const int row = m_table->selectedRow();
    if (!m_worker || !m_spec || row < 0 || m_model->endedAt(row))
        return;
    const ActivitySession session = m_model->sessionAt(row);
    const std::optional<SessionAction> action = m_actionFlow.confirm(
        kind, session, m_spec->profile, m_toolBar->allDatabasesBox()->isChecked());
    if (!action) {
        setOutcome(tr("Not confirmed: nothing was sent."), false);
        return;
    }
    auto *job = new SessionActionJob(*action);
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this,
            [this, job, generation, session](bool ok, const QString &summary) {
                if (generation != m_generation)
                    return;
                const QString at = LocaleFormat::timeWithSeconds(QTime::currentTime());
                const bool failed = !ok && !job->outcome().gone;
                const int selected = selectedPid(); // the model is reset: selected again
                m_model->setOutcome(session, SessionActionFlow::outcomeText(*job, ok, at), summary,
                                    failed);
                if (selected > 0)
                    selectPid(selected);
                setOutcome(QStringLiteral("%1  %2").arg(at, summary), failed);
                updateActions();
                emit actionFinished(ok, summary);
                m_wantStats = false;
                read(false);
            });
    // announced before it is posted: the job dock must see its finished() (it may come at once)
    emit jobStarted(job);
    m_worker->post(job);
}

QAction *ActivityView::cancelAction() const
{
    return m_toolBar->cancelAction();
}

QAction *ActivityView::terminateAction() const
{
    return m_toolBar->terminateAction();
}

QCheckBox *ActivityView::allDatabasesBox() const
{
    return m_toolBar->allDatabasesBox();
}

QString ActivityView::statusText() const
{
    return m_status->text();
}

QString ActivityView::outcomeText() const
{
    return m_outcome->text();
}

void ActivityView::setOutcome(const QString &text, bool failed)
{
    m_outcome->setText(text);
    m_outcome->setVisible(!text.isEmpty());
    QPalette p = palette();
    if (failed)
        p.setColor(QPalette::WindowText, StateStyle::danger());
    m_outcome->setPalette(p);
}

void ActivityView::setStatus(const QString &text)
{
    m_status->setText(text);
}

int ActivityView::backendPid() const
{
    return m_worker ? m_worker->backendPid() : 0;
}

} // namespace uaip
