#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace uaip {

// What import-migrations is told besides the files: Flyway placeholder values
// (--placeholder NAME=VALUE; names as Flyway matches them, case-insensitively), the tool's
// history table (--table; Flyway's ${flyway:table}) and the entries of the source directory to
// leave out (--exclude GLOB: a file's or migration folder's name, as a shell matches it; a
// project's own TypeScript data migrations beside Prisma's folders).
struct ImportOptions
{
    QHash<QString, QString> placeholders; // name (lower case) -> value
    QString table;
    QStringList exclude;
    // the directory an earlier import wrote, being replaced (--force): its Flyway repeatables'
    // folders are kept (FlywayRepeatables)
    QString previousOut;
    // Flyway: the folders of its Java migrations (--java DIR; FlywayJavaMigrations)
    QStringList javaDirs;
};

} // namespace uaip
