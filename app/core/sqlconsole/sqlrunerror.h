#pragma once

#include "error/error.h"
#include "sqlparse/textposition.h"

#include <QString>

namespace uaip {

// Why a run stopped and where: the Error (the server's, SQLSTATE kept; Refused where the
// profile does not allow a statement; NeedsConfirmation for a write on a production profile
// without the database name typed), the statement it stopped at and the place in the script.
struct SqlRunError
{
    Error error;
    int statementIndex = -1; // in the run; -1 when none
    int scriptOffset = 0; // UTF-8 byte offset in the script
    TextPosition position; // line:col in the script
    // The server's position in the statement as the user wrote it (1-based; 0 when unknown).
    int statementPosition = 0;

    // The server refused it or the connection failed (not a refusal of the console's own).
    bool fromServer() const
    {
        return error.code() == ErrorCode::Server || error.code() == ErrorCode::Connection;
    }
    // "3:14: ERROR 42P01: relation "x" does not exist\nHINT: ..."
    QString toString() const
    {
        return position.toString() + QStringLiteral(": ") + error.toString();
    }
};

} // namespace uaip
