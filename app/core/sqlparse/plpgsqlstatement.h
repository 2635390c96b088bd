#pragma once

#include <QString>

namespace uaip {

// One PL/pgSQL statement inside a DO block: its line in the block and its SQL.
struct PlpgsqlStatement
{
    int line = 1;
    QString query;
};

} // namespace uaip
