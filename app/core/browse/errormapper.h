#pragma once

#include "savestatement.h"
#include "tableinfo.h"

#include "error/pgerror.h"

namespace uaip {

class PgConnection;

// Maps a server error of a save statement back to a column of the table: the column the
// server names (NOT NULL), else the columns of the named constraint (CHECK, UNIQUE, FOREIGN
// KEY, or a unique index) preferring one the statement writes; for a data error without a
// column (an invalid enum label, a malformed uuid or number) each written value is cast to
// its column's type, alone, to find the one the server refuses.
class ErrorMapper
{
public:
    static QString column(const PgError &error, const TableInfo &table,
                          const SaveStatement &statement, PgConnection *probe);
};

} // namespace uaip
