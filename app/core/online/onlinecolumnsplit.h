#pragma once

#include "onlinecatalog.h"
#include "onlinesplitpart.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

struct OnlineChangeScripts;

// The expand and contract of a column split (OnlineChange::Kind::SplitColumn, written by
// OnlineChangeWriter): the old column's value becomes two or more new columns, each computed
// from the old row by its expression; while both shapes live, a writer of the new columns sets
// the old one by the join expression.
//
// Expand up (no transaction, batched): the new columns added (no default: no rewrite); a
// BEFORE INSERT OR UPDATE trigger that keeps the shapes in step — a row written through the old
// shape gets its new columns computed, one written through the new shape gets its old column
// joined, and a row whose shapes already agree (each new column is its expression of the old
// value, or the old value is the join of the new ones: what the backfills write) is left as
// written; the existing rows filled in committed batches. Contract up (one transaction): the
// trigger, its function and the old column dropped. The downs go back: the contract's adds the
// old column again (the table's last), joined from the new columns in batches, with its NOT
// NULL (through a CHECK validated first), default and comment.
class OnlineColumnSplit
{
public:
    struct Plan
    {
        QString schema; // unquoted
        QString table; // unquoted
        OnlineCatalog::Column old;
        QList<OnlineSplitPart> parts;
        QByteArray join; // the old value from the new columns, as written
        QString hash; // of the change: names the helper objects
        QString describe; // OnlineChange::describe
    };

    explicit OnlineColumnSplit(Plan plan);
    void write(OnlineChangeScripts &scripts, const QString &expandVersion) const;
    // The statement PostgreSQL runs for the same end shape (the new columns added, the old one
    // dropped): what the proof compares the expand and the contract with.
    QByteArray endShape() const;

private:
    QString table() const; // schema.table, quoted
    QString qualified(const QString &name) const; // schema.name, quoted
    QString function() const; // the sync function, schema-qualified and quoted
    QString trigger() const; // its trigger, quoted
    QString check() const; // the old column's CHECK (old IS NOT NULL) while the contract's down
                           // makes it NOT NULL again
    // An expression over the row being written (NEW): expr evaluated with the row's columns.
    QString overNew(const QByteArray &expr) const;
    QString newRow(const QString &prefix) const; // ROW(prefix.n1, prefix.n2, ...)
    QString computedRow() const; // ROW(each expression over NEW)

    QString syncFunction() const;
    QString syncTrigger() const;
    QString fillNew() const; // the expand's backfill
    QString fillOld() const; // the contract down's

    QString expandUp(const QString &expandVersion) const;
    QString expandDown() const;
    QString contractUp(const QString &expandVersion) const;
    QString contractDown() const;

    Plan m_plan;
};

} // namespace uaip
