#include "objectsview.h"

#include "objectdetailpane.h"
#include "objectkindtext.h"
#include "objects/objectfacts.h"
#include "objects/objectname.h"
#include "objectsearch.h"
#include "objectsearchlist.h"
#include "objectsessions.h"
#include "objecttreemodel.h"
#include "objecttreewalker.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace uaip {

namespace {

bool isRelation(ObjectKind kind)
{
    return kind == ObjectKind::Table || kind == ObjectKind::View
        || kind == ObjectKind::MaterializedView || kind == ObjectKind::Partition;
}

} // namespace

ObjectsView::ObjectsView(QWidget *parent)
    : QWidget(parent)
    , m_sessions(new ObjectSessions(this))
    , m_model(new ObjectTreeModel(m_sessions, this))
    , m_search(new QLineEdit(this))
    , m_left(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_results(new ObjectSearchList(this))
    , m_pane(new ObjectDetailPane(this))
    , m_status(new QLabel(this))
    , m_searchTimer(new QTimer(this))
    , m_finder(new ObjectSearch(m_sessions, this))
    , m_walker(new ObjectTreeWalker(m_tree, m_model, this))
{
    setObjectName(QStringLiteral("objectsView"));
    m_tree->setObjectName(QStringLiteral("objectTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // 10,000 rows lay out at once
    m_tree->header()->setStretchLastSection(false);
    m_tree->setIndentation(fontMetrics().height());
    m_tree->header()->setStretchLastSection(true); // the details; the name sized on showing
    m_results->setObjectName(QStringLiteral("objectSearchResults"));
    m_left->addWidget(m_tree);
    m_left->addWidget(m_results);
    m_status->setObjectName(QStringLiteral("objectsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("objectsSplit"));
    split->addWidget(m_left);
    split->addWidget(m_pane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({450000, 550000}); // scaled to the width: the tree a bit under half
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolBar());
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { treeSelectionChanged(current); });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_expanded.remove(m_model->item(index)->key());
        const ObjectTreeItem *it = m_model->item(index);
        if (it->load == ObjectTreeItem::Load::Failed)
            m_model->unload(index); // expanding again reads it again
    });
    connect(m_tree, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_expanded.insert(m_model->item(index)->key()); });
    connect(m_model, &ObjectTreeModel::levelLoaded, this, &ObjectsView::levelLoaded);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ObjectsView::rowsArrived);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_left->setCurrentWidget(text.trimmed().isEmpty() ? static_cast<QWidget *>(m_tree)
                                                          : m_results);
        m_searchTimer->start();
    });
    connect(m_searchTimer, &QTimer::timeout, this, &ObjectsView::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, &ObjectsView::runSearch); // no delay
    connect(m_results, &QListWidget::currentRowChanged, this, &ObjectsView::showSearchResult);
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { revealSearchResult(m_results->row(item)); });
    connect(m_finder, &ObjectSearch::changed, this, &ObjectsView::showSearchResults);
    connect(m_finder, &ObjectSearch::finished, this, &ObjectsView::searchFinished);
    connect(m_walker, &ObjectTreeWalker::lost, this, [this] {
        setStatus(tr("%1 was not found in the tree: its details alone are shown.")
                      .arg(m_walkNode.identity));
        showNode(m_walkDatabase, m_walkNode);
    });
    connect(m_pane, &ObjectDetailPane::referenceActivated, this, &ObjectsView::showReference);
    setTarget(std::nullopt);
}

ObjectsView::~ObjectsView() = default;

void ObjectsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    // Once laid out: the names get about three fifths of the tree, the details the rest.
    QTimer::singleShot(0, this, [this] {
        m_tree->setColumnWidth(ObjectTreeModel::NameColumn, m_tree->viewport()->width() * 3 / 5);
    });
}

QWidget *ObjectsView::buildToolBar()
{
    buildActions();
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search->setObjectName(QStringLiteral("objectSearch"));
    m_search->setPlaceholderText(tr("Find objects by name…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    row->addWidget(m_search, 1);
    for (QAction *a : {m_refresh, m_copyDdl, m_openEntities, m_openSql}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        row->addWidget(button);
    }
    return bar;
}

void ObjectsView::buildActions()
{
    QStyle *style = QApplication::style();
    m_refresh = new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("objectsRefresh"));
    m_refresh->setToolTip(tr("Read the databases' objects again (expanded nodes stay expanded)"));
    connect(m_refresh, &QAction::triggered, this, &ObjectsView::reload);
    m_copyDdl = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy DDL"), this);
    m_copyDdl->setObjectName(QStringLiteral("objectsCopyDdl"));
    m_copyDdl->setToolTip(tr("Copy the selected object's DDL to the clipboard"));
    connect(m_copyDdl, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(m_pane->ddl()); });
    m_openEntities = new QAction(style->standardIcon(QStyle::SP_FileDialogDetailedView),
                                 tr("Open in Entities"), this);
    m_openEntities->setObjectName(QStringLiteral("objectsOpenEntities"));
    m_openEntities->setToolTip(tr("Browse the selected table's or view's rows in Entities"));
    connect(m_openEntities, &QAction::triggered, this, &ObjectsView::openInEntities);
    m_openSql
        = new QAction(style->standardIcon(QStyle::SP_FileDialogListView), tr("Open in SQL"), this);
    m_openSql->setObjectName(QStringLiteral("objectsOpenSql"));
    m_openSql->setToolTip(tr("Put the selected function's definition, or a query of the "
                             "selected view's rows, into the current SQL tab"));
    connect(m_openSql, &QAction::triggered, this, &ObjectsView::openInSql);
    for (QAction *a : {m_copyDdl, m_openEntities, m_openSql})
        a->setEnabled(false);
}

void ObjectsView::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_detailSerial;
    m_expanded.clear();
    m_selected.clear();
    m_finder->clear();
    m_walker->stop();
    m_results->clear();
    m_sessions->setTarget(spec);
    m_refresh->setEnabled(spec.has_value());
    m_search->setEnabled(spec.has_value());
    reload();
    if (!spec) {
        m_pane->showMessage(tr("Not connected"),
                            tr("Connect to a database to browse its objects."));
        setStatus(tr("Not connected."));
        return;
    }
    m_pane->showMessage(tr("No object selected"),
                        tr("Pick an object in the tree, or find one by name."));
    setStatus(QString());
    m_tree->expand(m_model->targetDatabase());
}

void ObjectsView::reload()
{
    ++m_detailSerial;
    m_model->reload(); // rowsArrived() expands and selects again what was
    if (m_sessions->hasTarget()) {
        m_tree->expand(m_model->targetDatabase());
        if (!m_search->text().trimmed().isEmpty())
            runSearch();
    }
    updateActions();
}

bool ObjectsView::selectInTree(const QString &database, const QString &identity)
{
    const QModelIndex at = m_model->find(database, identity);
    if (!at.isValid())
        return false;
    m_search->clear();
    m_tree->setCurrentIndex(at);
    m_tree->scrollTo(at);
    return true;
}

void ObjectsView::rowsArrived(const QModelIndex &parent, int first, int last)
{
    if (!parent.isValid() && first > 0 && !m_search->text().trimmed().isEmpty())
        QTimer::singleShot(0, this, &ObjectsView::runSearch); // the other databases are listed
    if (m_expanded.isEmpty() && m_selected.isEmpty())
        return;
    for (int row = first; row <= last; ++row) {
        const QModelIndex at = m_model->index(row, 0, parent);
        const QString key = m_model->item(at)->key();
        if (m_expanded.contains(key))
            QTimer::singleShot(0, this, [this, at = QPersistentModelIndex(at)] {
                if (at.isValid())
                    m_tree->expand(at);
            });
        if (key == m_selected && m_tree->currentIndex() != at)
            m_tree->setCurrentIndex(at);
    }
}

void ObjectsView::levelLoaded(const QModelIndex &parent, const QString &error)
{
    if (error.isEmpty())
        return;
    const ObjectTreeItem *it = m_model->item(parent);
    const QString what = m_model->data(parent).toString();
    setStatus(tr("Could not read %1: %2").arg(what, error));
    if (!m_pane->showsDetails() || m_tree->currentIndex() == parent)
        m_pane->showMessage(tr("Could not read %1 (database %2)").arg(what, it->database), error,
                            true);
}

void ObjectsView::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ObjectsView::treeSelectionChanged(const QModelIndex &current)
{
    const ObjectTreeItem *it = current.isValid() ? m_model->item(current) : nullptr;
    m_selected = it ? it->key() : QString();
    if (!it)
        return updateActions();
    switch (it->type) {
    case ObjectTreeItem::Type::Schema:
    case ObjectTreeItem::Type::Object:
        showNode(it->database, it->node);
        break;
    case ObjectTreeItem::Type::Database:
    case ObjectTreeItem::Type::Folder:
        showFolder(it);
        break;
    case ObjectTreeItem::Type::Message:
        m_pane->showMessage(tr("Could not read this level"), it->message, true);
        updateActions();
        break;
    }
}

void ObjectsView::showFolder(const ObjectTreeItem *it)
{
    ++m_detailSerial;
    const QString name = m_model->data(m_model->indexOf(it)).toString();
    QString text = m_model->data(m_model->indexOf(it, ObjectTreeModel::DetailColumn)).toString();
    if (it->type == ObjectTreeItem::Type::Database && !it->db.comment.isEmpty())
        text = text.isEmpty() ? it->db.comment : text + u'\n' + it->db.comment;
    m_pane->showMessage(name, text.isEmpty() ? tr("Expand it to see what it holds.") : text,
                        it->type == ObjectTreeItem::Type::Database && !it->db.canOpen());
    updateActions();
}

void ObjectsView::showNode(const QString &database, const CatalogNode &node)
{
    const int serial = ++m_detailSerial;
    m_pane->showLoading(database, node);
    updateActions();
    const QPointer<ObjectsView> self(this);
    m_sessions->readOn<ObjectDetails>(
        database, tr("Read the definition of %1").arg(node.identity),
        [database, node](PgConnection &connection) {
            return ObjectDetails::read(connection, database, node);
        },
        [self, serial, node, database](const Result<ObjectDetails> &result) {
            if (!self || serial != self->m_detailSerial)
                return; // another object was picked meanwhile
            if (result) {
                self->m_pane->showDetails(result.value());
                emit self->detailsShown();
            } else {
                self->m_pane->showMessage(
                    ObjectKindText::one(node.kind) + u' ' + node.identity,
                    tr("Could not read it from %1: %2").arg(database, result.error().toString()),
                    true);
            }
            self->updateActions();
        });
}

void ObjectsView::runSearch()
{
    m_searchTimer->stop();
    const QString text = m_search->text().trimmed();
    if (text.isEmpty() || !m_sessions->hasTarget()) {
        m_finder->clear();
        m_results->clear();
        return;
    }
    m_finder->start(text, m_model->databases());
    showSearchResults();
}

void ObjectsView::showSearchResults()
{
    m_results->show(*m_finder);
    setStatus(m_finder->summary());
}

void ObjectsView::showSearchResult(int row)
{
    const std::optional<ObjectSearchHit> hit = m_results->hitAt(row);
    if (!hit)
        return;
    m_selected.clear();
    showNode(hit->database, hit->node);
}

void ObjectsView::revealSearchResult(int row)
{
    const std::optional<ObjectSearchHit> hit = m_results->hitAt(row);
    if (!hit)
        return;
    m_search->clear(); // the tree again
    reveal(hit->database, hit->node);
}

void ObjectsView::reveal(const QString &database, const CatalogNode &node)
{
    if (selectInTree(database, node.identity))
        return;
    const Result<ObjectName> table = ObjectName::parse(node.parent);
    if (node.parent.isEmpty() || !table)
        return walkTo(database, node, std::nullopt);
    // a table's part: its table first (which folder it is in: a table, view, materialized view)
    const QPointer<ObjectsView> self(this);
    const int serial = ++m_detailSerial;
    const ObjectName n = *table;
    m_sessions->read<QList<CatalogNode>>(
        database, tr("Look up %1").arg(node.parent),
        [n](ObjectCatalog &catalog) { return catalog.lookup(n.schema, n.name); },
        [self, serial, database, node](const Result<QList<CatalogNode>> &r) {
            if (!self || serial != self->m_detailSerial)
                return;
            std::optional<CatalogNode> parent;
            for (const CatalogNode &each : r ? r.value() : QList<CatalogNode>())
                if (each.identity == node.parent)
                    parent = each;
            self->walkTo(database, node, parent);
        });
}

void ObjectsView::walkTo(const QString &database, const CatalogNode &node,
                         const std::optional<CatalogNode> &table)
{
    const QList<ObjectTreeWalker::Step> path = ObjectTreeWalker::pathTo(database, node, table);
    if (path.isEmpty()) {
        m_walker->stop();
        return showNode(database, node); // no place in the tree: the details alone
    }
    m_walkDatabase = database;
    m_walkNode = node; // shown once the tree selects it, or alone when it is lost
    m_walker->walk(path);
}

void ObjectsView::showReference(const ObjectReference &reference)
{
    const QString database = m_pane->details().database;
    if (selectInTree(database, reference.identity))
        return;
    // Not loaded in the tree: looked up by its name (an index or a trigger found by name, as
    // the lookup has neither), then gone to in the tree; else its identity alone.
    const Result<ObjectName> name = ObjectName::parse(reference.identity);
    const auto identityOnly = [this, reference] {
        m_pane->showMessage(reference.type + u' ' + reference.identity,
                            tr("Not loaded in the tree: expand its schema to see it."));
        updateActions();
    };
    if (!name || name->arguments)
        return identityOnly();
    const int serial = ++m_detailSerial;
    const QPointer<ObjectsView> self(this);
    const ObjectName n = *name;
    const QString identity = reference.identity;
    m_sessions->read<QList<CatalogNode>>(
        database, tr("Look up %1").arg(reference.identity),
        [n, identity](ObjectCatalog &catalog) -> Result<QList<CatalogNode>> {
            const Result<QList<CatalogNode>> named = catalog.lookup(n.schema, n.name);
            for (const CatalogNode &node : named ? named.value() : QList<CatalogNode>())
                if (node.identity == identity)
                    return named;
            return catalog.find(n.name);
        },
        [self, serial, database, reference, identityOnly](const Result<QList<CatalogNode>> &r) {
            if (!self || serial != self->m_detailSerial)
                return;
            for (const CatalogNode &node : r ? r.value() : QList<CatalogNode>())
                if (node.identity == reference.identity)
                    return self->reveal(database, node);
            identityOnly();
        });
}

void ObjectsView::updateActions()
{
    const bool shown = m_pane->showsDetails();
    const CatalogNode &node = m_pane->details().node;
    const QModelIndex own = m_model->targetDatabase();
    const bool here
        = shown && own.isValid() && m_pane->details().database == m_model->item(own)->database;
    m_copyDdl->setEnabled(shown && !m_pane->ddl().isEmpty());
    m_openEntities->setEnabled(here && isRelation(node.kind));
    m_openSql->setEnabled(
        here
        && (isRelation(node.kind)
            || ((node.kind == ObjectKind::Function || node.kind == ObjectKind::Procedure)
                && !m_pane->ddl().isEmpty())));
}

void ObjectsView::openInEntities()
{
    const CatalogNode &node = m_pane->details().node;
    if (m_openEntities->isEnabled())
        emit openInEntitiesRequested(node.schema, node.name);
}

void ObjectsView::openInSql()
{
    if (!m_openSql->isEnabled())
        return;
    const CatalogNode &node = m_pane->details().node;
    emit openInSqlRequested(isRelation(node.kind) ? ObjectCatalog::selectText(node)
                                                  : m_pane->ddl());
}

} // namespace uaip
