#pragma once

#include "indexaction.h"

#include <QByteArray>
#include <QString>

namespace uaip {

// An index action as a migration folder (IndexMigrationBuilder): its files, as proved on a
// sandbox, and what the proof saw.
struct IndexMigration
{
    IndexAction action;
    QString targetLevel; // the version the live database is at ("" = nothing applied)
    QString folderName; // VERSION_name
    QByteArray upSql;
    QByteArray downSql;
    QString proof; // what was run on the sandbox and what it showed, one sentence
};

} // namespace uaip
