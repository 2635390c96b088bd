#pragma once

#include "browse/browsequery.h"
#include "browse/foreignkeyinfo.h"
#include "browser/entitiestoolbar.h"
#include "browser/saveflow.h"
#include "browser/stagededitquestions.h"
#include "db/sessionspec.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QSplitter;
class QTableView;

class QTimer;

namespace uaip {

class CellDelegate;
class CsvExportFlow;
class EntityModel;
class FilterBar;
class Job;
class RowDeletion;
class RowDetailPanel;
class TableTree;
class TableTreeFilter;

// The Entities view: the schema/table tree (estimated counts, read again when the view is shown
// or its window activated; a filter line above it, Ctrl+Shift+F) on the left; on the right the
// grid over EntityModel with the filter bar (Ctrl+F), a dockable row form, and the pending
// changes with Save (Ctrl+S, after a preview of the exact SQL) and Revert. Hosts its parts (the
// tool bar: EntitiesToolBar); all database work runs as jobs on the model's two sessions
// (PageLoader: browse and work).
class EntitiesView : public QWidget
{
    Q_OBJECT
public:
    explicit EntitiesView(QWidget *parent = nullptr);
    ~EntitiesView() override;

    // The database to browse; std::nullopt (or a spec whose password is not known yet):
    // disconnected, no session is opened. From spec->profile: readOnly (editing disabled with
    // the reason shown, and default_transaction_read_only at the server), production (deleting
    // rows asks for the database name to be typed), the database and the profile named in the
    // save preview. Another database closes the open table and drops its staged edits: ask
    // confirmLeave() first.
    void setTarget(const std::optional<SessionSpec> &spec);
    // A save that cascades to more rows of other tables than this asks once more.
    static constexpr qint64 kCascadeAskAbove = StagedEditQuestions::kCascadeAskAbove;
    // The save preview's cascade count stops after this long per statement ("at least").
    static constexpr int kCascadeTimeoutMs = SaveFlow::kCascadeTimeoutMs;
    // Before leaving the open table (another table, another profile or database): with staged
    // edits asks Save / Discard / Cancel. True when there is nothing to lose or the user chose
    // Discard (the edits are dropped then). Save saves them to the database they were made on
    // (preview first) and returns false; once that save succeeded, afterSave runs (e.g. the
    // switch the user asked for). False while a save runs.
    bool confirmLeave(const QString &action, std::function<void()> afterSave = {});
    // Before quitting: with staged edits asks Save / Discard / Cancel. True: quit now. Save
    // shows the preview and closes the window once the save succeeded.
    bool confirmClose();
    void refreshTables();
    void openTable(const QString &schema, const QString &name, const BrowseQuery &query = {});
    // Exports the current table and filter; progress dialog with Cancel.
    void exportCsv(const QString &filePath);

    EntityModel *model() const { return m_model; }
    QTableView *grid() const { return m_grid; }
    TableTree *tree() const { return m_tree; }
    TableTreeFilter *treeFilter() const { return m_treeFilter; }
    QAction *filterTablesAction() const { return m_filterTables; }
    FilterBar *filterBar() const { return m_filter; }
    RowDetailPanel *details() const { return m_details; }
    QAction *saveAction() const { return m_actions->save; }
    QAction *revertAction() const { return m_actions->revert; }
    QAction *cancelSaveAction() const { return m_actions->cancelSave; }
    QAction *exportAction() const { return m_actions->exportCsv; }
    QAction *refreshAction() const { return m_actions->refresh; }
    QAction *cancelLoadAction() const { return m_actions->cancelLoad; }
    QAction *deleteAction() const { return m_actions->remove; }
    QAction *insertAction() const { return m_actions->insert; }
    QAction *setNullAction() const { return m_actions->setNull; }
    QAction *duplicateAction() const { return m_actions->duplicate; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *readOnlyLabel() const { return m_readOnly; }

signals:
    void tablesLoaded(int count);
    // The tree's estimates were read again (on show, the window's activation, or every
    // kEstimateIntervalMs while shown).
    void estimatesRefreshed();
    void exportFinished(bool ok, const QString &message);
    // A job the user should see in the job dock (a save, a CSV export).
    void jobStarted(uaip::Job *job);

public:
    static constexpr int kEstimateIntervalMs = 30000;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool event(QEvent *event) override;

private:
    // The tool bar, and what its actions do.
    void buildActions();
    // The parts' signals: the tree opens tables, the filter queries the model, the model, the
    // row form and the flows report to the status line.
    void connectParts();
    void applyProportions();
    // The filter line over the tree, and Ctrl+Shift+F to reach it: the splitter's left side.
    QWidget *buildTablePane();
    // The listing read again (one catalog statement, CatalogReader::listTables) for the tree's
    // estimates, unless a listing is under way; a newer listing's answer wins over it.
    void refreshEstimates();
    void updateState();
    // A value the cell did not take: the reason in the status line and as a tooltip there.
    void showRefusal(const QModelIndex &index, const QString &reason);
    void follow(const ForeignKeyInfo &fk, const QVariantList &values, bool referencing);

    std::optional<SessionSpec> m_spec;
    QString m_requested; // schema.name of the table last asked for
    QString m_notice; // what just happened (saved, cancelled, ...), shown in the status
    bool m_proportioned = false;
    bool m_treeSizedByUser = false; // the splitter was dragged: proportions are the user's
    bool m_readOnlyProfile = false;
    EntityModel *m_model;
    TableTree *m_tree;
    TableTreeFilter *m_treeFilter;
    QAction *m_filterTables = nullptr;
    quint64 m_listGeneration = 0; // refreshTables() calls: an older answer is not applied
    bool m_treeListed = false; // the last refreshTables() answered
    bool m_estimatesPending = false; // a refreshEstimates() job runs
    QTimer *m_estimateTimer = nullptr; // while shown: another process's writes show without Refresh
    QMainWindow *m_inner;
    QSplitter *m_splitter = nullptr;
    QTableView *m_grid;
    CellDelegate *m_delegate;
    FilterBar *m_filter;
    RowDetailPanel *m_details;
    QDockWidget *m_detailDock;
    QLabel *m_status;
    QLabel *m_readOnly;
    CsvExportFlow *m_exportFlow;
    SaveFlow *m_saveFlow;
    RowDeletion *m_deletion;
    EntitiesToolBar *m_actions = nullptr;
};

} // namespace uaip
