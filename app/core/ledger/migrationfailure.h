#pragma once

#include "error/error.h"
#include "sqlparse/textposition.h"

#include <QString>

namespace uaip {

// Where and why a migration failed: file:line:col, the statement, and the error: the
// server's (Error::server()) where the server spoke, else ours with its code (Cancelled,
// Refused, BadInput for a script that cannot be split, Connection when the connection went).
struct MigrationFailure
{
    QString version;
    QString name;
    QString file;
    TextPosition position{1, 1};
    QString statement;
    Error error;

    QString location() const
    {
        return QStringLiteral("%1:%2:%3").arg(file).arg(position.line).arg(position.column);
    }
    QString describe() const { return location() + QStringLiteral(": ") + error.toString(); }
};

} // namespace uaip
