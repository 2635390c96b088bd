#pragma once

#include <QHash>
#include <QString>

namespace uaip {

// What import-migrations is told besides the files: Flyway placeholder values
// (--placeholder NAME=VALUE; names as Flyway matches them, case-insensitively) and the tool's
// history table (--table; Flyway's ${flyway:table}).
struct ImportOptions
{
    QHash<QString, QString> placeholders; // name (lower case) -> value
    QString table;
};

} // namespace uaip
