#include "activityview.h"

#include "activityjob.h"
#include "indexstatsmodel.h"
#include "lockchaintree.h"
#include "replicationpanel.h"
#include "sessionactionjob.h"
#include "sessiontablemodel.h"
#include "tablestatsmodel.h"

#include "activity/activityage.h"
#include "activity/sessioncontrol.h"
#include "browser/typedconfirmdialog.h"
#include "jobs/sessionworker.h"
#include "widgets/localeformat.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace uaip {

namespace {

constexpr int kDefaultIntervalSeconds = 5;
constexpr int kDefaultIdleSeconds = 60;

bool askWithDialogs(QWidget *parent, const QString &question, const QString &database, bool typed,
                    QString *typedName)
{
    if (!typed)
        return QMessageBox::question(parent, ActivityView::tr("Activity"), question,
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    TypedConfirmDialog dialog(question, database, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *typedName = dialog.input()->text();
    return true;
}

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
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tableStats(new TableStatsModel(this))
    , m_indexStats(new IndexStatsModel(this))
    , m_table(new QTableView(this))
    , m_chains(new LockChainTree(this))
    , m_tabs(new QTabWidget(this))
    , m_timer(new QTimer(this))
    , m_outcome(new QLabel(this))
    , m_status(new QLabel(this))
    , m_asker(askWithDialogs)
{
    setObjectName(QStringLiteral("activityView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SessionTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("activitySessions"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionTableModel::Pid, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SessionTableModel::Query,
                                                      QHeaderView::Stretch);
    m_table->setWordWrap(false);
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
    layout->addWidget(buildToolBar());
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
    setTarget(std::nullopt);
}

ActivityView::~ActivityView()
{
    delete m_worker; // cancels what runs; its answers go nowhere
}

QWidget *ActivityView::buildToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The view's own keys (WidgetWithChildrenShortcut), named in the tooltip.
    auto shortcut = [this](QAction *a, const QKeySequence &key, const QString &tip) {
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(a);
    };
    m_refresh = bar->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"));
    shortcut(m_refresh, QKeySequence(Qt::Key_F5),
             tr("Read the server activity and the statistics again"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_wantStats = true;
        refresh();
    });
    m_pause = bar->addAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop refreshing on its own (the list stays as it is)"));
    connect(m_pause, &QAction::toggled, this, [this] { updateTimer(); });
    bar->addWidget(new QLabel(tr(" every "), bar));
    m_interval = new QSpinBox(bar);
    m_interval->setRange(1, 3600);
    m_interval->setValue(kDefaultIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Refresh interval"));
    bar->addWidget(m_interval);
    connect(m_interval, &QSpinBox::valueChanged, this, [this] { updateTimer(); });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Idle in transaction over "), bar));
    m_idle = new QSpinBox(bar);
    m_idle->setRange(1, 24 * 3600);
    m_idle->setValue(kDefaultIdleSeconds);
    m_idle->setSuffix(tr(" s"));
    m_idle->setToolTip(tr("Sessions idle in a transaction longer than this are highlighted"));
    bar->addWidget(m_idle);
    connect(m_idle, &QSpinBox::valueChanged, this,
            [this](int s) { m_model->setIdleThresholdMs(qint64(s) * 1000); });
    m_model->setIdleThresholdMs(qint64(kDefaultIdleSeconds) * 1000);
    bar->addSeparator();
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setPlaceholderText(tr("Filter (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 18);
    bar->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    auto *focusFilter = new QAction(tr("Filter"), this);
    shortcut(focusFilter, QKeySequence(Qt::CTRL | Qt::Key_F), tr("Filter the sessions"));
    connect(focusFilter, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); });
    bar->addSeparator();
    m_cancel
        = bar->addAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Cancel query…"));
    m_cancel->setToolTip(tr("Cancel the running statement of the selected session "
                            "(pg_cancel_backend)"));
    connect(m_cancel, &QAction::triggered, this, &ActivityView::cancelSelected);
    m_terminate
        = bar->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("Terminate…"));
    m_terminate->setToolTip(tr("End the selected session: its connection drops, its "
                               "transaction is rolled back (pg_terminate_backend)"));
    connect(m_terminate, &QAction::triggered, this, &ActivityView::terminateSelected);
    m_allDatabases = new QCheckBox(tr("All databases"), bar);
    m_allDatabases->setObjectName(QStringLiteral("activityAllDatabases"));
    m_allDatabases->setToolTip(tr("Cancel and terminate sessions of the server's other databases "
                                  "too (the confirmation names the session's database). "
                                  "Without it only the connected database's sessions."));
    bar->addWidget(m_allDatabases);
    connect(m_allDatabases, &QCheckBox::toggled, this, &ActivityView::updateActions);
    return bar;
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
    m_cancel->setVisible(!readOnly);
    m_terminate->setVisible(!readOnly);
    m_allDatabases->setChecked(false);
    m_allDatabases->setVisible(!readOnly);
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
    setStatus(text);
    updateActions();
    emit refreshed(true);
}

void ActivityView::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

bool ActivityView::isPaused() const
{
    return m_pause->isChecked();
}

void ActivityView::setIntervalSeconds(int seconds)
{
    m_interval->setValue(seconds);
}

void ActivityView::setIdleThresholdSeconds(int seconds)
{
    m_idle->setValue(seconds);
}

void ActivityView::setFilter(const QString &text)
{
    m_filter->setText(text);
}

void ActivityView::updateTimer()
{
    m_timer->setInterval(m_interval->value() * 1000);
    const bool run = m_worker && !m_pause->isChecked() && isVisible();
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
    int found = -1;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (i.data(SessionTableModel::PidRole).toInt() != pid)
            continue;
        if (found < 0 || !i.data(SessionTableModel::EndedRole).toBool())
            found = r;
        if (!i.data(SessionTableModel::EndedRole).toBool())
            break;
    }
    if (found < 0)
        return false;
    m_table->selectRow(found);
    m_table->scrollTo(m_proxy->index(found, 0));
    return true;
}

int ActivityView::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

int ActivityView::selectedPid() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionTableModel::PidRole).toInt();
}

void ActivityView::updateActions()
{
    const int row = selectedRow();
    const ActivitySession *session = row >= 0 ? &m_model->sessionAt(row) : nullptr;
    const bool ended = row >= 0 && m_model->endedAt(row);
    const bool own = session && session->own;
    // the database the worker is connected to (as the server names it), else the profile's
    const QString connected = !m_database.isEmpty() ? m_database
        : m_spec                                    ? m_spec->profile.database
                                                    : QString();
    const bool otherDatabase
        = session && !m_allDatabases->isChecked() && session->database != connected;
    const bool can = m_worker && session && !own && !ended && !otherDatabase
        && !(m_spec && m_spec->profile.readOnly);
    m_cancel->setEnabled(can);
    m_terminate->setEnabled(can);
    QString why;
    if (own)
        why = tr("This is one of this console's own sessions.");
    else if (ended)
        why = tr("This session has ended.");
    else if (otherDatabase)
        why = tr("This session is on the database %1, not %2: check All databases to act on it.")
                  .arg(session->database, connected);
    m_cancel->setStatusTip(why);
    m_terminate->setStatusTip(why);
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
    const int row = selectedRow();
    if (!m_worker || !m_spec || row < 0 || m_model->endedAt(row))
        return;
    const ActivitySession session = m_model->sessionAt(row);
    const int pid = session.pid;
    const QString who = tr("session %1 (%2, %3, %4)")
                            .arg(pid)
                            .arg(session.user, session.application, session.state);
    // the session's database: what the question names and what is typed on production
    const QString database = session.database;
    const QString question = kind == SessionAction::Kind::Cancel
        ? tr("Cancel the running statement of %1 on the database %2?").arg(who, database)
        : tr("Terminate %1 on the database %2? Its connection drops and its open transaction is "
             "rolled back.")
              .arg(who, database);
    SessionAction action;
    action.kind = kind;
    action.pid = pid;
    action.backendStart = session.backendStart;
    action.allDatabases = m_allDatabases->isChecked();
    action.readOnlyProfile = m_spec->profile.readOnly;
    action.production = m_spec->profile.production;
    QString typed;
    if (!m_asker(this, question, database, action.production, &typed)) {
        setOutcome(tr("Not confirmed: nothing was sent."), false);
        return;
    }
    action.confirmation = typed;
    auto *job = new SessionActionJob(action);
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this,
            [this, job, generation, session, kind](bool ok, const QString &summary) {
                if (generation != m_generation)
                    return;
                const QString at = LocaleFormat::timeWithSeconds(QTime::currentTime());
                QString shortText;
                if (ok)
                    shortText = kind == SessionAction::Kind::Cancel ? tr("cancelled %1").arg(at)
                                                                    : tr("terminated %1").arg(at);
                else if (job->outcome().gone)
                    shortText = tr("already gone %1").arg(at);
                else if (job->isCancelled()) // from the job dock
                    shortText = tr("job cancelled %1").arg(at);
                else if (SessionControl::isRefusal(job->error()))
                    shortText = tr("refused %1").arg(at);
                else
                    shortText = tr("failed %1").arg(at);
                const int selected = selectedPid(); // the model is reset: selected again
                m_model->setOutcome(session, shortText, summary, !ok && !job->outcome().gone);
                if (selected > 0)
                    selectPid(selected);
                setOutcome(QStringLiteral("%1  %2").arg(at, summary), !ok && !job->outcome().gone);
                updateActions();
                emit actionFinished(ok, summary);
                m_wantStats = false;
                read(false);
            });
    // announced before it is posted: the job dock must see its finished() (it may come at once)
    emit jobStarted(job);
    m_worker->post(job);
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
