#pragma once

#include "lint/validationproblem.h"
#include "migrationversion.h"
#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitresult.h"

#include <QByteArray>
#include <QString>

namespace uaip {

// One migration folder: VERSION_name/{up.sql,down.sql}.
struct Migration
{
    MigrationVersion version;
    QString name;
    QString directory; // folder path (may be a ":/migrations/..." resource path)
    QByteArray upSql;
    QByteArray downSql;
    bool hasDown = false;
    QString upChecksum;
    QString downChecksum;
    // Checksum::withByteOrderMark of a file that starts with a BOM (else empty): ledgers
    // written before the BOM was left out of the checksum hold this one.
    QString upChecksumWithBom;
    QString downChecksumWithBom;
    MigrationDirectives upDirectives;
    MigrationDirectives downDirectives;
    SqlSplitResult upSplit; // statements of up.sql (split once, when the folder is read)
    SqlSplitResult downSplit;
    // What is wrong with up.sql / down.sql itself (not valid UTF-8, unreadable, no statement, a
    // bad directive). Such a migration is still listed (status shows it, an applied one keeps
    // its place), but no plan that runs the file gets past the plan check.
    QList<ValidationProblem> upProblems;
    QList<ValidationProblem> downProblems;

    // Whether a ledger's checksum is this file's (either way of hashing a leading BOM).
    bool upMatches(const QString &checksum) const
    {
        return checksum == upChecksum
            || (!upChecksumWithBom.isEmpty() && checksum == upChecksumWithBom);
    }
    bool downMatches(const QString &checksum) const
    {
        return checksum == downChecksum
            || (!downChecksumWithBom.isEmpty() && checksum == downChecksumWithBom);
    }

    QString id() const { return version.text() + u'_' + name; }
    QString upPath() const { return directory + QStringLiteral("/up.sql"); }
    QString downPath() const { return directory + QStringLiteral("/down.sql"); }
};

} // namespace uaip
