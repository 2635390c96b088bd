#pragma once

#include "ddlcatalog.h"

#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace uaip {

// Which changed objects SchemaChangePlanner drops and creates again rather than changing them in
// place, and which differ only in a renamed column's name (left as they are). Rebuilt: a view; a
// constraint, index, trigger, rule, policy or domain constraint whose definition changed; a
// function whose result type changed; and what such a change takes along: the foreign keys on a
// primary key or unique constraint rebuilt or dropped, the foreign keys whose columns (or the
// referenced ones) change type, and the views that read something rebuilt or dropped, or a table
// whose column changes type.
class SchemaRebuildFinder
{
public:
    // removed and changed: the keys of 'from' gone from 'to' and changed in it (renamed columns
    // and tables already left out); identifierRenames: per renamed table or column, its quoted
    // old and new name.
    SchemaRebuildFinder(const DdlCatalog &from, const DdlCatalog &to, const QSet<QString> &removed,
                        const QSet<QString> &changed,
                        const QList<std::pair<QString, QString>> &identifierRenames);

    void find();
    const QSet<QString> &rebuilt() const { return m_rebuilt; }
    const QSet<QString> &skipped() const { return m_skipped; }

private:
    // The changed objects rebuilt for their own change, or skipped.
    void findChanged();
    // A foreign key stands on the referenced table's primary key or unique constraint.
    void findForeignKeysOnKeys();
    // A foreign key whose columns or referenced columns change type.
    void findForeignKeysOnTypes();
    // Views that read what is rebuilt or dropped, until no more are found.
    void findViews();
    // 'from's definition with renamed columns' names replaced, for telling a constraint or an
    // index that only names a renamed column from one that changed.
    QString renamedDefinition(const QString &definition) const;
    bool columnTypeChanges(const QString &table) const;

    const DdlCatalog &m_from;
    const DdlCatalog &m_to;
    const QSet<QString> &m_removed;
    const QSet<QString> &m_changed;
    const QList<std::pair<QString, QString>> &m_identifierRenames;
    QSet<QString> m_rebuilt;
    QSet<QString> m_skipped;
};

} // namespace uaip
