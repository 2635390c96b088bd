#include "entitiesview.h"

#include "browse/catalogreader.h"
#include "browse/csvexporter.h"
#include "browse/entitymodel.h"
#include "browser/celldelegate.h"
#include "browser/csvexportflow.h"
#include "browser/entitiesstatustext.h"
#include "browser/filterbar.h"
#include "browser/rowdetailpanel.h"
#include "browser/tabletree.h"
#include "browser/typedconfirmdialog.h"
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
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

namespace uaip {

namespace {
// An action's own tool tip (its name and shortcut), before the reason it is disabled.
const char *const kOwnToolTip = "uaipOwnToolTip";
} // namespace

EntitiesView::EntitiesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EntityModel(this))
    , m_tree(new TableTree(this))
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
    m_splitter->addWidget(m_tree);
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

void EntitiesView::buildActions()
{
    auto *bar = new QToolBar(this);
    auto add = [&](const QString &icon, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(key.isEmpty() ? text
                                    : text + QStringLiteral(" (")
                              + key.toString(QKeySequence::NativeText) + u')');
        a->setProperty(kOwnToolTip, a->toolTip());
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        bar->addAction(a);
        return a;
    };
    m_refresh = add("view-refresh", tr("Refresh"), QKeySequence(), [this] {
        refreshTables();
        m_model->loader()->reload();
    });
    m_cancel = add("process-stop", tr("Cancel loading"), QKeySequence(Qt::Key_Escape), [this] {
        const PageLoader *loader = m_model->loader();
        if (loader->isLoading())
            m_notice = m_model->table().isValid()
                ? tr("Loading cancelled; scroll or Refresh to load again.")
                : tr("Opening %1 was cancelled; choose it again to retry.").arg(m_requested);
        m_model->loader()->cancel();
        m_model->loader()->cancelCount();
        updateState();
    });
    m_count = add("accessories-calculator", tr("Count rows"), QKeySequence(),
                  [this] { m_model->loader()->requestCount(); });
    m_end = add("go-bottom", tr("Last page"), QKeySequence(Qt::CTRL | Qt::Key_End), [this] {
        m_model->loader()->jumpToEnd();
        connect(
            m_model->loader(), &PageLoader::countStateChanged, this,
            [this] {
                if (m_model->loader()->countState() == PageLoader::CountState::Complete)
                    m_grid->scrollToBottom();
            },
            Qt::SingleShotConnection);
    });
    m_find = add("edit-find", tr("Filter"), QKeySequence::Find, [this] { m_filter->focusValue(); });
    bar->addSeparator();
    m_insert = add("list-add", tr("Insert row"), QKeySequence(Qt::CTRL | Qt::Key_Insert), [this] {
        const int row = m_model->insertNewRow();
        if (row >= 0)
            m_grid->setCurrentIndex(m_model->index(row, 0));
    });
    m_duplicate = add("edit-copy", tr("Duplicate row"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        const int row = m_grid->currentIndex().row();
        if (row >= 0 && m_model->duplicateRow(row) >= 0)
            m_grid->setCurrentIndex(m_model->index(0, 0));
    });
    m_delete = add("edit-delete", tr("Delete rows"), QKeySequence(Qt::Key_Delete), [this] {
        deleteSelected();
    }); // not QKeySequence::Delete: on X11 it is also Ctrl+D (Duplicate row)
    m_setNull = add("edit-clear", tr("Set NULL"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] {
        for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes())
            m_model->setData(i, QVariant());
    });
    bar->addSeparator();
    m_save = add("document-save", tr("Save"), QKeySequence::Save,
                 [this] { m_saveFlow->requestSave(); });
    m_revert
        = add("document-revert", tr("Revert"), QKeySequence(), [this] { m_saveFlow->revert(); });
    m_cancelSave = add("process-stop", tr("Cancel save"), QKeySequence(), [this] {
        m_model->cancelSave();
        m_status->setText(tr("Cancelling the save…"));
    });
    bar->addSeparator();
    m_export = add("document-export", tr("Export CSV…"), QKeySequence(), [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"), CsvExporter::suggestedFileName(m_model->table().name),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    static_cast<QVBoxLayout *>(layout())->addWidget(bar);
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
    m_production = profile.production;
    m_database = profile.database;
    m_model->setTarget(m_spec,
                       profile.readOnly ? tr("This connection profile is read-only; "
                                             "editing is disabled.")
                                        : QString());
    refreshTables();
    updateState();
}

void EntitiesView::refreshTables()
{
    SessionWorker *worker = m_model->loader()->browseWorker();
    if (!worker) {
        m_tree->clear();
        return;
    }
    QPointer<EntitiesView> self(this);
    worker->post(new FunctionJob(tr("List tables"), [self](JobContext &context, QString *summary) {
        DbResult<Session *> session = context.session();
        DbResult<QList<TableSummary>> tables = session
            ? CatalogReader::listTables(session.value()->pg())
            : DbResult<QList<TableSummary>>(session.error());
        const QString error = tables ? QString() : tables.error().toString();
        *summary = error;
        Job::reply(self, [self, tables, error] {
            if (!self)
                return;
            self->m_tree->setTables(tables ? tables.value() : QList<TableSummary>());
            if (self->m_proportioned && !self->m_treeSizedByUser)
                self->applyProportions(); // the tree's width follows its longest name
            if (!error.isEmpty())
                self->m_status->setText(tr("Could not list the tables: %1").arg(error));
            emit self->tablesLoaded(tables ? int(tables.value().size()) : 0);
        });
        return tables.ok();
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
    const PageLoader *loader = m_model->loader();
    const bool open = m_model->table().isValid();
    const bool saving = m_model->isSaving();
    const bool insertable = open && m_model->canInsert() && !saving;
    const int pending = m_model->pendingChangeCount();
    const QString savingReason = saving ? tr("A save is running.") : QString();
    const QString insertReason
        = !savingReason.isEmpty() ? savingReason : m_model->insertReadOnlyReason();
    setAvailable(m_insert, insertable, insertReason);
    setAvailable(m_duplicate, insertable, insertReason);
    setAvailable(m_delete, open && m_model->canDelete() && !saving,
                 !savingReason.isEmpty() ? savingReason : m_model->deleteReadOnlyReason());
    const QString nullReason = open ? setNullReason() : tr("No table is open.");
    setAvailable(m_setNull, nullReason.isEmpty(), nullReason);
    m_save->setEnabled(pending > 0 && !saving);
    // A running save is stopped with Cancel save, never by reverting what it writes.
    m_revert->setEnabled(pending > 0 && !saving);
    m_cancelSave->setEnabled(saving);
    m_cancelSave->setVisible(saving);
    m_count->setEnabled(open && !loader->isCounting()
                        && loader->countState() != PageLoader::CountState::Complete);
    m_end->setEnabled(open);
    m_export->setEnabled(open && !m_exportFlow->isRunning());
    // Nothing to refresh or filter without a connection or a table.
    m_refresh->setEnabled(m_spec.has_value());
    m_find->setEnabled(open);
    m_cancel->setEnabled(loader->isLoading() || loader->isCounting());
    const QString reason = open ? m_model->readOnlyReason() : QString();
    m_readOnly->setVisible(!reason.isEmpty());
    m_readOnly->setText(reason.isEmpty() ? QString() : tr("Read-only: %1").arg(reason));
    m_status->setText(
        EntitiesStatusText::describe(*m_model, m_spec.has_value(), m_requested, m_notice));
}

void EntitiesView::setAvailable(QAction *action, bool enabled, const QString &reason)
{
    action->setEnabled(enabled);
    const QString own = action->property(kOwnToolTip).toString();
    action->setToolTip(enabled || reason.isEmpty() ? own
                                                   : tr("%1 — not available: %2").arg(own, reason));
}

QString EntitiesView::setNullReason() const
{
    // Nothing of the table can change (profile, not a table, no privilege): said at once,
    // without looking at every selected cell.
    if (const QString reason = m_model->readOnlyReason();
        !reason.isEmpty() && !m_model->insertReadOnlyReason().isEmpty())
        return reason;
    QModelIndexList cells = m_grid->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_grid->currentIndex().isValid())
        cells << m_grid->currentIndex();
    if (cells.isEmpty())
        return tr("No cell is selected.");
    QString first;
    for (const QModelIndex &cell : std::as_const(cells)) {
        QString reason = m_model->cellReadOnlyReason(cell);
        if (reason.isEmpty() && m_model->table().columns.value(cell.column()).notNull)
            reason = tr("%1.%2 is NOT NULL.")
                         .arg(m_model->table().displayName(),
                              m_model->table().columns.value(cell.column()).name);
        if (reason.isEmpty())
            return QString(); // at least one selected cell takes NULL
        if (first.isEmpty())
            first = reason;
    }
    return first;
}

QList<int> EntitiesView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes())
        if (!rows.contains(i.row()))
            rows << i.row();
    if (rows.isEmpty() && m_grid->currentIndex().isValid())
        rows << m_grid->currentIndex().row();
    return rows;
}

void EntitiesView::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || !(m_model->canDelete() || m_model->canInsert()))
        return;
    if (!m_production) {
        m_model->deleteRows(rows);
        return;
    }
    auto *dialog = new TypedConfirmDialog(
        tr("Stage the deletion of %n row(s) of %1 on a production database?", nullptr,
           int(rows.size()))
            .arg(m_model->table().displayName()),
        m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, rows] { m_model->deleteRows(rows); });
    dialog->open();
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
