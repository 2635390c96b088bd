#include "entityeditor.h"

#include "cascadejob.h"
#include "cascademeter.h"
#include "jobs/sessionworker.h"
#include "pageloader.h"
#include "savejob.h"
#include "saveplanner.h"

#include <QPointer>

#include <algorithm>

namespace uaip {

EntityEditor::EntityEditor(PageLoader *loader, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
{ }

EntityEditor::~EntityEditor() = default;

void EntityEditor::refreshInserts()
{
    m_inserts = m_edits.insertKeys();
    if (m_edits.isEmpty())
        m_madeOn = DatabaseIdentity();
}

void EntityEditor::noteEdit()
{
    // The first staged edit fixes the database the edits belong to.
    if (!m_madeOn.isKnown())
        m_madeOn = m_loader->identity();
}

QVariantList EntityEditor::primaryKeyOf(const RowData &row) const
{
    QVariantList key;
    for (const int c : m_loader->table().primaryKey)
        key << row.values.value(c);
    return key;
}

const RowData *EntityEditor::dbRow(int row) const
{
    const int ins = int(m_inserts.size());
    return row < ins ? nullptr : m_loader->row(row - ins);
}

QString EntityEditor::rowKey(int row) const
{
    if (row < m_inserts.size())
        return m_inserts.value(row);
    const RowData *r = dbRow(row);
    return r && m_loader->table().hasPrimaryKey() ? StagedEdits::keyFor(primaryKeyOf(*r))
                                                  : QString();
}

const StagedRow *EntityEditor::staged(int row) const
{
    return m_edits.isEmpty() ? nullptr : m_edits.find(rowKey(row));
}

QVariant EntityEditor::cellValue(int row, int column, bool *isDefault) const
{
    *isDefault = false;
    if (row < m_inserts.size()) {
        const StagedRow *s = m_edits.find(m_inserts[row]);
        if (s && s->changes.contains(column))
            return s->changes.value(column);
        *isDefault = true;
        return QVariant();
    }
    const RowData *r = dbRow(row);
    if (!r)
        return QVariant();
    if (!m_edits.isEmpty())
        if (const StagedRow *s = m_edits.find(rowKey(row)); s && s->changes.contains(column))
            return s->changes.value(column);
    return r->values.value(column);
}

QVariantList EntityEditor::rowValues(int row) const
{
    QVariantList values;
    if (row >= m_inserts.size() && !dbRow(row))
        return values;
    bool isDefault = false;
    for (int c = 0; c < int(m_loader->table().columns.size()); ++c)
        values << cellValue(row, c, &isDefault);
    return values;
}

std::optional<QHash<int, QVariant>> EntityEditor::copyOfRow(int row) const
{
    const QVariantList values = rowValues(row);
    if (values.isEmpty())
        return std::nullopt;
    QHash<int, QVariant> copy;
    for (int c = 0; c < values.size(); ++c) {
        const ColumnInfo &info = m_loader->table().columns[c];
        // The copy gets a fresh key from the default (gen_random_uuid(), identity, serial).
        if (info.readOnly() || (info.primaryKey && info.hasDefault()))
            continue;
        bool isDefault = false;
        cellValue(row, c, &isDefault);
        if (!isDefault)
            copy.insert(c, values[c]);
    }
    return copy;
}

bool EntityEditor::setValue(int row, int column, const QVariant &value)
{
    if (m_saving)
        return false; // never staged behind a running save's back
    noteEdit();
    if (row < m_inserts.size()) {
        m_edits.setInsertValue(m_inserts[row], column, value);
    } else {
        const RowData *r = dbRow(row);
        if (!r)
            return false;
        m_edits.setValue(primaryKeyOf(*r), r->xmin, r->values, column, value);
    }
    emit rowChanged(row);
    emit pendingChanged(m_edits.count());
    return true;
}

int EntityEditor::insertNewRow(const QHash<int, QVariant> &values)
{
    if (m_saving)
        return -1;
    noteEdit();
    const int position = int(m_inserts.size());
    emit aboutToInsertRow(position);
    m_edits.addInsert(values);
    refreshInserts();
    emit rowInserted();
    emit pendingChanged(m_edits.count());
    return position;
}

void EntityEditor::removeInsert(int row)
{
    emit aboutToRemoveRow(row);
    m_edits.remove(m_inserts[row]);
    refreshInserts();
    emit rowRemoved();
}

void EntityEditor::deleteRows(const QList<int> &rows)
{
    if (m_saving)
        return;
    noteEdit();
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), std::greater<int>());
    for (const int row : sorted) {
        if (row < m_inserts.size()) {
            removeInsert(row);
        } else if (const RowData *r = dbRow(row)) {
            m_edits.markDeleted(primaryKeyOf(*r), r->xmin, r->values);
            emit rowChanged(row);
        }
    }
    emit pendingChanged(m_edits.count());
}

void EntityEditor::revertAll()
{
    emit aboutToReset();
    m_edits.clear();
    refreshInserts();
    emit resetDone();
    emit pendingChanged(0);
}

void EntityEditor::revertRow(int row)
{
    if (row < m_inserts.size()) {
        removeInsert(row);
    } else {
        m_edits.remove(rowKey(row));
        emit rowChanged(row);
    }
    emit pendingChanged(m_edits.count());
}

SavePlan EntityEditor::savePlan() const
{
    return SavePlanner::plan(m_loader->table(), m_edits);
}

Job *EntityEditor::save(const SavePlan &plan)
{
    SessionWorker *worker = m_loader->workWorker();
    if (m_saving || plan.isEmpty() || !worker)
        return nullptr;
    m_saving = true;
    m_savingPlan = plan;
    m_edits.clearErrors();
    QPointer<EntityEditor> self(this);
    auto *job
        = new SaveJob(tr("Save %n change(s) to %1", nullptr, int(plan.statements.size()))
                          .arg(m_loader->table().displayName()),
                      m_loader->table(), plan, m_madeOn, this, [self](const SaveResult &result) {
                          if (self)
                              self->onSaved(result);
                      });
    // A save dropped before it ran (its worker retired) reports as cancelled.
    connect(job, &Job::finished, this, [self, job = QPointer<Job>(job)](bool ok, const QString &s) {
        Q_UNUSED(ok)
        if (!self || !self->m_saving || self->m_saveJob != job)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, s] {
                if (!self || !self->m_saving)
                    return;
                SaveResult r;
                r.cancelled = true;
                r.message = s;
                self->onSaved(r);
            },
            Qt::QueuedConnection);
    });
    m_saveJob = job;
    worker->post(job);
    return job;
}

bool EntityEditor::mayCascade(const SavePlan &plan) const
{
    return CascadeMeter::mayCascade(m_loader->table(), plan);
}

Job *EntityEditor::measureCascade(const SavePlan &plan, int timeoutMs, QObject *receiver,
                                  std::function<void(const Result<CascadeReport> &)> done)
{
    SessionWorker *worker = m_loader->workWorker();
    if (!worker || plan.isEmpty())
        return nullptr;
    auto *job = new CascadeJob(m_loader->table(), plan, timeoutMs, receiver, std::move(done));
    worker->post(job);
    return job;
}

void EntityEditor::cancelSave()
{
    if (m_saving && m_saveJob)
        m_saveJob->cancel();
}

void EntityEditor::onSaved(const SaveResult &saved)
{
    if (!m_saving)
        return;
    m_saving = false;
    m_saveJob = nullptr;
    SaveResult result = saved;
    if (result.ok) {
        // Only what this save wrote leaves the staged edits (nothing could be staged during it,
        // but nothing is dropped on that assumption).
        emit aboutToReset();
        for (const SaveStatement &s : m_savingPlan.statements)
            m_edits.remove(s.rowKey);
        refreshInserts();
        emit resetDone();
        m_loader->reload();
        emit pendingChanged(m_edits.count());
    } else {
        for (RowConflict &c : result.conflicts)
            if (const StagedRow *s = m_edits.find(c.rowKey)) {
                c.original = s->original;
                c.ours = s->ours();
            }
        if (!result.failedRowKey.isEmpty())
            m_edits.setError(result.failedRowKey, result.failedColumn, result.message);
        emit allRowsChanged();
    }
    m_savingPlan = SavePlan();
    emit saveFinished(result);
}

void EntityEditor::keepMine(const RowConflict &conflict)
{
    if (conflict.deletedByThem) {
        takeTheirs(conflict);
        return;
    }
    m_edits.rebase(conflict.rowKey, conflict.theirXmin, conflict.theirs);
    m_loader->reload();
}

void EntityEditor::takeTheirs(const RowConflict &conflict)
{
    m_edits.remove(conflict.rowKey);
    m_loader->reload();
    emit pendingChanged(m_edits.count());
}

void EntityEditor::resetDiscarding(const std::function<void()> &reset)
{
    m_clearOnReset = true;
    reset();
    m_clearOnReset = false;
}

void EntityEditor::loaderAboutToReset()
{
    if (m_clearOnReset) {
        m_edits.clear();
        refreshInserts();
    }
}

} // namespace uaip
