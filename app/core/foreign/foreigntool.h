#pragma once

#include "foreignchecksum.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Another migration tool whose history table this console reads (never writes): its table's
// default name, the exact columns it creates (name and format_type, in order), the statement
// that reads it into ForeignEntry rows, and how its entries name a migration. One table of
// tools (all()), read by one detector and one reader.
struct ForeignTool
{
    QString id; // typeorm, prisma, flyway, dbmate, golang-migrate, node-pg-migrate, diesel
    QString displayName; // TypeORM, Prisma, ...
    QString defaultTable;
    QStringList columns; // "name type" as format_type() prints it, in column order
    // The default names of the tool's older versions (Flyway 4 and earlier: schema_version),
    // looked for as the default is, and the columns its older versions created (Flyway 3:
    // version_rank first), matched as the tool's
    QStringList legacyTables;
    QList<QStringList> legacyColumns;
    // A table of any name with exactly the tool's columns (no more, in its order) is the tool's
    // history too, looked for by the column its shape starts with (Flyway's ten columns are no
    // other table's): a table name configured in the project, found without --table
    bool foundByShape = false;
    QString readSql; // foreign/sql/<readSql>.sql, {{table}} = the quoted schema.table
    bool keepsName = false; // entries name their migration (matched by version and name)
    bool digitsOnlyVersion = false; // diesel: a folder's version with its '-' removed
    bool cumulative = false; // golang-migrate: its one row means "everything up to here"
    // The tool's own order of what it applied (its next rollback is the last): by version
    // (dbmate, golang-migrate, diesel), else the order readSql returns the rows in (Flyway's
    // installed_rank, TypeORM's id, Prisma's finished_at then name, node-pg-migrate's run_on
    // then id).
    bool orderedByVersion = false;
    QString folderPattern; // what a matching folder looks like, for messages
    // The checksum the tool records of a migration file (Flyway, Prisma), which adopt compares
    ForeignChecksum::Kind checksum = ForeignChecksum::Kind::None;

    static const QList<ForeignTool> &all();
    static const ForeignTool *find(const QString &id);
    static QStringList ids();
};

} // namespace uaip
