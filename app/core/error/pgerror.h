#pragma once

#include <QString>

namespace uaip {

// Everything libpq tells about a failed command, kept together so callers can say
// exactly what went wrong and where (statement position, constraint, table.column).
struct PgError
{
    QString sqlState;
    QString severity;
    QString message;
    QString detail;
    QString hint;
    QString context;
    QString schema;
    QString table;
    QString column;
    QString constraint;
    int statementPosition = 0; // 1-based character position in the statement, 0 when unknown
    // A command of a pipeline that did not run (PGRES_PIPELINE_ABORTED): an earlier command of
    // its pipeline failed, or a cancel stopped the sending before it. No SQLSTATE: the server
    // said nothing about this command itself. Error(PgError) makes it a Server error.
    bool notRun = false;
    // libpq's own failure, no server's: no result came, the server closed the connection, the
    // socket failed, or it was cut after an unanswered cancel. No SQLSTATE (none is made up):
    // Error(PgError) makes it a Connection error.
    bool connectionLost = false;

    bool isSet() const { return !message.isEmpty() || notRun || connectionLost; }
    // "ERROR 42P01: relation "x" does not exist\nDETAIL: ...\nHINT: ..."
    QString toString() const;
};

} // namespace uaip
