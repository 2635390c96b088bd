#pragma once

#include "error/pgerror.h"
#include "sqlparse/textposition.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// Why a run stopped: the server's error (SQLSTATE, message, detail, hint), a syntax error
// found before anything was sent, or a refusal (a write on a production profile without the
// database name), with the place in the script it points at.
struct SqlRunError
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlRunError)

public:
    enum class Kind {
        Server, // the server refused the statement (or the connection failed)
        Syntax, // the parser refused the script; nothing was sent
        NeedsConfirmation, // a write on a production profile without the database name typed
        Refused, // not allowed on this profile (read-only guard)
    };
    Kind kind = Kind::Server;
    PgError error;
    int statementIndex = -1; // in the run; -1 when none
    int scriptOffset = 0; // UTF-8 byte offset in the script
    TextPosition position; // line:col in the script

    // "3:14: ERROR 42P01: relation "x" does not exist\nHINT: ..."
    QString toString() const
    {
        return position.toString() + QStringLiteral(": ") + error.toString();
    }
};

} // namespace uaip
