#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

class EntityModel;

// The Entities view's status line: without an open table, what to do (or why there is none);
// with one, its name and rows (exact, loaded or estimated), what just happened, what runs
// (saving, counting, loading) and the pending changes.
class EntitiesStatusText
{
    Q_DECLARE_TR_FUNCTIONS(uaip::EntitiesStatusText)

public:
    // connected: a database is set; requested: schema.name of the table last asked for;
    // notice: what just happened (saved, cancelled, ...), or empty.
    static QString describe(const EntityModel &model, bool connected, const QString &requested,
                            const QString &notice);

private:
    // The open table's rows: the exact count, or what is loaded and the planner's estimate.
    static QString rows(const EntityModel &model);
};

} // namespace uaip
