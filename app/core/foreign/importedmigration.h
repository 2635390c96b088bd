#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// One migration converted from another tool's files into our VERSION_name/{up,down}.sql.
struct ImportedMigration
{
    QString folder; // VERSION_name
    QString source; // the tool's file (or folder), relative to the source directory
    QByteArray upSql;
    QByteArray downSql;
    bool downGenerated = false; // the tool had no down: down.sql refuses to run (review it)
    bool noTransaction = false; // the tool ran it outside a transaction
};

} // namespace uaip
