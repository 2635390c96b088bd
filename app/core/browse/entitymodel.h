#pragma once

#include "entityeditor.h"
#include "pageloader.h"
#include "saveplan.h"
#include "saveresult.h"
#include "stagededits.h"

#include <QAbstractTableModel>

namespace uaip {

// The grid's model: the rows PageLoader fetched, with the staged edits (EntityEditor) laid over
// them. Staged inserts come first, then the table's rows in the current order. Values are the
// server's text (numbers shown with the locale's decimal point: NumericCellValue); NULL is a null
// QVariant (NullRole true), never an empty string. Loading and saving run as jobs on the loader's
// sessions; the GUI thread never waits on the database. During a save no cell is editable (the
// tooltip says why).
class EntityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        NullRole = Qt::UserRole + 1, // bool: the value is SQL NULL
        StateRole, // CellState
        RowStateRole, // RowState
        ErrorRole, // QString: the server's message for this cell (failed save)
        LoadedRole, // bool: false while the row's page is loading
    };
    enum class CellState { Clean, Modified, Default, Generated };
    enum class RowState { Clean, Modified, Inserted, Deleted, Unloaded };

    explicit EntityModel(QObject *parent = nullptr);
    ~EntityModel() override;

    PageLoader *loader() const { return m_loader; }
    // The database to browse (nullopt: none, nothing is opened). readOnlyReason: why this target
    // may not edit (read-only profile), or empty. Another database than the current one closes
    // the open table and drops its staged edits (ask first: EntitiesView::confirmLeave).
    void setTarget(const std::optional<SessionSpec> &spec,
                   const QString &readOnlyReason = QString());
    void openTable(const QString &schema, const QString &name, const BrowseQuery &query = {});
    // No table afterwards; the staged edits are dropped (ask first). tableOpened() follows.
    void closeTable();
    const TableInfo &table() const { return m_loader->table(); }
    void setQuery(const BrowseQuery &query) { m_loader->setQuery(query); }
    const BrowseQuery &query() const { return m_loader->query(); }
    // Why rows cannot be edited (profile or table), or empty.
    QString readOnlyReason() const;
    // Not before the table's constraints are known (PageLoader::detailsPending).
    bool isEditable() const { return readOnlyReason().isEmpty() && !m_loader->detailsPending(); }
    // Why rows cannot be inserted (profile, not a table), or empty.
    QString insertReadOnlyReason() const;
    bool canInsert() const
    {
        return insertReadOnlyReason().isEmpty() && !m_loader->detailsPending();
    }

    // Why existing rows cannot be deleted (profile, table, privilege), or empty.
    QString deleteReadOnlyReason() const;
    bool canDelete() const
    {
        return deleteReadOnlyReason().isEmpty() && !m_loader->detailsPending();
    }
    // Why the cell cannot be changed (profile, table, privilege, generated, save running, row
    // deleted), or empty when it can.
    QString cellReadOnlyReason(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: a null QVariant stores SQL NULL; anything else is the value's text (numbers in
    // the server's format: a number the column cannot hold as it is is refused, valueRefused).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The row's values with staged changes applied (null QVariants are NULLs); empty while
    // its page is loading.
    QVariantList rowValues(int row) const { return m_editor->rowValues(row); }
    RowState rowState(int row) const;
    QString rowKey(int row) const { return m_editor->rowKey(row); }

    int insertNewRow(const QHash<int, QVariant> &values = {});
    int duplicateRow(int row);
    void deleteRows(const QList<int> &rows);
    void revertAll() { m_editor->revertAll(); }
    void revertRow(int row) { m_editor->revertRow(row); }
    int pendingChangeCount() const { return stagedEdits().count(); }
    const StagedEdits &stagedEdits() const { return m_editor->stagedEdits(); }

    SavePlan savePlan() const { return m_editor->savePlan(); }
    // Runs the plan; saveFinished() reports. The edits stay staged unless it succeeded.
    Job *save(const SavePlan &plan) { return m_editor->save(plan); }
    bool mayCascade(const SavePlan &plan) const { return m_editor->mayCascade(plan); }
    // What the plan would cascade to, counted on the work session (EntityEditor::measureCascade).
    Job *measureCascade(const SavePlan &plan, int timeoutMs, QObject *receiver,
                        std::function<void(const Result<CascadeReport> &)> done)
    {
        return m_editor->measureCascade(plan, timeoutMs, receiver, std::move(done));
    }
    bool isSaving() const { return m_editor->isSaving(); }
    void cancelSave() { m_editor->cancelSave(); }
    // Conflict answers: keep mine (overwrite their version on the next save) or take theirs.
    void keepMine(const RowConflict &conflict) { m_editor->keepMine(conflict); }
    void takeTheirs(const RowConflict &conflict) { m_editor->takeTheirs(conflict); }

signals:
    // A table was opened, or closed (then table() is not valid).
    void tableOpened();
    // The table's constraints, foreign keys, defaults and sortability are known (after a first
    // page shown before them; PageLoader::detailsLoaded).
    void tableDetailsLoaded();
    void pendingChanged(int count);
    void saveFinished(const uaip::SaveResult &result);
    // setData refused a value for the cell; reason says why (translated).
    void valueRefused(const QModelIndex &index, const QString &reason);

private:
    void connectLoader();
    void connectEditor();
    void emitRowChanged(int row);

    PageLoader *m_loader = nullptr;
    EntityEditor *m_editor = nullptr;
    QString m_profileReason;
};

} // namespace uaip
