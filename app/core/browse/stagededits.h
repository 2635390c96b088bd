#pragma once

#include "stagedrow.h"

#include <QList>
#include <QStringList>

namespace uaip {

// The unsaved changes of one table: updated, inserted and deleted rows, in the order the
// user made them (Save replays them in that order).
class StagedEdits
{
public:
    static QString keyFor(const QVariantList &primaryKey);

    bool isEmpty() const { return m_rows.isEmpty(); }
    int count() const { return int(m_rows.size()); }
    const StagedRow *find(const QString &key) const;
    QStringList insertKeys() const;
    QList<StagedRow> rowsInOrder() const;

    // Stages column := value on a loaded row; a value equal to the original unstages it.
    void setValue(const QVariantList &primaryKey, const QString &xmin, const QVariantList &original,
                  int column, const QVariant &value);
    // A new row; values: the columns the user set (others get their default).
    QString addInsert(const QHash<int, QVariant> &values);
    void setInsertValue(const QString &key, int column, const QVariant &value);
    // Stages a delete (an inserted row is simply dropped).
    void markDeleted(const QVariantList &primaryKey, const QString &xmin,
                     const QVariantList &original);
    void remove(const QString &key);
    void clear();

    void setError(const QString &key, const QString &column, const QString &message);
    void clearErrors();
    // After a conflict, "keep mine": base the row on their version so Save overwrites it.
    void rebase(const QString &key, const QString &xmin, const QVariantList &original);

private:
    QHash<QString, StagedRow> m_rows;
    QStringList m_order;
    int m_nextInsert = 1;
};

} // namespace uaip
