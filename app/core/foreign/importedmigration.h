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
    // The tool had no down: down.sql refuses to run, or (downFromSchema) was written from the
    // schema difference up.sql makes (ImportDownGenerator); either way, review it.
    bool downGenerated = false;
    bool downFromSchema = false;
    bool noTransaction = false; // the tool ran it outside a transaction
    bool ownTransactionRemoved = false; // the file's own BEGIN; ... COMMIT; was removed
};

} // namespace uaip
