#pragma once

#include <QHash>
#include <QString>
#include <QVariantList>

namespace uaip {

// One row with staged (unsaved) changes. Keyed by its primary key, not by its position, so it
// survives sorting, filtering and reloading. Remembers the row version (xmin) it was based
// on: Save refuses to overwrite a row someone else changed meanwhile.
struct StagedRow
{
    enum class Kind { Update, Insert, Delete };

    Kind kind = Kind::Update;
    QString key; // StagedEdits::keyFor(primaryKey), or "new:N" for an insert
    QVariantList primaryKey; // Update, Delete
    QString xmin; // Update, Delete: the version the edit is based on
    QVariantList original; // Update, Delete: the values as loaded
    QHash<int, QVariant> changes; // column -> new value (Update, Insert); null = SQL NULL
    QString errorColumn; // where the last Save failed, if it failed on this row
    QString errorMessage;

    // Our version of the row: the original values with the changes applied.
    QVariantList ours() const
    {
        QVariantList v = original;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            if (it.key() < v.size())
                v[it.key()] = it.value();
        return v;
    }
};

} // namespace uaip
