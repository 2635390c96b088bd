#include "entitiesview.h"

#include "browse/catalogreader.h"
#include "browse/csvexporter.h"
#include "browse/dbworker.h"
#include "browse/entitymodel.h"
#include "browser/celldelegate.h"
#include "browser/conflictdialog.h"
#include "browser/filterbar.h"
#include "browser/rowdetailpanel.h"
#include "browser/savepreviewdialog.h"
#include "browser/tabletree.h"
#include "browser/typedconfirmdialog.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace uaip {

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
    , m_status(new QLabel(this))
    , m_readOnly(new QLabel(this))
    , m_exporter(new CsvExporter(this))
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
    // wide enough for a label above a readable value (font-relative, so it scales)
    m_details->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 24);
    m_readOnly->setWordWrap(true);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_inner);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildActions();
    layout->addWidget(splitter, 1);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_status);

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
        m_grid->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        updateState();
    });
    for (auto signal : {&PageLoader::loadingChanged})
        connect(m_model->loader(), signal, this, &EntitiesView::updateState);
    connect(m_model->loader(), &PageLoader::countStateChanged, this, &EntitiesView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EntitiesView::updateState);
    connect(m_model, &EntityModel::pendingChanged, this, &EntitiesView::updateState);
    connect(m_model, &EntityModel::saveFinished, this, &EntitiesView::onSaveFinished);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_details->setRow(current.row()); });
    connect(m_details, &RowDetailPanel::followRequested, this,
            [this](const ForeignKeyInfo &fk, const QVariantList &v) { follow(fk, v, false); });
    connect(m_details, &RowDetailPanel::referencingRequested, this,
            [this](const ForeignKeyInfo &fk, const QVariantList &v) { follow(fk, v, true); });
    connect(m_exporter, &CsvExporter::progress, this, [this](qint64 rows, qint64, qint64 expected) {
        if (!m_exportProgress)
            return;
        m_exportProgress->setMaximum(expected > 0 ? int(qMin<qint64>(expected, INT_MAX)) : 0);
        m_exportProgress->setValue(int(qMin<qint64>(rows, m_exportProgress->maximum())));
        m_exportProgress->setLabelText(tr("%1 rows exported…").arg(QLocale().toString(rows)));
    });
    connect(m_exporter, &CsvExporter::finished, this,
            [this](bool ok, qint64, const QString &message) {
                if (m_exportProgress)
                    m_exportProgress->deleteLater();
                m_exportProgress = nullptr;
                m_status->setText(message);
                emit exportFinished(ok, message);
            });
    updateState();
}

EntitiesView::~EntitiesView()
{
    m_model->loader()->disconnect(this);
    m_model->disconnect(this);
    m_exporter->disconnect(this);
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
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        bar->addAction(a);
        return a;
    };
    m_refresh = add("view-refresh", tr("Refresh"), QKeySequence::Refresh, [this] {
        refreshTables();
        m_model->loader()->reload();
    });
    m_cancel = add("process-stop", tr("Cancel loading"), QKeySequence(Qt::Key_Escape), [this] {
        m_model->loader()->cancel();
        m_model->loader()->cancelCount();
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
    m_delete
        = add("edit-delete", tr("Delete rows"), QKeySequence::Delete, [this] { deleteSelected(); });
    m_setNull = add("edit-clear", tr("Set NULL"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] {
        for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes())
            m_model->setData(i, QVariant());
    });
    bar->addSeparator();
    m_save = add("document-save", tr("Save"), QKeySequence::Save, [this] { requestSave(); });
    m_revert
        = add("document-revert", tr("Revert"), QKeySequence(), [this] { m_model->revertAll(); });
    bar->addSeparator();
    m_export = add("document-export", tr("Export CSV…"), QKeySequence(), [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"), m_model->table().name + QStringLiteral(".csv"),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    static_cast<QVBoxLayout *>(layout())->addWidget(bar);
}

void EntitiesView::setConnection(const QString &conninfo, bool readOnly, bool production,
                                 const QString &databaseName)
{
    m_conninfo = conninfo;
    m_readOnlyProfile = readOnly;
    m_production = production;
    m_database = databaseName;
    m_model->setConnection(conninfo,
                           readOnly ? tr("This connection profile is read-only; "
                                         "editing is disabled.")
                                    : QString());
    m_catalog.reset();
    if (!conninfo.isEmpty())
        m_catalog = std::make_unique<DbWorker>(conninfo, QStringLiteral("uaip-admin catalog"));
    refreshTables();
    updateState();
}

void EntitiesView::refreshTables()
{
    if (!m_catalog) {
        m_tree->clear();
        return;
    }
    QPointer<EntitiesView> self(this);
    m_catalog->post([self](PgConnection &c) {
        QList<TableSummary> tables;
        QString error;
        if (!c.isOpen())
            error = c.connectionError();
        else
            CatalogReader::listTables(c, &tables, &error);
        DbWorker::reply(self, [self, tables, error] {
            if (!self)
                return;
            self->m_tree->setTables(tables);
            if (!error.isEmpty())
                self->m_status->setText(tr("Could not list the tables: %1").arg(error));
            emit self->tablesLoaded(int(tables.size()));
        });
    });
}

void EntitiesView::openTable(const QString &schema, const QString &name, const BrowseQuery &query)
{
    if (m_model->pendingChangeCount() > 0
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("%n staged change(s) will be dropped. Open %1 anyway?", nullptr,
                                    m_model->pendingChangeCount())
                                     .arg(name))
            != QMessageBox::Yes)
        return;
    m_model->openTable(schema, name, query);
    if (QTreeWidgetItem *item = m_tree->itemFor(schema, name))
        m_tree->setCurrentItem(item);
}

void EntitiesView::updateState()
{
    const PageLoader *loader = m_model->loader();
    const bool open = m_model->table().isValid();
    const bool editable = open && m_model->isEditable();
    const int pending = m_model->pendingChangeCount();
    m_insert->setEnabled(editable);
    m_duplicate->setEnabled(editable);
    m_delete->setEnabled(editable);
    m_setNull->setEnabled(editable);
    m_save->setEnabled(pending > 0 && !m_model->isSaving());
    m_revert->setEnabled(pending > 0);
    m_count->setEnabled(open && !loader->isCounting()
                        && loader->countState() != PageLoader::CountState::Complete);
    m_end->setEnabled(open);
    m_export->setEnabled(open && !m_exporter->isRunning());
    m_cancel->setEnabled(loader->isLoading() || loader->isCounting());
    m_readOnly->setVisible(open && !editable);
    m_readOnly->setText(open && !editable ? tr("Read-only: %1").arg(m_model->readOnlyReason())
                                          : QString());
    if (!open) {
        m_status->setText(m_conninfo.isEmpty() ? tr("Not connected.") : tr("Choose a table."));
        return;
    }
    const QLocale l;
    QString rows;
    switch (loader->countState()) {
    case PageLoader::CountState::Complete:
        rows = tr("%1 rows").arg(l.toString(loader->exactCount()));
        break;
    case PageLoader::CountState::Partial:
        rows = tr("%1+ rows loaded (~%2 estimated)")
                   .arg(l.toString(loader->rowCount()), l.toString(m_model->table().estimate));
        break;
    case PageLoader::CountState::Unknown:
        rows = tr("~%1 rows estimated").arg(l.toString(m_model->table().estimate));
        break;
    }
    QStringList parts{m_model->table().displayName(), rows};
    if (loader->isCounting())
        parts << tr("counting…");
    if (loader->isLoading())
        parts << tr("loading…");
    parts << tr("%n pending change(s)", nullptr, pending);
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void EntitiesView::requestSave()
{
    if (m_model->pendingChangeCount() == 0 || m_model->isSaving())
        return;
    m_grid->setFocus(); // an open cell editor commits its value
    const SavePlan plan = m_model->savePlan();
    auto *dialog = new SavePreviewDialog(plan.preview(), m_model->pendingChangeCount(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, plan] {
        m_model->save(plan);
        updateState();
    });
    dialog->open();
}

void EntitiesView::onSaveFinished(const SaveResult &result)
{
    updateState();
    if (result.ok) {
        m_status->setText(tr("Saved.") + QStringLiteral(" · ") + m_status->text());
        return;
    }
    if (!result.conflicts.isEmpty()) {
        for (const RowConflict &conflict : result.conflicts) {
            auto *dialog = new ConflictDialog(m_model->table(), conflict, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::finished, this, [this, conflict](int choice) {
                if (choice == ConflictDialog::KeepMine)
                    m_model->keepMine(conflict);
                else if (choice == ConflictDialog::TakeTheirs)
                    m_model->takeTheirs(conflict);
            });
            dialog->open();
        }
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Save failed"),
                                result.failedColumn.isEmpty()
                                    ? result.message
                                    : tr("Column %1: %2").arg(result.failedColumn, result.message),
                                QMessageBox::Ok, this);
    box->setInformativeText(
        tr("Nothing was saved; your changes are still staged. The cell is marked."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    if (rows.isEmpty() || !m_model->isEditable())
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
    if (!m_model->table().isValid() || m_exporter->isRunning())
        return;
    const qint64 expected = m_model->loader()->exactCount() >= 0 ? m_model->loader()->exactCount()
                                                                 : m_model->table().estimate;
    m_exportProgress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, this);
    m_exportProgress->setMinimumDuration(300);
    connect(m_exportProgress, &QProgressDialog::canceled, m_exporter, &CsvExporter::cancel);
    m_exporter->start(m_conninfo, m_model->table(), m_model->query(), filePath, expected);
    updateState();
}

} // namespace uaip
