#pragma once

#include "lockforecast.h"
#include "sqlparse/textposition.h"

#include <QByteArray>

namespace uaip {

// The lock forecast of one statement of a migration file, where it stands (MigrationLockForecast).
struct StatementForecast
{
    TextPosition start; // line:column of the statement's first token in its file
    // The statement's first line, at most 80 characters, UTF-8 (half a QString's size: a file of
    // 200,000 statements keeps one per statement).
    QByteArray head;
    LockForecast forecast;
};

} // namespace uaip
