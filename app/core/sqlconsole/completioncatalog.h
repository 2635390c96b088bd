#pragma once

#include "db/dbresult.h"

#include <QStringList>

namespace uaip {

class PgConnection;

// The names the SQL editor completes: schemas, tables, views and columns of the database
// (system schemas apart), read from the catalog.
class CompletionCatalog
{
public:
    static constexpr int kMaxNames = 20000;
    static DbResult<QStringList> read(PgConnection &connection, int limit = kMaxNames);
};

} // namespace uaip
