#pragma once

#include "cascadereport.h"
#include "db/databaseidentity.h"
#include "error/result.h"
#include "rowconflict.h"
#include "rowdata.h"
#include "saveplan.h"
#include "saveresult.h"
#include "stagededits.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace uaip {

class Job;
class PageLoader;

// The staged edits of the open table, laid over the rows PageLoader fetched, for EntityModel:
// the model's row numbering (staged inserts first, then the loader's rows), the values with
// the changes applied, staging and reverting, and saving (a SaveJob on the loader's work
// session). The edits remember the database they were made on (DatabaseIdentity); the save
// job refuses to run on any other.
// Changes to the rows are announced by signals the model turns into its own notifications.
class EntityEditor : public QObject
{
    Q_OBJECT
public:
    explicit EntityEditor(PageLoader *loader, QObject *parent = nullptr);
    ~EntityEditor() override;

    int insertCount() const { return int(m_inserts.size()); }
    bool isInserted(int row) const { return row < m_inserts.size(); }
    // The loader's row behind a model row: null for a staged insert or while its page loads.
    const RowData *dbRow(int row) const;
    QString rowKey(int row) const;
    // The row's staged change, or null.
    const StagedRow *staged(int row) const;
    // The value with the staged change applied; isDefault: an insert leaves it to the default.
    QVariant cellValue(int row, int column, bool *isDefault) const;
    QVariantList rowValues(int row) const;
    // The values a duplicate of the row starts with; nothing while its page is loading.
    std::optional<QHash<int, QVariant>> copyOfRow(int row) const;

    bool setValue(int row, int column, const QVariant &value);
    int insertNewRow(const QHash<int, QVariant> &values);
    void deleteRows(const QList<int> &rows);
    void revertAll();
    void revertRow(int row);
    const StagedEdits &stagedEdits() const { return m_edits; }

    SavePlan savePlan() const;
    // Starts the save job (null when nothing was started); saveFinished() reports. A successful
    // save clears the edits it saved, nothing else.
    Job *save(const SavePlan &plan);
    // Whether the plan can cascade (CascadeMeter::mayCascade): then the preview counts it first.
    bool mayCascade(const SavePlan &plan) const;
    // Starts a CascadeJob for the plan on the work session (null when there is none); done runs
    // on receiver's thread with what the save would cascade to.
    Job *measureCascade(const SavePlan &plan, int timeoutMs, QObject *receiver,
                        std::function<void(const Result<CascadeReport> &)> done);
    // The database the staged edits were made on (unknown while nothing is staged).
    const DatabaseIdentity &editsMadeOn() const { return m_madeOn; }
    bool isSaving() const { return m_saving; }
    // Stops a running save (server-side cancel; it never commits); saveFinished() reports it
    // as cancelled and the edits stay staged.
    void cancelSave();
    void keepMine(const RowConflict &conflict);
    void takeTheirs(const RowConflict &conflict);

    // Runs reset (a loader open or reload); the reset it causes also drops every staged edit.
    void resetDiscarding(const std::function<void()> &reset);
    // The loader is about to reset (the model is inside its own reset).
    void loaderAboutToReset();

signals:
    void aboutToInsertRow(int row);
    void rowInserted();
    void aboutToRemoveRow(int row);
    void rowRemoved();
    void aboutToReset();
    void resetDone();
    void rowChanged(int row);
    void allRowsChanged();
    void pendingChanged(int count);
    void saveFinished(const uaip::SaveResult &result);

private:
    void onSaved(const SaveResult &result);
    void removeInsert(int row);
    void refreshInserts();
    QVariantList primaryKeyOf(const RowData &row) const;

    PageLoader *m_loader = nullptr;
    StagedEdits m_edits;
    QStringList m_inserts; // keys of the staged inserts, shown as the first rows
    void noteEdit();

    bool m_saving = false;
    QPointer<Job> m_saveJob;
    SavePlan m_savingPlan;
    DatabaseIdentity m_madeOn;
    bool m_clearOnReset = false;
};

} // namespace uaip
