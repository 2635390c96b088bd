#pragma once

#include "pageloader.h"
#include "saveplan.h"
#include "saveresult.h"
#include "stagededits.h"

#include <QAbstractTableModel>

namespace uaip {

// The grid's model: the rows PageLoader fetched, with the staged edits laid over them.
// Staged inserts come first, then the table's rows in the current order. Values are the
// server's text; NULL is a null QVariant (NullRole true), never an empty string. Saving runs
// on the loader's worker connection; the GUI thread never waits on the database.
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
    // readOnlyReason: why this connection may not edit (read-only profile), or empty.
    void setConnection(const QString &conninfo, const QString &readOnlyReason = QString());
    void openTable(const QString &schema, const QString &name, const BrowseQuery &query = {});
    const TableInfo &table() const { return m_loader->table(); }
    void setQuery(const BrowseQuery &query) { m_loader->setQuery(query); }
    const BrowseQuery &query() const { return m_loader->query(); }
    // Why rows cannot be edited (profile or table), or empty.
    QString readOnlyReason() const;
    bool isEditable() const { return readOnlyReason().isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: a null QVariant stores SQL NULL; anything else is the value's text.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The row's values with staged changes applied (null QVariants are NULLs); empty while
    // its page is loading.
    QVariantList rowValues(int row) const;
    RowState rowState(int row) const;
    QString rowKey(int row) const;

    int insertNewRow(const QHash<int, QVariant> &values = {});
    int duplicateRow(int row);
    void deleteRows(const QList<int> &rows);
    void revertAll();
    void revertRow(int row);
    int pendingChangeCount() const { return m_edits.count(); }
    const StagedEdits &stagedEdits() const { return m_edits; }

    SavePlan savePlan() const;
    // Runs the plan; saveFinished() reports. The edits stay staged unless it succeeded.
    void save(const SavePlan &plan);
    bool isSaving() const { return m_saving; }
    // Conflict answers: keep mine (overwrite their version on the next save) or take theirs.
    void keepMine(const RowConflict &conflict);
    void takeTheirs(const RowConflict &conflict);

signals:
    void tableOpened();
    void pendingChanged(int count);
    void saveFinished(const uaip::SaveResult &result);

private:
    const RowData *dbRow(int row) const;
    QVariant cellValue(int row, int column, bool *isDefault) const;
    void onSaved(const SaveResult &result);
    void emitRowChanged(int row);
    void refreshInserts();
    QVariantList primaryKeyOf(const RowData &row) const;

    PageLoader *m_loader = nullptr;
    StagedEdits m_edits;
    QStringList m_inserts; // keys of the staged inserts, shown as the first rows
    QString m_profileReason;
    bool m_saving = false;
    bool m_clearOnReset = false;
};

} // namespace uaip
