#pragma once

#include "lockforecast.h"
#include "textposition.h"

#include <QString>

namespace uaip {

// The lock forecast of one statement of a migration file, where it stands (MigrationLockForecast).
struct StatementForecast
{
    TextPosition start; // line:column of the statement's first token in its file
    QString head; // the statement's first line, at most 80 characters
    LockForecast forecast;
};

} // namespace uaip
