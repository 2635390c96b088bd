#include "entitiesview.h"

#include "browse/catalogreader.h"
#include "browse/csvexporter.h"
#include "browse/entitymodel.h"
#include "browser/celldelegate.h"
#include "browser/csvexportflow.h"
#include "browser/entitiesstatustext.h"
#include "browser/filterbar.h"
#include "browser/rowdeletion.h"
#include "browser/rowdetailpanel.h"
#include "browser/tabletree.h"
#include "browser/tabletreefilter.h"
#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "widgets/elidinglabel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace uaip {

EntitiesView::EntitiesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EntityModel(this))
    , m_tree(new TableTree(this))
    , m_treeFilter(new TableTreeFilter(m_tree, this))
    , m_inner(new QMainWindow(this))
    , m_grid(new QTableView(m_inner))
    , m_delegate(new CellDelegate(m_model, this))
    , m_filter(new FilterBar(this))
    , m_details(new RowDetailPanel(m_model, this))
    , m_detailDock(new QDockWidget(tr("Row"), m_inner))
    , m_status(new ElidingLabel(this)) // a long message never widens the window
    , m_readOnly(new QLabel(this))
    , m_exportFlow(new CsvExportFlow(this))
    , m_saveFlow(new SaveFlow(this, m_model, m_grid))
    , m_deletion(new RowDeletion(m_model, m_grid, this))
{
    m_inner->setWindowFlags(Qt::Widget);
    m_grid->setModel(m_model);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setSortingEnabled(true);
    m_grid->horizontalHeader()->setSortIndicatorShown(true);
    m_grid->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_grid->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    auto *center = new QWidget(m_inner);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addWidget(m_filter);
    centerLayout->addWidget(m_grid, 1);
    m_inner->setCentralWidget(center);
    m_detailDock->setObjectName(QStringLiteral("rowDetailDock"));
    m_detailDock->setWidget(m_details);
    m_inner->addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    // A narrow column: labels above the values, long values and key buttons shortened (the
    // user may widen it); font-relative, so it scales.
    m_details->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 12);
    m_readOnly->setWordWrap(true);

    // The grid gets the room: the tree keeps its width (wide enough for the table names), the
    // row form a narrow column; see applyProportions().
    m_splitter = new QSplitter(this);
    m_splitter->addWidget(buildTablePane());
    m_splitter->addWidget(m_inner);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_treeSizedByUser = true; });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildActions();
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_status);
    connectParts();
    updateState();
}

void EntitiesView::connectParts()
{
    m_estimateTimer = new QTimer(this);
    connect(m_estimateTimer, &QTimer::timeout, this, &EntitiesView::refreshEstimates);
    connect(m_tree, &TableTree::tableActivated, this,
            [this](const QString &s, const QString &n) { openTable(s, n); });
    connect(m_filter, &FilterBar::queryRequested, m_model, &EntityModel::setQuery);
    connect(m_model->loader(), &PageLoader::queryRejected, m_filter, &FilterBar::showProblem);
    connect(m_model->loader(), &PageLoader::resetDone, this,
            [this] { m_filter->setQuery(m_model->query()); });
    connect(m_model->loader(), &PageLoader::failed, this, [this](const QString &message) {
        m_status->setText(tr("Load failed: %1").arg(message));
    });
    connect(m_model->loader(), &PageLoader::countFailed, this,
            [this](const QString &message) { m_status->setText(message); });
    connect(m_model, &EntityModel::tableOpened, this, [this] {
        m_filter->setTable(m_model->table());
        // setTable starts from no filter: show the query the table was opened with (a chart's
        // click-through opens it filtered).
        m_filter->setQuery(m_model->query());
        if (m_model->table().isValid())
            m_tree->selectTable(m_model->table().schema, m_model->table().name);
        m_grid->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        updateState();
    });
    for (auto signal : {&PageLoader::loadingChanged})
        connect(m_model->loader(), signal, this, &EntitiesView::updateState);
    connect(m_model->loader(), &PageLoader::countStateChanged, this, &EntitiesView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EntitiesView::updateState);
    connect(m_model, &EntityModel::pendingChanged, this, [this](int count) {
        if (count > 0 && !m_model->isSaving())
            m_notice.clear(); // a new edit: what happened before is old news
        updateState();
    });
    connect(m_model, &EntityModel::saveFinished, this,
            [this](const SaveResult &result) { m_saveFlow->finish(result); });
    connect(m_saveFlow, &SaveFlow::notice, this, [this](const QString &text) {
        m_notice = text;
        updateState();
    });
    connect(m_saveFlow, &SaveFlow::stateChanged, this, &EntitiesView::updateState);
    connect(m_saveFlow, &SaveFlow::jobStarted, this, &EntitiesView::jobStarted);
    // A value refused at the cell: the reason in the status line and at the cell.
    connect(m_model, &EntityModel::valueRefused, this, &EntitiesView::showRefusal);
    connect(m_delegate, &CellDelegate::valueRefused, this, &EntitiesView::showRefusal);
    connect(m_details, &RowDetailPanel::valueRefused, this, &EntitiesView::showRefusal);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_details->setRow(current.row()); });
    // Set NULL follows the cells it would change.
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EntitiesView::updateState);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EntitiesView::updateState);
    connect(m_model, &EntityModel::tableDetailsLoaded, this, &EntitiesView::updateState);
    connect(m_details, &RowDetailPanel::followRequested, this,
            [this](const ForeignKeyInfo &fk, const QVariantList &v) { follow(fk, v, false); });
    connect(m_details, &RowDetailPanel::referencingRequested, this,
            [this](const ForeignKeyInfo &fk, const QVariantList &v) { follow(fk, v, true); });
    connect(m_exportFlow, &CsvExportFlow::finished, this, [this](bool ok, const QString &message) {
        m_notice = message;
        updateState(); // Export CSV… is available again
        emit exportFinished(ok, message);
    });
}

EntitiesView::~EntitiesView()
{
    m_model->loader()->disconnect(this);
    m_model->disconnect(this);
    m_exportFlow->disconnect(this);
    m_saveFlow->disconnect(this);
}

QWidget *EntitiesView::buildTablePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_treeFilter);
    layout->addWidget(m_tree, 1);
    // Not Ctrl+F: that is the grid's filter (Filter in the tool bar).
    const QKeySequence key(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    m_filterTables = new QAction(TableTreeFilter::tr("Filter tables"), this);
    m_filterTables->setShortcut(key);
    m_filterTables->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_filterTables->setToolTip(QStringLiteral("%1 (%2)").arg(
        m_filterTables->text(), key.toString(QKeySequence::NativeText)));
    addAction(m_filterTables);
    connect(m_filterTables, &QAction::triggered, m_treeFilter, &TableTreeFilter::focusEdit);
    return pane;
}

void EntitiesView::buildActions()
{
    m_actions = new EntitiesToolBar(this, m_model, m_grid);
    connect(m_actions->refresh, &QAction::triggered, this, [this] {
        refreshTables();
        m_model->loader()->reload();
    });
    connect(m_actions->cancelLoad, &QAction::triggered, this, [this] {
        const PageLoader *loader = m_model->loader();
        if (loader->isLoading())
            m_notice = m_model->table().isValid()
                ? tr("Loading cancelled; scroll or Refresh to load again.")
                : tr("Opening %1 was cancelled; choose it again to retry.").arg(m_requested);
        m_model->loader()->cancel();
        m_model->loader()->cancelCount();
        updateState();
    });
    connect(m_actions->count, &QAction::triggered, this,
            [this] { m_model->loader()->requestCount(); });
    connect(m_actions->end, &QAction::triggered, this, [this] {
        m_model->loader()->jumpToEnd();
        connect(
            m_model->loader(), &PageLoader::countStateChanged, this,
            [this] {
                if (m_model->loader()->countState() == PageLoader::CountState::Complete)
                    m_grid->scrollToBottom();
            },
            Qt::SingleShotConnection);
    });
    connect(m_actions->find, &QAction::triggered, this, [this] { m_filter->focusValue(); });
    connect(m_actions->insert, &QAction::triggered, this, [this] {
        const int row = m_model->insertNewRow();
        if (row >= 0)
            m_grid->setCurrentIndex(m_model->index(row, 0));
    });
    connect(m_actions->duplicate, &QAction::triggered, this, [this] {
        const int row = m_grid->currentIndex().row();
        if (row >= 0 && m_model->duplicateRow(row) >= 0)
            m_grid->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_actions->remove, &QAction::triggered, m_deletion, &RowDeletion::deleteSelected);
    connect(m_actions->setNull, &QAction::triggered, this, [this] {
        for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes())
            m_model->setData(i, QVariant());
    });
    connect(m_actions->save, &QAction::triggered, this, [this] { m_saveFlow->requestSave(); });
    connect(m_actions->revert, &QAction::triggered, this, [this] { m_saveFlow->revert(); });
    connect(m_actions->cancelSave, &QAction::triggered, this, [this] {
        m_model->cancelSave();
        m_status->setText(tr("Cancelling the save…"));
    });
    connect(m_actions->exportCsv, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"), CsvExporter::suggestedFileName(m_model->table().name),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    static_cast<QVBoxLayout *>(layout())->addWidget(m_actions);
}

bool EntitiesView::confirmLeave(const QString &action, std::function<void()> afterSave)
{
    return m_saveFlow->confirmLeave(action, std::move(afterSave));
}

bool EntitiesView::confirmClose()
{
    return m_saveFlow->confirmClose();
}

void EntitiesView::setTarget(const std::optional<SessionSpec> &spec)
{
    const bool complete = spec && spec->isComplete();
    m_notice.clear();
    m_spec = complete ? spec : std::nullopt;
    const ConnectionProfile profile = spec ? spec->profile : ConnectionProfile();
    m_saveFlow->setTarget(profile);
    m_readOnlyProfile = profile.readOnly;
    m_deletion->setTarget(profile.production, profile.database);
    m_model->setTarget(m_spec,
                       profile.readOnly ? tr("This connection profile is read-only; "
                                             "editing is disabled.")
                                        : QString());
    refreshTables();
    updateState();
}

void EntitiesView::refreshTables()
{
    ++m_listGeneration;
    m_treeListed = false;
    m_estimatesPending = false;
    SessionWorker *worker = m_model->loader()->browseWorker();
    if (!worker) {
        m_tree->setTables({});
        return;
    }
    QPointer<EntitiesView> self(this);
    const quint64 generation = m_listGeneration;
    worker->post(new FunctionJob(
        tr("List tables"), [self, generation](JobContext &context) -> Result<QString> {
            Result<Session *> session = context.session();
            Result<QList<TableSummary>> tables = session
                ? CatalogReader::listTables(session.value()->pg())
                : Result<QList<TableSummary>>(session.error());
            const QString error = tables ? QString() : tables.error().toString();
            Job::reply(self, [self, tables, error, generation] {
                if (!self)
                    return;
                if (generation == self->m_listGeneration)
                    self->m_treeListed = true;
                self->m_tree->setTables(tables ? tables.value() : QList<TableSummary>());
                if (self->m_proportioned && !self->m_treeSizedByUser)
                    self->applyProportions(); // the tree's width follows its longest name
                if (!error.isEmpty())
                    self->m_status->setText(tr("Could not list the tables: %1").arg(error));
                emit self->tablesLoaded(tables ? int(tables.value().size()) : 0);
            });
            if (!tables)
                return tables.error();
            return QString();
        }));
}

void EntitiesView::refreshEstimates()
{
    SessionWorker *worker = m_model->loader()->browseWorker();
    if (!worker || !m_treeListed || m_estimatesPending)
        return;
    m_estimatesPending = true;
    QPointer<EntitiesView> self(this);
    const quint64 generation = m_listGeneration;
    worker->post(new FunctionJob(
        tr("Read the row estimates"), [self, generation](JobContext &context) -> Result<QString> {
            Result<Session *> session = context.session();
            Result<QList<TableSummary>> tables = session
                ? CatalogReader::listTables(session.value()->pg())
                : Result<QList<TableSummary>>(session.error());
            Job::reply(self, [self, tables, generation] {
                if (!self || generation != self->m_listGeneration)
                    return; // another database or a Refresh since: its listing wins
                self->m_estimatesPending = false;
                if (!tables)
                    return; // the estimates shown stay; the next show or activation tries again
                self->m_tree->updateEstimates(tables.value());
                emit self->estimatesRefreshed();
            });
            if (!tables)
                return tables.error();
            return QString();
        }));
}

void EntitiesView::openTable(const QString &schema, const QString &name, const BrowseQuery &query)
{
    if (!confirmLeave(tr("Opening %1").arg(name))) {
        // the grid still shows the open table: so does the tree
        m_tree->selectTable(m_model->table().schema, m_model->table().name);
        return;
    }
    m_notice.clear();
    m_requested = schema + u'.' + name;
    m_model->openTable(schema, name, query);
    m_tree->selectTable(schema, name);
    updateState();
}

void EntitiesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_proportioned) {
        m_proportioned = true;
        applyProportions();
        // once more after the first layout pass, when the final width is known
        QTimer::singleShot(0, this, &EntitiesView::applyProportions);
    }
    // Shown again (another view was in front, say while uaip-migrate seeded): fresh estimates,
    // and again every kEstimateIntervalMs while shown (one catalog statement)
    refreshEstimates();
    m_estimateTimer->start(kEstimateIntervalMs);
}

void EntitiesView::hideEvent(QHideEvent *event)
{
    m_estimateTimer->stop();
    QWidget::hideEvent(event);
}

bool EntitiesView::event(QEvent *event)
{
    // The window activated again (back from the terminal, say): fresh estimates.
    if (event->type() == QEvent::WindowActivate && isVisible())
        refreshEstimates();
    return QWidget::event(event);
}

void EntitiesView::applyProportions()
{
    const int total = m_splitter->width();
    const int tree = qMin(m_tree->sizeHint().width(), total * 2 / 5);
    m_splitter->setSizes({tree, qMax(0, total - tree)});
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    // The row panel wide enough for a value of ~20 characters beside its NULL box.
    const int panel = qMax(m_details->minimumWidth(), qMin(em * 18, m_inner->width() / 4));
    m_inner->resizeDocks({m_detailDock}, {panel}, Qt::Horizontal);
}

void EntitiesView::showRefusal(const QModelIndex &index, const QString &reason)
{
    m_notice = tr("Not changed: %1").arg(reason);
    updateState();
    const QRect cell = m_grid->visualRect(index);
    if (cell.isValid() && m_grid->isVisible())
        QToolTip::showText(m_grid->viewport()->mapToGlobal(cell.bottomLeft()), reason,
                           m_grid->viewport());
}

void EntitiesView::updateState()
{
    m_actions->update(m_spec.has_value(), m_exportFlow->isRunning());
    const QString reason = m_model->table().isValid() ? m_model->readOnlyReason() : QString();
    m_readOnly->setVisible(!reason.isEmpty());
    m_readOnly->setText(reason.isEmpty() ? QString() : tr("Read-only: %1").arg(reason));
    m_status->setText(
        EntitiesStatusText::describe(*m_model, m_spec.has_value(), m_requested, m_notice));
}

void EntitiesView::follow(const ForeignKeyInfo &fk, const QVariantList &values, bool referencing)
{
    BrowseQuery q;
    const QStringList columns = referencing ? fk.columns : fk.refColumns;
    for (qsizetype i = 0; i < columns.size(); ++i)
        q.filters << ColumnFilter{
            columns[i], ColumnFilter::Op::Equal, values.value(i).toString(), {}};
    if (referencing)
        openTable(fk.schema, fk.table, q);
    else
        openTable(fk.refSchema, fk.refTable, q);
}

void EntitiesView::exportCsv(const QString &filePath)
{
    if (!m_model->table().isValid() || m_exportFlow->isRunning()
        || !m_model->loader()->workWorker())
        return;
    const qint64 expected = m_model->loader()->exactCount() >= 0 ? m_model->loader()->exactCount()
                                                                 : m_model->table().estimate;
    if (Job *job = m_exportFlow->start(m_model->loader()->workWorker(), m_model->table(),
                                       m_model->query(), filePath, expected))
        emit jobStarted(job);
    updateState();
}

} // namespace uaip
