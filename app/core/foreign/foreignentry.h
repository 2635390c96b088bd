#pragma once

#include <QString>

namespace uaip {

// One row of another tool's history, in the same words for every tool.
struct ForeignEntry
{
    QString ref; // the row as the tool keys it: "id=3", "installed_rank=5", "version=2024..."
    QString version; // the version part ("1700000000000", "1.2", "20240101120000")
    QString name; // the name part without the version ("CreateUsers", "init"); empty if none
    QString foreignName; // the migration as the tool names it ("CreateUsers1700000000000")
    QString appliedAt; // ISO 8601 UTC; empty where the tool keeps no time (TypeORM, dbmate)
    QString checksum; // where the tool keeps one (Prisma, Flyway)
    QString state; // applied | failed | dirty | rolled back
    // versioned; Flyway also: repeatable | undo | baseline | schema | deleted
    QString kind;
    // The tool ran code, not a file (Flyway's JDBC and SPRING_JDBC rows: a Java migration class,
    // foreignName): there is no file whose checksum could be compared
    bool fromCode = false;

    bool isApplied() const { return state == QLatin1String("applied"); }
};

} // namespace uaip
