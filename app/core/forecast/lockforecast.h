#pragma once

#include "relationlock.h"
#include "relationrename.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// What one migration statement will lock (StatementLockForecast): one entry per relation it
// names. Plain reads (ACCESS SHARE of the tables a query reads) are not listed. A statement of a
// kind the forecast does not know is notChecked — never taken as locking nothing.
struct LockForecast
{
    QList<RelationLock> locks;
    bool notChecked = false;
    // The statement may change the session's search_path (LockForecastTree::changesSearchPath):
    // unqualified names after it are read in every schema (PlanForecastReader).
    bool changesSearchPath = false;
    // The statement keeps what earlier statements proved NOT NULL by a CHECK
    // (LockForecastTree::keepsNotNullProofs); false: PlanForecastReader forgets every proof.
    bool keepsNotNullProofs = false;
    // The names the statement gives relations or schemas (LockForecastTree::renames).
    QList<RelationRename> renames;
    // Sentences for the reader: what the entries do not say (CASCADE reaching tables the
    // statement does not name, the functions a statement calls, why it is not checked).
    QStringList notes;

    // Adds the lock, or merges it into the entry for the same relation: the stronger mode, the
    // rewrite and scan flags of both, both online forms.
    void add(const RelationLock &lock);
    // Adds the sentence unless it is there already.
    void note(const QString &text);
    // Marks the forecast as not checked, saying why.
    void markNotChecked(const QString &why);
    // The entry for the relation (as written); nullptr when there is none.
    const RelationLock *find(const QString &relation) const;
};

} // namespace uaip
