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
    // It runs nothing: downFromSchema, and the up.sql changes no schema (data only) or only
    // what is held back; or downKeptNoOp. "No down needed", never "proved".
    bool downRunsNothing = false;
    // The project's own down had no statement, only comments ("-- do nothing"): its deliberate
    // no-op, kept with its comments and SELECT 1; (so that it runs), never replaced by a
    // generated one. downRunsNothing too.
    bool downKeptNoOp = false;
    bool noTransaction = false; // the tool ran it outside a transaction
    bool ownTransactionRemoved = false; // the file's own BEGIN; ... COMMIT; was removed
    // an earlier import's folder, kept byte for byte (a Flyway repeatable's text before it
    // changed: FlywayRepeatables)
    bool kept = false;
    // A Flyway Java migration's stub: its up.sql and down.sql name the class and refuse to run
    // until written by hand (FlywayJavaMigrations)
    QString javaClass;
};

} // namespace uaip
