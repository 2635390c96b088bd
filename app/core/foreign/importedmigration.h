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
    // downFromSchema, and it runs nothing: the up.sql changes no schema (data only) or only
    // what is held back. "No down needed, data not restored", never "proved".
    bool downRunsNothing = false;
    bool noTransaction = false; // the tool ran it outside a transaction
    bool ownTransactionRemoved = false; // the file's own BEGIN; ... COMMIT; was removed
    // an earlier import's folder, kept byte for byte (a Flyway repeatable's text before it
    // changed: FlywayRepeatables)
    bool kept = false;
};

} // namespace uaip
