#pragma once

#include "browse/browsequery.h"
#include "browse/foreignkeyinfo.h"
#include "browse/saveresult.h"

#include <QWidget>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QProgressDialog;
class QTableView;

namespace uaip {

class CellDelegate;
class CsvExporter;
class DbWorker;
class EntityModel;
class FilterBar;
class RowDetailPanel;
class TableTree;

// The Entities view: the schema/table tree (estimated counts) on the left; on the right the
// grid over EntityModel with the filter bar (Ctrl+F), a dockable row form, and the pending
// changes with Save (Ctrl+S, after a preview of the exact SQL) and Revert. Hosts its parts;
// all database work happens on the model's worker connections.
class EntitiesView : public QWidget
{
    Q_OBJECT
public:
    explicit EntitiesView(QWidget *parent = nullptr);
    ~EntitiesView() override;

    // conninfo: libpq keyword/value string (the view opens its own worker connections).
    // readOnly: editing disabled, with the reason shown; production: deleting rows asks for
    // the database name to be typed. Empty conninfo: disconnected.
    void setConnection(const QString &conninfo, bool readOnly, bool production,
                       const QString &databaseName);
    void refreshTables();
    void openTable(const QString &schema, const QString &name, const BrowseQuery &query = {});
    // Exports the current table and filter; progress dialog with Cancel.
    void exportCsv(const QString &filePath);

    EntityModel *model() const { return m_model; }
    QTableView *grid() const { return m_grid; }
    TableTree *tree() const { return m_tree; }
    FilterBar *filterBar() const { return m_filter; }
    RowDetailPanel *details() const { return m_details; }
    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *deleteAction() const { return m_delete; }
    QAction *insertAction() const { return m_insert; }
    QAction *setNullAction() const { return m_setNull; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *readOnlyLabel() const { return m_readOnly; }

signals:
    void tablesLoaded(int count);
    void exportFinished(bool ok, const QString &message);

private:
    void buildActions();
    void updateState();
    void requestSave();
    void onSaveFinished(const SaveResult &result);
    void deleteSelected();
    void follow(const ForeignKeyInfo &fk, const QVariantList &values, bool referencing);
    QList<int> selectedRows() const;

    QString m_conninfo;
    QString m_database;
    bool m_readOnlyProfile = false;
    bool m_production = false;
    std::unique_ptr<DbWorker> m_catalog;
    EntityModel *m_model;
    TableTree *m_tree;
    QMainWindow *m_inner;
    QTableView *m_grid;
    CellDelegate *m_delegate;
    FilterBar *m_filter;
    RowDetailPanel *m_details;
    QDockWidget *m_detailDock;
    QLabel *m_status;
    QLabel *m_readOnly;
    CsvExporter *m_exporter;
    QProgressDialog *m_exportProgress = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_insert = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_setNull = nullptr;
    QAction *m_count = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_end = nullptr;
    QAction *m_export = nullptr;
    QAction *m_find = nullptr;
};

} // namespace uaip
