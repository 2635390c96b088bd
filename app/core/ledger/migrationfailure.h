#pragma once

#include "error/pgerror.h"
#include "sqlparse/textposition.h"

#include <QString>

namespace uaip {

// Where and why a migration failed: file:line:col, the statement, and the server's error.
struct MigrationFailure
{
    QString version;
    QString name;
    QString file;
    TextPosition position{1, 1};
    QString statement;
    PgError error;

    QString location() const
    {
        return QStringLiteral("%1:%2:%3").arg(file).arg(position.line).arg(position.column);
    }
    QString describe() const { return location() + QStringLiteral(": ") + error.toString(); }
};

} // namespace uaip
