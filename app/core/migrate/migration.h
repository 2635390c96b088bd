#pragma once

#include "migrationdirectives.h"
#include "migrationversion.h"
#include "sqlsplitresult.h"

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
    MigrationDirectives upDirectives;
    MigrationDirectives downDirectives;
    SqlSplitResult upSplit; // statements of up.sql (split once, when the folder is read)
    SqlSplitResult downSplit;

    QString id() const { return version.text() + u'_' + name; }
    QString upPath() const { return directory + QStringLiteral("/up.sql"); }
    QString downPath() const { return directory + QStringLiteral("/down.sql"); }
};

} // namespace uaip
