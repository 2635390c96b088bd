#pragma once

#include "onlinecatalog.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace uaip {

struct OnlineChangeScripts;

// The expand and contract of a change that copies a column into a new one beside it
// (OnlineChangeWriter): RENAME COLUMN a TO b (the copy is b, of a's type, kept equal both
// ways by a trigger) and ALTER COLUMN c TYPE T [USING expr] (the copy is a helper column of
// type T, kept = expr of the row by a trigger, renamed to c by the contract).
//
// Expand up (no transaction, batched): ADD COLUMN; the sync function and its BEFORE INSERT OR
// UPDATE trigger; the backfill; NOT NULL as a CHECK added NOT VALID, then validated; the
// column's plain indexes built again on the copy CONCURRENTLY under temporary names; its
// comment. Contract up (one transaction): trigger and function dropped, the default, SET NOT
// NULL (the valid CHECK spares its scan), the CHECK dropped, the old column dropped, the copy
// renamed (a type change), the indexes renamed to the old ones' names. The downs go back.
class OnlineColumnCopy
{
public:
    struct Plan
    {
        bool typeChange = false; // else a rename
        QString schema; // unquoted: where the table is (the function goes there too)
        QString table; // unquoted
        OnlineCatalog::Column old;
        QString copy; // unquoted: the new name, or the helper column of a type change
        QString copyType; // SQL text: the type of the copy (with its COLLATE clause)
        QByteArray usingExpr; // a type change's USING, as written; empty: none
        QList<OnlineCatalog::Index> indexes; // plain ones, made again on the copy
        QList<OnlineCatalog::Grant> grants; // the old column's own, given to the copy
        QString hash; // of the change: names the helper objects
        QString describe; // the change in one line (OnlineChange::describe)
    };

    explicit OnlineColumnCopy(Plan plan);
    void write(OnlineChangeScripts &scripts, const QString &expandVersion) const;

    // The helper objects' names (unquoted).
    static QString helperName(const QString &hash, const QString &suffix);

private:
    QString table() const; // schema.table, quoted
    QString qualified(const QString &name) const; // schema.name, quoted
    QString tempIndex(qsizetype i) const;
    QString trigger() const;
    QString function() const;
    QString check() const; // the copy's CHECK (copy IS NOT NULL)
    QString oldCheck() const; // the old column's, while the contract's down makes it again

    QString syncFunction() const; // CREATE FUNCTION ... (the trigger's)
    QString syncTrigger() const; // CREATE TRIGGER ...
    QString backfill() const; // UPDATE of the copy
    QString indexOn(const OnlineCatalog::Index &index, const QString &column,
                    const QString &name) const;
    QString statistics(const QString &column) const;
    QStringList grants(const QString &column) const;
    QStringList notNullThroughCheck(const QString &column, const QString &check,
                                    bool keepCheck) const;

    QString expandUp(const QString &header) const;
    QString expandDown() const;
    QString contractUp(const QString &header) const;
    QString contractDown() const;

    Plan m_plan;
};

} // namespace uaip
