#pragma once

#include "db/sessionspec.h"
#include "objectdetails.h"
#include "objectsearchlist.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QModelIndex;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace uaip {

class ObjectDetailPane;
class ObjectSearch;
class ObjectSessions;
class ObjectTreeWalker;
class ObjectTreeItem;
class ObjectTreeModel;

// The Objects view (issue 46): a read-only object browser. A tree of the server's databases
// (the connection's own expanded; another one read on a session of its own when expanded),
// their schemas with counts, Extensions and Roles, each schema's kind folders, the objects and
// a table's parts, every level read when expanded, off the GUI thread. Beside it the selected
// object's DDL, size, comment, uses and used by. A search by name over every database the role
// can open (debounced; the results, grouped by database, in place of the tree while the text is
// there; activating one goes to it in its database's subtree), Copy DDL, Open in Entities and
// Open in SQL (signals: the window switches views), Refresh.
class ObjectsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSearchDelayMs = 300;

    explicit ObjectsView(QWidget *parent = nullptr);
    ~ObjectsView() override;

    void setTarget(const std::optional<SessionSpec> &spec);
    // Reads everything again, keeping what was expanded and selected (F5, after migrations).
    void reload();

    QTreeView *tree() const { return m_tree; }
    ObjectTreeModel *model() const { return m_model; }
    ObjectDetailPane *detailPane() const { return m_pane; }
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *searchResults() const { return m_results; }
    ObjectSessions *sessions() const { return m_sessions; }
    ObjectSearch *search() const { return m_finder; }
    ObjectTreeWalker *walker() const { return m_walker; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *copyDdlAction() const { return m_copyDdl; }
    QAction *openInEntitiesAction() const { return m_openEntities; }
    QAction *openInSqlAction() const { return m_openSql; }
    // Selects the loaded node of database named identity in the tree; false when none is.
    bool selectInTree(const QString &database, const QString &identity);
    // Goes to node of database in the tree, reading the levels on the way (a table's part: its
    // table looked up first), and selects it; where the tree has no place for it, its details
    // alone.
    void reveal(const QString &database, const CatalogNode &node);

signals:
    // Open in Entities: a table, view or materialized view of the connection's database.
    void openInEntitiesRequested(const QString &schema, const QString &table);
    // Open in SQL: text for the current SQL tab's editor (a function's DDL, a relation's
    // first rows).
    void openInSqlRequested(const QString &text);
    // A search answered (count found, or -1 when it failed); for tests.
    void searchFinished(int found);
    // The detail pane shows an object's details.
    void detailsShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolBar();
    void buildActions();
    void treeSelectionChanged(const QModelIndex &current);
    void showNode(const QString &database, const CatalogNode &node);
    void showFolder(const ObjectTreeItem *item);
    void runSearch();
    void showSearchResults();
    void showSearchResult(int row);
    void revealSearchResult(int row);
    void walkTo(const QString &database, const CatalogNode &node,
                const std::optional<CatalogNode> &table);
    void showReference(const ObjectReference &reference);
    void levelLoaded(const QModelIndex &parent, const QString &error);
    void rowsArrived(const QModelIndex &parent, int first, int last);
    void updateActions();
    void openInEntities();
    void openInSql();
    void setStatus(const QString &text);

    ObjectSessions *m_sessions;
    ObjectTreeModel *m_model;
    QLineEdit *m_search;
    QStackedWidget *m_left;
    QTreeView *m_tree;
    ObjectSearchList *m_results;
    ObjectDetailPane *m_pane;
    QLabel *m_status;
    QTimer *m_searchTimer;
    QAction *m_refresh = nullptr;
    QAction *m_copyDdl = nullptr;
    QAction *m_openEntities = nullptr;
    QAction *m_openSql = nullptr;
    ObjectSearch *m_finder;
    ObjectTreeWalker *m_walker;
    QString m_walkDatabase; // where the walker goes
    CatalogNode m_walkNode;
    QSet<QString> m_expanded; // keys of the nodes to expand again after a reload
    QString m_selected; // key of the node to select again after a reload
    int m_detailSerial = 0; // the latest detail read; older answers are dropped
    bool m_sized = false; // the name column was sized to the tree's first width
};

} // namespace uaip
